// Random article bodies for the flow tests (flow.ts): lines and pictures by rows.
import type { Flowable } from '../../src/layout/flow.js';

/**
 * Lines (1 row) and pictures (2–6 rows, 8 % of items); a column may begin at
 * an item with probability `breakChance` (widows and captions forbid the rest).
 */
export function randomFlowable(rand: () => number, items: number, breakChance: number): Flowable {
  const pre = new Int32Array(items + 1);
  const breakBefore = new Uint8Array(items + 1);
  for (let i = 0; i < items; i++) {
    pre[i + 1] = pre[i] + (rand() < 0.08 ? 2 + Math.floor(rand() * 5) : 1);
    breakBefore[i] = rand() < breakChance ? 1 : 0;
  }
  breakBefore[items] = 1;
  return { pre, breakBefore };
}
