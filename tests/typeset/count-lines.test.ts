// countLines (the page search's line count of a text it may never draw, such
// as a byline at every module width) must agree with composeParagraph, on
// random paragraphs at narrow and wide measures, in every scheme.
import { describe, expect, it } from 'vitest';
import { composeParagraph, countLines, type ParagraphInput, type PunctuationScheme } from '../../src/typeset/index.js';
import { body, bold } from './check.js';
import { prng, randomParagraph } from './random-text.js';

const SCHEMES: PunctuationScheme[] = ['quanjiao', 'kaiming', 'banjiao'];

describe('countLines', () => {
  it('is the number of lines composeParagraph makes', () => {
    const rand = prng(31);
    const counts = new Set<number>();
    for (let t = 0; t < 80; t++) {
      const text = randomParagraph(rand, 1 + Math.floor(rand() * (t % 3 === 0 ? 400 : 40)), t % 5 === 0);
      const input: ParagraphInput = {
        spans: t % 4 === 0 ? [{ text, chain: body }, { text: randomParagraph(rand, 10), chain: bold }] : [{ text, chain: body }],
        size: 9,
        // 3 em forces emergency passes; 30 em gives long lines.
        measure: 9 * [3, 6, 13, 30][t % 4],
        indent: t % 2 === 0 ? 0 : 2,
        scheme: SCHEMES[t % 3],
        align: (['justify', 'start', 'center'] as const)[t % 3],
      };
      const n = countLines(input);
      expect(n).toBe(composeParagraph(input).length);
      counts.add(n);
    }
    // Paragraphs of one line and of many were among them.
    expect(counts.has(1)).toBe(true);
    expect(Math.max(...counts)).toBeGreaterThan(10);
  });
});
