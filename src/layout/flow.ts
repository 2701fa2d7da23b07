// Flowing a stretch of an article's body into k columns (TYPOGRAPHY.md §5):
// columns may only begin where the break rules allow (no widows, orphans or
// lone subheadings), and a module's columns end level or one line apart. A
// small reachability DP over the allowed break positions finds such a
// partition; when none exists the least uneven one is returned and the page
// search pays for it.

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

// The reachability tables live in shared buffers stamped with a generation
// number, so a call neither allocates nor clears them: on big bulletins this
// runs a million times. A table is read (rebuild) before the next call.
let parentBuf = new Int32Array(1 << 14);
let stampBuf = new Int32Array(1 << 14);
let gen = 0;
let frontierA = new Int32Array(1 << 10);
let frontierB = new Int32Array(1 << 10);

// For each row r of an article's body, the first item that ends at or below it (pre[q] ≥ r): where
// a column that must hold at least some rows can first end, read rather than searched for. Built
// once per article (keyed by its prefix sums), as the page search flows each one thousands of times.
const rowIndexes = new WeakMap<Int32Array, Int32Array>();
// The last one asked for: the search asks for the same article's many times in a row.
let lastPre: Int32Array | undefined;
let lastIndex: Int32Array | undefined;
function rowIndex(pre: Int32Array): Int32Array {
  if (pre === lastPre) return lastIndex!;
  let index = rowIndexes.get(pre);
  if (!index) {
    const total = pre[pre.length - 1];
    index = new Int32Array(total + 1);
    let q = 0;
    for (let r = 0; r <= total; r++) {
      while (pre[q] < r) q++;
      index[r] = q;
    }
    rowIndexes.set(pre, index);
  }
  lastPre = pre;
  lastIndex = index;
  return index;
}

interface Table {
  from: number;
  span: number;
  k: number;
}

// The table of the last reach, like the buffers it describes: one object, rewritten by every call.
const table: Table = { from: 0, span: 0, k: 0 };

/**
 * Columns [from, …) each with between lo and hi rows (the last between lastLo
 * and lastHi): marks for every column the reachable end positions with their
 * parent. Undefined when some column has no reachable end.
 */
