// fragment-duplicate: a paragraph wholly contained in an earlier paragraph
// (typically the tail of a paragraph repeated after a page break). Guards
// against text that recurs on purpose: heading-like lines and quotations
// (the fragment is a quoted phrase in its container) never count, and the
// shortest fragment dropped depends on where its container is — see config.ts.
import { FRAGMENT_MIN_OTHER_FILE, FRAGMENT_MIN_SAME_FILE, FRAGMENT_MIN_TAIL } from '../config.js';
import type { Unit } from '../units.js';

export const RULE = 'fragment-duplicate';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '（': '）', '(': ')', '"': '"', '【': '】' };

/** The shortest fragment of `container` that is dropped. */
function minimumFor(fragment: Unit, container: Unit, at: number): number {
  if (fragment.doc !== container.doc) return FRAGMENT_MIN_OTHER_FILE;
  return at + fragment.norm.length === container.norm.length ? FRAGMENT_MIN_TAIL : FRAGMENT_MIN_SAME_FILE;
}

/** A quotation: the fragment is itself a quoted phrase, or every occurrence is enclosed in a pair of marks. */
function quoted(fragment: string, container: string): boolean {
  if (PAIRS[fragment[0]] === fragment[fragment.length - 1]) return true;
  for (let at = container.indexOf(fragment); at >= 0; at = container.indexOf(fragment, at + 1)) {
    const close = PAIRS[container[at - 1] ?? ''];
    if (!close || container[at + fragment.length] !== close) return false;
  }
  return true;
}

/** True when `fragment` counts as a repeated fragment of the (earlier, longer) `container`. */
export function isFragmentOf(fragment: Unit, container: Unit): boolean {
  if (fragment.standalone || container.standalone || container.opaque) return false;
  if (container.norm.length <= fragment.norm.length) return false;
  // Prefer the tail occurrence: it gives the lowest threshold.
  const tail = container.norm.length - fragment.norm.length;
  const at = container.norm.endsWith(fragment.norm) ? tail : container.norm.indexOf(fragment.norm);
  if (at < 0) return false;
  if (fragment.norm.length < minimumFor(fragment, container, at)) return false;
  return !quoted(fragment.norm, container.norm);
}
