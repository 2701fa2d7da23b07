// The store of split parts (split-parts.ts): for each (article,
// item, width) asked for, a run of entries by rows filled and by target rows,
// each entry pointing at a list of numbers in one shared pool. A run is asked
// for about seven neighbouring rows, and as many targets: its entries are kept
// in blocks of BLOCK, made when first written (a run of 2·S entries was mostly
// memory never used, and fresh memory costs to map). All of it in typed arrays,
// which the young-generation collector does not copy.
import { grown } from './grown.js';

const BLOCK_BITS = 3;
/** Entries in a block: 8. */
const BLOCK = 1 << BLOCK_BITS;

export class SplitRuns {
  /** Blocks a run's rows take; its targets take as many more, from run + half. */
  readonly half: number;
  /** Per slot: where its run begins in runBlocks, plus one (0: none yet). */
  private readonly runs: Int32Array;
  /** Per run, its 2·half block numbers (0: that block not made yet). */
  private runBlocks: Int32Array;
  private runCount = 0;
  private blocks: Int32Array;
  /** Block 0 stands for none. */
  private blockCount = 1;
  /**
   * The lists entries point at: a length, then its numbers; the empty list is at 0. It grows (and
   * moves) in reserve(): read it through this property after anything that may add lists.
   */
  pool: Int32Array;
  private pooled = 1;

  /** `slots` slots, entries 0..states − 1 per run; sized for `articles` articles' usual needs (they grow, but every move touches fresh memory). */
  constructor(slots: number, states: number, articles: number) {
    this.half = Math.ceil(states / BLOCK);
    this.runs = new Int32Array(slots);
    this.runBlocks = new Int32Array(Math.max(64, 24 * articles) * 2 * this.half);
    this.blocks = new Int32Array(Math.max(64, 24 * articles) * 4 * BLOCK);
    this.pool = new Int32Array(Math.max(4096, 640 * articles));
  }

  /** Where the run of a slot begins (made on first use). */
  runOf(slot: number): number {
    if (this.runs[slot] === 0) {
      const size = 2 * this.half;
      if ((this.runCount + 1) * size > this.runBlocks.length) this.runBlocks = grown(this.runBlocks, (this.runCount + 1) * size);
      this.runs[slot] = this.runCount * size + 1;
      this.runCount += 1;
    }
    return this.runs[slot] - 1;
  }

  /** Entry x of a run's rows (at = run) or targets (at = run + half); 0 when not set. */
  entry(at: number, x: number): number {
    const b = this.runBlocks[at + (x >> BLOCK_BITS)];
    return b === 0 ? 0 : this.blocks[b * BLOCK + (x & (BLOCK - 1))];
  }

  setEntry(at: number, x: number, value: number): void {
    let b = this.runBlocks[at + (x >> BLOCK_BITS)];
    if (b === 0) {
      if ((this.blockCount + 1) * BLOCK > this.blocks.length) this.blocks = grown(this.blocks, (this.blockCount + 1) * BLOCK);
      b = this.blockCount++;
      this.runBlocks[at + (x >> BLOCK_BITS)] = b;
    }
    this.blocks[b * BLOCK + (x & (BLOCK - 1))] = value;
  }

  /** `count` more numbers in the pool: where they begin. */
  reserve(count: number): number {
    if (this.pooled + count > this.pool.length) this.pool = grown(this.pool, this.pooled + count);
    this.pooled += count;
    return this.pooled - count;
  }
}
