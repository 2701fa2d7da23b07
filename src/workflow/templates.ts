// Where the package's own files (templates/) are at run time: next to dist/
// when installed or bundled, next to src/ when run from the sources. Found by
// walking up from this module to the folder that holds package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the bulletin package folder (with templates/) above ${from}`);
    dir = up;
  }
}

export function initTemplateDir(): string {
  return join(packageRoot(), 'templates', 'init');
}
