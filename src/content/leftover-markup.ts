// Markup characters the parser leaves in text, because they mark up nothing:
// `**` or `__` that open or close no emphasis (a lone `**`, `__三是__健全`
// between Han characters), `~~` that strike nothing, a footnote reference
// `[^1]` with no definition, and `##标题` (a heading without its space).
// They are markup, not words: cleaning reports each one (unsupported-markdown)
// and layout prints the text without them. One list, read by both.

export interface Leftover {
  /** UTF-16 index in the text. */
  index: number;
  /** The characters, as written. */
  text: string;
  /** What the editor meant, for the message. */
  construct: string;
}

/** Inside a text: stray emphasis and strikethrough markers, and footnote references without a definition. */
const INSIDE = /\*\*|__|~~|\[\^[^\]\s]+\]/g;
/**
 * A pair of single markers around a phrase, not inside a word (`以_零容忍_的`:
 * underscores between Han characters are not emphasis to CommonMark). One
 * inside a Latin word (`file_name`) or alone (`5*3`) is text.
 */
const PAIR = /(?<![A-Za-z0-9_*\\])([_*])(?![\s_*])([^_*\n]+?)(?<!\s)\1(?![A-Za-z0-9_*])/g;
/** At the start of a paragraph: `##` and more, then a letter (not a digit: `#1机组` is how plant numbers are written). */
const HEADING = /^#{2,6}(?=[^\s#\d])/;

function constructOf(text: string): string {
  if (text === '_' || text === '*') return `\`${text}…${text}\` that Markdown does not read as emphasis here (write \`*…*\`)`;
  if (text === '~~') return 'strikethrough (`~~…~~`) that strikes nothing';
  if (text.startsWith('[^')) return `footnote reference \`${text}\` without a definition (\`${text}: …\`)`;
  if (text.startsWith('#')) return `heading without a space after \`${text}\` (\`${text} 标题\`)`;
  return `\`${text}\` that opens or closes no bold`;
}

/** The leftover markup in `text`; `atStart`: the text opens its paragraph. */
export function findLeftovers(text: string, atStart: boolean): Leftover[] {
  const out: Leftover[] = [];
  if (atStart) {
    const h = HEADING.exec(text);
    if (h) out.push({ index: 0, text: h[0], construct: constructOf(h[0]) });
  }
  // Most texts have none of these characters: no scan for them.
  if (!text.includes('*') && !text.includes('_') && !text.includes('~~') && !text.includes('[^')) return out;
  // exec on the shared patterns: matchAll would clone them for every text.
  INSIDE.lastIndex = 0;
  for (let m = INSIDE.exec(text); m; m = INSIDE.exec(text)) out.push({ index: m.index, text: m[0], construct: constructOf(m[0]) });
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    const close = m.index + m[0].length - 1;
    // Not a marker already taken by a double one (`**`, `__`).
    if (out.some((l) => l.index <= close && l.index + l.text.length > m!.index)) continue;
    out.push({ index: m.index, text: m[1], construct: constructOf(m[1]) }, { index: close, text: m[1], construct: constructOf(m[1]) });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** `text` without its leftover markup. */
export function withoutLeftovers(text: string, atStart: boolean): string {
  const found = findLeftovers(text, atStart);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const l of found) {
    out += text.slice(at, l.index);
    at = l.index + l.text.length;
  }
  return out + text.slice(at);
}
