// Character n-gram sets of the units, with each n-gram replaced by its rank
// in a global rarity order (rarest first). One index serves two rules:
// fragment-duplicate looks containers up by a fragment's rarest n-gram, and
// near-duplicate's prefix filter reads the rarest part of each set.

export interface Shingles {
  /** Per unit: distinct n-gram ranks, ascending (rarest first). Empty when the text is shorter than n. */
  sets: Int32Array[];
  /** Number of distinct n-grams (ranks run from 0 to tokens − 1). */
  tokens: number;
}

/** n UTF-16 units packed into one exact double (n ≤ 3 keeps it below 2^53). */
function keysOf(text: string, n: number): Float64Array {
  const count = Math.max(0, text.length - n + 1);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let k = 0;
    for (let j = 0; j < n; j++) k = k * 65536 + text.charCodeAt(i + j);
    keys[i] = k;
  }
  keys.sort();
  let w = 0;
  for (let i = 0; i < count; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[w++] = keys[i];
  return keys.subarray(0, w);
}

export function buildShingles(texts: string[], n: number): Shingles {
  const ids = new Map<number, number>();
  const df: number[] = [];
  const tokenKeys: number[] = [];
  const perText: Int32Array[] = texts.map((t) => {
    const keys = keysOf(t, n);
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      let id = ids.get(keys[i]);
      if (id === undefined) {
        id = df.length;
        ids.set(keys[i], id);
        df.push(0);
        tokenKeys.push(keys[i]);
      }
      df[id]++;
      out[i] = id;
    }
    return out;
  });
  // Rarest first; ties by the n-gram itself so the order never depends on input order.
  const order = Array.from(df.keys()).sort((a, b) => df[a] - df[b] || tokenKeys[a] - tokenKeys[b]);
  const rank = new Int32Array(df.length);
  order.forEach((id, r) => (rank[id] = r));
  const sets = perText.map((ids) => {
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ranks[i] = rank[ids[i]];
    return ranks.sort();
  });
  return { sets, tokens: df.length };
}

/** For each wanted rank, the texts containing it, in text order. */
export function postingsFor(shingles: Shingles, wanted: Iterable<number>): Map<number, number[]> {
  const slot = new Int32Array(shingles.tokens).fill(-1);
  const lists: number[][] = [];
  const byRank = new Map<number, number[]>();
  for (const r of wanted) {
    if (slot[r] >= 0) continue;
    slot[r] = lists.length;
    const list: number[] = [];
    lists.push(list);
    byRank.set(r, list);
  }
  shingles.sets.forEach((set, t) => {
    for (let i = 0; i < set.length; i++) {
      const k = slot[set[i]];
      if (k >= 0) lists[k].push(t);
    }
  });
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
