// near-duplicate: two paragraphs that are almost the same (a few words
// changed), anywhere in the bulletin. Kept and reported on both sides: only
// the editor knows which wording is meant.
//
// Sub-quadratic by prefix filtering (Bayardo et al., "Scaling up all pairs
// similarity search"): with n-grams ordered rarest first, two sets whose
// Jaccard similarity reaches t share at least one n-gram among the first
// |x| − ⌈t·|x|⌉ + 1 of each. Only those prefixes are indexed, common n-grams
// (`安全生`) never are, so candidate lists stay short; every candidate is
// then verified exactly. The result is exact, not probabilistic.
import { distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { NEAR_EDIT_SIMILARITY, NEAR_JACCARD, NEAR_MIN_LENGTH } from '../config.js';
import { pointAt, type Doc } from '../paragraphs.js';
import { overlap, type Shingles } from '../shingles.js';
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
  return n === 0 ? 1 : 1 - distance(a, b) / n;
}

/** Pairs among the units `include` accepts; `units` is every unit, indexed by id. */
export function findNearDuplicates(units: Unit[], shingles: Shingles, include: (u: Unit) => boolean): NearPair[] {
  const sets = shingles.sets;
  const order = units
    .filter((u) => include(u) && !u.imageOnly && u.norm.length >= NEAR_MIN_LENGTH && sets[u.id].length > 0)
    .sort((x, y) => sets[x.id].length - sets[y.id].length || x.id - y.id);
  // rank → units (in increasing set size) whose prefix holds it; `from` skips those now too small.
  const index = new Map<number, { ids: number[]; from: number }>();
  const seen = new Int32Array(sets.length).fill(-1);
  const pairs: NearPair[] = [];
  for (const x of order) {
    const sx = sets[x.id];
    const minSize = Math.ceil(NEAR_JACCARD * sx.length);
    const prefix = sx.length - minSize + 1;
    for (let k = 0; k < prefix; k++) {
      let entry = index.get(sx[k]);
      if (!entry) {
        entry = { ids: [], from: 0 };
        index.set(sx[k], entry);
      }
      while (entry.from < entry.ids.length && sets[entry.ids[entry.from]].length < minSize) entry.from++;
      for (let i = entry.from; i < entry.ids.length; i++) {
        const y = entry.ids[i];
        if (seen[y] === x.id) continue;
        seen[y] = x.id;
        const pair = verify(x, units[y], sx, sets[y]);
        if (pair) pairs.push(pair);
      }
      entry.ids.push(x.id);
    }
  }
  return pairs.sort((p, q) => p.a.id - q.a.id || p.b.id - q.b.id);
}

function verify(x: Unit, y: Unit, sx: Int32Array, sy: Int32Array): NearPair | undefined {
  const o = overlap(sx, sy);
  const jaccard = o / (sx.length + sy.length - o);
  if (jaccard < NEAR_JACCARD) return undefined;
  // Equal or contained text is the duplicate rules' business, not this one's.
  if (x.norm.includes(y.norm) || y.norm.includes(x.norm)) return undefined;
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
