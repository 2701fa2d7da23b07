// editSimilarity skips the common head and tail before measuring the edit
// distance; the result must be the full comparison's on any pair.
import { describe, expect, it } from 'vitest';
import { distance } from 'fastest-levenshtein';
import { editSimilarity } from '../../src/clean/rules/near-duplicate.js';
import { prng as random } from '../helpers/random.js';

const full = (a: string, b: string): number => {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - distance(a, b) / n;
};

describe('editSimilarity', () => {
  it('equals 1 − distance / longer length on pairs sharing heads, tails and repeats', () => {
    const next = random(7);
    // A small alphabet (with a surrogate pair) so heads, tails and inner repeats overlap often.
    const alphabet = ['安', '全', '生', '产', '，', 'a', '𠀀'];
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const head = word(Math.floor(next() * 6));
      const tail = word(Math.floor(next() * 6));
      const a = head + word(Math.floor(next() * 8)) + tail;
      const b = next() < 0.2 ? a : head + word(Math.floor(next() * 8)) + tail;
      expect(editSimilarity(a, b), `${a} / ${b}`).toBe(full(a, b));
    }
  });

  it('measures a change in the middle of long paragraphs', () => {
    const base = '安全生产责任重于泰山，'.repeat(20);
    const changed = `${base.slice(0, 100)}隐患排查${base.slice(104)}`;
    expect(editSimilarity(base, changed)).toBe(1 - 4 / base.length);
    expect(editSimilarity('', '')).toBe(1);
    expect(editSimilarity('安全', '')).toBe(0);
  });
});
