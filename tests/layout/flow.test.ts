// Split parts at a page's foot (flow.ts fillParts), checked against a brute
// force over every way to cut the columns, and as the page search builds them
// from the ends of their two kinds (kindEnds, mergeEnds).
import { describe, expect, it } from 'vitest';
import { ColumnFlow, mergeEnds, type Flowable } from '../../src/layout/flow.js';
import { prng } from '../typeset/random-text.js';
import { randomFlowable } from './random-flowable.js';

const article = (rand: () => number, items: number): Flowable => randomFlowable(rand, items, 0.8);

/** Ends q of parts [from, q) in k columns of lo..hi rows (the last lastLo..lastHi), by trying every cut. */
function ends(f: Flowable, from: number, to: number, k: number, lo: number, hi: number, lastLo: number, lastHi: number): Set<number> {
  const out = new Set<number>();
  const go = (p: number, c: number) => {
    for (let q = p + 1; q <= to; q++) {
      const rows = f.pre[q] - f.pre[p];
      const last = c === k - 1;
      if (rows > (last ? lastHi : hi)) break;
      if (rows < (last ? lastLo : lo) || !f.breakBefore[q]) continue;
      if (last) out.add(q);
      else go(q, c + 1);
    }
  };
  go(from, 0);
  return out;
}

/** The ends fillParts should offer: the longest four full parts, then the longest four one row shorter not already offered, longest first, four at most. */
function expected(f: Flowable, from: number, to: number, k: number, rows: number): number[] {
  if (rows < 3) return [];
  const pick = (target: number, skip: number[]) =>
    [...ends(f, from, to, k, target - 1, target, target - 2, target - 1)]
      .filter((q) => f.pre[to] - f.pre[q] >= 2 && !skip.includes(q))
      .sort((a, b) => b - a)
      .slice(0, 4);
  const full = pick(rows, []);
  return [...full, ...pick(rows - 1, full)].sort((a, b) => b - a).slice(0, 4);
}

describe('fillParts and fillEnds', () => {
  it('offers the parts a brute force finds, the same when the search merges the two kinds it keeps', () => {
    const rand = prng(5);
    const flow = new ColumnFlow();
    for (let t = 0; t < 40; t++) {
      const f = article(rand, 20 + Math.floor(rand() * 60));
      const to = f.pre.length - 1;
      for (let from = 0; from < to - 4; from += 1 + Math.floor(rand() * 6)) {
        for (let k = 1; k <= 4; k++) {
          for (let rows = 2; rows <= 16; rows++) {
            const want = expected(f, from, to, k, rows);
            expect(flow.fillEnds(f, from, k, rows)).toEqual(want);
            // The search keeps each kind's ends and merges them; the plan rebuilds the parts.
            if (rows >= 3) {
              const full = new Int32Array(4);
              const short = new Int32Array(4);
              const out = new Int32Array(4);
              const count = mergeEnds(full, flow.kindEnds(f, from, k, rows, full), short, flow.kindEnds(f, from, k, rows - 1, short), out);
              expect([...out.subarray(0, count)]).toEqual(want);
            }
            const parts = flow.fillParts(f, from, k, rows);
            expect(parts.map((p) => p.cuts[k])).toEqual(want);
            for (const p of parts) {
              // Every column of a returned part keeps the rules it was sought under.
              expect(p.cuts[0]).toBe(from);
              for (let c = 0; c < k; c++) expect(f.breakBefore[p.cuts[c + 1]]).toBe(1);
              const heights = p.cuts.slice(1).map((q, c) => f.pre[q] - f.pre[p.cuts[c]]);
              const fits = (target: number) =>
                heights.every((h, c) => (c < k - 1 ? h >= target - 1 && h <= target : h >= target - 2 && h <= target - 1));
              expect(fits(rows) || fits(rows - 1)).toBe(true);
              expect(f.pre[to] - f.pre[p.cuts[k]]).toBeGreaterThanOrEqual(2);
            }
          }
        }
      }
    }
  });
});
