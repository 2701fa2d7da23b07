// exact-duplicate: a paragraph equal (after normalising whitespace and
// emphasis) to an earlier one anywhere in the bulletin. The first copy stays.
// Short lines recur legitimately (`安全第一` closing two articles), so a
// copy is only dropped when it is long enough, or when it belongs to a run of
// paragraphs repeated together (its neighbour is itself a dropped copy of the
// first copy's neighbour).
import { EXACT_MIN_OTHER_FILE, EXACT_MIN_SAME_FILE } from '../config.js';
import type { Unit } from '../units.js';

export const RULE = 'exact-duplicate';

/** True when `copy` is long enough to be dropped on its own as a repeat of `first`. */
export function droppedAlone(copy: Unit, first: Unit): boolean {
  if (copy.standalone) return false;
  const min = copy.doc === first.doc ? EXACT_MIN_SAME_FILE : EXACT_MIN_OTHER_FILE;
  return copy.norm.length >= min;
}

/**
 * True when the short `copy` of `first` sits in a repeated run: on one side
 * its neighbour was dropped as a copy of `first`'s neighbour on the same side.
 */
export function inRepeatedRun(copy: Unit, first: Unit, units: Unit[], droppedExact: (u: Unit) => boolean): boolean {
  for (const d of [-1, 1]) {
    const v = units[copy.id + d];
    const w = units[first.id + d];
    if (v && w && v.doc === copy.doc && w.doc === first.doc && v !== w && droppedExact(v) && v.norm === w.norm) return true;
  }
  return false;
}
