// The duplicate pass: exact copies and contained fragments, in reading order,
// each compared with what is kept before it, so the first copy always stays
// and a removal always points at text that is still there.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pointAt, type Doc } from './paragraphs.js';
import { postingsFor, type Shingles } from './shingles.js';
import * as exact from './rules/exact-duplicate.js';
import * as fragment from './rules/fragment-duplicate.js';
import { excerpt } from './rules/split-paragraph.js';
import type { Unit } from './units.js';

export interface Removal {
  unit: Unit;
  rule: typeof exact.RULE | typeof fragment.RULE;
  /** The kept unit it repeats (the first copy, or the container). */
  of: Unit;
  /** For an exact copy whose first copy was itself dropped: that first copy. */
  via?: Unit;
}

export function findRemovals(units: Unit[], shingles: Shingles): (Removal | undefined)[] {
  const removed: (Removal | undefined)[] = new Array(units.length).fill(undefined);
  const firstByText = new Map<string, Unit>();
  const shortCopies: [Unit, Unit][] = [];
  // Containers are looked up through the fragment's rarest n-gram: every container holds it.
  // An n-gram of this text only (rarest first puts those at the start) cannot be in an earlier one.
  const rarest = (u: Unit): number | undefined => {
    const r = shingles.sets[u.id][0];
    return r !== undefined && r >= shingles.singles ? r : undefined;
  };
  const wanted = units.map(rarest).filter((r) => r !== undefined);
  const postings = postingsFor(shingles, wanted);

  for (const u of units) {
    if (u.opaque || u.norm.length === 0) continue;
    const first = firstByText.get(u.norm);
    if (first) {
      if (exact.droppedAlone(u, first)) removed[u.id] = exactCopy(u, first, removed);
      else shortCopies.push([u, first]);
      continue;
    }
    firstByText.set(u.norm, u);
    const r = rarest(u);
    if (r === undefined) continue;
    for (const c of postings.get(r) ?? []) {
      if (c >= u.id) break;
      if (removed[c] || !fragment.isFragmentOf(u, units[c])) continue;
      removed[u.id] = { unit: u, rule: fragment.RULE, of: units[c] };
      break;
    }
  }

  // Short copies go only with the run they were repeated in; one run can hold several.
  const droppedExact = (v: Unit): boolean => removed[v.id]?.rule === exact.RULE;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [u, first] of shortCopies) {
      if (removed[u.id] || !exact.inRepeatedRun(u, first, units, droppedExact)) continue;
      removed[u.id] = exactCopy(u, first, removed);
      changed = true;
    }
  }
  return removed;
}

/** A dropped copy points at the first copy, or — when that was itself a dropped fragment — at its container. */
function exactCopy(u: Unit, first: Unit, removed: (Removal | undefined)[]): Removal {
  const firstRemoval = removed[first.id];
  return firstRemoval ? { unit: u, rule: exact.RULE, of: firstRemoval.of, via: first } : { unit: u, rule: exact.RULE, of: first };
}

export function reportRemoval(docs: Doc[], r: Removal): Diagnostic {
  const doc = docs[r.unit.doc];
  const where = (u: Unit): string => {
    const at = pointAt(docs[u.doc], u.start);
    return u.doc === r.unit.doc ? `line ${at.line}` : `${at.file}:${at.line}`;
  };
  const text = excerpt(r.unit.plain, 'head', 16);
  const fix = '(`bulletin fmt --write` removes it from the source)';
  const message =
    r.rule === fragment.RULE
      ? `“${text}” is already contained in the paragraph at ${where(r.of)}; the fragment is dropped ${fix}.`
      : r.via
        ? `“${text}” repeats the paragraph at ${where(r.via)}, itself contained in the paragraph at ${where(r.of)}; the later copy is dropped ${fix}.`
        : `“${text}” repeats the paragraph at ${where(r.of)}; the later copy is dropped ${fix}.`;
  const related = r.via ? [pointAt(docs[r.via.doc], r.via.start), pointAt(docs[r.of.doc], r.of.start)] : [pointAt(docs[r.of.doc], r.of.start)];
  return diagnostic(pointAt(doc, r.unit.start), 'warning', r.rule, message, related);
}
