// The CJK line-composition engine: measured spans in, positioned lines out.
//
// Shaped like Typst's inline layout, one file a step:
//   collect     spans → flat code points, each resolved once to face/glyph/advance
//   classes     CLReq break classes, written by hand (not UAX #14, see FACTS.md)
//   breakpoints kinsoku and unbreakable runs → break opportunities per junction
//   latin       inside long Latin runs: URL/e-mail breaks (Chicago 6.8, no
//               hyphen) and en-us hyphenation (discretionary: a hyphen glyph
//               is drawn, not put in the line's text; ComposedLine.hyphen)
//   prepare     punctuation scheme + adjacent-mark compression, Han–Latin glue,
//               stretch/shrink inventories, all as prefix sums (ems)
//   linebreak   Knuth–Plass total fit; ratio 1 = every gap open by the
//               letter-spacing limit, so the optimiser avoids letter-spaced
//               and loose lines over the whole paragraph
//   finalize    justify in the prescribed order and emit glyph runs
// paragraph.ts runs the steps for one paragraph; loose-lines.ts measures the
// lines set and says which are letter-spaced, why, and what edit fixes each.
//
// Choices: a line's cost depends only on its ends, so every candidate line is
// measured in O(1) from prefix sums; Knuth–Plass keeps one node per
// breakpoint (only the first line's width differs) and drops a node once its
// lines are too long even fully shrunk, so work is linear in text length times
// the characters per line. The costs (linebreak.ts): within the
// letter-spacing limit (0.05 em a gap) a line costs 100·r³, shrinking a tenth
// of that, as compressing punctuation is the preferred fix; beyond it a line
// is letter-spaced and costs more than any line within it, and beyond ¼ em a
// gap it is loose and costs more again. A paragraph whose last line holds
// fewer than two characters besides punctuation (孤字) costs more than any
// paragraph of feasible lines. URL breaks and hyphens carry penalties; a
// hyphen is allowed only from the second pass on. `gap` reports the extra
// space per gap actually added. Passes, each only if the previous found
// nothing (or only a 孤字): no letter-spaced line and no hyphen; up to 1 em
// a gap; any looseness; breaks inside runs wider than a line (words first,
// kinsoku last); anything, a lone too-wide glyph overflowing.
import { collect } from './collect.js';
import { findBreakpoints } from './breakpoints.js';
import { prepare, lineMetrics, type LineMetrics } from './prepare.js';
import { breakLines } from './linebreak.js';
import { composeLines, configOf, prepareInput } from './paragraph.js';
import type { ComposedLine, ParagraphInput, PunctuationScheme, Span } from './types.js';

export type { ComposedLine, ParagraphInput, PunctuationScheme, Span } from './types.js';
export { classify, Cls, isNoEnd, isNoStart, isPunctuation } from './classes.js';
export { lineSpacing, looseLines, type LooseLine, type LooseReason } from './loose-lines.js';

/** Breaks, compresses and justifies one paragraph (TYPOGRAPHY.md §1–4). */
export function composeParagraph(input: ParagraphInput): ComposedLine[] {
  return composeLines(input);
}

/**
 * How many lines composeParagraph(input) has, from its breaks alone (no glyph is placed): what
 * a page search needs of a text it may never draw, such as a byline at every module width.
 */
export function countLines(input: ParagraphInput): number {
  return breakLines(prepareInput(input), configOf(input)).length;
}

/** Natural width in pt of the spans set on one line (headlines), with the same compression as a composed line. */
export function measureSpans(spans: readonly Span[], size: number, scheme: PunctuationScheme = 'quanjiao'): number {
  const c = collect(spans);
  if (c.n === 0) return 0;
  const breakpoints = findBreakpoints(c);
  const e = breakpoints.lastVisible[c.n - 1];
  if (e < 0) return 0;
  const m: LineMetrics = { width: 0, endShrink: 0, shrink: 0, stretch: 0, words: 0, hl: 0, gaps: 0, chars: 0 };
  return lineMetrics(prepare(c, breakpoints, scheme), 0, e, m).width * size;
}
