// near-duplicate: two paragraphs that are almost the same (a few words
// changed), anywhere in the bulletin. Kept and reported on both sides: only
// the editor knows which wording is meant.
//
// Sub-quadratic by prefix filtering (Bayardo et al., "Scaling up all pairs
// similarity search"): with n-grams ordered rarest first, two sets whose
// Jaccard similarity reaches t share at least one n-gram among the first
// |x| − ⌈t·|x|⌉ + 1 of each. Only those prefixes are indexed, common n-grams
// (`安全生`) never are, so candidate lists stay short; every candidate is
// then verified exactly. The result is exact, not probabilistic, with one
// safety valve for text made of a small vocabulary: an n-gram already in the
// prefixes of more than NEAR_MAX_POSTINGS paragraphs proposes no candidates.
import { distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { NEAR_EDIT_SIMILARITY, NEAR_JACCARD, NEAR_MAX_POSTINGS, NEAR_MIN_LENGTH } from '../config.js';
import { pointAt, type Doc } from '../paragraphs.js';
import { overlap, runningSum, type Shingles } from '../shingles.js';
import type { Unit } from '../units.js';
import { excerpt } from './split-paragraph.js';

export const RULE = 'near-duplicate';

export interface NearPair {
  a: Unit;
  b: Unit;
  jaccard: number;
  similarity: number;
}

/** 1 − Levenshtein distance / length of the longer text. */
export function editSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  // A common head and tail are matched in some optimal alignment: only what lies
  // between them is compared (a few changed words, not the whole paragraph; few
  // pairs get here, so this code runs cold, and the full comparison is slow there).
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return 1 - distance(a.slice(head, a.length - tail), b.slice(head, b.length - tail)) / n;
}

/** Pairs among the units `include` accepts; `units` is every unit, indexed by id. */
export function findNearDuplicates(units: Unit[], shingles: Shingles, include: (u: Unit) => boolean): NearPair[] {
  const sets = shingles.sets;
  const t = NEAR_JACCARD;
  const order = bySetSize(units.filter((u) => include(u) && !u.opaque && u.norm.length >= NEAR_MIN_LENGTH && sets[u.id].length > 0), sets);
  const indexedLength = (size: number): number => size - Math.ceil(((2 * t) / (1 + t)) * size) + 1;
  // rank → (unit, position in its set) of every unit whose indexed prefix holds
  // it, in increasing set size: one flat array per field, each rank owning the
  // slice [start, start + its count) (a Map of small objects per rank was most
  // of this rule's time, and garbage, on large bulletins). `filled` is how much
  // of a rank's slice is written so far; `from` skips the entries now too small to matter.
  const start = new Int32Array(shingles.tokens + 1);
  // An n-gram of one text only cannot be shared by a pair: those ranks (the
  // first of every set) are neither indexed nor probed. Positions still count them.
  const firstShared = (set: Int32Array): number => {
    // Sets are ascending: a binary search for the first rank ≥ singles.
    let lo = 0;
    let hi = set.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set[mid] < shingles.singles) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const shared = new Int32Array(sets.length);
  // Loops as calls of small functions: this runs once, cold, and V8 drops the
  // code it compiled for a long loop as soon as the function goes past it (see shingles.ts).
  const countIndexed = (x: Unit): void => {
    const sx = sets[x.id];
    shared[x.id] = firstShared(sx);
    const indexed = indexedLength(sx.length);
    for (let i = shared[x.id]; i < indexed; i++) start[sx[i] + 1]++;
  };
  for (let k = 0; k < order.length; k++) countIndexed(order[k]);
  runningSum(start);
  const ids = new Int32Array(start[shingles.tokens]);
  const pos = new Int32Array(start[shingles.tokens]);
  const filled = start.slice(0, shingles.tokens);
  const from = start.slice(0, shingles.tokens);
  const count = new Int32Array(sets.length);
  const sizes = new Int32Array(sets.length);
  for (let t = 0; t < sets.length; t++) sizes[t] = sets[t].length;
  const touched: number[] = [];
  const pairs: NearPair[] = [];
  const searchThenIndex = (x: Unit): void => {
    const sx = sets[x.id];
    const size = sx.length;
    const minSize = Math.ceil(t * size);
    const probe = size - minSize + 1;
    // Processed in increasing size, so an indexed y is never larger than x: the
    // shorter index prefix of the self-join (Bayardo et al. §4) suffices.
    const indexed = indexedLength(size);
    for (let i = shared[x.id]; i < probe; i++) {
      const r = sx[i];
      const end = filled[r];
      while (from[r] < end && sizes[ids[from[r]]] < minSize) from[r]++;
      // An n-gram shared by this many paragraphs says nothing about any pair of them.
      if (end - from[r] > NEAR_MAX_POSTINGS) continue;
      for (let e = from[r]; e < end; e++) {
        const y = ids[e];
        const c = count[y];
        if (c < 0) continue;
        const sy = sizes[y];
        const need = Math.ceil((t / (1 + t)) * (size + sy));
        // Positional filter (PPJoin): what is left after both positions cannot make up the overlap.
        if (c + 1 + Math.min(size - i - 1, sy - pos[e] - 1) < need) {
          if (c === 0) touched.push(y);
          count[y] = -1;
          continue;
        }
        if (c === 0) touched.push(y);
        count[y] = c + 1;
      }
    }
    for (let k = 0; k < touched.length; k++) {
      const y = touched[k];
      if (count[y] > 0) {
        const pair = verify(x, units[y], sx, sets[y], shared[x.id], shared[y]);
        if (pair) pairs.push(pair);
      }
      count[y] = 0;
    }
    touched.length = 0;
    for (let i = shared[x.id]; i < indexed; i++) {
      const e = filled[sx[i]]++;
      ids[e] = x.id;
      pos[e] = i;
    }
  };
  for (let k = 0; k < order.length; k++) searchThenIndex(order[k]);
  return pairs.sort((p, q) => p.a.id - q.a.id || p.b.id - q.b.id);
}

