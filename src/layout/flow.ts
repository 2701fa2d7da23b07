// Flowing a stretch of an article's body into k columns (TYPOGRAPHY.md §5):
// columns may only begin where the break rules allow (no widows, orphans or
// lone subheadings), and a module's columns end level or one line apart. A
// small reachability DP over the allowed break positions finds such a
// partition (docs/layout.md, "Module shapes"). A stretch always runs to the
// end of the body: a module holds an article from some item to its end, and
// a part cut at a page's foot is found by where it may end.

export interface Flowable {
  /** Rows before item i. */
  pre: Int32Array;
  /** 1 where a column may begin with item i (always at the end). */
  breakBefore: Uint8Array;
}

export interface Partition {
  /** k + 1 item positions: column c holds items [cuts[c], cuts[c + 1]). */
  cuts: number[];
  /** Tallest column, rows. */
  height: number;
  /** Tallest minus shortest column, rows. */
  spread: number;
}

/** How many parts of a page's foot fillParts offers (the page search tries each). */
export const MAX_PARTS = 4;

/** The table a reach leaves: columns from item `from`, ends over `span` items, k columns. */
interface Table {
  from: number;
  span: number;
  k: number;
}

/** What a reach asks for: k columns from `from` (ending by `to`), each of lo..hi rows, the last of lastLo..lastHi. */
interface Reach {
  from: number;
  to: number;
  k: number;
  lo: number;
  hi: number;
  lastLo: number;
  lastHi: number;
}

/**
 * Flows bodies into columns. It owns the reachability tables and reuses them
 * from call to call: the page search flows articles a million times on a big
 * bulletin, and a call neither allocates nor clears them (entries are stamped
 * with a generation number). Each layout makes its own, so that layouts can
 * run side by side. A table is read before the next reach overwrites it.
 */
export class ColumnFlow {
  /** Per column c and end q (at c·span + q − from): the end of column c − 1 it was reached from, where stamp = generation. */
  private parent = new Int32Array(1 << 14);
  private stamp = new Int32Array(1 << 14);
  private generation = 0;
  /** The ends the last column reached, and those the next one reaches. */
  private frontier = new Int32Array(1 << 10);
  private nextFrontier = new Int32Array(1 << 10);
  private readonly table: Table = { from: 0, span: 0, k: 0 };
  /** Whether the last balanced partition (balance, balancedHeight) has level feet: every column but the last of one height. */
  level = false;
  /**
   * Per body (its prefix sums), for each row r the first item that ends at or below it (pre[q] ≥ r):
   * where a column holding at least some rows can first end, read rather than searched for.
   */
  private readonly rowIndexes = new WeakMap<Int32Array, Int32Array>();
  // The last one asked for: the search asks for the same article's many times in a row.
  private lastPre: Int32Array | undefined;
  private lastIndex: Int32Array | undefined;

  /**
   * The balanced partition of items [from, end) into k non-empty columns: the
   * shortest whose columns differ by at most `maxSpread` rows (TYPOGRAPHY.md §5
   * allows one), or undefined.
   */
  balance(f: Flowable, from: number, k: number, maxSpread = 1): Partition | undefined {
    const to = f.pre.length - 1;
    if (k === 1) return { cuts: [from, to], height: f.pre[to] - f.pre[from], spread: 0 };
    const parents = this.balancedTable(f, from, k, maxSpread);
    return parents && measure(f, this.rebuild(parents, to));
  }

  /**
   * The height of balance(f, from, k) (its columns at most one row apart), or −1
   * when there is none: what the page search asks of every module, without
   * building the partition.
   */
  balancedHeight(f: Flowable, from: number, k: number): number {
    const pre = f.pre;
    const to = pre.length - 1;
    if (k === 1) return pre[to] - pre[from];
    const t = this.balancedTable(f, from, k, 1);
    if (!t) return -1;
    // The tallest column, walking the cuts back from the end as rebuild does.
    let height = 0;
    let q = to;
    for (let c = k - 1; c >= 0; c--) {
      const p = this.parent[c * t.span + q - t.from];
      if (pre[q] - pre[p] > height) height = pre[q] - pre[p];
      q = p;
    }
    return height;
  }