function reach(f: Flowable, from: number, to: number, k: number, lo: number, hi: number, lastLo: number, lastHi: number): Table | undefined {
  const { pre, breakBefore } = f;
  const rowItem = rowIndex(pre);
  const total = pre[pre.length - 1];
  const span = to - from + 1;
  if (k * span > parentBuf.length) {
    parentBuf = new Int32Array(k * span * 2);
    stampBuf = new Int32Array(k * span * 2);
  }
  if (span > frontierA.length) {
    frontierA = new Int32Array(span * 2);
    frontierB = new Int32Array(span * 2);
  }
  gen += 1;
  let frontier = frontierA;
  let next = frontierB;
  frontier[0] = from;
  let count = 1;
  for (let c = 0; c < k; c++) {
    const isLast = c === k - 1;
    const a = isLast ? lastLo : lo;
    const b = isLast ? lastHi : hi;
    const base0 = c * span - from;
    let found = 0;
    for (let x = 0; x < count; x++) {
      const p = frontier[x];
      const base = pre[p];
      // Columns are tens of lines tall: start at the first item that could end one (a rows in),
      // not at every line before it.
      const r = base + a;
      const first = r > total ? to + 1 : Math.min(to + 1, Math.max(p + 1, rowItem[r]));
      for (let q = first; q <= to; q++) {
        const rows = pre[q] - base;
        if (rows > b) break;
        if (rows < a || !breakBefore[q]) continue;
        const idx = base0 + q;
        if (stampBuf[idx] === gen) continue;
        stampBuf[idx] = gen;
        parentBuf[idx] = p;
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
  table.from = from;
  table.span = span;
  table.k = k;
  return table;
}

function reached(t: Table, q: number): boolean {
  return stampBuf[(t.k - 1) * t.span + q - t.from] === gen;
}

function rebuild(t: Table, end: number): number[] {
  const cuts = new Array<number>(t.k + 1);
  cuts[t.k] = end;
  let q = end;
  for (let c = t.k - 1; c >= 0; c--) {
    q = parentBuf[c * t.span + q - t.from];
    cuts[c] = q;
  }
  if (cuts[0] !== t.from) throw new Error('flow: broken partition');
  return cuts;
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
 * The balanced partition of items [from, to) into k non-empty columns: the
 * shortest whose columns differ by at most `maxSpread` rows (TYPOGRAPHY.md §5
 * allows one), or undefined.
 */
export function balance(f: Flowable, from: number, to: number, k: number, maxSpread = 1): Partition | undefined {
  if (k === 1) return { cuts: [from, to], height: f.pre[to] - f.pre[from], spread: 0 };
  const parents = balancedTable(f, from, to, k, maxSpread);
  return parents && measure(f, rebuild(parents, to));
}

/**
 * The height of balance(f, from, to, k) (its columns at most one row apart),
 * or −1 when there is none: what the page search asks of every module, without
 * building the partition.
 */
export function balancedHeight(f: Flowable, from: number, to: number, k: number): number {
  const pre = f.pre;
  if (k === 1) return pre[to] - pre[from];
  const t = balancedTable(f, from, to, k, 1);
  if (!t) return -1;
  // The tallest column, walking the cuts back from the end as rebuild does.
  let height = 0;
  let q = to;
  for (let c = k - 1; c >= 0; c--) {
    const p = parentBuf[c * t.span + q - t.from];
    if (pre[q] - pre[p] > height) height = pre[q] - pre[p];
    q = p;
  }
  return height;
}

/** The reachability table in which the balanced partition of items [from, to) into k columns (k > 1) ends at `to`. */
function balancedTable(f: Flowable, from: number, to: number, k: number, maxSpread: number): Table | undefined {
  const total = f.pre[to] - f.pre[from];
  if (total < 2 * k) return undefined;
  const h0 = Math.ceil(total / k);
  for (let spread = 1; spread <= maxSpread; spread++) {
    for (let h = h0; h <= h0 + spread; h++) {
      const lo = Math.max(1, h - spread);
      // k columns of at most h rows must hold the total, and of at least lo rows must not exceed it.
      if (k * lo > total || k * h < total) continue;
      const parents = reach(f, from, to, k, lo, h, lo, h);
      if (parents && reached(parents, to)) return parents;
    }
  }
  return undefined;
}

/**
 * The parts of items [from, to) that fill k columns of `rows` rows, the last
 * column keeping one row for the "下转" line: columns full or one row short,
 * or all one row shorter. Up to `max` candidates, longest first, each leaving
 * at least two rows to continue: the page search picks the one whose rest
 * balances best on the next page.
 */
export function fillParts(f: Flowable, from: number, to: number, k: number, rows: number, max = 4): Partition[] {
  const out: Partition[] = [];
  for (const q of fillEnds(f, from, to, k, rows, max)) {
    // The part ending at q, of whichever kind it is (full first, as fillEnds offers it).
    for (const target of [rows, rows - 1]) {
      const parents = reachAt(f, from, to, k, target);
      if (parents && reached(parents, q)) {
        out.push(measure(f, rebuild(parents, q)));
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
export function fillEnds(f: Flowable, from: number, to: number, k: number, rows: number, max = 4): number[] {
  if (rows < 3) return [];
  // Columns end level or one line apart (the 下转 line counted): full, else one row short of the foot.
  const full = new Int32Array(max);
  const short = new Int32Array(max);
  const out = new Int32Array(max);
  const count = mergeEnds(full, kindEnds(f, from, to, k, rows, max, full), short, kindEnds(f, from, to, k, rows - 1, max, short), max, out);
  return Array.from(out.subarray(0, count));
}

/**
 * The ends fillEnds offers, from the ends of its two kinds of parts (full:
 * kindEnds at target rows; short: at rows − 1), written into out[0..count);
 * the count. The page search keeps the kinds' ends and merges them itself.
 */
export function mergeEnds(full: Int32Array, nFull: number, short: Int32Array, nShort: number, max: number, out: Int32Array): number {
  // A part can be of both kinds (level columns one row short, the last two short). It is offered
  // once; the shorter kind's next part would never make the longest `max` anyway (at least `max`
  // longer ones are already in hand), so `max` of each kind are enough.
  // Both lists run longest first: merge them, keeping the longest `max`.
  let count = 0;
  let i = 0;
  let j = 0;
  while (count < max && (i < nFull || j < nShort)) {
    const q = j >= nShort || (i < nFull && full[i] >= short[j]) ? full[i++] : short[j++];
    if (count === 0 || out[count - 1] !== q) out[count++] = q;
  }
  return count;
}

/** Reachability for parts whose columns hold target − 1 or target rows, the last target − 2 or target − 1. */
function reachAt(f: Flowable, from: number, to: number, k: number, target: number): Table | undefined {
  // Nothing reaches k·target rows: look no further than the first item there (by bisection).
  const pre = f.pre;
  const base = pre[from];
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pre[mid] - base < k * target) lo = mid + 1;
    else hi = mid;
  }
  return reach(f, from, lo, k, target - 1, target, target - 2, target - 1);
}

/**
 * Ends of parts of one kind (columns of target − 1 or target rows, the last
 * target − 2 or target − 1), up to `max`, longest first, written into
 * out[0..count); the count. They do not depend on the rows of the page (a
 * part never reaches k·target rows), so one list serves both fillEnds(rows =
 * target) and fillEnds(rows = target + 1).
 */
export function kindEnds(f: Flowable, from: number, to: number, k: number, target: number, max: number, out: Int32Array): number {
  let count = 0;
  const parents = reachAt(f, from, to, k, target);
  if (parents) {
    const pre = f.pre;
    const base = pre[from];
    // No part ends before k − 1 columns of target − 1 rows and a last one of target − 2.
    const least = (k - 1) * (target - 1) + target - 2;
    for (let q = Math.min(parents.span - 1 + from, to - 1); q > from && count < max && pre[q] - base >= least; q--) {
      if (reached(parents, q) && pre[to] - pre[q] >= 2) out[count++] = q;
    }
  }
  return count;
}
