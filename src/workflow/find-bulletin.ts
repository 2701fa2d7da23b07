// Which bulletin a command means when it is not given a folder, as git and
// cargo find their project from where you stand: the nearest folder, from the
// working directory upward, whose index.md opens with bulletin front matter,
// or whose content/ folder holds one; else `content/` in the project root
// (the nearest folder above holding package.json or .git). The search stops
// at the project root, so a stray index.md above the project is never taken.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface BulletinSearch {
  /** The bulletin folder found (absolute), or undefined. */
  dir: string | undefined;
  /** Every folder whose index.md was looked at, nearest first. */
  searched: string[];
  /** The project root the search stopped at, if one was found. */
  projectRoot: string | undefined;
}

/** How much of index.md is read to recognise its front matter. */
const HEAD_BYTES = 16 * 1024;

function head(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * True when `text` opens with a front-matter fence and the block has a
 * top-level `title:` line. Read as text, not parsed: a bulletin whose YAML is
 * broken further down is still found, and the loader then reports the error.
 */
export function hasBulletinFrontMatter(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return false;
  for (const line of lines.slice(1)) {
    if (line.trim() === '---' || line.trim() === '...') return false;
    if (/^title\s*:/.test(line)) return true;
  }
  return false;
}

export function isBulletinFolder(dir: string): boolean {
  const text = head(join(dir, 'index.md'));
  return text !== undefined && hasBulletinFrontMatter(text);
}

function isProjectRoot(dir: string): boolean {
  return existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function findBulletin(from: string = process.cwd()): BulletinSearch {
  const searched: string[] = [];
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    searched.push(dir);
    if (isBulletinFolder(dir)) return { dir, searched, projectRoot: undefined };
    const content = join(dir, 'content');
    if (isBulletinFolder(content)) return { dir: content, searched, projectRoot: undefined };
    if (isProjectRoot(dir)) return { dir: isFolder(content) ? content : undefined, searched, projectRoot: dir };
    if (dirname(dir) === dir) return { dir: undefined, searched, projectRoot: undefined };
  }
}
