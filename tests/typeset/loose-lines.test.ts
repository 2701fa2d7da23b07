// Letter-spaced lines the paragraph cannot avoid (typeset/loose-lines.ts): measured
// from the placed glyphs as pdf-audit measures a PDF, with why and the edit that
// sets the paragraph tight. Real Noto Serif SC advances, a 10 pt body.
import { describe, expect, it } from 'vitest';
import { composeParagraph, lineSpacing, looseLines, type ParagraphInput } from '../../src/typeset/index.js';
import { body } from './check.js';

const S = 10;
const HAN = '安全生产责任重于泰山各级各部门要坚持人民至上生命至上统筹发展和安全';

function input(text: string, ems: number): ParagraphInput {
  return { spans: [{ text, chain: body }], size: S, measure: ems * S, indent: 0 };
}

describe('loose lines', () => {
  it('finds the line before a number too wide to fit after it, says why, and that adding characters fixes it', () => {
    // Seven ideographs, then fourteen digits (over 7 em, one unbreakable run) on a 10-em line.
    const text = `${HAN.slice(0, 7)}20242024202420年${HAN.slice(7, 30)}。`;
    const lines = composeParagraph(input(text, 10));
    expect(lines[0].text).toBe(HAN.slice(0, 7));
    const found = looseLines(input(text, 10), lines);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(0);
    expect(found[0].offset).toBe(0);
    // Three ems over six gaps.
    expect(found[0].gap).toBeCloseTo(0.5, 2);
    expect(found[0].reason).toEqual({ kind: 'unbreakable', text: '20242024202420' });
    expect(found[0].add).toBe(3);
    // And the paragraph with the added characters is set tight.
    const fixed = `${HAN[0].repeat(3)}${text}`;
    expect(looseLines(input(fixed, 10), composeParagraph(input(fixed, 10)))).toEqual([]);
  });

  it('measures what it reports: the mean extra between adjacent ideographs, 0 on a line set solid', () => {
    const lines = composeParagraph(input(HAN, 10));
    for (const l of lines) expect(lineSpacing(l).gap).toBeCloseTo(0, 9);
    expect(lineSpacing(lines[0]).pairs).toBe(9);
  });

  it('reports nothing for a paragraph that can be set tight, and exactly the letter-spaced lines of one that cannot', () => {
    const text = `${HAN}，${HAN.slice(0, 12)}“${HAN.slice(3, 9)}”。${HAN.slice(0, 20)}。`;
    let tight = 0;
    for (let ems = 8; ems <= 20; ems++) {
      const lines = composeParagraph(input(text, ems));
      const spaced = lines.flatMap((l, k) => (lineSpacing(l).gap > 0.05 ? [k] : []));
      expect(looseLines(input(text, ems), lines).map((f) => f.line), `${ems} em`).toEqual(spaced);
      if (spaced.length === 0) tight++;
    }
    // Every measure but one sets it without letter-spacing.
    expect(tight).toBe(12);
  });

  it('names the lone last character (孤字) when avoiding it is what letter-spaces a line', () => {
    // 21 ideographs and a stop on 10-em lines: set solid, the last line would hold one character and 。.
    const text = `${HAN.slice(0, 21)}。`;
    const lines = composeParagraph(input(text, 10));
    const found = looseLines(input(text, 10), lines);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].reason).toEqual({ kind: 'orphan' });
    expect(found[0].cut ?? found[0].add).toBeDefined();
  });
});
