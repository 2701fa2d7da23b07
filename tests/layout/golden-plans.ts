// The golden plans: where the page search puts every module (page, band,
// column, width, rows, split) for the sample on both built-in templates and
// for 50 seeded random bulletins (3 to 420 articles: briefs, ordinary pieces,
// long ones, pieces longer than a page). Used by tests/layout/golden-plans.test.ts,
// which compares the current code's plans with tests/layout/golden-plans.txt,
// and by scripts/record-plans.mjs, which writes that file. Plans are read
// from the public layout API (the display list's `modules`), through the
// same stages as a build: load, clean, template and fonts, layout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanBulletin } from '../../src/clean/index.js';
import { loadBulletin } from '../../src/content/load.js';
import type { PlacedModule } from '../../src/layout/display-list.js';
import { layoutBulletin } from '../../src/layout/index.js';
import { loadDesign, type Design } from '../../src/design/design.js';
import { prng } from '../helpers/random.js';
import { png, SAMPLE_DIR } from './synthetic.js';

export interface PlanCase {
  name: string;
  /** The bulletin's folder (written into `work` first for a generated one). */
  dir(work: string): string;
  /** A template other than the one index.md names. */
  template?: string;
}

/** The cases, in the golden file's order. */
export function planCases(): PlanCase[] {
  const cases: PlanCase[] = [
    { name: 'sample newspaper', dir: () => SAMPLE_DIR },
    { name: 'sample a4', dir: () => SAMPLE_DIR, template: 'a4' },
  ];
  for (let seed = 1; seed <= 50; seed++) {
    const name = `random ${seed}`;
    cases.push({ name, dir: (work) => writeRandomBulletin(join(work, `random-${seed}`), seed) });
  }
  return cases;
}

// One design per template: a generated bulletin has no fonts/ folder of its own, so every one on a
// template gets the fonts the first one did (opening them again for each would cost seconds).
const designs = new Map<string, Design>();

/** The plan of one case, one line a module (see formatPlan). */
export async function recordCase(c: PlanCase, work: string): Promise<string> {
  const bulletin = cleanBulletin((await loadBulletin(c.dir(work))).bulletin).bulletin;
  const spec = c.template ?? bulletin.index.meta.template ?? 'newspaper';
  let design = designs.get(spec);
  if (!design) designs.set(spec, (design = loadDesign(bulletin, c.template)));
  // The sample asks for one page, which it fills on newspaper but not on a4: set on more there.
  const display = layoutBulletin(bulletin, design.template, design.fonts, { allowOverset: true });
  if (!display.modules) throw new Error('layout: the display list has no modules (src/layout/index.ts fills them)');
  return formatPlan(display.modules, display.pages.length);
}

/**
 * A plan as text: the page count, then one line a module:
 * `page.band @bandRow+bandRows  a<article> col×k  row+rows  [from,to) cuts  h<headerRows> air<air>`
 * and `cont` (上接) or `jump` (下转) where they apply.
 */
export function formatPlan(modules: PlacedModule[], pages: number): string {
  const lines = [`pages ${pages}`];
  for (const m of modules) {
    const flags = [m.continued ? 'cont' : '', m.jumps ? 'jump' : ''].filter(Boolean).join(' ');
    lines.push(`${m.page}.${m.band} @${m.bandRow}+${m.bandRows}  a${m.article} ${m.col}×${m.k}  ${m.row}+${m.rows}  [${m.from},${m.to}) ${m.cuts.join(',')}  h${m.headerRows} air${m.air}${flags ? ' ' + flags : ''}`);
  }
  return lines.join('\n');
}

/** The golden file: each case as `## name` followed by its plan. */
export function formatGolden(plans: { name: string; plan: string }[]): string {
  return plans.map((p) => `## ${p.name}\n${p.plan}\n`).join('\n');
}

export function parseGolden(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const section of text.split(/^## /m).slice(1)) {
    const nl = section.indexOf('\n');
    out.set(section.slice(0, nl), section.slice(nl + 1).trim());
  }
  return out;
}

// ------------------------------------------------------------ random bulletins

/** Han characters common in the sample's commentary (the fonts cover them all). */
const HAN = '安全生产工作是一项没有退路的要么成功失败不满分就零差多及格把放在重中之位置留缝隙空白始终坚持问题导向密切关注隐患集领域精准聚焦薄弱环节消除短板项余地抓监管情面执法宣传做到以保全局衡阳国家高新区紧围绕三决两确总目标严打翻身仗企业责任落实制度建设培训教育应急救援演练排查整治风险防控体系能力水平提升推进强化健全完善组织领导部门协调机制考核督查群众生命财产';
const HAN_CHARS = [...HAN];
const LATIN = ['PDCA', 'GDP', 'ISO9001', 'AI', '5G', 'LED'];
const NUMBERS = ['2023', '5.2%', '1,000', '14.13', '30', '98.6', '25%', '100', '3'];

type Rand = () => number;

