// The page search's band tails (paginate.ts) kept in parallel typed arrays:
// the search keeps tens of thousands of them for its whole run, and as
// objects they were what the young-generation collector copied most.
import { grown } from './grown.js';

/**
 * The tails: ways to fill the rest of a band. A whole band (split 0) ends
 * before article `next`; a split band ends with article `next` continuing
 * overleaf from item `from` in its last slot (width k, under the module of
 * shape `above` when stacked, else −1). A tail applies when the rows left are
 * between minRem (with the first slot's height) and maxRem; a whole band's
 * natural height is the larger of minRem and the first slot's. `stretch`: the
 * whole band may also stretch to the page's foot; `used`: columns taken by
 * the band's slots before any split one, first slot included; its slots
 * before any split one are slots[slotStart, slotEnd), three numbers each:
 * width, modules in the slot, natural height.
 *
 * A tail is its index in these parallel typed arrays. The search keeps tens
 * of thousands of tails for its whole run: as objects (with a list of slots
 * and a boxed penalty each) every young-generation collection copied them.
 * The arrays grow, and move: read them through the table after anything
 * that may add tails (settling another state).
 */
export class TailTable {
  count = 0;
  split: Uint8Array;
  next: Int32Array;
  penalty: Float64Array;
  minRem: Int32Array;
  maxRem: Int32Array;
  stretch: Uint8Array;
  used: Int32Array;
  from: Int32Array;
  k: Int32Array;
  above: Int32Array;
  slotStart: Int32Array;
  slotEnd: Int32Array;
  slots: Int32Array;
  private slotsUsed = 0;

  /** Room for `capacity` tails at first (they grow, but every move touches fresh memory). */
  constructor(capacity: number) {
    this.split = new Uint8Array(capacity);
    this.next = new Int32Array(capacity);
    this.penalty = new Float64Array(capacity);
    this.minRem = new Int32Array(capacity);
    this.maxRem = new Int32Array(capacity);
    this.stretch = new Uint8Array(capacity);
    this.used = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.k = new Int32Array(capacity);
    this.above = new Int32Array(capacity);
    this.slotStart = new Int32Array(capacity);
    this.slotEnd = new Int32Array(capacity);
    this.slots = new Int32Array(4 * capacity);
  }

  /** A new tail, its slots widths[j], modules[j], heights[j] for every j; its index. */
  add(split: boolean, next: number, penalty: number, minRem: number, maxRem: number, stretch: boolean, used: number,
    from: number, k: number, above: number, widths: number[], modules: number[], heights: number[]): number {
    const t = this.count;
    if (t === this.next.length) this.grow();
    this.count += 1;
    this.split[t] = split ? 1 : 0;
    this.next[t] = next;
    this.penalty[t] = penalty;
    this.minRem[t] = minRem;
    this.maxRem[t] = maxRem;
    this.stretch[t] = stretch ? 1 : 0;
    this.used[t] = used;
    this.from[t] = from;
    this.k[t] = k;
    this.above[t] = above;
    const need = this.slotsUsed + 3 * widths.length;
    if (need > this.slots.length) this.slots = grown(this.slots, need);
    this.slotStart[t] = this.slotsUsed;
    for (let j = 0; j < widths.length; j++) {
      this.slots[this.slotsUsed++] = widths[j];
      this.slots[this.slotsUsed++] = modules[j];
      this.slots[this.slotsUsed++] = heights[j];
    }
    this.slotEnd[t] = this.slotsUsed;
    return t;
  }

  private grow(): void {
    const c = 2 * this.next.length;
    this.split = grown(this.split, c);
    this.stretch = grown(this.stretch, c);
    this.next = grown(this.next, c);
    this.penalty = grown(this.penalty, c);
    this.minRem = grown(this.minRem, c);
    this.maxRem = grown(this.maxRem, c);
    this.used = grown(this.used, c);
    this.from = grown(this.from, c);
    this.k = grown(this.k, c);
    this.above = grown(this.above, c);
    this.slotStart = grown(this.slotStart, c);
    this.slotEnd = grown(this.slotEnd, c);
  }
}
