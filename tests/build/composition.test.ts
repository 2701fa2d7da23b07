// Line composition as a reader gets it (issue 16, TYPOGRAPHY.md §3–4): a
// bulletin with quotes and brackets side by side, dashes, ellipses, digits
// and ranges, Latin words, URLs and lists (tests/fixtures/composition/) is
// compiled in process, and its PDF read back glyph by glyph (pdfjs-dist's
// operator list: each glyph's box as extraction sees it), as text
// (pdftotext: what copy-paste gives) and as pixels (pdftoppm).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileResult } from '../../src/pipeline/compile.js';
import { glyphLines, readPdfGlyphs, type PdfGlyph } from '../helpers/pdf-glyphs.js';
import { pdftotext, renderGrey } from '../helpers/poppler.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'composition');
const EM = 9;
const CLOSING = '”’）》」』】〕，。、；：？！';
const OPENING = '“‘（《「『【〔';
const URLS = ['https://yjj.example.gov.cn/zcwj/2024/0510.html', 'www.example.gov.cn/yjgl', 'safety@example.gov.cn'];
const isHan = (ch: string): boolean => /^\p{Script=Han}$/u.test(ch);
const isAlnum = (ch: string): boolean => /^[A-Za-z0-9]$/.test(ch);

/** The fixture's paragraphs as plain text (list markers and Markdown marks dropped). */
function sourceText(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(FIXTURE).filter((n) => n.endsWith('.md') && n !== 'index.md')) {
    const body = readFileSync(join(FIXTURE, name), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    for (const para of body.split(/\n\s*\n/)) {
      for (const line of para.split('\n')) {
        const t = line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').trim();
        if (t) out.push(t.replace(/\s+/g, ''));
      }
    }
  }
  return out;
}

