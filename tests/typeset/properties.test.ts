// Property test: thousands of seeded random paragraphs at several measures and
// schemes; the independent checker must find no broken rule in any of them.
import { describe, expect, it } from 'vitest';
import { composeParagraph, type ParagraphInput, type PunctuationScheme } from '../../src/typeset/index.js';
import { body, bold, urlBreak, violations } from './check.js';
import { prng, randomParagraph } from './random-text.js';

/**
 * Loose lines (> ¼ em extra per gap): on measures of 20 em and more, no
 * justified line may be loose unless the checker finds it unavoidable: the
 * next break unit would not fit on it, or the next line is the paragraph's
 * last (pulling a unit up would orphan it), or the next line holds an
 * unbreakable run of 3 em or more that the optimiser had to place. On
 * narrower measures chains of kinsoku and Latin runs make local judgement
 * unreliable, so only the other rules are checked there.
 */
const LOOSE_FROM_EMS = 20;

const SCHEMES: PunctuationScheme[] = ['quanjiao', 'kaiming', 'banjiao'];

/** The t-th random case: a paragraph of 20–219 characters at 10–30 em, sizes, indents and hanging indents varied. */
function randomInput(rand: () => number, t: number, scheme: PunctuationScheme, latin?: boolean): { text: string; ems: number; input: ParagraphInput } {
  const text = randomParagraph(rand, 20 + Math.floor(rand() * 200), latin);
  const ems = 10 + Math.floor(rand() * 21);
  const size = [9, 10, 10.5, 12][t % 4];
  const input: ParagraphInput = {
    spans: [{ text, chain: body }],
    size,
    measure: ems * size,
    indent: t % 5 === 0 ? 0 : 2,
    hangingIndent: t % 7 === 0 ? 1 : 0,
    scheme,
  };
  return { text, ems, input };
}

function check(input: ParagraphInput): string[] {
  return violations(input, composeParagraph(input), input.measure / input.size >= LOOSE_FROM_EMS ? 1 : Infinity);
}

describe('random paragraphs', () => {
  for (const scheme of SCHEMES) {
    it(`break no rule (${scheme})`, () => {
      const rand = prng(SCHEMES.indexOf(scheme) + 1);
      const failures: string[] = [];
      for (let t = 0; t < 1000; t++) {
        const { text, ems, input } = randomInput(rand, t, scheme);
        const v = check(input);
        if (v.length) failures.push(`${JSON.stringify(text)} @${ems}em: ${v.join('; ')}`);
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });
  }

  it('break no rule with mixed faces, ragged and centred lines', () => {
    const rand = prng(99);
    const failures: string[] = [];
    for (let t = 0; t < 500; t++) {
      const a = randomParagraph(rand, 10 + Math.floor(rand() * 60));
      const b = randomParagraph(rand, 5 + Math.floor(rand() * 30));
      const c = randomParagraph(rand, 10 + Math.floor(rand() * 60));
      const ems = 10 + Math.floor(rand() * 21);
      const input: ParagraphInput = {
        spans: [
          { text: a, chain: body },
          { text: b, chain: bold },
          { text: c, chain: body },
        ],
        size: 10,
        measure: ems * 10,
        align: (['justify', 'start', 'center'] as const)[t % 3],
        scheme: SCHEMES[t % 3],
      };
      const v = check(input);
      if (v.length) failures.push(`${JSON.stringify(a + b + c)} @${ems}em: ${v.join('; ')}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('break no rule with long English words, URLs and e-mail addresses', () => {
    const rand = prng(7);
    const failures: string[] = [];
    let hyphens = 0;
    let urlBreaks = 0;
    for (let t = 0; t < 1000; t++) {
      const { text, ems, input } = randomInput(rand, t, SCHEMES[t % 3], true);
      const lines = composeParagraph(input);
      const v = violations(input, lines, ems >= LOOSE_FROM_EMS ? 1 : Infinity);
      if (v.length) failures.push(`${JSON.stringify(text)} @${ems}em: ${v.join('; ')}`);
      const chars = [...text];
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += [...line.text].length;
        if (line.hyphen) hyphens++;
        else if (urlBreak(chars, at)) urlBreaks++;
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The new break kinds are really exercised.
    expect(hyphens).toBeGreaterThan(20);
    expect(urlBreaks).toBeGreaterThan(20);
  });
});
