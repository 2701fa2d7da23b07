// The page search's tails table (src/layout/page-search/band-tails.ts) grows
// past its first capacity without losing what it holds, in every one of its
// typed arrays.
import { describe, expect, it } from 'vitest';
import { TailTable } from '../../src/layout/page-search/band-tails.js';

describe('TailTable', () => {
  it('keeps every field of every tail as it grows', () => {
    const table = new TailTable(2);
    for (let t = 0; t < 9; t++) {
      const widths = Array.from({ length: t % 3 }, (_, j) => j + 1);
      const spec = {
        split: t % 2 === 0, next: t, taste: t + 0.25, minRows: t, maxRows: 2 * t, stretch: t % 3 === 0, used: t + 1, from: 3 * t,
        k: t % 6, above: t - 1, widths, modules: widths.map(() => 1), heights: widths.map((w) => 10 * w),
      };
      expect(table.add(spec)).toBe(t);
    }
    expect(table.count).toBe(9);
    for (let t = 0; t < 9; t++) {
      expect([table.split(t), table.next(t), table.taste(t), table.minRows(t), table.maxRows(t), table.stretch(t), table.used(t), table.from(t), table.k(t), table.above(t)])
        .toEqual([t % 2 === 0, t, t + 0.25, t, 2 * t, t % 3 === 0, t + 1, 3 * t, t % 6, t - 1]);
      const slots: number[] = [];
      for (let j = table.firstSlot(t); j < table.endSlot(t); j++) slots.push(table.slotWidth(j), table.slotModules(j), table.slotHeight(j));
      expect(slots).toEqual(Array.from({ length: t % 3 }, (_, j) => [j + 1, 1, 10 * (j + 1)]).flat());
    }
  });
});
