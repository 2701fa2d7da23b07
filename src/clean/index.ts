// Text cleaning (issue 3) plugs in here: repeated paragraphs, fragments,
// split paragraphs, near-duplicates, enumeration and punctuation lint.
// Until its rules land, analysis finds nothing and cleaning changes nothing.
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface Analysis {
  /** Everything found: removals and joins that cleaning applies, and findings left to the editor. */
  diagnostics: Diagnostic[];
}

export interface Cleaned extends Analysis {
  /** The bulletin with removals and joins applied (a new value; the input is untouched). */
  bulletin: Bulletin;
  /** The subset of diagnostics that describe a removal or a join actually applied. */
  applied: Diagnostic[];
}

export function analyseBulletin(bulletin: Bulletin): Analysis {
  return cleanBulletin(bulletin);
}

export function cleanBulletin(bulletin: Bulletin): Cleaned {
  return { bulletin, diagnostics: [], applied: [] };
}
