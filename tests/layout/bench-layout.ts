// Layout speed, measured (never asserted in tests): the sample, and a
// bulletin of 60 × the sample's articles. Fonts are loaded and warmed first:
// the numbers are layout alone. Run from the package root:
//   npx esbuild tests/layout/bench-layout.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=bench-layout.mjs && BULLETIN_SAMPLE=content node bench-layout.mjs
import { loadBulletin } from '../../src/content/load.js';
import { layoutBulletin } from '../../src/layout/index.js';
import { loadTemplate } from '../../src/design/template.js';
import { fontsFor } from './fonts.js';
import { SAMPLE_DIR } from './synthetic.js';

const { bulletin } = await loadBulletin(SAMPLE_DIR);
const big = { ...bulletin, articles: Array.from({ length: 60 }, () => bulletin.articles).flat() };

function time(label: string, fn: () => { pages: unknown[] }, runs: number): void {
  const ms: number[] = [];
  let pages = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    pages = fn().pages.length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, min ${ms[0].toFixed(1)} ms, ${pages} pages`);
}

for (const name of ['newspaper', 'a4']) {
  const t = loadTemplate(name, bulletin.dir);
  const fonts = fontsFor(t);
  const t0 = performance.now();
  layoutBulletin(bulletin, t, fonts, { allowOverset: true });
  console.log(`${name} sample, first run (font tables and glyph caches cold): ${(performance.now() - t0).toFixed(1)} ms`);
  time(`${name} sample`, () => layoutBulletin(bulletin, t, fonts, { allowOverset: true }), 15);
  time(`${name} 60 × sample (${big.articles.length} articles)`, () => layoutBulletin(big, t, fonts, { allowOverset: true }), 5);
}
