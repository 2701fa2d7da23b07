// Text cleaning: repeated paragraphs, fragments, split paragraphs,
// near-duplicates, enumeration and punctuation lint (docs/cleaning.md).
// `check` reports analyseBulletin's diagnostics; `build` cleans in memory
// with cleanBulletin; `fmt` writes the same changes into the sources
// (format.ts). All three run the same rules through findDefects.
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findDefects } from './analyse.js';
import { applyToBulletin } from './apply-tree.js';

export interface Analysis {
  /** Everything found: removals and joins that cleaning applies, and findings left to the editor. */
  diagnostics: Diagnostic[];
  /** The subset of diagnostics that describe a removal or a join cleaning applies. */
  applied: Diagnostic[];
}

export interface Cleaned extends Analysis {
  /** The bulletin with removals and joins applied (a new value; the input is untouched). */
  bulletin: Bulletin;
}

export function analyseBulletin(bulletin: Bulletin): Analysis {
  const { diagnostics, applied } = findDefects(bulletin);
  return { diagnostics, applied };
}

export function cleanBulletin(bulletin: Bulletin): Cleaned {
  const findings = findDefects(bulletin);
  return { bulletin: applyToBulletin(bulletin, findings), diagnostics: findings.diagnostics, applied: findings.applied };
}