/**
 * Units in increasing set size, ties in id order: a counting sort on the size,
 * stable over `units` (in id order).
 */
function bySetSize(units: Unit[], sets: Int32Array[]): Unit[] {
  let max = 0;
  for (let i = 0; i < units.length; i++) max = Math.max(max, sets[units[i].id].length);
  const next = new Int32Array(max + 2);
  for (let i = 0; i < units.length; i++) next[sets[units[i].id].length + 1]++;
  runningSum(next);
  const at = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) at[next[sets[units[i].id].length]++] = i;
  // Filled in order (push), so V8 keeps the array packed, without holes to check for.
  const out: Unit[] = [];
  for (let k = 0; k < at.length; k++) out.push(units[at[k]]);
  return out;
}

/** `fx`, `fy`: where the shared n-grams start in each set (the ones before are in one text only, so never in common). */
function verify(x: Unit, y: Unit, sx: Int32Array, sy: Int32Array, fx: number, fy: number): NearPair | undefined {
  const need = Math.ceil((NEAR_JACCARD / (1 + NEAR_JACCARD)) * (sx.length + sy.length));
  const o = overlap(sx, sy, need, fx, fy);
  const jaccard = o / (sx.length + sy.length - o);
  if (jaccard < NEAR_JACCARD) return undefined;
  // Equal or contained text is the duplicate rules' business, not this one's.
  if (x.norm.includes(y.norm) || y.norm.includes(x.norm)) return undefined;
  // The distance is at least the difference in length: skip the quadratic part when that already fails.
  const longer = Math.max(x.norm.length, y.norm.length);
  if (1 - Math.abs(x.norm.length - y.norm.length) / longer < NEAR_EDIT_SIMILARITY) return undefined;
  const similarity = editSimilarity(x.norm, y.norm);
  if (similarity < NEAR_EDIT_SIMILARITY) return undefined;
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  return { a, b, jaccard, similarity };
}

/** One diagnostic on each side, each pointing at the other. */
export function report(docs: Doc[], pair: NearPair): Diagnostic[] {
  const pct = Math.round(pair.similarity * 100);
  const one = (u: Unit, other: Unit): Diagnostic => {
    const at = pointAt(docs[u.doc], u.start);
    const there = pointAt(docs[other.doc], other.start);
    const where = other.doc === u.doc ? `line ${there.line}` : `${there.file}:${there.line}`;
    return diagnostic(at, 'warning', RULE,
      `“${excerpt(u.plain, 'head', 16)}” is ${pct}% the same as the paragraph at ${where} (“${excerpt(other.plain, 'head', 16)}”); both are kept: keep one, or make them differ.`,
      [there]);
  };
  return [one(pair.a, pair.b), one(pair.b, pair.a)];
}
