// Headlines and captions break at words (LAYOUT.md "Article module"): a
// bulletin of headlines without a phrase space, nobody's sample, compiled in
// process; the headline and caption lines read from the display list and
// from the PDF (pdfjs: text and baselines) must split only between the words
// a reader sees, never leave a line of one or two characters, and agree with
// each other.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/layout/display-list.js';
import { compile, type CompileResult } from '../../src/pipeline/compile.js';
import { VALID_INDEX, tempDir, writeBulletin } from '../helpers/cli.js';
import { readPdfText, type PdfTextItem } from '../helpers/pdf.js';
import { png } from '../helpers/png.js';
import { sampleSentences } from '../layout/synthetic.js';

/** Each headline as the words a reader sees, | between them (by hand, not by the segmenter). */
const HEADLINES = [
  '坚持|高质量|发展|和|高水平|安全|良性|互动',
  '笃行|力行|惠民生|聚人心',
  '牢记|嘱托|砥砺|前行|奋力|谱写|新篇章',
  '用心|用情|用力|解决|群众|急难愁盼|问题',
  '深入|开展|重大|事故|隐患|专项|排查|整治|行动',
];
const CAPTION = '镇|党委|书记|带队|在|河堤|检查|防汛|物资|储备|情况|（资料图）';

const plain = (worded: string) => worded.replaceAll('|', '');

/** Code-point offsets where a worded text may break (between its words). */
function wordEnds(worded: string): Set<number> {
  const ends = new Set<number>();
  let at = 0;
  for (const word of worded.split('|')) ends.add((at += [...word].length));
  return ends;
}

/** The lines of a text broken over several lines must end only where a word ends, and hold three characters or more. */
function expectWordBreaks(lines: string[], worded: string): void {
  expect(lines.join('')).toBe(plain(worded));
  const ends = wordEnds(worded);
  let at = 0;
  for (const line of lines) {
    at += [...line].length;
    expect(ends.has(at), lines.join(' / ')).toBe(true);
    if (lines.length > 1) expect([...line].length, lines.join(' / ')).toBeGreaterThanOrEqual(3);
  }
}

const runText = (r: TextRun): string => r.glyphs.toArray().map((g) => g.text).join('');

/** A line as the display list sets it: its text, baseline and horizontal extent. */
interface Line {
  text: string;
  y: number;
  left: number;
  right: number;
}

/** Runs with the tag id, grouped into lines by baseline, top to bottom. */
function displayLines(res: CompileResult, id: string): Line[] {
  const runs = res.display.pages.flatMap((p) => p.items).filter((i): i is TextRun => i.kind === 'text' && i.tag?.id === id);
  const byY = new Map<number, TextRun[]>();
  for (const r of runs) byY.set(r.y, [...(byY.get(r.y) ?? []), r]);
  return [...byY.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, rs]) => {
      rs.sort((a, b) => a.x - b.x);
      const last = rs[rs.length - 1];
      const right = last.x + last.glyphs.x(last.glyphs.length - 1) + last.glyphs.advance(last.glyphs.length - 1);
      return { text: rs.map(runText).join(''), y, left: rs[0].x, right };
    });
}

/** What the PDF holds where a line is drawn: its text items on that baseline within its extent, in x order. */
function pdfText(items: PdfTextItem[], line: Line): string {
  return items
    .filter((i) => Math.abs(i.y - line.y) < 0.5 && i.x > line.left - 0.5 && i.x < line.right)
    .sort((a, b) => a.x - b.x)
    .map((i) => i.text)
    .join('')
    .replace(/\s+/g, '');
}

describe('headlines and captions without a phrase space', () => {
  let res: CompileResult;
  let items: PdfTextItem[];
  beforeAll(async () => {
    const sentences = sampleSentences();
    // Narrow columns on A4, so that most headlines need more than one line at the widths the search gives them.
    const template = 'extends: a4\ngrid:\n  columns: 6\nsizes:\n  headline:\n    min: 18\n    max: 20\n';
    const files: Record<string, string | Uint8Array> = { 'index.md': VALID_INDEX, 'pic.png': png(400, 300, true), 'big.yaml': template };
    HEADLINES.forEach((worded, i) => {
      // Bodies of the sample's sentences, a different stretch for each article (nothing for the cleaning to drop).
      const body = [0, 1].map((p) => sentences.slice(i * 6 + p * 3, i * 6 + p * 3 + 3).join('')).join('\n\n');
      const picture = i === 1 ? `\n\n![${plain(CAPTION)}](pic.png)\n` : '\n';
      files[`0${i + 1}-piece.md`] = `---\ntitle: ${plain(worded)}\nauthor: 作者${i + 1}\nrole: 某镇党委书记\n---\n\n${body}${picture}`;
    });
    const dir = writeBulletin(files, join(tempDir(), 'b'));
    res = await compile({ dir, template: join(dir, 'big.yaml') });
    items = (await readPdfText(res.pdf)).flatMap((p) => p.items);
  });

  it('breaks every headline between words on the page, as the display list sets it', () => {
    let broken = 0;
    HEADLINES.forEach((worded, i) => {
      const lines = displayLines(res, `a${i + 1}-title`);
      expect(lines.length, plain(worded)).toBeGreaterThan(0);
      expectWordBreaks(lines.map((l) => l.text), worded);
      if (lines.length > 1) broken += 1;
      // Read back from the PDF: each line's text where the display list draws it.
      for (const line of lines) expect(pdfText(items, line)).toBe(line.text);
    });
    // Some headlines must need two lines at the widths the search chose, or nothing was tested.
    expect(broken).toBeGreaterThan(0);
  });

  it('keeps a caption’s words and its （资料图） whole', () => {
    const id = res.display.pages.flatMap((p) => p.items).find((i) => i.kind === 'text' && i.tag?.role === 'Caption')?.tag?.id;
    expect(id).toBeDefined();
    const lines = displayLines(res, id!);
    expect(lines.length).toBeGreaterThan(1);
    expectWordBreaks(lines.map((l) => l.text), CAPTION);
    for (const line of lines) expect(pdfText(items, line)).toBe(line.text);
  });
});
