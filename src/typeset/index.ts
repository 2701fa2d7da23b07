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
//   linebreak   Knuth–Plass total fit; ratio 1 = ¼ em extra per gap, so the
//               optimiser avoids loose lines over the whole paragraph
//   finalize    justify in the prescribed order and emit glyph runs
//
// Choices: a line's cost depends only on its ends, so every candidate line is
// measured in O(1) from prefix sums; KP keeps one node per breakpoint (only
// the first line's width differs; fitness classes bought nothing visible) and
// drops a node once its lines are too long even fully shrunk, so work is
// linear in text length times the characters per line. Badness is
// 100·r³ with r = extra space per gap / ¼ em (r = 1 is the loose-line limit);
// shrinking costs a tenth of that, as compressing punctuation is the
// preferred fix. `gap` reports the extra space per gap actually added.
// Natural widths keep a lone mid-line mark full width (quanjiao); adjacent
// marks lose the blank half between them; a line-final closing mark or
// 。，、；： gives up its whole blank half only when the line is too long (so
// its ink sits at the edge); an opening mark at a line start always loses its
// blank half. Mid-line blank halves may shrink to fit a line (推入). Widow
// control: a last line with fewer than two non-punctuation characters costs
// 1e9 demerits. URL breaks cost a penalty of 100 (as much as a line at the
// loose limit) and take justification space at their junction, like url.sty's
// \Urlmuskip, so a line made of a URL piece can be justified; a hyphen costs
// 20 (about a line whose word spaces reach ½ em), two hyphenated lines in a
// row 10 000 more, a hyphen before the last line 5 000. A lone character is
// never a line before the last-resort pass (it cannot be justified). Passes, each only if the previous found nothing: lines up to
// 1 em per gap; any looseness; breaks inside runs wider than a line (words
// first, kinsoku last); anything, a lone too-wide glyph overflowing.
import { collect } from './collect.js';
import { findBreakpoints } from './breakpoints.js';
import { prepare, lineMetrics, type LineMetrics, type Prepared } from './prepare.js';
import { breakLines } from './linebreak.js';
import { finalize, type FinalizeConfig } from './finalize.js';
import type { ComposedLine, ParagraphInput, PunctuationScheme, Span } from './types.js';

export type { ComposedLine, ParagraphInput, PunctuationScheme, Span } from './types.js';
export { classify, Cls, isNoEnd, isNoStart, isPunctuation } from './classes.js';

/** Breaks, compresses and justifies one paragraph (TYPOGRAPHY.md §1–4). */
export function composeParagraph(input: ParagraphInput): ComposedLine[] {
  const cfg = configOf(input);
  const p = prepareInput(input);
  return finalize(p, breakLines(p, cfg), cfg);
}

/**
 * How many lines composeParagraph(input) has, from its breaks alone (no glyph is placed): what
 * a page search needs of a text it may never draw, such as a byline at every module width.
 */
export function countLines(input: ParagraphInput): number {
  return breakLines(prepareInput(input), configOf(input)).length;
}

function configOf(input: ParagraphInput): FinalizeConfig {
  const em = input.measure / input.size;
  const indent = input.indent ?? 2;
  const hangingIndent = input.hangingIndent ?? 0;
  return { size: input.size, first: em - indent, rest: em - hangingIndent, indent, hangingIndent, align: input.align ?? 'justify' };
}

function prepareInput(input: ParagraphInput): Prepared {
  const c = collect(input.spans);
  const markerBox = (input.hangingIndent ?? 0) - (input.indent ?? 2);
  return prepare(c, findBreakpoints(c), input.scheme ?? 'quanjiao', Math.max(0, markerBox));
}

/** Natural width in pt of the spans set on one line (headlines), with the same compression as a composed line. */
export function measureSpans(spans: readonly Span[], size: number, scheme: PunctuationScheme = 'quanjiao'): number {
  const c = collect(spans);
  if (c.n === 0) return 0;
  const bp = findBreakpoints(c);
  const e = bp.lastVis[c.n - 1];
  if (e < 0) return 0;
  const m: LineMetrics = { width: 0, endShrink: 0, shrink: 0, stretch: 0, words: 0, hl: 0, gaps: 0, chars: 0 };
  return lineMetrics(prepare(c, bp, scheme), 0, e, m).width * size;
}
