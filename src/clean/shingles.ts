// Character n-gram sets of the units, with each n-gram replaced by its rank
// in a global rarity order (rarest first). One index serves two rules:
// fragment-duplicate looks containers up by a fragment's rarest n-gram, and
// near-duplicate's prefix filter reads the rarest part of each set.

export interface Shingles {
  /** Per unit: distinct n-gram ranks, ascending (rarest first). Empty when the text is shorter than n. */
  sets: Int32Array[];
  /** Number of distinct n-grams (ranks run from 0 to tokens − 1). */
  tokens: number;
  /** Ranks below this are n-grams of one text only (rarest first puts them at the start of every set). */
  singles: number;
  /** The texts holding a rank, in text order. */
  textsWith(rank: number): number[];
}

// This all runs once per build, cold. V8 compiles a long loop while it runs
// (on-stack replacement) and drops that code as soon as the function goes on
// to code that has never run: a function with several big loops ran all but
// the first in the interpreter. So each big loop is a function of its own.

/**
 * Every n-gram occurrence of every text: its units (the last, the one before
 * it and the one before that; 0 where n is smaller) and the text it is in.
 * Separate 16-bit arrays rather than units packed into 32-bit keys: numbers
 * of 2^30 and more are boxed by code V8 has not optimised yet, and this runs
 * once, cold.
 */
interface Occurrences {
  first: Uint16Array;
  mid: Uint16Array;
  last: Uint16Array;
  owner: Int32Array;
}

function newOccurrences(m: number): Occurrences {
  return { first: new Uint16Array(m), mid: new Uint16Array(m), last: new Uint16Array(m), owner: new Int32Array(m) };
}

/**
 * How often each UTF-16 unit is unit k of an n-gram (k = 0 the first), for
 * every k. This does not depend on the order of the occurrences, so one pass
 * over the texts counts for every pass of the radix sort.
 */
interface UnitCounts {
  /** counts[k][unit] */
  counts: Int32Array[];
  /** The distinct units of the texts, ascending (a few thousand, of 65,536 possible). */
  units: Uint16Array;
  /** Number of occurrences. */
  m: number;
}

function countUnits(texts: string[], n: number): UnitCounts {
  const counts = Array.from({ length: n }, () => new Int32Array(1 << 16));
  const seen = new Uint8Array(1 << 16);
  const distinct: number[] = [];
  let m = 0;
  for (let t = 0; t < texts.length; t++) m += countTextUnits(texts[t], n, counts, seen, distinct);
  return { counts, units: Uint16Array.from(distinct).sort(), m };
}

/** Counts the units of one text (see UnitCounts); returns its number of occurrences. */
function countTextUnits(text: string, n: number, counts: Int32Array[], seen: Uint8Array, distinct: number[]): number {
  const occurrences = Math.max(0, text.length - n + 1);
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (seen[c] === 0) {
      seen[c] = 1;
      distinct.push(c);
    }
    // Unit j is unit k of occurrence j − k, for each k that leaves that occurrence inside the text.
    const last = Math.min(n - 1, j);
    for (let k = Math.max(0, j - occurrences + 1); k <= last; k++) counts[k][c]++;
  }
  return occurrences;
}

/** Counts → where each unit's bucket starts, in place; summed over the units that occur only. */
function bucketStarts(counts: Int32Array, units: Uint16Array): Int32Array {
  let at = 0;
  for (let d = 0; d < units.length; d++) {
    const u = units[d];
    const count = counts[u];
    counts[u] = at;
    at += count;
  }
  return counts;
}

/**
 * Occurrences sorted by n-gram, by an LSD radix sort on the n UTF-16 units
 * (last unit first). The first pass is made as the occurrences are written
 * (they go straight to the bucket of their last unit). The sort is stable, so
 * occurrences of one n-gram stay in text order and repeats within a text end
 * up next to each other.
 */
