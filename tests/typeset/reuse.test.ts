// The engine reuses its working arrays from paragraph to paragraph
// (src/typeset/scratch.ts). A paragraph's lines must not depend on what was
// composed before it: longer, shorter, other schemes, other faces, emergency
// breaks. Each paragraph is composed alone first, then again in a shuffled
// stream of the others, and the two results must be the same.
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureSpans, type ParagraphInput, type PunctuationScheme } from '../../src/typeset/index.js';
import { body, bold } from './check.js';
import { prng, randomParagraph } from './random-text.js';

const SCHEMES: PunctuationScheme[] = ['quanjiao', 'kaiming', 'banjiao'];

function inputs(): ParagraphInput[] {
  const rand = prng(77);
  const out: ParagraphInput[] = [];
  for (let t = 0; t < 60; t++) {
    // From a few characters to long paragraphs, so that later ones are both shorter and longer than earlier ones.
    const text = randomParagraph(rand, 3 + Math.floor(rand() * (t % 3 === 0 ? 600 : 80)));
    out.push({
      spans: t % 4 === 0 ? [{ text, chain: body }, { text: randomParagraph(rand, 12), chain: bold }] : [{ text, chain: body }],
      size: 9,
      // 3 em forces emergency passes; 30 em gives long lines.
      measure: 9 * [3, 8, 13, 30][t % 4],
      indent: t % 5 === 0 ? 0 : 2,
      hangingIndent: t % 7 === 0 ? 2 : 0,
      scheme: SCHEMES[t % 3],
      align: (['justify', 'start', 'center'] as const)[t % 3],
    });
  }
  return out;
}

describe('composing a paragraph after others', () => {
  it('gives the same lines and widths as composing it first', () => {
    const all = inputs();
    const alone = all.map((p) => JSON.stringify([composeParagraph(p), measureSpans(p.spans, p.size, p.scheme)]));
    // Composed again, interleaved in another order (each after a different predecessor).
    const order = all.map((_, i) => (i * 37) % all.length);
    for (const i of order) {
      const p = all[i];
      expect(JSON.stringify([composeParagraph(p), measureSpans(p.spans, p.size, p.scheme)])).toBe(alone[i]);
    }
  });
});
