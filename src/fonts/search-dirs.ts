// The fonts/ folders whose fonts.yaml override the built-in fonts, lowest
// priority first: the package's own fonts/ (shipped with bulletin), the
// project's (the working directory, where an editor keeps several issues),
// then the bulletin's. `build` and `bulletin fonts` must use the same list so
// that the listing shows what the build uses.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding bulletin's package.json (found by walking up from this module). */
export function bulletinPackageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function fontSearchDirs(bulletinDir: string, projectDir: string = process.cwd()): string[] {
  const root = bulletinPackageRoot();
  const dirs = [...(root ? [join(root, 'fonts')] : []), join(resolve(projectDir), 'fonts'), join(resolve(bulletinDir), 'fonts')];
  return [...new Set(dirs)];
}
