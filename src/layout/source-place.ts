// Where a printed character of a paragraph stands in its Markdown file: the
// printed text is the source with the markup taken out (`**`, `[`, `](url)`,
// escapes, soft line breaks), so its characters are matched in order against
// the source from the paragraph's start. A printed character the source does
// not hold nearby (a note mark ①, a link's full-width brackets, a decoded
// entity) is passed over without moving on. Only letter-spaced lines are
// placed, so the cost is the paragraph's length for each.
import type { SourcePoint } from '../diagnostics/diagnostic.js';

/** How far ahead a printed character is looked for: longer than any markup between two printed characters, except a link's URL, which is printed too. */
const LOOKAHEAD = 16;

export interface ParagraphSource {
  /** The file as shown to the user, and its text. */
  file: string;
  text: string;
  /** UTF-16 offset of the paragraph's first character in `text`. */
  from: number;
}

/** The file:line:column of printed character `at` of `printed`. */
export function sourcePlace(src: ParagraphSource, printed: string, at: number): SourcePoint {
  const { text } = src;
  let s = src.from;
  for (let i = 0; i <= at && i < printed.length; i++) {
    const q = find(text, printed[i], s);
    if (i === at) return pointAt(src, q < 0 ? s : q);
    if (q >= 0) s = q + 1;
  }
  return pointAt(src, s);
}

function find(text: string, ch: string, from: number): number {
  if (/\s/.test(ch)) return -1;
  const end = Math.min(text.length, from + LOOKAHEAD);
  for (let q = from; q < end; q++) if (text[q] === ch) return q;
  return -1;
}

function pointAt(src: ParagraphSource, offset: number): SourcePoint {
  let line = 1;
  let lineStart = 0;
  for (let q = 0; q < offset && q < src.text.length; q++) {
    if (src.text.charCodeAt(q) === 10) {
      line++;
      lineStart = q + 1;
    }
  }
  return { file: src.file, line, column: offset - lineStart + 1 };
}
