// Split parts: the first part of an article cut at a page's foot, to go on
// overleaf (下转/上接; docs/layout.md, "Split parts"). For an article resumed
// at an item, a width and the rows the part may fill, up to MAX_PARTS places
// where the part may end, each with the white it leaves: the search tries
// each, since the rest must balance on the next page. The search keeps no
// partitions, only these ends; the plan rebuilds the chosen part's columns.
// Lists live in split-runs.ts's pool (typed arrays), found by a run per
// (article, item, width) and the rows filled.
import type { PreparedArticle } from '../article.js';
import { MAX_PARTS, mergeEnds, type ColumnFlow, type Partition } from '../flow.js';
import type { ModuleShapes } from './module-shapes.js';
import type { SearchSize } from './space.js';
import { SplitRuns } from './split-runs.js';

/** The parts of one article from one item at one width. */
export interface PartsKey {
  article: number;
  from: number;
  k: number;
  /** Where its entries are in the store. */
  run: number;
}

/** A list of parts: where it is in the store (see count, end, white). */
export type PartList = number;

export class SplitParts {
  private readonly runs: SplitRuns;
  // The two kinds' ends and their merge, reused (the search asks one list at a time).
  private readonly full = new Int32Array(MAX_PARTS);
  private readonly short = new Int32Array(MAX_PARTS);
  private readonly ends = new Int32Array(MAX_PARTS);

  constructor(
    private readonly articles: readonly PreparedArticle[],
    private readonly size: SearchSize,
    private readonly shapes: ModuleShapes,
    private readonly flow: ColumnFlow,
  ) {
    this.runs = new SplitRuns(size.slots, size.states, size.articles);
  }

  key(article: number, from: number, k: number): PartsKey {
    return { article, from, k, run: this.runs.runOf(this.size.slot(article, from, k)) };
  }

  /** The parts filling `rows` rows of the page (header and gap included). */
  partsAt(key: PartsKey, rows: number): PartList {
    const known = this.runs.entry(key.run, rows);
    if (known > 0) return known - 1;
    const at = this.compute(key, rows);
    this.runs.setEntry(key.run, rows, at + 1);
    return at;
  }

  count(list: PartList): number {
    return this.runs.pool[list];
  }

  /** Where part j of the list ends (the item the continuation resumes at). */
  end(list: PartList, j: number): number {
    return this.runs.pool[list + 1 + 2 * j];
  }

  /** The white part j leaves in its slot: every column below its last line, and the row of the 下转 line. */
  white(list: PartList, j: number): number {
    return this.runs.pool[list + 2 + 2 * j];
  }

  /** The partition of the chosen part, rebuilt for the plan, and its header's rows. */
  partition(key: Omit<PartsKey, 'run'>, rows: number, end: number): { part: Partition; headerRows: number } {
    const { article: a, from, k } = key;
    const bodyRows = rows - this.size.gap - this.shapes.headerRowsAt(a, from, k);
    const part = this.flow.fillParts(this.articles[a], from, k, bodyRows).find((pt) => pt.cuts[k] === end)!;
    return { part, headerRows: this.shapes.header(a, from, k).rows };
  }

  private compute(key: PartsKey, rows: number): number {
    const { article: a, from, k } = key;
    const bodyRows = rows - this.size.gap - this.shapes.headerRowsAt(a, from, k);
    // fillEnds, with its two kinds kept in the run.
    if (bodyRows < 3) return 0;
    const nFull = this.kindEnds(key, bodyRows, this.full);
    const nShort = this.kindEnds(key, bodyRows - 1, this.short);
    const count = mergeEnds(this.full, nFull, this.short, nShort, this.ends);
    if (count === 0) return 0;
    const at = this.runs.reserve(1 + 2 * count);
    const pre = this.articles[a].pre;
    const pool = this.runs.pool;
    pool[at] = count;
    for (let j = 0; j < count; j++) {
      pool[at + 1 + 2 * j] = this.ends[j];
      pool[at + 2 + 2 * j] = k * bodyRows - (pre[this.ends[j]] - pre[from]) - 1;
    }
    return at;
  }

  /** The ends of one kind of parts (columns of about `target` rows) into out, kept in the run: their count. */
  private kindEnds(key: PartsKey, target: number, out: Int32Array): number {
    const known = this.runs.entry(key.run + this.runs.half, target);
    if (known > 0) {
      const pool = this.runs.pool;
      for (let j = 0; j < pool[known - 1]; j++) out[j] = pool[known + j];
      return pool[known - 1];
    }
    const count = this.flow.kindEnds(this.articles[key.article], key.from, key.k, target, out);
    let at = 0;
    if (count > 0) {
      at = this.runs.reserve(1 + count);
      const pool = this.runs.pool;
      pool[at] = count;
      for (let j = 0; j < count; j++) pool[at + 1 + j] = out[j];
    }
    this.runs.setEntry(key.run + this.runs.half, target, at + 1);
    return count;
  }
}
