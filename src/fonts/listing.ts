// What `bulletin fonts` shows: each role's spec and chain, each face's name
// table (family, version, licence), glyph count and OpenType features, and
// how the bulletin's characters are covered.
//
// opentype.js reads the name and layout tables here; it is slow to load and
// large in memory (docs/design/FACTS.md), so it is imported dynamically and
// only by this command: nothing the build runs imports this module.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Face } from './face.js';
import type { FontSet } from './font-set.js';
import { codePointLabel } from './coverage.js';
import { isGlyphCharacter, type TextItem } from './collect-text.js';
import type * as OpenType from 'opentype.js';
import { lazyRequire } from '../io/lazy-require.js';

// opentype.js's CommonJS build (`bulletin fonts` only), through the loader that also works from the start-up snapshot.
const loadOpentype = lazyRequire<typeof OpenType>('opentype.js');

export interface FaceInfo {
  key: string;
  /** The file pdfkit embeds (a converted TTF for WOFF sources). */
  path: string;
  /** The installed or configured file, when different (the WOFF it was converted from). */
  source?: string;
  bytes: number;
  postscriptName: string;
  family: string;
  subfamily: string;
  version: string;
  /** `OFL-1.1` when the licence is the SIL Open Font License 1.1, else the licence text's first sentence. */
  license: string;
  licenseUrl?: string;
  glyphs: number;
  gsub: string[];
  gpos: string[];
}

export interface RoleCoverage {
  /** Distinct characters set in this role. */
  distinct: number;
  /** How many of them each face of the chain supplies, by face key. */
  byFace: Record<string, number>;
  /** Characters no face of the chain has, as `𠀀 U+20000`. */
  missing: string[];
}

export interface RoleInfo {
  role: string;
  spec: string;
  /** Where the spec comes from: `built-in`, a fonts.yaml, a template. */
  layer: string;
  chain: string[];
  coverage?: RoleCoverage;
}

