// The composition engine's public contract: measured paragraph in, lines with
// glyph positions out. Pure: no IO, no pdfkit. Layout calls it; tests call it.
import type { FaceChain } from '../fonts/face.js';
import type { GlyphRun } from './glyph-run.js';

/** ctex's punctuation schemes (TYPOGRAPHY.md §3). */
export type PunctuationScheme = 'quanjiao' | 'kaiming' | 'banjiao';

/** A stretch of text in one font role (a bold run is its own span). */
export interface Span {
  text: string;
  chain: FaceChain;
  /** The span belongs to the text before it, so no line starts with it: a note mark (①) stays with the word it marks. */
  attached?: boolean;
}

export interface ParagraphInput {
  spans: Span[];
  /** Font size in pt (the em). */
  size: number;
  /** Column measure in pt; body text uses a whole number of ems. */
  measure: number;
  /** First-line indent in ems (2 for body paragraphs, 0 for headlines). */
  indent?: number;
  /** Indent of every line but the first, in ems (hanging indent of list items). */
  hangingIndent?: number;
  scheme?: PunctuationScheme;
  /** `justify` (default): all lines but the last flush both sides; `start`: ragged right; `center`. */
  align?: 'justify' | 'start' | 'center';
}

/** Glyphs of one face on one line. Runs of a line abut exactly. */
export interface LineRun {
  /** Face key (unique font file id), as the display list's TextRun.face. */
  face: string;
  size: number;
  /** Offset of the run's origin from the line's left edge, pt. */
  x: number;
  glyphs: GlyphRun;
}

export interface ComposedLine {
  runs: LineRun[];
  /** Left edge of the line's text relative to the column, pt (indent). */
  start: number;
  /** Width the line occupies from `start`, pt (equals measure − start for justified lines). */
  width: number;
  /** The line's text, for tests and diagnostics (without an added hyphen: the lines' texts joined give the paragraph). */
  text: string;
  /** The line ends at a hyphenation point: its last glyph is a hyphen that is not in `text` (always set by composeParagraph; optional so other producers of lines need not). */
  hyphen?: boolean;
  /** Last line of the paragraph. */
  last: boolean;
  /** Mean extra space added between adjacent characters, in ems (0 for a line of pure Han text). */
  gap: number;
}