  /**
   * The parts of items [from, end) that fill k columns of `rows` rows, the
   * last column keeping one row for the "下转" line: columns full or one row
   * short, or all one row shorter. Up to `max` candidates, longest first, each
   * leaving at least two rows to continue: the page search picks the one whose
   * rest balances best on the next page.
   */
  fillParts(f: Flowable, from: number, k: number, rows: number, max = MAX_PARTS): Partition[] {
    const out: Partition[] = [];
    for (const q of this.fillEnds(f, from, k, rows, max)) {
      // The part ending at q, of whichever kind it is (full first, as fillEnds offers it).
      for (const target of [rows, rows - 1]) {
        const parents = this.reachAt(f, from, k, target);
        if (parents && this.reached(parents, q)) {
          out.push(measure(f, this.rebuild(parents, q)));
          break;
        }
      }
    }
    return out;
  }

  /**
   * Where the parts fillParts offers end (their item q: the part is [from, q)),
   * longest first. The search needs no more: a part's white is the same however
   * its columns are cut (k·rows minus the rows it holds).
   */
  fillEnds(f: Flowable, from: number, k: number, rows: number, max = MAX_PARTS): number[] {
    if (rows < 3) return [];
    // Columns end level or one line apart (the 下转 line counted): full, else one row short of the foot.
    const full = new Int32Array(max);
    const short = new Int32Array(max);
    const out = new Int32Array(max);
    const count = mergeEnds(full, this.kindEnds(f, from, k, rows, full), short, this.kindEnds(f, from, k, rows - 1, short), out);
    return Array.from(out.subarray(0, count));
  }

  /**
   * Ends of parts of one kind (columns of target − 1 or target rows, the last
   * target − 2 or target − 1), up to out.length, longest first, written into
   * out[0..count); the count. They do not depend on the rows of the page (a
   * part never reaches k·target rows), so one list serves both fillEnds(rows =
   * target) and fillEnds(rows = target + 1).
   */
  kindEnds(f: Flowable, from: number, k: number, target: number, out: Int32Array): number {
    let count = 0;
    const parents = this.reachAt(f, from, k, target);
    if (parents) {
      const pre = f.pre;
      const to = pre.length - 1;
      const base = pre[from];
      // No part ends before k − 1 columns of target − 1 rows and a last one of target − 2.
      const least = (k - 1) * (target - 1) + target - 2;
      for (let q = Math.min(parents.span - 1 + from, to - 1); q > from && count < out.length && pre[q] - base >= least; q--) {
        if (this.reached(parents, q) && pre[to] - pre[q] >= 2) out[count++] = q;
      }
    }
    return count;
  }

  /**
   * The reachability table in which the balanced partition of items [from, end) into k columns
   * (k > 1) ends at the end. Level feet first (LAYOUT.md's make-up): every column but the last
   * of one height, the last as tall or, when the line count cannot be divided, one row shorter;
   * only when the count or the break rules allow no such partition, columns at most `maxSpread`
   * rows apart (the page search prefers widths with level feet: cost.ts RAGGED_FEET). `level`
   * says which it found.
   */
  private balancedTable(f: Flowable, from: number, k: number, maxSpread: number): Table | undefined {
    const to = f.pre.length - 1;
    const total = f.pre[to] - f.pre[from];
    this.level = false;
    if (total < 2 * k) return undefined;
    const h0 = Math.ceil(total / k);
    const lastLo = total - (k - 1) * h0;
    if (lastLo >= Math.max(1, h0 - 1)) {
      const parents = this.reach(f, { from, to, k, lo: h0, hi: h0, lastLo, lastHi: lastLo });
      if (parents && this.reached(parents, to)) {
        this.level = true;
        return parents;
      }
    }
    for (let spread = 1; spread <= maxSpread; spread++) {
      for (let h = h0; h <= h0 + spread; h++) {
        const lo = Math.max(1, h - spread);
        // k columns of at most h rows must hold the total, and of at least lo rows must not exceed it.
        if (k * lo > total || k * h < total) continue;
        const parents = this.reach(f, { from, to, k, lo, hi: h, lastLo: lo, lastHi: h });
        if (parents && this.reached(parents, to)) return parents;
      }
    }
    return undefined;
  }

