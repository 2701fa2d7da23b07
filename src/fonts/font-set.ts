// The fonts of one build: roles resolved through the override layers
// (built-in < project fonts/ < bulletin fonts/ < template), each role's face
// chain, and a process-wide cache of opened faces so that every font file is
// read once per process however many font sets or chains use it
// (docs/design/ARCHITECTURE.md: fonts are loaded once per process and shared).
//
// Specs are checked when the set is loaded (so a wrong name or path fails
// before any work), but a face is opened only when a chain that needs it is
// first asked for: `check` or a small build does not read fonts it never uses.
import { realpathSync, statSync } from 'node:fs';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { needsConversion, resolveSpec, type ResolvedSpec, type SpecOrigin } from './catalog.js';
import { chainOf, openFace, type Face, type FaceChain } from './face.js';
import { readFontsYaml } from './fonts-yaml.js';
import { gridChainOf } from './grid-chain.js';
import { builtinLayer, chainRoles, DEFAULT_ROLES, mergeLayers, type RoleLayer } from './roles.js';
import { sfntProblem } from './sfnt-check.js';
import { cachedSfnt } from './ttf-cache.js';

export interface LoadFontSetOptions {
  /** The template's `fonts` map (role → spec), the highest layer. */
  roles?: Record<string, string>;
  /** Folder the template's relative font paths are resolved against (default: the working directory). */
  rolesBaseDir?: string;
  /** How to name the template in messages (default `template`). */
  rolesOrigin?: string;
  /**
   * fonts/ folders, lowest priority first (the project's, then the
   * bulletin's). Each may hold a fonts.yaml and font files; folders that do
   * not exist are skipped.
   */
  searchDirs: string[];
  /** Roles whose chain keeps CJK punctuation full-width (grid-chain.ts). Default: every role. */
  gridRoles?: string[];
  /** Where converted WOFF fonts are cached (default: ttf-cache.ts's folders). */
  cacheDirs?: string[];
}

/** A role as resolved: its spec, where the spec came from, and its file. */
export interface ResolvedRole extends ResolvedSpec {
  role: string;
  origin: SpecOrigin;
}

export interface FontSet {
  /** Every role with a font: the default roles in their order, then the others sorted. */
  roles(): string[];
  /** How a role's font was chosen. */
  resolved(role: string): ResolvedRole;
  /** The role's face followed by its fallbacks (roles.ts); opens the faces on first use. */
  chain(role: string): FaceChain;
  /** Every face of the set (opening any not yet open), in role order, without repeats. */
  faces(): Face[];
  /** The faces this set has opened so far (what layout can have used). */
  opened(): Face[];
}

const facesByFile = new Map<string, Face>();
const fileByKey = new Map<string, string>();

/**
 * Opens a resolved spec's file once per process, keyed by its real path and
 * its size and mtime: `build --watch` runs for hours, and a font replaced in
 * place must be read again.
 */
function openResolved(r: ResolvedRole, cacheDirs: string[] | undefined): Face {
  const real = realpathSync(r.file);
  const st = statSync(real);
  const version = `${real}\u0000${st.size}\u0000${st.mtimeMs}`;
  const known = facesByFile.get(version);
  if (known) return known;
  // Two user fonts in different folders can share a file name: keys must stay unique.
  let key = r.key;
  for (let n = 2; fileByKey.has(key) && fileByKey.get(key) !== real; n++) key = `${r.key}-${n}`;
  let face: Face;
  try {
    const path = needsConversion(real) ? cachedSfnt(real, cacheDirs).path : real;
    const problem = sfntProblem(path);
    if (problem) throw new Error(`the file is damaged: ${problem}`);
    face = openFace(key, path);
    if (typeof face.font.unitsPerEm !== 'number' || !face.font.unitsPerEm) throw new Error('no unitsPerEm');
  } catch (e) {
    // A parser tripping over damaged tables throws a TypeError or RangeError, whose text means nothing to an editor.
    const why = e instanceof TypeError || e instanceof RangeError ? 'the file is damaged' : (e as Error).message;
    throw new BulletinError(diagnostic(r.origin.at, 'error', 'font-unreadable',
      `role "${r.role}": cannot read font "${r.spec}" (${r.origin.layer}) at ${r.file}: ${why}. Give a valid .ttf, .otf, .ttc or .woff file.`));
  }
  fileByKey.set(key, real);
  facesByFile.set(version, face);
  return face;
}

/**
 * The role layers, lowest priority first: built-in fonts, the template's map,
 * then the fonts.yaml of each `searchDirs` folder (package, project, bulletin).
 * The template is a design shared by many issues, so a folder's fonts.yaml —
 * the local, more specific choice — overrides it.
 */
export function roleLayers(options: LoadFontSetOptions): RoleLayer[] {
  const layers: RoleLayer[] = [builtinLayer()];
  if (options.roles) {
    const file = options.rolesOrigin ?? 'template';
    layers.push({
      name: file,
      baseDir: options.rolesBaseDir ?? process.cwd(),
      entries: Object.entries(options.roles).map(([role, spec]) => ({ role, spec, at: { file, line: 0, column: 0 } })),
    });
  }
  for (const dir of options.searchDirs) {
    const layer = readFontsYaml(dir);
    if (layer) layers.push(layer);
  }
  return layers;
}

export function loadFontSet(options: LoadFontSetOptions): FontSet {
  const layers = roleLayers(options);
  // Bare names look for font files in the highest-priority folder first.
  const searchDirs = [...options.searchDirs].reverse();
  const resolved = new Map<string, ResolvedRole>();
  // Every layer's specs are checked, also those a later layer overrides: a
  // typo in fonts.yaml is reported rather than silently masked.
  for (const layer of layers) {
    for (const [role, entry] of mergeLayers([layer])) {
      resolved.set(role, { ...resolveSpec(entry.spec, entry.origin, searchDirs), role, origin: entry.origin });
    }
  }
  const defaults = Object.keys(DEFAULT_ROLES);
  const order = [...defaults, ...[...resolved.keys()].filter((r) => !defaults.includes(r)).sort()];
  // Every role by default: Chinese text in any face sets its punctuation on the grid.
  const grid = options.gridRoles ? new Set(options.gridRoles) : undefined;
  const chains = new Map<string, FaceChain>();
  const openedFaces = new Set<Face>();
  const open = (r: ResolvedRole): Face => {
    const face = openResolved(r, options.cacheDirs);
    openedFaces.add(face);
    return face;
  };

  const resolvedRole = (role: string): ResolvedRole => {
    const r = resolved.get(role);
    if (!r) throw new Error(`no font role "${role}" (roles: ${order.join(', ')})`);
    return r;
  };

  const chain = (role: string): FaceChain => {
    let c = chains.get(role);
    if (!c) {
      resolvedRole(role);
      // One slot per distinct file, opened when a character first needs it.
      const files = new Map<string, ResolvedRole>();
      for (const r of chainRoles(role)) {
        const rr = resolved.get(r);
        if (rr && !files.has(rr.file)) files.set(rr.file, rr);
      }
      const slots = [...files.values()].map((rr) => () => open(rr));
      c = !grid || grid.has(role) ? gridChainOf(role, slots) : chainOf(role, slots);
      chains.set(role, c);
    }
    return c;
  };

  return {
    roles: () => [...order],
    resolved: resolvedRole,
    chain,
    faces: () => [...new Set(order.map((r) => open(resolved.get(r)!)))],
    opened: () => [...openedFaces],
  };
}
