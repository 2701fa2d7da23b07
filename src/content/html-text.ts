// The text of raw HTML an editor pasted (`<div>说明</div>`, `<span>12350</span>`):
// HTML is not typeset, but the words in it are the editor's and are kept.
// Tags and comments go, script and style elements go whole, a line break
// tag or the end of a block element ends a line, character references are
// decoded (`&amp;` → `&`, `&#x4E2D;` → 中).
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** An HTML comment and nothing else: the editor's note, never printed. */
export function isHtmlComment(value: string): boolean {
  return /^<!--[\s\S]*-->$/.test(value.trim());
}

/** One tag and nothing else (`<span>`, `</b>`, `<br/>`): inline HTML is a node per tag. */
export function isLineBreakTag(value: string): boolean {
  return /^<br\s*\/?>$/i.test(value.trim());
}

const DROPPED = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/gi;
const LINE_ENDS = /<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi;
const TAG = /<\/?[A-Za-z][^>]*>|<![^>]*>|<\?[\s\S]*?\?>/g;
const REFERENCE = /&(#(?:\d{1,7}|[xX][\da-fA-F]{1,6})|[\da-zA-Z]{1,31});/g;

/** The text of an HTML fragment, lines separated by `\n`, without tags. */
export function htmlText(value: string): string {
  return value
    .replace(DROPPED, '')
    .replace(LINE_ENDS, '\n')
    .replace(TAG, '')
    .replace(REFERENCE, (all: string, ref: string) => {
      if (ref.charCodeAt(0) !== 35) return decodeNamedCharacterReference(ref) || all;
      const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
      return decodeNumericCharacterReference(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
    })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
