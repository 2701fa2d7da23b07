// The folders a build may read from (as Typst's `--root`): the bulletin
// folder and each `--root DIR`, where everything the bulletin's own files
// name must be; the installed package (its templates and fonts); and what
// the user chose outside the bulletin: the folder of a template given with
// `--template`, and the project's fonts/ folder (the working directory's, see
// src/fonts/search-dirs.ts). A file is checked after every symbolic link in
// its path is followed, so a link cannot lead out.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isInside, realPath } from './file-identity.js';
import { packageRoot } from './package-root.js';

export interface Roots {
  /** The bulletin folder and each --root folder (real paths): where articles and images must be. */
  content: string[];
  /** content, plus the package and the user's own design folders: where templates and fonts may be. */
  design: string[];
}

export interface RootsOptions {
  /** The bulletin folder. */
  dir: string;
  /** `--root DIR` folders. */
  extra?: readonly string[];
  /** `--template` as given on the command line (a name or a path). */
  cliTemplate?: string;
  /** The working directory (its fonts/ folder is the project's). */
  cwd?: string;
}

export function bulletinRoots(o: RootsOptions): Roots {
  const content = [...new Set([o.dir, ...(o.extra ?? [])].map((d) => realPath(d)))];
  const design = [...content, realPath(packageRoot()), realPath(join(resolve(o.cwd ?? process.cwd()), 'fonts'))];
  if (o.cliTemplate && /[\\/]|\.ya?ml$/i.test(o.cliTemplate)) {
    // Relative to the bulletin folder, as the template loader reads it (src/design/template.ts).
    const file = isAbsolute(o.cliTemplate) ? o.cliTemplate : resolve(o.dir, o.cliTemplate);
    design.push(realPath(dirname(file)));
  }
  return { content, design: [...new Set(design)] };
}

/** Whether `path`, with its links followed, is inside one of `roots`. */
export function insideRoots(path: string, roots: readonly string[]): boolean {
  const real = realPath(path);
  return roots.some((r) => isInside(real, r));
}

/** The advice every refusal ends with. */
export const ROOT_ADVICE = 'copy it in, or widen the root with --root DIR';
