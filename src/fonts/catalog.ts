// The built-in fonts (npm packages in node_modules) and font specs.
// A spec is what an editor writes in fonts.yaml or a template:
//   `noto-serif-sc`, `noto-serif-sc:700`  a built-in font, optionally a weight
//   `fonts/FZKai.ttf`, `/abs/path.otf`     a font file (.ttf .otf .ttc .woff);
//                                          relative paths are resolved against
//                                          the folder of the file that names it
//   `FZKai`                                a bare name that is not built in: a
//                                          file FZKai.ttf/.otf/.ttc/.woff in one
//                                          of the fonts/ folders
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, parse, resolve } from 'node:path';
import { BulletinError, diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { resolveNearProgram } from '../io/lazy-require.js';

/** OpenType weight class → the style names the Google Fonts packages use in file names. */
const WEIGHT_NAMES: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

export interface BuiltinFont {
  name: string;
  family: string;
  /** Weights whose file is installed, ascending. */
  weights: number[];
  defaultWeight: number;
  /** Absolute path of the installed file for a weight (may be WOFF: see `needsConversion`). */
  file(weight: number): string | undefined;
}

function packageDir(pkg: string): string | undefined {
  try {
    return dirname(resolveNearProgram(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

function googleFont(name: string, family: string, pkg: string, filePrefix: string): BuiltinFont {
  const dir = packageDir(pkg);
  const file = (w: number): string | undefined => {
    const style = WEIGHT_NAMES[w];
    if (!dir || !style) return undefined;
    const path = join(dir, `${w}${style}`, `${filePrefix}_${w}${style}.ttf`);
    return existsSync(path) ? path : undefined;
  };
  const weights = Object.keys(WEIGHT_NAMES).map(Number).filter((w) => file(w) !== undefined);
  return { name, family, weights, defaultWeight: 400, file };
}

// fontsource names LXGW WenKai's files by CSS weight 300/500/700 and calls them
// all "latin", but each holds the whole font (30,4xx glyphs). Their OS/2
// weights are 300 (Light), 400 (Regular) and 700 (Bold): the "500" file is the
// Regular, so it is weight 400 here (500 is accepted as an alias).
const WENKAI_FILES: Record<number, string> = { 300: '300', 400: '500', 500: '500', 700: '700' };

function wenkai(): BuiltinFont {
  const dir = packageDir('@fontsource/lxgw-wenkai');
  const file = (w: number): string | undefined => {
    const css = WENKAI_FILES[w];
    if (!dir || !css) return undefined;
    const path = join(dir, 'files', `lxgw-wenkai-latin-${css}-normal.woff`);
    return existsSync(path) ? path : undefined;
  };
  const weights = [300, 400, 700].filter((w) => file(w) !== undefined);
  return { name: 'lxgw-wenkai', family: 'LXGW WenKai', weights, defaultWeight: 400, file };
}

let builtins: Map<string, BuiltinFont> | undefined;

/** The built-in fonts by name (`noto-serif-sc`, `noto-sans-sc`, `lxgw-wenkai`). */
export function builtinFonts(): Map<string, BuiltinFont> {
  builtins ??= new Map(
    [
      googleFont('noto-serif-sc', 'Noto Serif SC', '@expo-google-fonts/noto-serif-sc', 'NotoSerifSC'),
      googleFont('noto-sans-sc', 'Noto Sans SC', '@expo-google-fonts/noto-sans-sc', 'NotoSansSC'),
      wenkai(),
    ].map((f) => [f.name, f]),
  );
  return builtins;
}

export const FONT_FILE_EXTENSIONS = ['.ttf', '.otf', '.ttc', '.woff'];

/** True for a file that must be converted to TTF before fontkit/pdfkit use it. */
export function needsConversion(path: string): boolean {
  return extname(path).toLowerCase() === '.woff';
}

/** Where a spec was written, for error messages. */
export interface SpecOrigin {
  /** The role the spec is for. */
  role: string;
  /** The file and position that names it (fonts.yaml, a template), or a description. */
  at: SourcePoint;
  /** Folder that relative paths are resolved against. */
  baseDir: string;
  /** Human name of the layer: `built-in`, `fonts/fonts.yaml`, `template`. */
  layer: string;
}

export interface ResolvedSpec {
  spec: string;
  /** Stable id of the file, used as Face.key (`noto-serif-sc-400`, `user-fzkai`). */
  key: string;
  /** The font file as installed or given (may be a WOFF). */
  file: string;
  builtin?: { name: string; weight: number };
}

function describeBuiltins(): string {
  return [...builtinFonts().values()]
    .map((f) => `${f.name} (weights ${f.weights.length > 0 ? f.weights.join(', ') : 'none installed'}; default ${f.defaultWeight})`)
    .join(', ');
}

function fail(origin: SpecOrigin, rule: string, message: string): never {
  throw new BulletinError(diagnostic(origin.at, 'error', rule, message));
}

function looksLikePath(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || FONT_FILE_EXTENSIONS.includes(extname(spec).toLowerCase()) || extname(spec).toLowerCase() === '.woff2';
}

/** A file-system-safe key for a user font file. */
export function userKey(path: string): string {
  const stem = parse(path).name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `user-${stem || 'font'}`;
}

function checkFile(path: string, spec: string, origin: SpecOrigin): void {
  const ext = extname(path).toLowerCase();
  if (ext === '.woff2') {
    fail(origin, 'font-format',
      `role "${origin.role}": font "${spec}" (${origin.layer}) is WOFF2, which the PDF writer cannot use efficiently. Convert it to .ttf (e.g. \`woff2_decompress\`) or give the .woff/.ttf file instead.`);
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    fail(origin, 'font-file-missing',
      `role "${origin.role}": font file "${spec}" (${origin.layer}) not found at ${path}. Check the path (relative paths are resolved against ${origin.baseDir}), or use a built-in font: ${describeBuiltins()}.`);
  }
  if (!FONT_FILE_EXTENSIONS.includes(ext)) {
    fail(origin, 'font-format',
      `role "${origin.role}": "${spec}" (${origin.layer}) is not a font file: use a .ttf, .otf, .ttc or .woff file.`);
  }
}

/**
 * Resolves a spec to a font file. `searchDirs` (highest priority first) are
 * the fonts/ folders where a bare name may find `<name>.ttf` etc.
 * Throws a BulletinError naming the spec, where it came from, and what is allowed.
 */
export function resolveSpec(spec: string, origin: SpecOrigin, searchDirs: string[] = []): ResolvedSpec {
  const text = spec.trim();
  if (text === '') fail(origin, 'unknown-font', `role "${origin.role}": empty font spec (${origin.layer}). Use one of: ${describeBuiltins()}, or a path to a font file.`);
  if (looksLikePath(text)) {
    const path = isAbsolute(text) ? text : resolve(origin.baseDir, text);
    checkFile(path, text, origin);
    return { spec: text, key: userKey(path), file: path };
  }
  const m = /^([a-z0-9][a-z0-9-]*)(?::(\d{3}))?$/i.exec(text);
  const font = m ? builtinFonts().get(m[1].toLowerCase()) : undefined;
  if (m && font) {
    const weight = m[2] ? Number(m[2]) : font.defaultWeight;
    const file = font.file(weight);
    if (!file) {
      fail(origin, 'unknown-font',
        `role "${origin.role}": ${font.name} has no weight ${weight} installed (${origin.layer}, "${text}"). Installed weights: ${font.weights.join(', ')}.`);
    }
    const canonical = font.name === 'lxgw-wenkai' && weight === 500 ? 400 : weight;
    return { spec: text, key: `${font.name}-${canonical}`, file, builtin: { name: font.name, weight: canonical } };
  }
  // Not built in: a font file of that name in one of the fonts/ folders.
  const found: string[] = [];
  for (const dir of searchDirs) {
    for (const ext of FONT_FILE_EXTENSIONS) {
      const path = join(dir, text + ext);
      if (existsSync(path)) return { spec: text, key: userKey(path), file: path };
    }
    if (existsSync(dir)) found.push(dir);
  }
  fail(origin, 'unknown-font',
    `role "${origin.role}": unknown font "${text}" (${origin.layer}). Use a built-in name, optionally with a weight (\`noto-serif-sc:700\`): ${describeBuiltins()}; or a path to a .ttf/.otf/.ttc/.woff file${found.length > 0 ? `; or the name of a font file in ${found.join(', ')}` : ''}.`);
}