function sortedOccurrences(texts: string[], n: number): Occurrences {
  const { counts, units, m } = countUnits(texts, n);
  let from = occurrencesOf(texts, n, m, bucketStarts(counts[n - 1], units));
  let to = newOccurrences(m);
  // Unit u of the n-gram, counted from the last.
  for (let u = 1; u < n; u++) {
    scatter(from, to, u === 1 ? from.mid : from.first, bucketStarts(counts[n - 1 - u], units));
    [from, to] = [to, from];
  }
  return from;
}

/** The occurrences, each written at `next[its last unit]++`. */
function occurrencesOf(texts: string[], n: number, m: number, next: Int32Array): Occurrences {
  const occ = newOccurrences(m);
  for (let t = 0; t < texts.length; t++) addOccurrences(occ, texts[t], t, n, next);
  return occ;
}

function addOccurrences({ first, mid, last, owner }: Occurrences, text: string, t: number, n: number, next: Int32Array): void {
  // a, b, c: the units ending at i (0 before the text starts, so unused units of a shorter n-gram are 0).
  let a = 0;
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i >= n - 1) {
      const at = next[c]++;
      first[at] = n === 3 ? a : 0;
      mid[at] = n >= 2 ? b : 0;
      last[at] = c;
      owner[at] = t;
    }
    a = b;
    b = c;
  }
}

/** Counts (shifted up by one) → starts, in place. */
export function runningSum(a: Int32Array): Int32Array {
  for (let g = 1; g < a.length; g++) a[g] += a[g - 1];
  return a;
}

/** One radix pass: moves every occurrence to `next[its digit]++`. */
function scatter(from: Occurrences, to: Occurrences, digits: Uint16Array, next: Int32Array): void {
  move(from.first, from.mid, from.last, from.owner, to.first, to.mid, to.last, to.owner, digits, next);
}

/** The loop of scatter, with arrays, not objects, as arguments: the optimised code reads no properties. */
function move(
  first: Uint16Array, mid: Uint16Array, last: Uint16Array, owner: Int32Array,
  first1: Uint16Array, mid1: Uint16Array, last1: Uint16Array, owner1: Int32Array,
  digits: Uint16Array, next: Int32Array,
): void {
  for (let i = 0; i < owner.length; i++) {
    const at = next[digits[i]]++;
    first1[at] = first[i];
    mid1[at] = mid[i];
    last1[at] = last[i];
    owner1[at] = owner[i];
  }
}

/**
 * Runs of one n-gram in the sorted occurrences are the tokens, in n-gram
 * order; df counts the distinct texts in the run, and an occurrence repeating
 * the one before it in the same text is marked.
 */
interface Runs {
  tokens: number;
  /** Token → index of its first occurrence (tokens + 1 entries). */
  runStart: Int32Array;
  df: Int32Array;
  repeat: Uint8Array;
  /** Per text: its number of distinct n-grams. */
  setSize: Int32Array;
  /** dfCount[d + 1]: how many tokens have df d (d ≤ texts), counted on the way. */
  dfCount: Int32Array;
}

function runsOf(occ: Occurrences, texts: number): Runs {
  const m = occ.owner.length;
  const runs = { tokens: 0, runStart: new Int32Array(m + 1), df: new Int32Array(m), repeat: new Uint8Array(m), setSize: new Int32Array(texts), dfCount: new Int32Array(texts + 2) };
  runs.tokens = findRuns(occ, runs);
  return runs;
}

/** Fills the arrays of `runs`; returns the number of tokens. */
function findRuns({ first, mid, last, owner }: Occurrences, { runStart, df, repeat, setSize, dfCount }: Runs): number {
  const m = owner.length;
  let tokens = 0;
  for (let i = 0; i < m; ) {
    let j = i;
    let count = 0;
    for (; j < m && last[j] === last[i] && mid[j] === mid[i] && first[j] === first[i]; j++) {
      if (j > i && owner[j] === owner[j - 1]) {
        repeat[j] = 1;
        continue;
      }
      count++;
      setSize[owner[j]]++;
    }
    runStart[tokens] = i;
    df[tokens++] = count;
    dfCount[count + 1]++;
    i = j;
  }
  runStart[tokens] = m;
  return tokens;
}

