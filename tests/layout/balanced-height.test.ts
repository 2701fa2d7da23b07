// The page search sizes modules with balancedHeight (flow.ts), which finds the
// balanced partition without building it: its height must be the one of the
// partition balance builds (and the one drawn), and −1 exactly where balance
// finds none, on random articles at every width and from every start.
import { describe, expect, it } from 'vitest';
import { ColumnFlow, type Flowable } from '../../src/layout/flow.js';
import { prng } from '../typeset/random-text.js';
import { randomFlowable } from './random-flowable.js';

const article = (rand: () => number, items: number): Flowable => randomFlowable(rand, items, 0.7);

describe('balancedHeight', () => {
  it('is the height of the balanced partition, or −1 where there is none', () => {
    const rand = prng(2024);
    const flow = new ColumnFlow();
    let found = 0;
    let none = 0;
    for (let t = 0; t < 40; t++) {
      const items = 2 + Math.floor(rand() * 120);
      const f = article(rand, items);
      for (let from = 0; from < items; from += 1 + Math.floor(rand() * 7)) {
        for (let k = 1; k <= 6; k++) {
          const part = flow.balance(f, from, k);
          const height = flow.balancedHeight(f, from, k);
          expect(height).toBe(part ? part.height : -1);
          if (part) found++;
          else none++;
        }
      }
    }
    // Both outcomes were exercised.
    expect(found).toBeGreaterThan(100);
    expect(none).toBeGreaterThan(100);
  });
});
