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

/**
 * Columns [from, …) each with between lo and hi rows (the last between lastLo
 * and lastHi); the reachable end positions with a parent map for rebuilding.
 */
function reach(f: Flowable, from: number, to: number, k: number, lo: number, hi: number, lastLo: number, lastHi: number): Map<number, number>[] | undefined {
  const { pre, breakBefore } = f;
  let frontier = [from];
  const parents: Map<number, number>[] = [];
  for (let c = 0; c < k; c++) {
    const isLast = c === k - 1;
    const a = isLast ? lastLo : lo;
    const b = isLast ? lastHi : hi;
    const next = new Map<number, number>();
    for (const p of frontier) {
      for (let q = p + 1; q <= to; q++) {
        const rows = pre[q] - pre[p];
        if (rows > b) break;
        if (rows < a || !breakBefore[q]) continue;
        if (!next.has(q)) next.set(q, p);
      }
    }
    if (next.size === 0) return undefined;
    parents.push(next);
    frontier = [...next.keys()].sort((x, y) => x - y);
  }
  return parents;
}

function rebuild(parents: Map<number, number>[], end: number, from: number): number[] {
  const cuts = [end];
  let q = end;
  for (let c = parents.length - 1; c >= 0; c--) {
    q = parents[c].get(q)!;
    cuts.unshift(q);
  }
  if (cuts[0] !== from) throw new Error('flow: broken partition');
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
 * shortest with spread ≤ 1 if one exists, else the least spread (up to 4).
 */
export function balance(f: Flowable, from: number, to: number, k: number): Partition | undefined {
  const total = f.pre[to] - f.pre[from];
  if (k === 1) return { cuts: [from, to], height: total, spread: 0 };
  if (total < 2 * k) return undefined;
  const h0 = Math.ceil(total / k);
  for (let spread = 1; spread <= 4; spread++) {
    for (let h = h0; h <= h0 + spread; h++) {
      const lo = Math.max(1, h - spread);
      const parents = reach(f, from, to, k, lo, h, lo, h);
      if (parents && parents[k - 1].has(to)) return measure(f, rebuild(parents, to, from));
    }
  }
  return undefined;
}

/**
 * The part of items [from, to) that fills k columns of `rows` rows, the last
 * column keeping one row for the "下转" line: columns full or one row short.
 * Returns the partition of the part (it ends before `to`), or undefined.
 */
export function fillPart(f: Flowable, from: number, to: number, k: number, rows: number): Partition | undefined {
  if (rows < 3) return undefined;
  for (const slack of [1, 2]) {
    const parents = reach(f, from, to, k, rows - slack, rows, rows - 1 - slack, rows - 1);
    if (!parents) continue;
    // The longest part that leaves at least two rows to continue.
    let best = -1;
    for (const q of parents[k - 1].keys()) if (q < to && f.pre[to] - f.pre[q] >= 2 && q > best) best = q;
    if (best >= 0) return measure(f, rebuild(parents, best, from));
  }
  return undefined;
}
