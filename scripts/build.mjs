// Bundles the CLI into one ESM file so start-up does not walk hundreds of
// small modules (FACTS.md: unified + remark unbundled cost ~110 ms, bundled ~25 ms).
// pdfkit and fontkit stay external: pdfkit loads its standard fonts through a
// dynamic require and fontkit ships its own prebuilt ESM bundle.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: ['pdfkit', 'fontkit', 'opentype.js', 'wawoff2', 'chokidar', 'pdfjs-dist'],
  define: { BULLETIN_VERSION: JSON.stringify(pkg.version) },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
