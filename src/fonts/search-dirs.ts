// The fonts/ folders whose fonts.yaml override the built-in fonts, lowest
// priority first: the package's own fonts/ (shipped with bulletin), the
// project's (the working directory, where an editor keeps several issues),
// then the bulletin's. `build` and `bulletin fonts` must use the same list so
// that the listing shows what the build uses.
import { join, resolve } from 'node:path';
import { packageRoot } from '../io/package-root.js';

export function fontSearchDirs(bulletinDir: string, projectDir: string = process.cwd()): string[] {
  const dirs = [join(packageRoot(), 'fonts'), join(resolve(projectDir), 'fonts'), join(resolve(bulletinDir), 'fonts')];
  return [...new Set(dirs)];
}
