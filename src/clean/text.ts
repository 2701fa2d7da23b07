// Character classes shared by the rules. Han is the Unicode Han script;
// punctuation is Unicode's P category, so full-width and ASCII marks both count.

const PUNCT = /\p{P}/u;

/** True when the character just before index `i` (a whole code point) is Han. */
export function hanBefore(s: string, i: number): boolean {
  return HAN_AT_END.test(s.slice(Math.max(0, i - 2), i));
}
const HAN_AT_END = /\p{Script=Han}$/u;

export function hasPunctuation(s: string): boolean {
  return PUNCT.test(s);
}

/** Marks that may end a sentence (docs/design/CONTENT.md), plus their ASCII forms and the corner-bracket closers. */
const SENTENCE_FINAL = new Set(['。', '！', '？', '…', '”', '’', '：', '；', '」', '』', '!', '?', '.', ':', ';', '．']);
/** Closers that end a sentence when the mark before them does (`。）`, `！》`). */
const CLOSERS = new Set(['）', ')', '》', '】', '〉', '"', "'", '”', '’', '」', '』']);

/** True when the text ends a sentence: a final mark, possibly followed by closing brackets or quotes. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (t.length === 0) return true;
  const last = t[t.length - 1];
  if (SENTENCE_FINAL.has(last)) return true;
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t[i])) i--;
  return i < t.length - 1 && i >= 0 && SENTENCE_FINAL.has(t[i]);
}

/** Marks that cannot begin a sentence: text starting with one continues the paragraph before it. */
const NON_STARTERS = new Set(['，', '、', '。', '；', '：', '！', '？', '）', '」', '』', '”', '’', '…', '》', ',', '.', ';', ':', '!', '?', ')']);

export function startsWithContinuation(text: string): boolean {
  return NON_STARTERS.has(text.trimStart()[0] ?? '');
}

/** Whitespace and nothing else is dropped: the form duplicates are compared in. */
export function normalise(plain: string): string {
  return plain.replace(/\s+/g, '');
}

const LATIN_END = /[A-Za-z0-9,;:]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** What goes between the halves of a split paragraph: a space only between two Latin words. */
export function joinSeparator(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (!LATIN_END.test(l) || !LATIN_START.test(r)) return '';
  // A number cut in two (`10` / `00万元`) is one number again.
  if (/[0-9]$/.test(l) && /^[0-9]/.test(r)) return '';
  return ' ';
}
