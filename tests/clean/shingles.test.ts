// The n-gram index against a plain reference: distinct n-grams per text,
// ranked rarest first with ties broken by the n-gram's UTF-16 units.
import { describe, expect, it } from 'vitest';
import { buildShingles, postingsFor } from '../../src/clean/shingles.js';

function reference(texts: string[], n: number): { sets: number[][]; tokens: number; df: Map<string, number> } {
  const grams = texts.map((t) => {
    const s = new Set<string>();
    for (let i = 0; i + n <= t.length; i++) s.add(t.slice(i, i + n));
    return s;
  });
  const df = new Map<string, number>();
  for (const s of grams) for (const g of s) df.set(g, (df.get(g) ?? 0) + 1);
  const units = (g: string): number[] => Array.from({ length: g.length }, (_, i) => g.charCodeAt(i));
  const byUnits = (a: string, b: string): number => {
    const x = units(a);
    const y = units(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  };
  const order = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || byUnits(a, b));
  const rank = new Map(order.map((g, r) => [g, r]));
  return { sets: grams.map((s) => [...s].map((g) => rank.get(g)!).sort((a, b) => a - b)), tokens: order.length, df };
}

const TEXTS = [
  '安全生产责任重于泰山安全生产',
  '安全第一',
  '',
  '安',
  '安全',
  'abcabcabc',
  '隐患排查治理，安全生产责任',
  '𠀀𠀁𠀀𠀁 mixed 𠀀',
  '\uffff\uffff\uffff\u0000\u0000',
  '责任重于泰山',
];

describe('buildShingles', () => {
  for (const n of [1, 2, 3]) {
    it(`ranks ${n}-grams rarest first, ties by the n-gram, as the reference does`, () => {
      const got = buildShingles(TEXTS, n);
      const want = reference(TEXTS, n);
      expect(got.tokens).toBe(want.tokens);
      expect(got.sets.map((s) => [...s])).toEqual(want.sets);
      expect(got.singles).toBe([...want.df.values()].filter((d) => d === 1).length);
    });
  }

  it('ranks the same way when there are enough n-grams for the sort to take whole units as digits', () => {
    // mulberry32, so the texts are the same on every run.
    let seed = 99;
    const next = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Units from all over the range (low, CJK, high surrogates, U+FFFF), few enough that n-grams repeat.
    const alphabet = ['a', '安', '全', '生', '产', '，', '\ud840', '\udc00', '\uffff', '\u0100', '\u01ff'];
    const texts = Array.from({ length: 700 }, () => Array.from({ length: 50 + Math.floor(next() * 150) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(texts.reduce((n, t) => n + t.length - 2, 0)).toBeGreaterThan(1 << 16);
    const got = buildShingles(texts, 3);
    const want = reference(texts, 3);
    expect(got.tokens).toBe(want.tokens);
    expect(got.sets.map((s) => [...s])).toEqual(want.sets);
  });

  it('lists the texts holding a rank in text order', () => {
    const got = buildShingles(TEXTS, 3);
    const all = Array.from({ length: got.tokens }, (_, r) => r);
    const postings = postingsFor(got, all);
    for (const r of all) {
      const want = got.sets.flatMap((s, t) => (s.includes(r) ? [t] : []));
      expect(postings.get(r)).toEqual(want);
    }
  });

  it('refuses n-grams that do not pack into the keys', () => {
    expect(() => buildShingles(TEXTS, 4)).toThrow(RangeError);
  });
});
