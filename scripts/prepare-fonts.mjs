#!/usr/bin/env node
// Converts the built-in WOFF fonts (LXGW WenKai) to cached TTFs at install
// time, so the first build does not pay for it (see src/fonts/ttf-cache.ts).
// The conversion code is the TypeScript in src/fonts, bundled on the fly with
// esbuild (as scripts/build.mjs does for the CLI) into node_modules/.cache so
// that it resolves the font packages from there; one implementation, no copy.
// Never fails the install: a font not converted here is converted on first use.
//   node scripts/prepare-fonts.mjs [--all]   (--all: every weight, not only the default)
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
try {
  const { build } = await import('esbuild');
  const outDir = join(root, 'node_modules', '.cache', 'bulletin');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'prepare-fonts.mjs');
  await build({
    entryPoints: [join(root, 'src', 'fonts', 'prepare.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { prepareFonts } = await import(pathToFileURL(outfile).href);
  for (const r of prepareFonts({ allWeights: process.argv.includes('--all') })) {
    const what = r.converted ? `converted in ${r.ms} ms` : 'already cached';
    process.stdout.write(`prepare-fonts: ${r.path.replace(root, '')} (${what})\n`);
  }
  process.stdout.write(`prepare-fonts: done in ${Math.round(performance.now() - started)} ms\n`);
} catch (e) {
  process.stderr.write(`prepare-fonts: skipped (${e instanceof Error ? e.message : String(e)}); fonts will be converted on first use\n`);
}
