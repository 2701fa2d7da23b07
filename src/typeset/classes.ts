// Character classes for Chinese line breaking, written by hand from CLReq and
// GB/T 15834 (TYPOGRAPHY.md §2). The `linebreak` package (UAX #14) is not used:
// it never breaks around “ ” ‘ ’ and allows breaks before ～ · 〃 and a lone —
// (FACTS.md), so its table would need correcting both ways anyway.

/** Break classes. Numbers are stored in a Uint8Array per paragraph. */
export const Cls = {
  /** Ideographs, kana, hangul, full-width symbols: a break is allowed on both sides. */
  HAN: 0,
  /** Full-width opening brackets and quotes （［｛〔〈《「『【〖“‘: never at line end; ink in the right half. */
  OPEN: 1,
  /** Full-width closing brackets and quotes ）］｝〕〉》」』】〗”’: never at line start; ink in the left half. */
  CLOSE: 2,
  /** Full-width stops and pauses ，。、；：？！: never at line start; ink in the left half. */
  STOP: 3,
  /** Middle dots · ・: never at line start. */
  MIDDLE: 4,
  /** Other marks that never start a line: ％ ‰ ℃ ～ 〃 …. */
  NOSTART: 5,
  /** ASCII ( [ {: never at line end. */
  ASCII_OPEN: 6,
  /** ASCII ) ] } , . ; : ? ! %: never at line start; glued to a following letter ("5.2", "1,000"). */
  ASCII_CLOSE: 7,
  /** — and its relatives: never split a doubled dash; glued to adjacent letters/digits ("1—2"). */
  DASH: 8,
  /** … ⋯ ‥: never split a doubled ellipsis. */
  ELLIPSIS: 9,
  /** Latin/Greek/Cyrillic letters and digits (also full-width ones): words and numbers are unbreakable. */
  LETTER: 10,
  /** Other Latin-side symbols (- / + & @ # ' " …): glued to letters, so "COVID-19" stays whole. */
  SYMBOL: 11,
  /** White space: a break opportunity after it; it hangs at a line end. */
  SPACE: 12,
  /** Combining marks and variation selectors: never separated from the preceding character. */
  COMBINING: 13,
  /** ZWJ, word joiner, BOM: no break on either side. */
  JOINER: 14,
} as const;

export type CharClass = (typeof Cls)[keyof typeof Cls];

const OPEN_CHARS = '（［｛〔〈《「『【〖〘〚｟“‘〝';
const CLOSE_CHARS = '）］｝〕〉》」』】〗〙〛｠”’〞〟';
const STOP_CHARS = '，。、；：？！．';
const MIDDLE_CHARS = '·・‧･';
const NOSTART_CHARS = '％‰‱℃℉～〜〃々‼⁇⁈⁉';
const DASH_CHARS = '—―⸺⸻';
const ELLIPSIS_CHARS = '…⋯‥';
/** Marks that stay full width in the `kaiming` scheme (sentence-final stops). */
const KAIMING_FULL = '。？！．';

const fixed = new Map<number, CharClass>();
function put(chars: string, classes: CharClass): void {
  for (const ch of chars) fixed.set(ch.codePointAt(0)!, classes);
}
put(OPEN_CHARS, Cls.OPEN);
put(CLOSE_CHARS, Cls.CLOSE);
put(STOP_CHARS, Cls.STOP);
put(MIDDLE_CHARS, Cls.MIDDLE);
put(NOSTART_CHARS, Cls.NOSTART);
put(DASH_CHARS, Cls.DASH);
put(ELLIPSIS_CHARS, Cls.ELLIPSIS);
put('([{', Cls.ASCII_OPEN);
put(')]},.;:?!%｡', Cls.ASCII_CLOSE);
put(' \t\n\r\f\v\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u205f', Cls.SPACE);
put('\u200c\u200d\u2060\ufeff', Cls.JOINER);

const LETTER_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;

function classifyUncached(cp: number): CharClass {
  const f = fixed.get(cp);
  if (f !== undefined) return f;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return Cls.COMBINING;
  // Full-width Latin letters and digits: on the grid, but still words.
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return Cls.LETTER;
  if (cp < 0x2190) {
    const ch = String.fromCodePoint(cp);
    if (MARK_RE.test(ch)) return Cls.COMBINING;
    if (LETTER_RE.test(ch)) return Cls.LETTER;
    if (cp < 0x20) return Cls.SPACE;
    return Cls.SYMBOL;
  }
  // Arrows, maths, shapes, enclosed numbers, CJK and everything above behave like ideographs.
  const ch = String.fromCodePoint(cp);
  if (MARK_RE.test(ch)) return Cls.COMBINING;
  return Cls.HAN;
}

const bmpCache = new Uint8Array(0x10000).fill(255);

/** The break class of a code point. */
export function classify(cp: number): CharClass {
  if (cp < 0x10000) {
    const c = bmpCache[cp];
    if (c !== 255) return c as CharClass;
    const k = classifyUncached(cp);
    bmpCache[cp] = k;
    return k;
  }
  return classifyUncached(cp);
}

/** Classes that must not begin a line (TYPOGRAPHY.md §2). */
export function isNoStart(c: number): boolean {
  return c === Cls.CLOSE || c === Cls.STOP || c === Cls.MIDDLE || c === Cls.NOSTART || c === Cls.ASCII_CLOSE;
}

/** Classes that must not end a line. */
export function isNoEnd(c: number): boolean {
  return c === Cls.OPEN || c === Cls.ASCII_OPEN;
}

/** Latin-side classes: adjacent ones form one unbreakable word. */
export function isWordish(c: number): boolean {
  return c === Cls.LETTER || c === Cls.SYMBOL;
}

/** Full-width marks with a blank half that the compression rules may remove. */
export function isCompressible(c: number): boolean {
  return c === Cls.OPEN || c === Cls.CLOSE || c === Cls.STOP;
}

/** Punctuation (and spaces): what the no-orphan rule does not count as a character. */
export function isPunctuation(c: number): boolean {
  return c !== Cls.HAN && c !== Cls.LETTER && c !== Cls.SYMBOL;
}

/** Whether a compressible mark keeps its full width in the `kaiming` scheme. */
export function isKaimingFull(cp: number): boolean {
  return KAIMING_FULL.includes(String.fromCodePoint(cp));
}
