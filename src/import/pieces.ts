// Pasted text split into articles, as a newspaper page's text runs: a
// headline (one or two short lines), a byline (`单位职务 姓名`), then the
// paragraphs, one a line. Every non-empty line becomes a paragraph as it is:
// lines split mid-sentence, repeats and fragments are left for the cleaning
// rules to report (docs/cleaning.md), not mended here. Lines before the first
// headline (a page's lead) and short lines that end an article's text without
// ending a sentence (a page's theme line, column name or footer, which a
// page's text carries between and after the articles) are not part of any
// article; they are returned for the editor to be told.
import { isHeadlineLike, parseByline, type Byline } from './byline.js';

export interface Line {
  text: string;
  /** 1-based line number in the source file. */
  line: number;
}

export interface Piece {
  /** The headline's lines (one or two), joined with a space for the title. */
  title: Line[];
  byline: (Byline & { at: Line }) | undefined;
  paragraphs: Line[];
}

export interface Split {
  pieces: Piece[];
  /** Lines before the first article. */
  before: Line[];
  /** Headline-like lines that ended an article's text (page furniture), in order. */
  between: Line[];
}

export function nonEmptyLines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = raw.replace(/^\uFEFF/, '').trim();
    if (t) out.push({ text: t, line: i + 1 });
  });
  return out;
}

/**
 * One line of a headline set on two: a headline-like line of one phrase (a
 * line that holds a space between two phrases is a whole headline already).
 */
function isHalfHeadline(text: string): boolean {
  return isHeadlineLike(text) && !/[ \t\u3000]/.test(text);
}

/** Where each article starts (the index of its first headline line) and where its byline is. */
function starts(lines: Line[]): { head: number; byline: number }[] {
  const found: { head: number; byline: number }[] = [];
  let lastByline = -2;
  for (let i = 1; i < lines.length; i++) {
    if (!isHeadlineLike(lines[i - 1].text) || !parseByline(lines[i].text, true)) continue;
    // Two byline-like lines in a row (`安全生产 重在落实` over `某某集团董事长 孙丽`): the later is the byline, this one its headline.
    if (i + 1 < lines.length && isHeadlineLike(lines[i].text) && parseByline(lines[i + 1].text)) continue;
    // The line under the previous byline is that article's text, never this one's headline.
    if (i - 1 <= lastByline + 1) continue;
    let head = i - 1;
    if (head - 1 > lastByline + 1 && isHalfHeadline(lines[head - 1].text) && isHalfHeadline(lines[head].text)) head -= 1;
    found.push({ head, byline: i });
    lastByline = i;
  }
  return found;
}

/** The article pieces of a pasted text. A text without a headline and byline pair is one piece, its first line the title. */
export function splitPieces(text: string): Split {
  const lines = nonEmptyLines(text);
  if (lines.length === 0) return { pieces: [], before: [], between: [] };
  const at = starts(lines);
  if (at.length === 0) {
    return { pieces: [{ title: [lines[0]], byline: undefined, paragraphs: lines.slice(1) }], before: [], between: [] };
  }
  const pieces: Piece[] = at.map((s, k) => {
    const end = k + 1 < at.length ? at[k + 1].head : lines.length;
    const bylineLine = lines[s.byline];
    return {
      title: lines.slice(s.head, s.byline),
      byline: { ...parseByline(bylineLine.text, true)!, at: bylineLine },
      paragraphs: lines.slice(s.byline + 1, end),
    };
  });
  const between: Line[] = [];
  for (const piece of pieces) {
    let keep = piece.paragraphs.length;
    while (keep > 1 && isHeadlineLike(piece.paragraphs[keep - 1].text)) keep--;
    between.push(...piece.paragraphs.splice(keep));
  }
  return { pieces, before: lines.slice(0, at[0].head), between };
}

export function titleOf(piece: Piece): string {
  return piece.title.map((l) => l.text).join(' ');
}
