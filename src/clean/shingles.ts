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
 * Every n-gram occurrence of every text, as a packed key (`hi`: the unit
 * before the last two, `lo`: the last two units) with the text it is in, in
 * text order.
 */
interface Occurrences {
  /** 32 bits wide though it holds 16, so that every radix pass reads the same kind of array. */
  hi: Uint32Array;
  lo: Uint32Array;
  owner: Int32Array;
}

function occurrencesOf(texts: string[], n: number): Occurrences {
  let m = 0;
  for (const t of texts) m += Math.max(0, t.length - n + 1);
  const occ: Occurrences = { hi: new Uint32Array(m), lo: new Uint32Array(m), owner: new Int32Array(m) };
  let w = 0;
  for (let t = 0; t < texts.length; t++) w = addOccurrences(occ, w, texts[t], t, n);
  return occ;
}

/** The occurrences of one text, written from `w`; returns where the next text's start. */
function addOccurrences({ hi, lo, owner }: Occurrences, w: number, text: string, t: number, n: number): number {
  // The key rolls along the text: `lo` takes each new unit, `hi` what falls out of `lo`.
  const loMask = n === 1 ? 0xffff : 0xffffffff;
  let h = 0;
  let l = 0;
  for (let i = 0; i < text.length; i++) {
    h = n === 3 ? l >>> 16 : 0;
    l = (((l << 16) | text.charCodeAt(i)) & loMask) >>> 0;
    if (i < n - 1) continue;
    hi[w] = h;
    lo[w] = l;
    owner[w++] = t;
  }
  return w;
}

/**
 * Occurrences sorted by n-gram, by an LSD radix sort on the n UTF-16 units
 * (last unit first). The sort is stable, so occurrences of one n-gram stay in
 * text order and repeats within a text end up next to each other. Digits are
 * whole units (three passes) on a large bulletin; on a small one, bytes (six
 * passes over a few thousand occurrences cost less than summing 65,536 counts).
 */
function sortByNgram(occ: Occurrences, n: number): Occurrences {
  const m = occ.owner.length;
  const bits = m < 1 << 16 ? 8 : 16;
  const mask = (1 << bits) - 1;
  const counts = new Int32Array(mask + 2);
  let from = occ;
  let to: Occurrences = { hi: new Uint32Array(m), lo: new Uint32Array(m), owner: new Int32Array(m) };
  // Unit u of the n-gram, counted from the last: bits 16u… of `lo` for u < 2, else `hi`.
  for (let u = 0; u < n; u++) {
    for (let b = 0; b < 16; b += bits) {
      const digits = u < 2 ? from.lo : from.hi;
      const shift = (u < 2 ? 16 * u : 0) + b;
      counts.fill(0);
      countDigit(digits, shift, mask, counts);
      scatter(from, to, { digits, shift, mask, next: runningSum(counts) });
      [from, to] = [to, from];
    }
  }
  return from;
}

/** Counts of each digit value, shifted up by one. */
function countDigit(digits: Uint32Array, shift: number, mask: number, counts: Int32Array): void {
  for (let i = 0; i < digits.length; i++) counts[((digits[i] >>> shift) & mask) + 1]++;
}

/** Counts (shifted up by one) → starts, in place. */
export function runningSum(a: Int32Array): Int32Array {
  for (let g = 1; g < a.length; g++) a[g] += a[g - 1];
  return a;
}

/** One pass's digit of each occurrence (`(digits[i] >>> shift) & mask`), and where the next occurrence with each digit value goes. */
interface RadixPass {
  digits: Uint32Array;
  shift: number;
  mask: number;
  next: Int32Array;
}

/** One radix pass: moves every occurrence to `next[its digit]++`. */
function scatter(from: Occurrences, to: Occurrences, { digits, shift, mask, next }: RadixPass): void {
  const { hi, lo, owner } = from;
  const { hi: hi1, lo: lo1, owner: owner1 } = to;
  for (let i = 0; i < owner.length; i++) {
    const at = next[(digits[i] >>> shift) & mask]++;
    hi1[at] = hi[i];
    lo1[at] = lo[i];
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
function findRuns({ hi, lo, owner }: Occurrences, { runStart, df, repeat, setSize, dfCount }: Runs): number {
  const m = owner.length;
  let tokens = 0;
  for (let i = 0; i < m; ) {
    let j = i;
    let count = 0;
    for (; j < m && lo[j] === lo[i] && hi[j] === hi[i]; j++) {
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
  if (n < 1 || n > 3) throw new RangeError(`n-gram size ${n}: only 1 to 3 UTF-16 units pack into the keys`);
  const sorted = sortByNgram(occurrencesOf(texts, n), n);
  const owner = sorted.owner;
  const runs = runsOf(sorted, texts.length);
  const { byRank, singles } = rankOrder(runs);
  const setStart = new Int32Array(texts.length + 1);
  setStart.set(runs.setSize, 1);
  runningSum(setStart);
  const all = new Int32Array(setStart[texts.length]);
  fillSets(runs, byRank, owner, setStart, all);
  const sets = texts.map((_, t) => all.subarray(setStart[t], setStart[t + 1]));
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
