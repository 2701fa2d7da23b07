// One paragraph through the engine's steps (index.ts's header): the config
// resolved once from the input, the text collected and prepared, the breaks
// chosen and the lines justified. index.ts and loose-lines.ts both compose
// through it.
import { collect } from './collect.js';
import { findBreakpoints } from './breakpoints.js';
import { prepare, type Prepared } from './prepare.js';
import { breakLines } from './linebreak.js';
import { finalize, type FinalizeConfig } from './finalize.js';
import type { ComposedLine, ParagraphInput } from './types.js';

export function configOf(input: ParagraphInput): FinalizeConfig {
  const em = input.measure / input.size;
  const indent = input.indent ?? 2;
  const hangingIndent = input.hangingIndent ?? 0;
  return { size: input.size, first: em - indent, rest: em - hangingIndent, indent, hangingIndent, align: input.align ?? 'justify' };
}

/** The paragraph collected and prepared, in the engine's reused arrays (valid until the next paragraph is prepared). */
export function prepareInput(input: ParagraphInput): Prepared {
  const c = collect(input.spans);
  const markerBox = (input.hangingIndent ?? 0) - (input.indent ?? 2);
  return prepare(c, findBreakpoints(c), input.scheme ?? 'quanjiao', Math.max(0, markerBox));
}

/** The paragraph's lines; `orphans: false` sets it as if a lone last character (孤字) were allowed. */
export function composeLines(input: ParagraphInput, orphans = true): ComposedLine[] {
  const cfg = configOf(input);
  const p = prepareInput(input);
  return finalize(p, breakLines(p, orphans ? cfg : { ...cfg, orphans: false }), cfg);
}
