// The page search's tails table (tail-table.ts) grows past its first capacity
// without losing what it holds, in every one of its typed arrays.
import { describe, expect, it } from 'vitest';
import { TailTable } from '../../src/layout/tail-table.js';

describe('TailTable', () => {
  it('keeps every field of every tail as it grows', () => {
    const table = new TailTable(2);
    for (let t = 0; t < 9; t++) {
      const widths = Array.from({ length: t % 3 }, (_, j) => j + 1);
      expect(table.add(t % 2 === 0, t, t + 0.25, t, 2 * t, t % 3 === 0, t + 1, 3 * t, t % 6, t - 1, widths, widths.map(() => 1), widths.map((w) => 10 * w))).toBe(t);
    }
    expect(table.count).toBe(9);
    for (let t = 0; t < 9; t++) {
      expect([table.split[t], table.next[t], table.penalty[t], table.minRem[t], table.maxRem[t], table.stretch[t], table.used[t], table.from[t], table.k[t], table.above[t]])
        .toEqual([t % 2 === 0 ? 1 : 0, t, t + 0.25, t, 2 * t, t % 3 === 0 ? 1 : 0, t + 1, 3 * t, t % 6, t - 1]);
      const slots = Array.from(table.slots.subarray(table.slotStart[t], table.slotEnd[t]));
      expect(slots).toEqual(Array.from({ length: t % 3 }, (_, j) => [j + 1, 1, 10 * (j + 1)]).flat());
    }
  });
});
