// Render and preflight speed on a real bulletin, as a cold build sees them:
// load → clean → fonts → layout run once (not timed), then one render and one
// preflight (the first in the process: pdfkit import and font-table parsing
// included), then warm repeats. Not a test (speed is measured, never asserted).
// CPU time is printed next to wall time: the machine is shared. Run (REPEATS=n warm
// repeats, default 3; the bundle must sit in the repository, next to templates/):
//   npx esbuild tests/render/bench-pipeline.ts --bundle --platform=node --format=esm --target=node20 \
//     --external:pdfkit --external:fontkit --external:opentype.js --external:wawoff2 \
//     --external:pinyin-pro --external:ajv --external:chokidar --external:pdfjs-dist \
//     "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" \
//     --outfile=.bench-pipeline.mjs && node .bench-pipeline.mjs DIR [--out FILE.pdf] [--press]
// `--save-list L.json` also writes the display list; `--list L.json` renders a saved
// list instead of laying out DIR (output comparable byte for byte across layout changes).
// PROFILE=render or PROFILE=preflight writes a CPU profile of the cold stage
// (PROFILE_RUN=n: of the n-th repeat instead) to /tmp/bench-<stage>.cpuprofile.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadBulletin } from '../../src/content/load.js';
import { cleanBulletin } from '../../src/clean/index.js';
import { loadFontSet } from '../../src/fonts/font-set.js';
import { fontSearchDirs } from '../../src/fonts/search-dirs.js';
import { loadTemplate } from '../../src/design/template.js';
import { layoutBulletin } from '../../src/layout/index.js';
import { openFace, type Face } from '../../src/fonts/face.js';
import type { DisplayList } from '../../src/layout/display-list.js';
import { renderPdf } from '../../src/render/index.js';
import { preflight } from '../../src/render/preflight.js';

const dir = process.argv[2] ?? 'content';
const repeats = Number(process.env.REPEATS ?? 3);

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const savedList = arg('--list');

async function prepare(): Promise<{ display: DisplayList; faces: Face[]; press: boolean }> {
  if (savedList) {
    const saved = JSON.parse(readFileSync(savedList, 'utf8')) as { display: DisplayList; press: boolean };
    const faces = Object.entries(saved.display.faces).map(([key, f]) => openFace(key, f.path));
    return { display: saved.display, faces, press: saved.press };
  }
  const loaded = await loadBulletin(dir);
  const bulletin = cleanBulletin(loaded.bulletin).bulletin;
  const template = loadTemplate(bulletin.index.meta.template, bulletin.dir);
  const fonts = loadFontSet({ roles: template.fonts, rolesBaseDir: template.dir, searchDirs: fontSearchDirs(bulletin.dir) });
  const display = layoutBulletin(bulletin, template, fonts);
  if (!display.meta.author) display.meta.author = [...new Set(bulletin.articles.map((a) => a.meta.author))].join('、');
  return { display, faces: fonts.opened(), press: template.press !== false };
}
const prepared = await prepare();
const { display, faces } = prepared;
// --press: print-ready output with crop marks, whatever the template says.
const press = prepared.press || process.argv.includes('--press');
const marks = process.argv.includes('--press');
const saveList = arg('--save-list');
if (saveList) writeFileSync(saveList, JSON.stringify({ display, press }));

function timed<T>(f: () => T): [T, number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  return [r, performance.now() - t0, (c.user + c.system) / 1000];
}

const profiled = process.env.PROFILE;
const profiledRun = Number(process.env.PROFILE_RUN ?? 0);
const session = profiled ? new Session() : undefined;
async function profile(stage: string, on: boolean): Promise<void> {
  if (!session || profiled !== stage) return;
  if (on) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
  } else {
    const { profile: p } = await session.post('Profiler.stop');
    writeFileSync(`/tmp/bench-${stage}.cpuprofile`, JSON.stringify(p));
    session.disconnect();
  }
}

for (let i = 0; i <= repeats; i++) {
  if (i === profiledRun) await profile('render', true);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const pdf = await renderPdf(display, { press, marks, producer: 'bulletin bench', faces });
  const c = process.cpuUsage(c0);
  const renderWall = performance.now() - t0;
  if (i === profiledRun) await profile('render', false);
  if (i === profiledRun) await profile('preflight', true);
  const [found, pfWall, pfCpu] = timed(() => preflight(pdf, { press, pages: display.pages.length }));
  if (i === profiledRun) await profile('preflight', false);
  console.log(
    `${i === 0 ? 'cold' : 'warm'}: render ${renderWall.toFixed(0)} ms wall / ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ` +
      `preflight ${pfWall.toFixed(0)} / ${pfCpu.toFixed(0)} ms, ${display.pages.length} pages, ${pdf.length} bytes, ${found.length} findings`,
  );
  const out = arg('--out');
  if (i === 0 && out) writeFileSync(out, pdf);
}
