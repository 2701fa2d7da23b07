// split-paragraph: a body paragraph that stops mid-sentence, followed by its
// continuation after one or more blank lines (text re-flowed from a page
// break). Only two consecutive top-level paragraphs can be halves: a heading,
// list, quote, table or the end of the file in between means the text
// really stops there.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { pointAt, type Doc, type Para } from '../paragraphs.js';
import { endsSentence, joinSeparator, startsWithContinuation } from '../text.js';

export const RULE = 'split-paragraph';

export interface Join {
  left: Para;
  right: Para;
  /** '' between CJK text, ' ' between two Latin words. */
  sep: string;
}

/**
 * The join of `left` and the paragraph right after it, or undefined when
 * `left` ends where it should. `recurring` holds the short lines that occur
 * more than once in the bulletin (as paragraphs or headings).
 */
export function splitBetween(left: Para, right: Para, recurring: ReadonlySet<string>): Join | undefined {
  if (left.opaque || right.opaque || left.norm.length === 0 || right.norm.length === 0) return undefined;
  if (endsSentence(left.plain)) return undefined;
  // A bold line (`**一、总体要求**`) is a heading typed as a paragraph, on either side.
  if (left.wholeEmphasis || right.wholeEmphasis) return undefined;
  // A heading-like line stands alone — a numbered title, a note in brackets, a
  // slogan spaced like a headline, a short line that recurs (`安全第一` in two
  // articles) — unless what follows cannot begin a sentence (`，…`). A short
  // line seen once is the head of a paragraph cut early (`萱洲` / `镇坚持…`).
  const cutEarly = left.shortLine && !recurring.has(left.norm);
  if (left.standalone && !cutEarly && !startsWithContinuation(right.plain)) return undefined;
  // Likewise a heading-like line after it starts something new; a short line
  // seen once is the tail of the sentence (`…全力护航高质量` / `发展`).
  const tail = right.shortLine && !recurring.has(right.norm);
  if (right.standalone && !tail && !startsWithContinuation(right.plain)) return undefined;
  return { left, right, sep: joinSeparator(left.plain, right.plain) };
}

export function report(doc: Doc, join: Join): Diagnostic {
  const { left, right } = join;
  const lastChar = left.plain.trimEnd().length - 1;
  const at = pointAt(doc, lastChar >= 0 ? left.map[lastChar] : left.start);
  const head = excerpt(left.plain, 'tail');
  const tail = excerpt(right.plain, 'head');
  return diagnostic(at, 'warning', RULE,
    `paragraph split mid-sentence: “${head}” continues as “${tail}” at line ${pointAt(doc, right.start).line}; the halves are joined (\`bulletin fmt --write\` joins them in the source).`,
    [pointAt(doc, right.start)]);
}

/** A short quotation of a paragraph for messages: its first or last dozen characters. */
export function excerpt(plain: string, side: 'head' | 'tail', n = 12): string {
  const t = plain.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  return side === 'head' ? `${t.slice(0, n)}…` : `…${t.slice(-n)}`;
}
