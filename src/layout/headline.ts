// Headline line breaking (docs/design/LAYOUT.md): a headline of two parallel phrases
// separated by a space breaks at that space when it needs two lines and keeps
// the space as a visible gap when it fits on one; otherwise it breaks between
// words (word-breaks.ts), never inside one, and the lines are balanced. Never
// one or two characters alone on a line, never a line starting with a
// closing mark, never an opening mark at a line end, never a break inside a
// Latin word or number. The size is the largest in the template's range that
// sets the headline in the fewest lines. Captions are broken the same way, at
// their one size.
import type { FaceChain } from '../fonts/face.js';
import { classify, isNoEnd, isNoStart, isPunctuation } from '../typeset/index.js';
import { lineWidth } from './text.js';
import { Junction, junctions } from './word-breaks.js';

/** Latin letters, digits and what binds them into one unbreakable word or number: A–Z a–z 0–9 . , % + - _ / */
function wordish(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0x2e || cp === 0x2c || cp === 0x25 || cp === 0x2b || cp === 0x2d || cp === 0x5f || cp === 0x2f;
}

/** What a regular expression's \s matches (U+3000, the ideographic space, among them). */
function isSpace(cp: number): boolean {
  return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

export interface HeadlineBreak {
  size: number;
  lines: string[];
}

/** What the page search needs of a headline at a measure: the size breakHeadline chooses and how many lines it sets. */
export interface HeadlineFit {
  size: number;
  lines: number;
}

interface Unit {
  text: string;
  /** A space precedes this unit (a phrase boundary). */
  afterSpace: boolean;
  /** The word junction before the unit (word-breaks.ts). */
  junction: Junction;
  first: number;
  last: number;
  /** Non-punctuation characters in the unit. */
  visible: number;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  const joints = junctions(text);
  let afterSpace = false;
  let index = -1;
  for (const ch of text) {
    index += 1;
    const cp = ch.codePointAt(0) ?? 0;
    if (isSpace(cp)) {
      if (out.length > 0) afterSpace = true;
      continue;
    }
    const cls = classify(cp);
    const prev = out[out.length - 1];
    if (prev && !afterSpace && wordish(cp) && wordish(prev.last)) {
      prev.text += ch;
      prev.last = cp;
      prev.visible += 1;
      continue;
    }
    // A space before a closing mark or after an opening one is a typo, not a
    // phrase boundary: it must not become a visible gap (or a break) there.
    if (afterSpace && (isNoStart(cls) || (prev !== undefined && isNoEnd(classify(prev.last))))) afterSpace = false;
    out.push({ text: ch, afterSpace, junction: joints[index], first: cp, last: cp, visible: isPunctuation(cls) ? 0 : 1 });
    afterSpace = false;
  }
  return out;
}

function join(us: Unit[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += (i > a && us[i].afterSpace ? ' ' : '') + us[i].text;
  return s;
}

/** Unit widths as prefix sums in ems, so any line's width is O(1); what the split needs per unit, computed once. */
interface Metrics {
  adv: Float64Array;
  /** Spaces before units 1..i-1 (a line never starts with its space). */
  spaces: Int32Array;
  /** Non-punctuation characters before unit i. */
  visible: Int32Array;
  /** 1 where a line may start with unit a (a > 0): not a closing mark after it, not an opening mark before it. */
  canStart: Uint8Array;
}

function metrics(us: Unit[], chain: FaceChain): Metrics {
  const adv = new Float64Array(us.length + 1);
  const spaces = new Int32Array(us.length + 1);
  const visible = new Int32Array(us.length + 1);
  const canStart = new Uint8Array(us.length);
  us.forEach((u, i) => {
    adv[i + 1] = adv[i] + lineWidth(u.text, chain, 1);
    spaces[i + 1] = spaces[i] + (u.afterSpace ? 1 : 0);
    visible[i + 1] = visible[i] + u.visible;
    if (i > 0) canStart[i] = isNoStart(classify(u.first)) || isNoEnd(classify(us[i - 1].last)) ? 0 : 1;
  });
  return { adv, spaces, visible, canStart };
}

/** A headline measured once (units and prefix widths), to be broken for several sizes and measures. */
export interface PreparedHeadline {
  units: Unit[];
  metrics: Metrics;
}

export function prepareHeadline(text: string, chain: FaceChain): PreparedHeadline {
  const us = units(text.trim());
  return { units: us, metrics: metrics(us, chain) };
}

/** Width in ems of units [a, b) set on one line, with a one-em gap at each inner space. */
function widthEm(mt: Metrics, a: number, b: number): number {
  return mt.adv[b] - mt.adv[a] + (mt.spaces[b] - mt.spaces[a + 1]);
}

/** The headline's natural width in ems, on one line. */
function naturalEm(h: PreparedHeadline): number {
  return widthEm(h.metrics, 0, h.units.length);
}

/** Where a headline is set: its size and the measure, in pt. */
interface Setting {
  size: number;
  measure: number;
  /** Whether a bound junction may break (word-breaks.ts): only when no split avoids one. */
  bound: boolean;
}

/** The fewest characters (punctuation aside) a line of a broken headline may hold. */
const LINE_LEAST = 3;
/**
 * What a line break costs beside the lines' unevenness (in ems squared): at a
 * phrase space a headline wants it; between words less so; beside a loose
 * single character or a function word (word-breaks.ts) only when it buys more
 * than about 6 ems of balance over a break between words (two lines d ems
 * apart cost d²/2); a bound one (inside a pair of loose characters, or
 * between a function word and what it binds to), about 12 ems. Inside a word:
 * never.
 */
const PHRASE_BREAK = -100;
const WORD_BREAK = 10;
const WEAK_BREAK = 30;
const BOUND_BREAK = 80;
/** The price of a break at each kind of word junction, by Junction. */
const JUNCTION_PRICE: Record<Junction, number> = {
  [Junction.INSIDE]: Number.POSITIVE_INFINITY,
  [Junction.BOUND]: BOUND_BREAK,
  [Junction.WEAK]: WEAK_BREAK,
  [Junction.WORD]: WORD_BREAK,
};

/** What a line starting at unit a costs as a break (nothing for the first line; infinite inside a word). */
function breakPrice(h: PreparedHeadline, a: number, at: Setting): number {
  if (a === 0) return 0;
  const u = h.units[a];
  if (u.afterSpace) return PHRASE_BREAK;
  return u.junction === Junction.BOUND && !at.bound ? Number.POSITIVE_INFINITY : JUNCTION_PRICE[u.junction];
}

/**
 * The headline's dynamic programme, the one place it is broken into lines:
 * the cheapest split into exactly `lines` lines no wider than the measure,
 * as the unit each line starts at (and, last, the units' count), or undefined when no
 * split follows the rules (no closing mark or what follows an opening mark
 * at a line start, at least LINE_LEAST characters on every line).
 * best[j·(m+1) + i] is the least price of units [0, i) in j lines, start[…]
 * where its last line starts. A line costs its distance in ems from the
 * lines' mean width, squared, and its break (breakPrice): the only place
 * where a headline's lines are weighed. Of two splits as cheap, the one
 * whose lines start further left wins.
 */
function bestSplit(h: PreparedHeadline, at: Setting, lines: number): Split | undefined {
  const mt = h.metrics;
  const m = h.units.length;
  const limit = at.measure / at.size + 1e-6;
  const mean = widthEm(mt, 0, m) / lines;
  const W = m + 1;
  const best = new Float64Array((lines + 1) * W).fill(Number.POSITIVE_INFINITY);
  const start = new Int32Array((lines + 1) * W);
  best[0] = 0;
  for (let j = 1; j <= lines; j++) {
    // Line j ends after unit i: every line holds a unit, and the last ends at the end.
    for (let i = j === lines ? m : j; i <= m - (lines - j); i++) {
      // Longest line first: a line only widens as its start moves left, so the scan stops at the
      // first too wide one. The first line starts at 0.
      for (let a = j === 1 ? 0 : i - 1; a >= j - 1; a--) {
        const width = widthEm(mt, a, i);
        if (width > limit) break;
        const before = best[(j - 1) * W + a];
        if (before === Number.POSITIVE_INFINITY || (a > 0 && !mt.canStart[a])) continue;
        if (lines > 1 && mt.visible[i] - mt.visible[a] < LINE_LEAST) continue;
        const price = before + (width - mean) ** 2 + breakPrice(h, a, at);
        if (price < Number.POSITIVE_INFINITY && price <= best[j * W + i]) {
          best[j * W + i] = price;
          start[j * W + i] = a;
        }
      }
    }
  }
  const price = best[lines * W + m];
  if (price === Number.POSITIVE_INFINITY) return undefined;
  const starts = new Array<number>(lines + 1);
  starts[lines] = m;
  for (let j = lines, i = m; j > 0; j--) i = starts[j - 1] = start[j * W + i];
  return { starts, price };
}

/** A headline broken into lines: the unit each line starts at (and, last, the units' count), and what the split costs. */
interface Split {
  starts: number[];
  price: number;
}

/** The least price of the headline in n lines at a setting (infinite when no split follows the rules). */
function priceAt(h: PreparedHeadline, at: Setting, n: number): number {
  if (n === 1) return naturalEm(h) * at.size <= at.measure + 1e-6 ? 0 : Number.POSITIVE_INFINITY;
  return bestSplit(h, at, n)?.price ?? Number.POSITIVE_INFINITY;
}

/**
 * The fewest lines, from `least` to `most`, the headline breaks into at a
 * setting, or 0 when it needs more (or cannot be broken cleanly).
 */
function fewestLines(h: PreparedHeadline, at: Setting, least: number, most: number): number {
  const natural = naturalEm(h);
  if (least <= 1 && natural * at.size <= at.measure + 1e-6) return 1;
  for (let n = Math.max(2, least); n <= Math.min(most, h.units.length); n++) {
    // Not enough room for n lines (their spaces aside): no split.
    if (natural - h.metrics.spaces[h.units.length] > n * (at.measure / at.size)) continue;
    if (bestSplit(h, at, n)) return n;
  }
  return 0;
}

/** The headline's text in n lines at a setting (n from fewestLines). */
function linesAt(h: PreparedHeadline, at: Setting, n: number): string[] {
  const us = h.units;
  if (n === 1) return [join(us, 0, us.length)];
  const { starts } = bestSplit(h, at, n)!;
  return starts.slice(1).map((end, j) => join(us, starts[j], end));
}

/**
 * Too narrow for any clean break: fill lines greedily at the smallest size,
 * but never start a line with a unit that may not start one (a closing mark,
 * or what follows an opening mark): such a unit stays on the line before,
 * even if that line then runs wide.
 */
function greedy(h: PreparedHeadline, at: Setting): string[] {
  const { units: us, metrics: mt } = h;
  const lines: string[] = [];
  let a = 0;
  for (let i = 1; i <= us.length; i++) {
    const full = i === us.length || (widthEm(mt, a, i + 1) * at.size > at.measure + 1e-6 && mt.canStart[i]);
    if (full) {
      lines.push(join(us, a, i));
      a = i;
    }
  }
  return lines;
}

/** The size a headline is set at for a measure, how many lines, and whether they are set greedily (too narrow for a clean break). */
interface Fit {
  size: number;
  lines: number;
  /** Whether its breaks may fall at bound junctions. */
  bound: boolean;
  greedy: boolean;
}

/**
 * How much more (in ems squared) the split at a larger size may cost than the
 * best split at the smallest: two lines 4 ems apart instead of even, less than
 * a weak break costs over a break between words, so a larger size buys only
 * a little less balance, never a worse kind of break.
 */
const SIZE_SLACK = 8;

/**
 * The size for a measure (pt): the largest in [min, max] that sets the
 * fewest lines at a price within SIZE_SLACK of the best at min (greedy, at
 * min, when it is too narrow for a clean break).
 */
function fit(h: PreparedHeadline, min: number, max: number, measure: number): Fit {
  // Bound junctions only when no number of lines avoids them.
  let at: Setting = { size: min, measure, bound: false };
  let fewest = fewestLines(h, at, 1, h.units.length);
  if (fewest === 0) {
    at = { ...at, bound: true };
    fewest = fewestLines(h, at, 1, h.units.length);
  }
  if (fewest === 0) return { size: min, lines: greedy(h, at).length, bound: true, greedy: true };
  // A larger size leaves less room a line, so the least price only grows with the size: search
  // the half-point sizes for the largest still within the slack. Fewer lines than the fewest
  // never fit at a larger size (every line must fit in less room), so only `fewest` is tried.
  const ceiling = priceAt(h, at, fewest) + SIZE_SLACK;
  let lo = 0; // steps above min known to work (0 = min itself)
  let hi = Math.round((max - min) * 2) + 1; // first step known not to (or beyond max)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (priceAt(h, { ...at, size: min + mid / 2 }, fewest) <= ceiling) lo = mid;
    else hi = mid;
  }
  return { size: min + lo / 2, lines: fewest, bound: at.bound, greedy: false };
}

/** Breaks a headline for a measure (pt) at the largest size in [min, max] that needs the fewest lines. */
export function breakHeadline(text: string | PreparedHeadline, chain: FaceChain, min: number, max: number, measure: number): HeadlineBreak {
  const h = typeof text === 'string' ? prepareHeadline(text, chain) : text;
  const f = fit(h, min, max, measure);
  const at = { size: f.size, measure, bound: f.bound };
  return { size: f.size, lines: f.greedy ? greedy(h, at) : linesAt(h, at, f.lines) };
}

/** breakHeadline's size and number of lines, without setting the lines: what the page search asks at every width. */
export function fitHeadline(text: PreparedHeadline, min: number, max: number, measure: number): HeadlineFit {
  const f = fit(text, min, max, measure);
  return { size: f.size, lines: f.lines };
}
