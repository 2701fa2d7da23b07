// Render speed on a synthetic bulletin: 50 A3 pages × ~4,000 glyphs (90 lines
// of 45 glyphs in 3 columns), ~3,500 distinct hanzi, tagged paragraphs, rules.
// Not a test (speed is measured, never asserted). Run:
//   npx esbuild tests/render/bench.ts --bundle --platform=node --format=esm \
//     --external:pdfkit --external:fontkit --outfile=.bench-render.mjs && node .bench-render.mjs [--press]
import { writeFileSync } from 'node:fs';
import type { DisplayItem, DisplayList, TextRun } from '../../src/layout/display-list.js';
import { renderPdf } from '../../src/render/index.js';
import { list, run, serifFace } from './fixtures.js';

const face = serifFace();
const pool: string[] = [];
for (let cp = 0x4e00; pool.length < 3500 && cp < 0x9fff; cp += 3) {
  if (face.glyph(cp)) pool.push(String.fromCodePoint(cp));
}

const pages: DisplayItem[][] = [];
let k = 0;
for (let p = 0; p < 50; p++) {
  const items: DisplayItem[] = [];
  for (let col = 0; col < 3; col++) {
    for (let line = 0; line < 30; line++) {
      let text = '';
      for (let i = 0; i < 45; i++) text += pool[k++ % pool.length];
      const r: TextRun = run(text, 40 + col * 260, 80 + line * 13.5 * 3, {
        size: 9,
        track: 0.12,
        tag: { role: 'P', id: `p${p}-${col}-${Math.floor(line / 6)}` },
      });
      items.push(r);
    }
    items.push({ kind: 'rule', x1: 40 + col * 260, y1: 60, x2: 280 + col * 260, y2: 60, width: 0.5, color: [0, 0, 0, 100], tag: { role: 'Artifact', id: 'rule' } });
  }
  pages.push(items);
}
const l: DisplayList = list(pages, { outline: [{ title: '第一篇', page: 1, y: 80 }] });
const glyphs = pages.flat().reduce((n, i) => n + (i.kind === 'text' ? i.glyphs.length : 0), 0);
const press = process.argv.includes('--press');
// --shared: embed the already-open fontkit face (as the pipeline can), instead of reading the file again.
const faces = process.argv.includes('--shared') ? [face] : undefined;

{
  // First render in the process: includes importing pdfkit and opening the font.
  const t0 = performance.now();
  await renderPdf(list([[run('预热', 10, 10)]]), { press, faces });
  console.log(`first (tiny) render, pdfkit import included: ${(performance.now() - t0).toFixed(0)} ms`);
}
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const pdf = await renderPdf(l, { press, marks: press, faces });
  const ms = performance.now() - t0;
  // CPU time too: on a shared, busy machine wall time mostly measures the neighbours.
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${pages.length} pages, ${glyphs} glyphs, ${press ? 'press' : 'screen'}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${(pdf.length / 1024).toFixed(0)} KiB`,
  );
  if (i === 0) writeFileSync('/tmp/bench-render.pdf', pdf);
}
