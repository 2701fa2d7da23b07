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

/**
 * Every n-gram occurrence of every text, as a packed key (`hi`: the unit
 * before the last two, `lo`: the last two units) with the text it is in, in
 * text order.
 */
interface Occurrences {
  hi: Uint16Array;
  lo: Uint32Array;
  owner: Int32Array;
}

function occurrencesOf(texts: string[], n: number): Occurrences {
  let m = 0;
  for (const t of texts) m += Math.max(0, t.length - n + 1);
  const hi = new Uint16Array(m);
  const lo = new Uint32Array(m);
  const owner = new Int32Array(m);
  let w = 0;
  // The key rolls along the text: `lo` takes each new unit, `hi` what falls out of `lo`.
  const loMask = n === 1 ? 0xffff : 0xffffffff;
  texts.forEach((text, t) => {
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
  });
  return { hi, lo, owner };
}

/**
 * Occurrences sorted by n-gram, by an LSD radix sort on the n UTF-16 units
 * (last unit first). The sort is stable, so occurrences of one n-gram stay in
 * text order and repeats within a text end up next to each other.
 */
function sortByNgram(occ: Occurrences, n: number): Occurrences {
  let hi: Uint16Array = occ.hi;
  let lo: Uint32Array = occ.lo;
  let owner: Int32Array = occ.owner;
  const m = owner.length;
  // Where each digit value starts, for every digit at once (one read of the keys).
  const low = new Int32Array(65537);
  const mid = new Int32Array(65537);
  const high = new Int32Array(65537);
  for (let i = 0; i < m; i++) {
    low[(lo[i] & 0xffff) + 1]++;
    mid[(lo[i] >>> 16) + 1]++;
    high[hi[i] + 1]++;
  }
  for (let g = 1; g < 65537; g++) {
    low[g] += low[g - 1];
    mid[g] += mid[g - 1];
    high[g] += high[g - 1];
  }
  let hi1: Uint16Array = new Uint16Array(m);
  let lo1: Uint32Array = new Uint32Array(m);
  let owner1: Int32Array = new Int32Array(m);
  for (let d = 0; d < n; d++) {
    const next = d === 0 ? low : d === 1 ? mid : high;
    // One loop moving all three arrays (the digit test is the same for every
    // element, so the branch costs nothing); this runs once, cold, so fewer loops is what counts.
    for (let i = 0; i < m; i++) {
      const k = lo[i];
      const at = next[d === 0 ? k & 0xffff : d === 1 ? k >>> 16 : hi[i]]++;
      hi1[at] = hi[i];
      lo1[at] = k;
      owner1[at] = owner[i];
    }
    [hi, hi1] = [hi1, hi];
    [lo, lo1] = [lo1, lo];
    [owner, owner1] = [owner1, owner];
  }
  return { hi, lo, owner };
}

/**
 * Sorting every occurrence at once (radix, linear) rather than interning
 * n-grams in a Map: with 2 M characters nearly every n-gram is distinct, and
 * the Map (number keys beyond small integers are boxed) took over a second.
 */
export function buildShingles(texts: string[], n: number): Shingles {
  if (n < 1 || n > 3) throw new RangeError(`n-gram size ${n}: only 1 to 3 UTF-16 units pack into the keys`);
  const { hi, lo, owner } = sortByNgram(occurrencesOf(texts, n), n);
  const m = owner.length;
  // Runs of one n-gram are the tokens; df counts the distinct texts in the run.
  const runStart = new Int32Array(m + 1);
  const df = new Int32Array(m);
  const repeat = new Uint8Array(m);
  const setSize = new Int32Array(texts.length);
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
    i = j;
  }
  runStart[tokens] = m;
  // Rank: rarest first; ties by the n-gram itself so the order never depends on
  // input order. Tokens are in n-gram order, so a stable counting sort on df gives exactly that.
  let maxDf = 0;
  for (let t = 0; t < tokens; t++) if (df[t] > maxDf) maxDf = df[t];
  const next = new Int32Array(maxDf + 2);
  for (let t = 0; t < tokens; t++) next[df[t] + 1]++;
  for (let d = 1; d < next.length; d++) next[d] += next[d - 1];
  const singles = maxDf >= 1 ? next[2] : 0;
  const byRank = new Int32Array(tokens);
  for (let t = 0; t < tokens; t++) byRank[next[df[t]]++] = t;
  // Filling the sets in rank order leaves each one ascending, with no sort.
  // All sets live in one array (views of it), so a write is one index, not two.
  const setStart = new Int32Array(texts.length + 1);
  for (let t = 0; t < texts.length; t++) setStart[t + 1] = setStart[t] + setSize[t];
  const all = new Int32Array(setStart[texts.length]);
  const filled = setStart.slice(0, texts.length);
  for (let r = 0; r < tokens; r++) {
    const t = byRank[r];
    for (let i = runStart[t]; i < runStart[t + 1]; i++) {
      if (repeat[i]) continue;
      all[filled[owner[i]]++] = r;
    }
  }
  const sets = Array.from(setSize, (_, t) => all.subarray(setStart[t], setStart[t + 1]));
  const textsWith = (rank: number): number[] => {
    const t = byRank[rank];
    const out: number[] = [];
    for (let i = runStart[t]; i < runStart[t + 1]; i++) if (!repeat[i]) out.push(owner[i]);
    return out;
  };
  return { sets, tokens, singles, textsWith };
}

/** For each wanted rank, the texts containing it, in text order. */
export function postingsFor(shingles: Shingles, wanted: Iterable<number>): Map<number, number[]> {
  const byRank = new Map<number, number[]>();
  for (const r of wanted) if (!byRank.has(r)) byRank.set(r, shingles.textsWith(r));
  return byRank;
}

/** |a ∩ b| of two ascending rank sets; stops early (returning less) once it cannot reach `need`. */
export function overlap(a: Int32Array, b: Int32Array, need = 0): number {
  let i = 0;
  let j = 0;
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