function pick<T>(rand: Rand, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

function int(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function han(rand: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, HAN_CHARS);
  return s;
}

/** A sentence of one to three clauses, with now and then a quotation, a number, a Latin word or a book title. */
function sentence(rand: Rand): string {
  let s = '';
  const clauses = int(rand, 1, 3);
  for (let c = 0; c < clauses; c++) {
    s += han(rand, int(rand, 4, 16));
    const r = rand();
    if (r < 0.08) s += `“${han(rand, int(rand, 2, 6))}”`;
    else if (r < 0.12) s += `${pick(rand, NUMBERS)}${pick(rand, ['年', '个', '项', '次', ''])}`;
    else if (r < 0.14) s += pick(rand, LATIN);
    else if (r < 0.16) s += `《${han(rand, int(rand, 3, 8))}》`;
    s += c < clauses - 1 ? pick(rand, ['，', '，', '、', '；']) : pick(rand, ['。', '。', '。', '！', '？']);
  }
  return s;
}

function paragraph(rand: Rand, chars: number): string {
  let p = '';
  while (p.length < chars) p += sentence(rand);
  return p;
}

/** Article lengths, in characters of body: briefs, ordinary pieces, long ones, and a few longer than a page. */
function bodyLength(rand: Rand): number {
  const r = rand();
  if (r < 0.25) return int(rand, 20, 160);
  if (r < 0.8) return int(rand, 400, 1400);
  if (r < 0.97) return int(rand, 1400, 3200);
  return int(rand, 4500, 9000);
}

/** A body of about `chars` characters, with now and then a subheading, a list, a quotation, bold or a picture. */
function body(rand: Rand, chars: number, pictures: string[]): string {
  const blocks: string[] = [];
  let total = 0;
  while (total < chars) {
    const p = paragraph(rand, Math.min(chars - total, int(rand, 40, 320)));
    total += p.length;
    const r = rand();
    if (r < 0.04 && blocks.length > 0) blocks.push(`## ${han(rand, int(rand, 4, 12))}`);
    if (r < 0.03) blocks.push(Array.from({ length: int(rand, 2, 4) }, (_, i) => `${i + 1}. ${sentence(rand)}`).join('\n'));
    else if (r < 0.05) blocks.push(Array.from({ length: int(rand, 2, 3) }, () => `- ${sentence(rand)}`).join('\n'));
    else if (r < 0.07) blocks.push(`> ${sentence(rand)}`);
    else if (r < 0.09) blocks.push(`**${han(rand, int(rand, 4, 8))}**${p}`);
    else if (r < 0.1 && pictures.length > 0) blocks.push(`![${han(rand, int(rand, 4, 12))}](${pick(rand, pictures)})`, p);
    else blocks.push(p);
  }
  return blocks.join('\n\n');
}

/** A headline: two phrases set apart by a space (most), one phrase, or one long phrase. */
function title(rand: Rand): string {
  const r = rand();
  if (r < 0.6) return `${han(rand, int(rand, 4, 10))} ${han(rand, int(rand, 4, 11))}`;
  if (r < 0.9) return han(rand, int(rand, 4, 14));
  return han(rand, int(rand, 18, 28));
}

/** Article counts from 3 to 420, most of them small (the search's per-article work is what matters). */
function articleCount(rand: Rand, seed: number): number {
  if (seed === 1) return 3;
  if (seed === 50) return 420;
  return Math.max(3, Math.round(3 * 140 ** (rand() ** 2.5)));
}

/** A bulletin made from `seed` alone: the same folder on every run and every machine. */
export function writeRandomBulletin(dir: string, seed: number): string {
  const rand = prng(0x14000 + seed);
  mkdirSync(dir, { recursive: true });
  const count = articleCount(rand, seed);
  const template = rand() < 0.3 ? 'a4' : 'newspaper';
  const lead = rand() < 0.1 ? [] : Array.from({ length: int(rand, 1, 2) }, () => paragraph(rand, int(rand, 60, 240)));
  writeFileSync(join(dir, 'index.md'), [
    '---', `title: ${han(rand, int(rand, 4, 8))}`, `subtitle: ${han(rand, 10)} ${han(rand, 10)}`, `issue: 2023年第${seed}期`,
    'date: 2023-07-14', 'publisher:', `  - ${han(rand, 8)}`, `template: ${template}`, '---', '', ...lead.map((p) => `${p}\n`),
  ].join('\n'));
  const pictures: string[] = [];
  if (rand() < 0.3) {
    for (const [w, h] of [[40, 30], [30, 40], [60, 20]]) {
      const name = `photo-${w}x${h}.png`;
      writeFileSync(join(dir, name), png(w, h));
      pictures.push(name);
    }
  }
  const width = String(count).length;
  for (let a = 1; a <= count; a++) {
    const fm = ['---', `title: ${title(rand)}`, `author: ${han(rand, int(rand, 2, 3))}`];
    if (rand() < 0.8) fm.push(`role: ${han(rand, int(rand, 6, 22))}`);
    if (rand() < 0.15) fm.push(`subtitle: ${han(rand, int(rand, 8, 20))}`);
    fm.push('---', '');
    writeFileSync(join(dir, `${String(a).padStart(width, '0')}-article.md`), [...fm, body(rand, bodyLength(rand), pictures), ''].join('\n'));
  }
  return dir;
}
