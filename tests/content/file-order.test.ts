// Article order without the collator must be the collator's order.
import { describe, expect, it } from 'vitest';
import { compareSimple, sortFileNames } from '../../src/content/file-order.js';
import { prng as random } from '../helpers/random.js';

const collator = new Intl.Collator('en', { numeric: true });
const sign = (x: number): number => Math.sign(x);

describe('file order', () => {
  it('compares simple names as the numeric collator does', () => {
    const next = random(42);
    // Pieces that make names alike: numbers with and without leading zeros, separators, short words.
    const pieces = ['0', '00', '1', '01', '2', '10', '007', '9', '99', '100', '-', '_', '.', 'a', 'b', 'z', 'md', 'hu', '.md'];
    const name = (): string => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let k = 0; k < 20000; k++) {
      const a = name();
      const b = next() < 0.1 ? a : name();
      expect(sign(compareSimple(a, b)), `${a} / ${b}`).toBe(sign(collator.compare(a, b)));
    }
  });

  it('sorts a bulletin directory as the collator does', () => {
    const names = ['10-b.md', '2-a.md', '01-c.md', '1-d.md', 'a.md', 'a-1.md', 'a_1.md', 'a.1.md', 'b10.md', 'b9.md', 'z.md', '0.md'];
    expect(sortFileNames(names)).toEqual([...names].sort(collator.compare));
  });

  it('leaves other names to the collator', () => {
    const names = ['第二篇.md', 'B.md', 'a.md', '10 x.md', '9 x.md', 'A.md', '安全.md', `${'1'.repeat(300)}.md`, `${'1'.repeat(299)}2.md`];
    expect(sortFileNames(names)).toEqual([...names].sort(collator.compare));
  });
});
