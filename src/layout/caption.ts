// A picture's caption, broken like a headline (headline.ts: at words, never
// inside one, the lines balanced, none of one or two characters) at its one
// size, each line then composed by the composition engine for its
// punctuation. The headline's widths are natural ones; the engine may add
// glue (between Han and Latin) that makes a line too long for one line, so
// the break is asked again at a measure half an em narrower until every line
// composes to one.
import type { FaceChain } from '../fonts/face.js';
import { composeParagraph, type ComposedLine, type PunctuationScheme } from '../typeset/index.js';
import { breakHeadline } from './headline.js';

export interface CaptionInput {
  text: string;
  chain: FaceChain;
  size: number;
  measure: number;
  scheme: PunctuationScheme;
}

/** How many times the measure is narrowed before the engine breaks the caption on its own. */
const NARROWING_TRIES = 4;

function compose(c: CaptionInput, text: string, last: boolean): ComposedLine[] {
  const lines = composeParagraph({ spans: [{ text, chain: c.chain }], size: c.size, measure: c.measure, indent: 0, align: 'start', scheme: c.scheme });
  // Each piece is one paragraph to the engine; only the caption's own last line is its last.
  return lines.map((line, k) => ({ ...line, last: last && k === lines.length - 1 }));
}

/** The caption's lines at the column measure, left-aligned. */
export function captionLines(c: CaptionInput): ComposedLine[] {
  for (let k = 0; k < NARROWING_TRIES; k++) {
    const measure = c.measure - (k * c.size) / 2;
    const texts = breakHeadline(c.text, c.chain, c.size, c.size, measure).lines;
    const lines = texts.map((text, j) => compose(c, text, j === texts.length - 1));
    if (lines.every((composed) => composed.length === 1)) return lines.map((composed) => composed[0]);
  }
  return compose(c, c.text, true);
}