  /** Reachability for parts whose columns hold target − 1 or target rows, the last target − 2 or target − 1. */
  private reachAt(f: Flowable, from: number, k: number, target: number): Table | undefined {
    // Nothing reaches k·target rows: look no further than the first item there (by bisection).
    const pre = f.pre;
    const base = pre[from];
    let lo = from;
    let hi = pre.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pre[mid] - base < k * target) lo = mid + 1;
      else hi = mid;
    }
    return this.reach(f, { from, to: lo, k, lo: target - 1, hi: target, lastLo: target - 2, lastHi: target - 1 });
  }

  /** Marks for every column the reachable ends with their parent; undefined when some column reaches none. */
  private reach(f: Flowable, r: Reach): Table | undefined {
    const { pre, breakBefore } = f;
    const { from, to, k } = r;
    const rowItem = this.rowIndex(pre);
    const total = pre[pre.length - 1];
    const span = to - from + 1;
    this.reserve(k, span);
    const gen = ++this.generation;
    const { parent, stamp } = this;
    let frontier = this.frontier;
    let next = this.nextFrontier;
    frontier[0] = from;
    let count = 1;
    for (let c = 0; c < k; c++) {
      const a = c === k - 1 ? r.lastLo : r.lo;
      const b = c === k - 1 ? r.lastHi : r.hi;
      const base0 = c * span - from;
      let found = 0;
      for (let x = 0; x < count; x++) {
        const p = frontier[x];
        const base = pre[p];
        // Columns are tens of lines tall: start at the first item that could end one (a rows in).
        const first = base + a > total ? to + 1 : Math.min(to + 1, Math.max(p + 1, rowItem[base + a]));
        for (let q = first; q <= to; q++) {
          const rows = pre[q] - base;
          if (rows > b) break;
          if (rows < a || !breakBefore[q]) continue;
          const idx = base0 + q;
          if (stamp[idx] === gen) continue;
          stamp[idx] = gen;
          parent[idx] = p;
          next[found++] = q;
        }
      }
      if (found === 0) return undefined;
      // Frontiers come out in increasing order only per parent; order does not matter for reachability.
      const t = frontier;
      frontier = next;
      next = t;
      count = found;
    }
    const table = this.table;
    table.from = from;
    table.span = span;
    table.k = k;
    return table;
  }

  private reached(t: Table, q: number): boolean {
    return this.stamp[(t.k - 1) * t.span + q - t.from] === this.generation;
  }

  private rebuild(t: Table, end: number): number[] {
    const cuts = new Array<number>(t.k + 1);
    cuts[t.k] = end;
    let q = end;
    for (let c = t.k - 1; c >= 0; c--) {
      q = this.parent[c * t.span + q - t.from];
      cuts[c] = q;
    }
    if (cuts[0] !== t.from) throw new Error('flow: broken partition');
    return cuts;
  }

  /** Room for k columns over `span` ends, and frontiers of `span`. */
  private reserve(k: number, span: number): void {
    if (k * span > this.parent.length) {
      this.parent = new Int32Array(k * span * 2);
      this.stamp = new Int32Array(k * span * 2);
    }
    if (span > this.frontier.length) {
      this.frontier = new Int32Array(span * 2);
      this.nextFrontier = new Int32Array(span * 2);
    }
  }

  private rowIndex(pre: Int32Array): Int32Array {
    if (pre === this.lastPre) return this.lastIndex!;
    let index = this.rowIndexes.get(pre);
    if (!index) {
      const total = pre[pre.length - 1];
      index = new Int32Array(total + 1);
      let q = 0;
      for (let r = 0; r <= total; r++) {
        while (pre[q] < r) q++;
        index[r] = q;
      }
      this.rowIndexes.set(pre, index);
    }
    this.lastPre = pre;
    this.lastIndex = index;
    return index;
  }
}

function measure(f: Flowable, cuts: number[]): Partition {
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const h = f.pre[cuts[c + 1]] - f.pre[cuts[c]];
    max = Math.max(max, h);
    min = Math.min(min, h);
  }
  return { cuts, height: max, spread: max - min };
}

/**
 * The ends fillEnds offers, from the ends of its two kinds of parts (full:
 * kindEnds at target rows; short: at rows − 1), up to out.length, written into
 * out[0..count); the count. The page search keeps the kinds' ends and merges
 * them itself.
 */
export function mergeEnds(full: Int32Array, nFull: number, short: Int32Array, nShort: number, out: Int32Array): number {
  // A part can be of both kinds (level columns one row short, the last two short). It is offered
  // once; the shorter kind's next part would never make the longest `max` anyway (at least `max`
  // longer ones are already in hand), so `max` of each kind are enough.
  // Both lists run longest first: merge them, keeping the longest `max`.
  const max = out.length;
  let count = 0;
  let i = 0;
  let j = 0;
  while (count < max && (i < nFull || j < nShort)) {
    const q = j >= nShort || (i < nFull && full[i] >= short[j]) ? full[i++] : short[j++];
    if (count === 0 || out[count - 1] !== q) out[count++] = q;
  }
  return count;
}
