// Real-world Markdown (tests/fixtures/markdown/: bold lead-ins in every
// paragraph form, a table, footnotes, links, bare URLs, strikethrough, HTML,
// lists, numbered lines, a hard-broken slogan) compiled in process and read
// back from the PDF: no markup characters on the page, bold in the bold
// face, URLs back, and the drawn constructs where they belong.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileResult } from '../../src/pipeline/compile.js';
import type { DisplayItem, RuleItem, TextRun } from '../../src/layout/display-list.js';
import { readPdfText, type PdfPageText, type PdfTextItem } from '../helpers/pdf.js';
import { pdftotext } from '../helpers/poppler.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'markdown');
/** What Markdown leaves on a page when it is printed as text. */
const MARKUP = [/\*\*/, /__/, /~~/, /\]\(/, /\|\s*-{3}/, /<\/?[a-z][a-z0-9]*[\s>/]/i, /\[\^/];

const runText = (r: TextRun): string => r.glyphs.toArray().map((g) => g.text).join('');
const items = (res: CompileResult): DisplayItem[] => res.display.pages.flatMap((p) => p.items);
const runs = (res: CompileResult): TextRun[] => items(res).filter((i): i is TextRun => i.kind === 'text');
/** The runs of the column line from the run holding `needle` on, in x order (its baseline, no further than a column). */
function lineHolding(res: CompileResult, needle: string): TextRun[] {
  const all = runs(res);
  const hit = all.find((r) => runText(r) === needle) ?? all.find((r) => runText(r).includes(needle));
  if (!hit) throw new Error(`no run holds ${needle}`);
  const column = res.display.width / 8;
  return all.filter((r) => Math.abs(r.y - hit.y) < 0.01 && r.x >= hit.x - 0.01 && r.x - hit.x < column).sort((a, b) => a.x - b.x);
}

/** The characters a rule passes over: glyphs on its baseline whose middle lies under it, in order. */
function struckText(res: CompileResult, strike: RuleItem): string {
  let out = '';
  for (const r of runs(res)) {
    if (Math.abs(r.y - 0.38 * r.size - strike.y1) > 0.05) continue;
    for (let g = 0; g < r.glyphs.length; g++) {
      const mid = r.x + r.glyphs.x(g) + r.glyphs.advance(g) / 2;
      if (mid > strike.x1 && mid < strike.x2) out += r.glyphs.text(g);
    }
  }
  return out;
}


function withTemplate(lines: string): string {
  const dir = join(tempDir(), 'b');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'mine.yaml'), `extends: newspaper\n${lines}\n`);
  return dir;
}

