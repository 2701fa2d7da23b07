// Where an image reference (`![说明](photo.jpg)`) points: the URL as written,
// percent-decoded, relative to the Markdown file's folder. Layout
// (src/layout/blocks.ts) and the image stage (prepare.ts) both call
// imagePath, so the stage's table is found by the path layout computes.
import { statSync, type Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { realPath } from '../io/file-identity.js';
import { insideRoots, ROOT_ADVICE } from '../io/roots.js';

/** A URL scheme (`https:`, `data:`, `file:`), not a Windows drive letter. */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    // A stray `%` is a character of the file name.
    return url;
  }
}

/** The absolute path an image URL names, for a Markdown file in `baseDir`. */
export function imagePath(baseDir: string, url: string): string {
  const text = decoded(url);
  return isAbsolute(text) ? resolve(text) : resolve(baseDir, text);
}

export interface ImageReference {
  /** The URL as written in the Markdown. */
  url: string;
  /** The Markdown file's folder (absolute). */
  baseDir: string;
  at: SourcePoint;
}

/**
 * The file a reference names, or the error at its Markdown line: a URL with a
 * scheme, a path leading out of the roots (checked before the file is
 * opened), no file there, or not a regular file.
 */
export function locateImage(ref: ImageReference, roots: readonly string[]): { path: string } | Diagnostic {
  const fail = (rule: string, message: string) => diagnostic(ref.at, 'error', rule, message);
  if (ref.url.trim() === '') return fail('image-missing', 'an image without a file name: write `![说明](photo.jpg)` with the path of a PNG or JPEG file.');
  if (SCHEME.test(ref.url)) {
    return fail('image-remote', `image ${ref.url} is not a file in the bulletin folder: bulletin reads no network or other URLs. Save the picture into the folder and give its path.`);
  }
  const path = imagePath(ref.baseDir, ref.url);
  if (!insideRoots(path, roots)) {
    const real = realPath(path);
    const via = real !== path ? ` (it leads to ${real})` : '';
    return fail('outside-root', `image ${ref.url} is outside the bulletin folder${via}; ${ROOT_ADVICE}.`);
  }
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('image-missing', `image ${ref.url} not found${code && code !== 'ENOENT' ? ` (${code})` : ''}: paths are relative to the Markdown file; check the name and that the file is in the bulletin folder.`);
  }
  if (!info.isFile()) return fail('image-missing', `image ${ref.url} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}: give the path of a PNG or JPEG file.`);
  return { path };
}
