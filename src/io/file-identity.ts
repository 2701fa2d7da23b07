// Which file a path names, through symbolic and hard links: its real path
// (every link in it followed) and, when it exists, its device and inode. Two
// paths name the same file when either agrees, so an output path can be told
// apart from every input however it is spelt.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

export interface FileIdentity {
  /** The path as given, absolute. */
  path: string;
  /** With every symbolic link followed; for a file not there yet, its folder's real path and its name. */
  real: string;
  /** Device and inode of an existing file (hard links share them). */
  inode?: string;
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
export function realPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent), basename(abs));
  }
}

export function identityOf(path: string): FileIdentity {
  const abs = resolve(path);
  const id: FileIdentity = { path: abs, real: realPath(abs) };
  try {
    const s = statSync(abs);
    if (s.isFile()) id.inode = `${s.dev}:${s.ino}`;
  } catch {
    // Not there (yet): only the path can match.
  }
  return id;
}

/** How `a` and `b` are the same file, or undefined when they are not. */
export function sameFile(a: FileIdentity, b: FileIdentity): 'same path' | 'symbolic link' | 'hard link' | undefined {
  if (a.path === b.path) return 'same path';
  if (a.real === b.real) return 'symbolic link';
  if (a.inode !== undefined && a.inode === b.inode) return 'hard link';
  return undefined;
}

/** Whether `path` (real) is `dir` (real) or inside it. */
export function isInside(path: string, dir: string): boolean {
  if (path === dir) return true;
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
