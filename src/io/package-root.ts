// Where the package's own files (templates/, fonts/) are at run time: next to
// dist/ when installed or bundled, next to src/ when run from the sources
// (tests). Found once by walking up from this module to the folder holding
// package.json and templates/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleUrl } from './module-url.js';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  const from = dirname(fileURLToPath(bundleUrl()));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`bulletin: cannot find the package folder (with templates/) above ${from}`);
  }
}
