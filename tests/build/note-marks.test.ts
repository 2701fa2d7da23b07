// A note mark (①) belongs to the word it marks (TYPOGRAPHY.md §2): compiled
// in process from a paragraph with twenty footnote references, one every
// eight characters so that some mark falls at every position of a 13-em
// line, and read back from the PDF glyph by glyph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { compile } from '../../src/pipeline/compile.js';
import { glyphLines, readPdfGlyphs, type PdfGlyph } from '../helpers/pdf-glyphs.js';
import { article, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

const EM = 9;
const MARKS = Array.from({ length: 20 }, (_, k) => String.fromCodePoint(0x2460 + k));
const WORDS = '安全生产责任重于泰山各级各部门要坚持人民至上生命至上统筹发展和安全';

function paragraph(): string {
  let out = '';
  for (let k = 0; k < MARKS.length; k++) out += `${WORDS.slice(k % 10, (k % 10) + 7)}[^${k + 1}]`;
  return `${out}。`;
}

describe('note marks on the page', () => {
  let dir: string;
  let lines: PdfGlyph[][];
  beforeAll(async () => {
    const notes = MARKS.map((_, k) => `[^${k + 1}]: 注释${k + 1}。`).join('\n');
    dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article('注释的位置', '张三', `${paragraph()}\n\n${notes}\n`) });
    const res = await compile({ dir });
    const pages = await readPdfGlyphs(res.pdf);
    lines = glyphLines(pages[0].filter((g) => Math.abs(g.size - EM) < 0.01 && !/WenKai/.test(g.font)), EM);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never start a line: each keeps with the character before it', () => {
    const body = lines.filter((l) => l.some((g) => WORDS.includes(g.text)));
    const marks = body.flat().filter((g) => MARKS.includes(g.text));
    expect(marks).toHaveLength(MARKS.length);
    expect(body.filter((l) => MARKS.includes(l[0].text)).map((l) => l.map((g) => g.text).join(''))).toEqual([]);
  });
});
