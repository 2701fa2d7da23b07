// Bundles the CLI into one ESM file so start-up does not walk hundreds of
// small modules (FACTS.md: unified + remark unbundled cost ~110 ms, bundled ~25 ms).
// pdfkit and fontkit stay external: pdfkit loads its standard fonts through a
// dynamic require and fontkit ships its own prebuilt ESM bundle.
import { build } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { buildSnapshot } from './build-snapshot.mjs';
import { restoreManifest } from './pack-manifest.mjs';

// A pack interrupted between prepack and postpack left package.json without its prepare script.
if (restoreManifest()) process.stderr.write('build: package.json restored (an interrupted npm pack had left it without `prepare`)\n');

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Loaded at run time from node_modules, most of them lazily (src/io/lazy-require.ts).
// sharp is a native addon (libvips): it cannot be in the start-up snapshot and is required only for a bulletin with images.
const external = ['pdfkit', 'fontkit', 'opentype.js', 'wawoff2', 'chokidar', 'pdfjs-dist', 'pinyin-pro', 'ajv', 'mammoth', 'sharp'];
const define = { BULLETIN_VERSION: JSON.stringify(pkg.version) };

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external,
  define,
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);

// The template schema's validator as plain code (ajv "standalone"), loaded by
// src/design/template.ts instead of compiling the schema on every cold build.
// Same options as the run-time fallback (AJV_OPTIONS there).
const schema = JSON.parse(readFileSync(new URL('../templates/schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
writeFileSync('dist/template-validator.cjs', standaloneCode(ajv, ajv.compile(schema)));

// Last, because it checks the finished program (scripts/build-snapshot.mjs).
await buildSnapshot({ external, define });
