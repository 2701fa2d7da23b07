// Break opportunities inside long Latin runs, which the class table keeps
// whole (TYPOGRAPHY.md §2): in a 13-em column a URL of 20 characters would
// otherwise force the line before it to be letter-spaced. Two kinds, both
// carrying a penalty in the line breaker so they are used only when needed:
//   URL / e-mail  anything URL-like in the text (scheme://, www., an e-mail
//                 address, a domain with a path or a common top-level
//                 domain) breaks only after / . - _ ? & = (never between the
//                 two slashes of "//", never before a mark kinsoku keeps off
//                 a line start). No hyphen is added, as a hyphen would read
//                 as part of the address, and a URL is never letter-spaced.
//   hyphenation   English words longer than 8 ASCII letters, en-us Liang
//                 patterns from the maintained `hyphen` package, at least 2
//                 letters before and 3 after the break; a hyphen glyph of the
//                 font is drawn at the break (a Knuth–Plass discretionary).
//                 Acronyms and CamelCase (a capital after the first letter)
//                 and words touching digits or other letters ("ISO9001",
//                 "café") are left alone. The breaker allows hyphens only when
//                 the paragraph cannot be set without letter-spacing otherwise.
// Numbers ("5.2%", "1,000") are never URL-like and contain no letter word,
// so they stay unbreakable.
import hyphenator from 'hyphen/en-us/index.js';
import { Cls } from './classes.js';
import type { Collected } from './collect.js';

/** Shorter Latin runs are never broken inside. */
export const MIN_RUN = 6;
/** Only words of more than 8 letters are hyphenated. */
export const MIN_WORD = 9;
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;

/** Break kinds this module writes (values of Brk in breakpoints.ts). */
export const URL_BREAK = 2;
export const HYPHEN_BREAK = 3;
const NOSTART_MARKS = '.,?%:;!';

/**
 * A URL (scheme:// or www.), an e-mail address, or a bare domain followed by a
 * path or ending in a common top-level domain, inside a run of non-space Latin characters.
 */
const ADDRESS_RE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,24}\/[!-~]*|(?:com|net|org|cn|gov|edu|info|io)(?![a-z0-9]))/gi;
/** Marks a URL line may end with: the break goes after them. */
const AFTER = '/.-_?&=';
const ALNUM_RE = /[A-Za-z0-9]/;

function isRunClass(k: number): boolean {
  return k === Cls.LETTER || k === Cls.SYMBOL || k === Cls.ASCII_CLOSE || k === Cls.ASCII_OPEN;
}

/** Offsets k (break before m[k]) at which the address m may break. */
export function addressBreaks(m: string): number[] {
  const out: number[] = [];
  const scheme = m.indexOf('://');
  // Nothing inside the scheme: the first break is right after "://".
  const from = scheme >= 0 ? scheme + 3 : 1;
  for (let k = from; k < m.length; k++) {
    const l = m[k - 1];
    const r = m[k];
    const ok = AFTER.includes(l) && !(l === '/' && r === '/') && !NOSTART_MARKS.includes(r);
    // Both halves must hold something to read: no line of only "." or "?".
    if (ok && ALNUM_RE.test(m.slice(k)) && ALNUM_RE.test(m.slice(0, k))) out.push(k);
  }
  return out;
}

const cache = new Map<string, number[]>();
const SOFT = '\u00ad';

/** Offsets k (break before word[k]) where an English word may be hyphenated. */
export function hyphenPoints(word: string): number[] {
  if (word.length < MIN_WORD || !/^[A-Za-z]+$/.test(word) || /.[A-Z]/.test(word)) return [];
  let pts = cache.get(word);
  if (!pts) {
    pts = [];
    const parts = hyphenator.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: MIN_WORD }).split(SOFT);
    let k = 0;
    for (let i = 0; i < parts.length - 1; i++) {
      k += parts[i].length;
      if (k >= LEFT_MIN && word.length - k >= RIGHT_MIN) pts.push(k);
    }
    cache.set(word, pts);
  }
  return pts;
}

/** The hyphen drawn after character i: the '-' of the chain that draws i's span. */
export function hyphenGlyph(c: Collected, i: number): { face: string; id: number; advance: number } | undefined {
  let s = 0;
  while (s < c.spanEnds.length - 1 && c.spanEnds[s] <= i) s++;
  const r = c.chains[s]?.resolve(0x2d);
  return r ? { face: r.face.key, id: r.glyph.id, advance: r.glyph.advance } : undefined;
}

/**
 * Marks URL breaks and hyphenation points in `breakKind` (junction j: between
 * characters j and j+1) and the width a hyphen adds at each hyphenation
 * point in `hyphenWidth`. Only junctions that are NEVER breaks are changed.
 */
export function latinBreaks(c: Collected, breakKind: Uint8Array, hyphenWidth: Float64Array): void {
  const { n, classes, codePoints } = c;
  for (let i = 0; i < n; ) {
    if (!isRunClass(classes[i]) || codePoints[i] >= 0xff00) {
      i++;
      continue;
    }
    let t = i + 1;
    while (t < n && isRunClass(classes[t]) && codePoints[t] < 0xff00) t++;
    if (t - i >= MIN_RUN) runBreaks(c, i, t, breakKind, hyphenWidth);
    i = t;
  }
}

/** Breaks inside the run of characters s..t−1 (all below U+FF00, one UTF-16 unit each). */
function runBreaks(c: Collected, s: number, t: number, breakKind: Uint8Array, hyphenWidth: Float64Array): void {
  const run = c.text.slice(c.offsets[s], c.offsets[t]);
  if (run.length !== t - s) return; // not one unit per character (cannot happen below U+FF00; be safe)
  let hasAddress = false;
  ADDRESS_RE.lastIndex = 0;
  for (let m = ADDRESS_RE.exec(run); m; m = ADDRESS_RE.exec(run)) {
    hasAddress = true;
    for (const k of addressBreaks(m[0])) {
      const j = s + m.index + k - 1;
      if (breakKind[j] === 0) breakKind[j] = URL_BREAK;
    }
  }
  if (hasAddress) return; // a run holding an address is not prose
  const { classes } = c;
  for (let a = 0; a < run.length; ) {
    if (!isAsciiLetter(run.charCodeAt(a))) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < run.length && isAsciiLetter(run.charCodeAt(b))) b++;
    // Neighbours outside the run count too: full-width digits ("Windows３０") are letters outside it.
    const touches = (s + a > 0 && classes[s + a - 1] === Cls.LETTER) || (s + b < c.n && classes[s + b] === Cls.LETTER);
    if (b - a >= MIN_WORD && !touches) {
      for (const k of hyphenPoints(run.slice(a, b))) {
        const j = s + a + k - 1;
        if (breakKind[j] !== 0) continue;
        const h = hyphenGlyph(c, j);
        if (!h) continue;
        breakKind[j] = HYPHEN_BREAK;
        hyphenWidth[j] = h.advance;
      }
    }
    a = b;
  }
}

function isAsciiLetter(u: number): boolean {
  return (u >= 65 && u <= 90) || (u >= 97 && u <= 122);
}
