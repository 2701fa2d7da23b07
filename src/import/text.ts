// `bulletin import FILE.txt`: pasted text, one article or a page's several
// (pieces.ts), as articles for the normal pipeline.
import { isUtf8 } from 'node:buffer';
import type { ImportedArticle, ImportResult } from './imported.js';
import { paragraphsTree } from './markdown.js';
import { splitPieces, titleOf, type Line } from './pieces.js';

export interface DecodedText {
  text: string;
  /** The encoding it was read as, when not UTF-8. */
  encoding?: string;
}

/** UTF-8 (BOM or not), else GB18030 (what Chinese Windows saves as "ANSI"), else undefined. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes) };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
  } catch {
    return undefined;
  }
}

function excerpt(lines: Line[]): string {
  const first = lines[0].text;
  const shown = first.length > 16 ? `${first.slice(0, 16)}…` : first;
  const where = lines.length === 1 ? `line ${lines[0].line}` : `lines ${lines[0].line}–${lines[lines.length - 1].line}`;
  return `${where} (“${shown}”${lines.length > 1 ? ` and ${lines.length - 1} more` : ''})`;
}

export function importText(text: string): ImportResult {
  const split = splitPieces(text);
  const articles: ImportedArticle[] = split.pieces.map((piece) => ({
    title: titleOf(piece),
    author: piece.byline?.author,
    role: piece.byline?.role,
    body: paragraphsTree(piece.paragraphs),
    images: [],
    titleFrom: piece.title.length === 1 ? `line ${piece.title[0].line}` : `lines ${piece.title.map((l) => l.line).join(' and ')}`,
    bylineFrom: piece.byline ? `line ${piece.byline.at.line}, “${piece.byline.at.text}”` : undefined,
  }));
  const notes: string[] = [];
  if (split.before.length > 0) {
    notes.push(`${excerpt(split.before)} ${split.before.length === 1 ? 'comes' : 'come'} before the first headline and byline and ${split.before.length === 1 ? 'is' : 'are'} in no article; if that is the lead, put it in index.md’s body.`);
  }
  for (const line of split.between) {
    notes.push(`${excerpt([line])} ends an article’s text without ending a sentence, so it reads as a page’s heading or footer and is in no article; add it where it belongs if it is text.`);
  }
  return { articles, notes };
}