/**
 * Rank → token: rarest first; ties by the n-gram itself so the order never
 * depends on input order. Tokens are in n-gram order, so a stable counting sort
 * on df gives exactly that.
 */
function rankOrder({ df, tokens, dfCount }: Runs): { byRank: Int32Array; singles: number } {
  const next = runningSum(dfCount);
  const singles = next.length > 2 ? next[2] : 0;
  const byRank = new Int32Array(tokens);
  placeByValue(df, tokens, next, byRank);
  return { byRank, singles };
}

/** The stable counting sort's placement: order[starts[a[i]]++] = i. */
function placeByValue(a: Int32Array, n: number, starts: Int32Array, order: Int32Array): void {
  for (let i = 0; i < n; i++) order[starts[a[i]]++] = i;
}

/**
 * Filling the sets in rank order leaves each one ascending, with no sort.
 * All sets live in one array (`all`; sets are views of it), so a write is one index, not two.
 */
function fillSets(runs: Runs, byRank: Int32Array, owner: Int32Array, setStart: Int32Array, all: Int32Array): void {
  const { runStart, repeat } = runs;
  const filled = setStart.slice(0, setStart.length - 1);
  for (let r = 0; r < runs.tokens; r++) {
    const t = byRank[r];
    for (let i = runStart[t]; i < runStart[t + 1]; i++) {
      if (repeat[i]) continue;
      all[filled[owner[i]]++] = r;
    }
  }
}

/**
 * Sorting every occurrence at once (radix, linear) rather than interning
 * n-grams in a Map: with 2 M characters nearly every n-gram is distinct, and
 * the Map (number keys beyond small integers are boxed) took over a second.
 */
export function buildShingles(texts: string[], n: number): Shingles {
  if (n < 1 || n > 3) throw new RangeError(`n-gram size ${n}: occurrences hold 1 to 3 UTF-16 units`);
  const sorted = sortedOccurrences(texts, n);
  const owner = sorted.owner;
  const runs = runsOf(sorted, texts.length);
  const { byRank, singles } = rankOrder(runs);
  const setStart = new Int32Array(texts.length + 1);
  setStart.set(runs.setSize, 1);
  runningSum(setStart);
  const all = new Int32Array(setStart[texts.length]);
  fillSets(runs, byRank, owner, setStart, all);
  const sets: Int32Array[] = [];
  for (let t = 0; t < texts.length; t++) sets.push(all.subarray(setStart[t], setStart[t + 1]));
  const { runStart, repeat } = runs;
  const textsWith = (rank: number): number[] => {
    const t = byRank[rank];
    const out: number[] = [];
    for (let i = runStart[t]; i < runStart[t + 1]; i++) if (!repeat[i]) out.push(owner[i]);
    return out;
  };
  return { sets, tokens: runs.tokens, singles, textsWith };
}

/** For each wanted rank, the texts containing it, in text order. */
export function postingsFor(shingles: Shingles, wanted: Iterable<number>): Map<number, number[]> {
  const byRank = new Map<number, number[]>();
  for (const r of wanted) if (!byRank.has(r)) byRank.set(r, shingles.textsWith(r));
  return byRank;
}

/**
 * |a ∩ b| of two ascending rank sets, counting from a[i0] and b[j0] (what lies
 * before is known to hold nothing in common); stops early (returning less)
 * once it cannot reach `need`.
 */
export function overlap(a: Int32Array, b: Int32Array, need = 0, i0 = 0, j0 = 0): number {
  let i = i0;
  let j = j0;
  let o = 0;
  while (i < a.length && j < b.length) {
    if (o + Math.min(a.length - i, b.length - j) < need) return o;
    if (a[i] === b[j]) {
      o++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return o;
}