export interface FontListing {
  roles: RoleInfo[];
  faces: FaceInfo[];
  coverage?: { characters: number; distinct: number; missing: string[] };
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function pick(name: Record<string, string> | undefined): string {
  return name?.en ?? (name ? Object.values(name)[0] : undefined) ?? '';
}

function shortLicense(text: string): string {
  if (/SIL Open Font License,? Version 1\.1/i.test(text)) return 'OFL-1.1';
  if (/Apache License,? Version 2\.0/i.test(text)) return 'Apache-2.0';
  const first = text.split(/(?<=\.)\s/)[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}…` : first || 'unknown';
}

async function describeFace(face: Face, source: string | undefined): Promise<FaceInfo> {
  const opentype = loadOpentype();
  const bytes = readFileSync(face.path);
  // lowMemory: glyphs are parsed on demand; names and layout tables are read in full.
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { lowMemory: true });
  const names = { ...font.names.macintosh, ...font.names.windows };
  const tags = (t: { features?: Array<{ tag: string }> } | undefined) => [...new Set((t?.features ?? []).map((f) => f.tag))].sort();
  const info: FaceInfo = {
    key: face.key,
    path: shown(face.path),
    bytes: statSync(face.path).size,
    postscriptName: face.postscriptName,
    // The typographic family (name IDs 16/17) groups weights: "Noto Serif SC" + "Black",
    // where the legacy names say "Noto Serif SC Black" + "Regular".
    family: pick(names.preferredFamily) || pick(names.fontFamily),
    subfamily: pick(names.preferredSubfamily) || pick(names.fontSubfamily),
    version: pick(names.version),
    license: shortLicense(pick(names.license)),
    glyphs: face.font.numGlyphs,
    gsub: tags(font.tables.gsub),
    gpos: tags(font.tables.gpos),
  };
  if (source && source !== face.path) info.source = shown(source);
  const url = pick(names.licenseURL);
  if (url) info.licenseUrl = url;
  return info;
}

function missingLabel(cp: number): string {
  return `${String.fromCodePoint(cp)} ${codePointLabel(cp)}`;
}

/** The listing for a font set, with coverage when the bulletin's text is given. */
export async function describeFonts(set: FontSet, items?: readonly TextItem[]): Promise<FontListing> {
  const sources = new Map<string, string>();
  for (const role of set.roles()) sources.set(set.chain(role).faces[0].key, set.resolved(role).file);
  const faces: FaceInfo[] = [];
  for (const face of set.faces()) faces.push(await describeFace(face, sources.get(face.key)));

  const roles: RoleInfo[] = set.roles().map((role) => {
    const r = set.resolved(role);
    return { role, spec: r.spec, layer: r.origin.layer, chain: set.chain(role).faces.map((f) => f.key) };
  });
  if (!items) return { roles, faces };

  const perRole = new Map<string, Set<number>>();
  let characters = 0;
  for (const item of items) {
    let set_ = perRole.get(item.role);
    if (!set_) perRole.set(item.role, (set_ = new Set()));
    for (const ch of item.text) {
      const cp = ch.codePointAt(0)!;
      if (!isGlyphCharacter(cp)) continue;
      characters++;
      set_.add(cp);
    }
  }
  const allDistinct = new Set<number>();
  const allMissing = new Set<number>();
  for (const info of roles) {
    const used = [...(perRole.get(info.role) ?? [])].sort((a, b) => a - b);
    const chain = set.chain(info.role);
    const byFace: Record<string, number> = Object.fromEntries(chain.faces.map((f) => [f.key, 0]));
    const missing: number[] = [];
    for (const cp of used) {
      allDistinct.add(cp);
      const r = chain.resolve(cp);
      if (r) byFace[r.face.key]++;
      else {
        missing.push(cp);
        allMissing.add(cp);
      }
    }
    info.coverage = { distinct: used.length, byFace, missing: missing.map(missingLabel) };
  }
  return {
    roles,
    faces,
    coverage: { characters, distinct: allDistinct.size, missing: [...allMissing].sort((a, b) => a - b).map(missingLabel) },
  };
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function list(labels: string[], max = 20): string {
  return labels.length <= max ? labels.join(', ') : `${labels.slice(0, max).join(', ')}, … (${labels.length - max} more)`;
}

/** The listing as text for a terminal. */
export function formatListing(listing: FontListing, title = 'Fonts'): string {
  const lines: string[] = [];
  const c = listing.coverage;
  lines.push(c ? `${title}: ${n(c.characters)} characters, ${n(c.distinct)} distinct, ${c.missing.length} missing` : title);
  if (c && c.missing.length > 0) lines.push(`  missing: ${list(c.missing)}`);
  lines.push('', 'Roles');
  const width = Math.max(...listing.roles.map((r) => r.role.length));
  for (const r of listing.roles) {
    lines.push(`  ${r.role.padEnd(width)}  ${r.spec}  (${r.layer})`);
    const pad = ' '.repeat(width + 4);
    lines.push(`${pad}chain: ${r.chain.join(' → ')}`);
    if (r.coverage) {
      const used = Object.entries(r.coverage.byFace).filter(([, k]) => k > 0).map(([key, k]) => `${key} ${n(k)}`);
      lines.push(`${pad}characters: ${n(r.coverage.distinct)} distinct${used.length > 0 ? ` (${used.join(', ')})` : ''}, ${r.coverage.missing.length} missing`);
      if (r.coverage.missing.length > 0) lines.push(`${pad}missing: ${list(r.coverage.missing)}`);
    }
  }
  lines.push('', 'Faces');
  for (const f of listing.faces) {
    lines.push(`  ${f.key}: ${f.family} ${f.subfamily} (${f.postscriptName}), ${f.version}, ${f.license}${f.licenseUrl ? ` <${f.licenseUrl}>` : ''}`);
    lines.push(`    file: ${f.path} (${mb(f.bytes)})${f.source ? `, converted from ${f.source}` : ''}`);
    lines.push(`    glyphs: ${n(f.glyphs)}; GSUB: ${f.gsub.join(' ') || '—'}; GPOS: ${f.gpos.join(' ') || '—'}`);
  }
  return lines.join('\n');
}