describe('composition on the PDF', () => {
  let res: CompileResult;
  /** Body-size lines of the article text (the Kai bylines and the lead left out), glyphs in x order. */
  let lines: PdfGlyph[][];
  let text: string | undefined;
  beforeAll(async () => {
    res = await compile({ dir: FIXTURE });
    const pages = await readPdfGlyphs(res.pdf);
    lines = glyphLines(pages[0].filter((g) => Math.abs(g.size - EM) < 0.01 && !/WenKai/.test(g.font)), EM);
    // Content-stream order: bulletin writes the text in reading order (the default order interleaves columns).
    text = pdftotext(res.pdf, ['-raw']);
  });

  it('compresses every pair of adjacent marks to 1.5 em, and no glyph box overlaps the next', () => {
    let pairs = 0;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1];
        const b = line[i];
        expect(b.x, `${a.text}${b.text}`).toBeGreaterThanOrEqual(a.x + a.w - 0.01);
        const facing = (CLOSING.includes(a.text) && (CLOSING.includes(b.text) || OPENING.includes(b.text))) || (OPENING.includes(a.text) && OPENING.includes(b.text));
        if (!facing) continue;
        pairs++;
        // Half an em apart, give or take what justification adds between characters.
        expect((b.x - a.x) / EM, `${a.text}${b.text}`).toBeLessThan(0.56);
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(6);
  });

  it('gives every line back whole in copy-paste: no line starts with a closing mark, no space in "6月10日"', () => {
    if (text === undefined) return;
    const out = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(out.filter((l) => CLOSING.includes(l[0]))).toEqual([]);
    const flat = text.replace(/\s+/g, '');
    for (const para of sourceText()) expect(flat, para).toContain(para);
    // The Han–Latin spaces are glue, not text (the articles' text: masthead and footer are separate runs on one baseline).
    const articles = text.slice(text.indexOf('把隐患消除在萌芽状态'), text.lastIndexOf('第1版'));
    expect(articles.match(/\p{Script=Han} +[0-9A-Za-z]|[0-9A-Za-z%] +\p{Script=Han}/gu)).toBeNull();
    for (const phrase of ['6月10日下午', '1—2名内训师', '隐患13处', '100%。', '——预见']) expect(flat, phrase).toContain(phrase);
  });

  it('keeps Han–Latin spaces between 0.15 and 0.35 em', () => {
    let n = 0;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1];
        const b = line[i];
        if (!((isHan(a.text) && isAlnum(b.text)) || (isAlnum(a.text) && isHan(b.text)))) continue;
        n++;
        const gap = (b.x - a.x - a.w) / EM;
        expect(gap, `${a.text}${b.text}`).toBeGreaterThanOrEqual(0.15);
        expect(gap, `${a.text}${b.text}`).toBeLessThanOrEqual(0.35);
      }
    }
    expect(n).toBeGreaterThanOrEqual(10);
  });

  it('draws —— as one stroke and …… as six evenly spaced dots', () => {
    const dashes = lines.flat().filter((g) => g.text === '——');
    expect(dashes.length).toBeGreaterThanOrEqual(2);
    for (const d of dashes) expect(d.w / EM).toBeCloseTo(2, 2);
    const img = renderGrey(res.pdf, 1, 600, { x: dashes[0].x, y: dashes[0].y - 0.7 * EM, w: 2 * EM, h: 0.7 * EM });
    if (img) {
      // The darkest row crosses the stroke: dark from one end to the other but for the side bearings.
      const row = darkestRow(img);
      const dark = Array.from({ length: img.width }, (_, x) => img.pixels[row * img.width + x] < 128);
      const first = dark.indexOf(true);
      const last = dark.lastIndexOf(true);
      expect((last - first) / img.width).toBeGreaterThan(0.85);
      expect(dark.slice(first, last + 1).every(Boolean)).toBe(true);
    }
    const line = lines.find((l) => l.some((g, i) => g.text === '…' && l[i + 1]?.text === '…'))!;
    const k = line.findIndex((g, i) => g.text === '…' && line[i + 1]?.text === '…');
    expect(line[k + 1].x).toBeCloseTo(line[k].x + line[k].w, 2);
    const dots = renderGrey(res.pdf, 1, 600, { x: line[k].x, y: line[k].y - 0.7 * EM, w: 2 * EM, h: 0.7 * EM });
    if (dots) {
      const row = darkestRow(dots);
      const centres: number[] = [];
      for (let x = 0, start = -1; x <= dots.width; x++) {
        const isDark = x < dots.width && dots.pixels[row * dots.width + x] < 128;
        if (isDark && start < 0) start = x;
        if (!isDark && start >= 0) {
          centres.push((start + x - 1) / 2);
          start = -1;
        }
      }
      expect(centres).toHaveLength(6);
      const steps = centres.slice(1).map((c, i) => c - centres[i]);
      const em = dots.width / 2;
      for (const s of steps) expect(Math.abs(s - steps[0]) / em).toBeLessThan(0.05);
    }
  });

  it('sets URLs in the body face, unspaced, broken only after / . - _ ? & =, and gives them back whole', () => {
    const flat = (text ?? '').replace(/\s+/g, '');
    if (text !== undefined) for (const url of URLS) expect(flat).toContain(url);
    for (const line of lines) {
      const s = line.map((g) => g.text).join('');
      const url = URLS.find((u) => [...u].some((_, k) => k > 0 && s.endsWith(u.slice(0, k)) && k < u.length));
      if (url) expect('/.-_?&=', s).toContain(s[s.length - 1]);
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1];
        const b = line[i];
        if (/^[!-~]$/.test(a.text) && /^[!-~]$/.test(b.text)) expect(Math.abs(b.x - a.x - a.w), `${a.text}${b.text} in ${s}`).toBeLessThan(0.01);
      }
    }
    const letters = lines.flat().filter((g) => /^[a-z]$/.test(g.text));
    expect(letters.length).toBeGreaterThan(50);
    for (const g of letters) expect(g.font).toMatch(/NotoSerifSC-Regular/);
  });

  it('sets each list with its markers in one box: item texts and continuation lines start at one x', () => {
    const start = (needle: string): PdfGlyph => {
      const line = lines.find((l) => l.map((g) => g.text).join('').includes(needle))!;
      const at = line.map((g) => g.text).join('').indexOf(needle);
      return line[[...line.map((g) => g.text).join('').slice(0, at)].length];
    };
    // A column's left edge is the leftmost start of the lines starting within a few ems of it; x is measured from it.
    const columns: number[] = [];
    for (const x of lines.map((l) => l[0].x).sort((a, b) => a - b)) if (columns.length === 0 || x > columns[columns.length - 1] + 3 * EM) columns.push(x);
    const inColumn = (x: number): number => x - columns.filter((c) => c <= x + 0.05).at(-1)!;
    const items = ['排查：', '整治：', '问责：'].map((t) => inColumn(start(t).x));
    for (const x of items) expect(x).toBeCloseTo(items[0], 1);
    expect(items[0] / EM).toBeCloseTo(Math.round(items[0] / EM), 1);
    // The first item runs over more lines: they start where its text does.
    for (const t of ['建立隐患', '落实到位', '管理。', '和个人严肃']) expect(inColumn(start(t).x), t).toBeCloseTo(items[0], 1);
    // Numbers flush right in the box: their stops end at one x.
    const stops = lines.filter((l) => /^\d．/.test(l.map((g) => g.text).join(''))).map((l) => inColumn(l[1].x));
    expect(stops).toHaveLength(3);
    for (const x of stops) expect(x).toBeCloseTo(stops[0], 1);
    // Bullets: a middle dot at the column's edge in a box of one em, the text (and the next line) after it.
    const bullets = lines.filter((l) => l[0].text === '・');
    expect(bullets).toHaveLength(2);
    for (const l of bullets) {
      expect(inColumn(l[0].x)).toBeCloseTo(0, 1);
      expect((l[1].x - l[0].x) / EM).toBeCloseTo(1, 2);
    }
    expect(inColumn(start('管理，做到').x) / EM).toBeCloseTo(1, 2);
  });

  it('keeps Latin word spaces between 0.2 and 0.5 em', () => {
    let n = 0;
    const all = wordSpaces(res);
    for (const { before, space, after } of all) {
      if (!/^[A-Za-z]$/.test(before) || !/^[A-Za-z]$/.test(after)) continue;
      n++;
      expect(space / EM).toBeGreaterThanOrEqual(0.2 - 1e-6);
      expect(space / EM).toBeLessThanOrEqual(0.5 + 1e-6);
    }
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

/** The row of an image with the most dark pixels. */
function darkestRow(img: { width: number; height: number; pixels: Uint8Array }): number {
  let best = 0;
  let bestCount = -1;
  for (let y = 0; y < img.height; y++) {
    let count = 0;
    for (let x = 0; x < img.width; x++) if (img.pixels[y * img.width + x] < 128) count++;
    if (count > bestCount) {
      bestCount = count;
      best = y;
    }
  }
  return best;
}

/** Word spaces as the display list sets them: the room between the letters around each space glyph, pt. */
function wordSpaces(res: CompileResult): { before: string; space: number; after: string }[] {
  const out: { before: string; space: number; after: string }[] = [];
  for (const page of res.display.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || Math.abs(item.size - EM) > 0.01) continue;
      const g = item.glyphs;
      for (let i = 1; i + 1 < g.length; i++) {
        if (g.text(i) !== ' ') continue;
        out.push({ before: g.text(i - 1), space: g.x(i + 1) - (g.x(i - 1) + g.box(i - 1) + g.lead(i - 1)), after: g.text(i + 1) });
      }
    }
  }
  return out;
}