describe('real-world Markdown on the page', () => {
  let res: CompileResult;
  let pages: PdfPageText[];
  let text: string;
  /** pdftotext's text in content-stream order (bulletin writes reading order) without white space, or pdfjs's where poppler is missing. */
  let flat: string;
  beforeAll(async () => {
    res = await compile({ dir: FIXTURE });
    pages = await readPdfText(res.pdf);
    text = pages.flatMap((p) => p.items.map((i) => i.text)).join('');
    flat = (pdftotext(res.pdf, ['-raw']) ?? text).replace(/\s+/g, '');
  });

  it('prints no Markdown characters', () => {
    for (const pattern of MARKUP) expect(text, String(pattern)).not.toMatch(pattern);
    expect(text).not.toContain('_零容忍_');
    expect(text).toContain('零容忍');
  });

  it('sets bold lead-ins in the bold face, wherever they stand', () => {
    const bold = (i: PdfTextItem) => /Bold/.test(i.font);
    const all = pages.flatMap((p) => p.items);
    for (const lead of ['一是加强组织领导。', '积极承接用好政策。', '层层负责、人人有责', '两个至上', '（三）强化', '监测预警是关键。']) {
      const hits = all.filter((i) => i.text.includes(lead.slice(0, 4)));
      expect(hits.length, lead).toBeGreaterThan(0);
      expect(hits.every(bold), lead).toBe(true);
    }
    // The text after a lead-in is not bold.
    expect(all.filter((i) => i.text.includes('各级党委')).every((i) => !bold(i))).toBe(true);
  });

  it('gives every URL back, a link after its text', () => {
    for (const url of ['https://yjj.example.gov.cn/news/2024/0320.html', 'https://www.example.gov.cn/zcwj/', 'safety@example.gov.cn', 'www.example.gov.cn/yjgl']) {
      expect(flat, url).toContain(url);
      expect(flat.split(url).length - 1, `${url} printed once`).toBe(1);
    }
    expect(flat).toContain('应急管理部网站（https://www.mem.gov.cn/gk/zcjd/）');
  });

  it('strikes ~~text~~ through with a line across its characters, and nothing else', () => {
    const strikes = items(res).filter((i): i is RuleItem => i.kind === 'rule' && i.tag?.id.endsWith('-decoration') === true);
    expect(strikes.length).toBeGreaterThan(0);
    expect(strikes.map((s) => struckText(res, s)).join('')).toBe('一律通报');
  });

  it('sets the table as a three-line table: bold header, numbers flush right, rules the width of the column', () => {
    const header = lineHolding(res, '行业领域');
    expect(header.every((r) => /bold/i.test(res.display.faces[r.face].name))).toBe(true);
    const right = (needle: string) => {
      const r = runs(res).find((x) => runText(x) === needle)!;
      return r.x + r.glyphs.x(r.glyphs.length - 1) + r.glyphs.advance(r.glyphs.length - 1);
    };
    expect(right('1,204')).toBeCloseTo(right('2,315'), 1);
    expect(right('867')).toBeCloseTo(right('2,315'), 1);
    const rules = items(res).filter((i): i is RuleItem => i.kind === 'rule' && /-t\d+-r\d+-rule$/.test(i.tag?.id ?? ''));
    expect(rules).toHaveLength(3);
    const cell = runs(res).find((x) => runText(x).startsWith('危险化'))!;
    for (const r of rules) expect(r.x1).toBeCloseTo(cell.x, 1);
  });

  it('numbers footnotes ① in the text and prints the note at the end of its article, smaller', () => {
    const all = pages.flatMap((p) => p.items);
    // pdfjs cuts the note's line into items where glue joins Han and digits (an ActualText span each).
    const note = all.find((i) => /数据经|汇总|截至/.test(i.text))!;
    expect(note.size).toBeCloseTo(7.5, 1);
    expect(all.filter((i) => i.text.includes('①')).length).toBe(2);
  });

  it('sets numbered lines, list items and a hard-broken slogan on lines of their own', () => {
    const y = (needle: string) => runs(res).find((r) => runText(r).includes(needle))!.y;
    expect(y('二、坚持系统观念')).toBeGreaterThan(y('一、坚持问题导向'));
    expect(y('（二）完善应急指挥体系')).toBeGreaterThan(y('（一）建立风险监测平台'));
    expect(y('综合治理')).toBeGreaterThan(y('安全第一，预防为主'));
    expect(y('安全第一，预防为主')).toBeGreaterThan(y('安全生产标语'));
  });

  it('keeps the text of HTML without its tags, and warns at its line', () => {
    expect(flat).toContain('本段为编辑粘贴的网页内容');
    expect(flat).toContain('拨打热线12350。');
    const html = res.diagnostics.filter((d) => d.rule === 'raw-html').map((d) => `${d.file.split('/').pop()}:${d.line}`);
    expect(html).toEqual(['02-li-ming.md:20', '02-li-ming.md:29']);
  });

  it('sets emphasis with dots under its characters, and links as notes, when the template says so', async () => {
    const dotted = await compile({ dir: withTemplate('emphasis: dots\nlinks: notes'), template: 'mine' });
    const line = lineHolding(dotted, '隐患就是事故');
    const dots = items(dotted).filter((i) => i.kind === 'dot' && Math.abs(i.y - line[0].y - 0.28 * line[0].size) < 0.1);
    // One under each of 隐患就是事故 (*“隐患就是事故”*: the quotes get none), centred under it.
    expect(dots).toHaveLength(6);
    const run = line.find((r) => runText(r).includes('隐患'))!;
    const at = runText(run).indexOf('隐');
    expect(dots[0].kind === 'dot' && dots[0].x).toBeCloseTo(run.x + run.glyphs.x(at) + run.glyphs.advance(at) / 2, 1);
    const noted = (pdftotext(dotted.pdf, ['-raw']) ?? '').replace(/\s+/g, '');
    expect(noted).toContain('应急管理部网站②');
    expect(noted).toContain('②https://www.mem.gov.cn/gk/zcjd/');
  });
});

describe('Markdown that cannot be set', () => {
  const bulletin = (index: string, article: string): string => {
    const dir = join(tempDir(), 'b');
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), index);
    writeFileSync(join(dir, '01-wang-hong.md'), article);
    return dir;
  };
  const fm = (t: string) => `---\ntitle: ${t}\nauthor: 张三\n---\n\n`;

  it('a table too wide for the column is an error naming the table', async () => {
    const wide = `| ${Array.from({ length: 8 }, (_, i) => `指标${i}`).join(' | ')} |\n|${' --- |'.repeat(8)}\n| ${Array.from({ length: 8 }, () => 'ABCDEFGH').join(' | ')} |\n`;
    const dir = bulletin(`${fm('简报')}导语。\n`, `${fm('标题')}正文。\n\n${wide}`);
    await expect(compile({ dir })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ rule: 'table-too-wide', line: 8, file: expect.stringMatching(/01-wang-hong\.md$/) })],
    });
  });

  it('a table in the lead is an error naming it', async () => {
    const dir = bulletin(`${fm('简报')}导语。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n`, `${fm('标题')}正文。\n`);
    await expect(compile({ dir })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ rule: 'lead-markup', line: 8 })] });
  });
});
