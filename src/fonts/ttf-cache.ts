// Converted fonts (WOFF → TTF) are cached on disk: the conversion is slow and
// its output large, and render needs a file path to embed anyway.
// The cache lives in node_modules/.cache/bulletin/fonts/ (the usual place for
// tools' caches, wiped with node_modules), else $XDG_CACHE_HOME/bulletin/fonts,
// else the system temp folder. Entries are keyed by the source's name, size and
// mtime (a stat, not a read, on every run) and the converter's version, and
// written atomically (temp file + rename) so a crash or a concurrent build
// never leaves a half-written font that a later run would trust.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, extname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleUrl } from '../io/module-url.js';
import { woffToSfnt } from './woff.js';

/** Bump when the conversion's output changes, so stale cache entries are not reused. */
export const CONVERTER_VERSION = 1;

/** The node_modules folder this package runs from (found by walking up from this module). */
export function nodeModulesDir(from: string = dirname(fileURLToPath(bundleUrl()))): string | undefined {
  let dir = from;
  for (;;) {
    if (basename(dir) === 'node_modules') return dir;
    const candidate = join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Cache folders in order of preference. */
export function defaultCacheDirs(): string[] {
  const dirs: string[] = [];
  const nm = nodeModulesDir();
  if (nm) dirs.push(join(nm, '.cache', 'bulletin', 'fonts'));
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  dirs.push(join(xdg, 'bulletin', 'fonts'));
  dirs.push(join(tmpdir(), 'bulletin-fonts'));
  return dirs;
}

/** The cache file name for a source font: name, size, mtime and converter version. */
export function cacheName(source: string): string {
  const info = statSync(source);
  const stem = parse(source).name.replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `${stem}-${info.size}-${Math.trunc(info.mtimeMs)}-v${CONVERTER_VERSION}.ttf`;
}

let tempCounter = 0;

function writeAtomicSync(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter++}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    throw e;
  }
}

export interface CachedSfnt {
  /** The TTF/OTF to open and embed. */
  path: string;
  /** True when this call did the conversion (false: cache hit). */
  converted: boolean;
}

/**
 * The path of a plain sfnt for a WOFF 1.0 `source`, converting it on first use.
 * Tries each cache folder in turn; throws (with every folder's reason) only
 * when none can be written.
 */
export function cachedSfnt(source: string, cacheDirs: string[] = defaultCacheDirs()): CachedSfnt {
  const name = cacheName(source);
  for (const dir of cacheDirs) {
    const path = join(dir, name);
    if (existsSync(path)) return { path, converted: false };
  }
  if (extname(source).toLowerCase() === '.woff2') {
    throw new Error(`${source}: WOFF2 is not supported; convert it to TTF (e.g. with fonttools or woff2_decompress) or use the .woff file`);
  }
  const sfnt = woffToSfnt(readFileSync(source));
  const failures: string[] = [];
  for (const dir of cacheDirs) {
    const path = join(dir, name);
    try {
      writeAtomicSync(path, sfnt);
      return { path, converted: true };
    } catch (e) {
      failures.push(`${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  throw new Error(`cannot write the converted font ${name} to any cache folder (${failures.join('; ')})`);
}
