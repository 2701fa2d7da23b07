// The package.json that `npm pack` (and `npm publish`) puts in the tarball:
// this one without its `prepare` script. `prepare` builds dist/ from the
// sources, which a checkout (`npm install`) and a git dependency have and a
// tarball does not; left in the tarball, npm would list it as an install
// script "not covered by allowScripts" on every install of it, though it
// could not run there. The tarball ships dist/ built (this script's `strip`
// runs after the build in `prepack`) and writes its start-up snapshot on its
// first run (bin/bulletin), so it needs no install script at all.
//   node scripts/pack-manifest.mjs strip     (prepack: package.json saved, then rewritten)
//   node scripts/pack-manifest.mjs restore   (postpack, and every build: the saved one put back)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = join(root, 'package.json');
/** Where the real package.json waits while the tarball is made (never packed: not in `files`). */
export const SAVED = join(root, 'node_modules', '.cache', 'bulletin', 'package.json.packing');

/** Puts the saved package.json back, if a pack left one; true when it did. */
export function restoreManifest() {
  if (!existsSync(SAVED)) return false;
  renameSync(SAVED, manifest);
  return true;
}

function strip() {
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  if (!pkg.scripts?.prepare) return;
  mkdirSync(dirname(SAVED), { recursive: true });
  writeFileSync(SAVED, text);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const command = process.argv[2];
  if (command === 'strip') strip();
  else if (command === 'restore') restoreManifest();
  else {
    process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
    process.exitCode = 2;
  }
}
