// Headline line breaking (LAYOUT.md): a headline of two parallel phrases
// separated by a space breaks at that space when it needs two lines and keeps
// the space as a visible gap when it fits on one; otherwise the lines are
// balanced. Never one or two characters alone on the last line, never a line
// starting with a closing mark, never an opening mark at a line end, never a
// break inside a Latin word or number. The size is the largest in the
// template's range that sets the headline in the fewest lines.
import type { FaceChain } from '../fonts/face.js';
import { classify, isNoEnd, isNoStart, isPunctuation } from '../typeset/index.js';

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
import { lineWidth } from './text.js';

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
  first: number;
  last: number;
  /** Non-punctuation characters in the unit. */
  visible: number;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  let afterSpace = false;
  for (const ch of text) {
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
    out.push({ text: ch, afterSpace, first: cp, last: cp, visible: isPunctuation(cls) ? 0 : 1 });
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

/** Width in ems of units [a, b) set on one line, with a one-em gap at each inner space. */
function widthEm(mt: Metrics, a: number, b: number): number {
  return mt.adv[b] - mt.adv[a] + (mt.spaces[b] - mt.spaces[a + 1]);
}

// The split's tables, reused: the search breaks every headline at several sizes for every module width.
let costBuf = new Float64Array(256);
let fromBuf = new Int32Array(256);
let reachBuf = new Uint8Array(256);

/**
 * Whether split() finds a split into exactly `n` lines: the same rules, without the costs, and
 * each line's first allowed start is enough. The page search asks only how many lines a headline
 * takes, at several sizes for every width.
 */
function splits(us: Unit[], mt: Metrics, n: number, size: number, measure: number): boolean {
  const m = us.length;
  const limit = measure / size + 1e-6;
  const W = m + 1;
  if ((n + 1) * W > reachBuf.length) reachBuf = new Uint8Array((n + 1) * W * 2);
  // reach[j·(m+1) + i]: units [0, i) can be set in j lines.
  const reach = reachBuf;
  reach.fill(0, 0, (n + 1) * W);
  reach[0] = 1;
  const { visible, canStart } = mt;
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      if (j === n && i !== m) continue;
      for (let a = i - 1; a >= j - 1; a--) {
        if (widthEm(mt, a, i) > limit) break;
        if (!reach[(j - 1) * W + a]) continue;
        if (a > 0 && !canStart[a]) continue;
        if (j === n && n > 1 && visible[m] - visible[a] < 3) continue;
        reach[j * W + i] = 1;
        break;
      }
    }
  }
  return reach[n * W + m] === 1;
}

/**
 * Whether the units split into exactly `n` lines no wider than `measure`: the best split is left in
 * the tables, for linesOf to read (before the next split).
 */
function split(us: Unit[], mt: Metrics, n: number, size: number, measure: number): boolean {
  const m = us.length;
  const limit = measure / size + 1e-6;
  const target = widthEm(mt, 0, m) / n;
  // cost[j·(m+1) + i]: best cost of setting units [0, i) in j lines; from: where its last line starts.
  const INF = Number.POSITIVE_INFINITY;
  const W = m + 1;
  if ((n + 1) * W > costBuf.length) {
    costBuf = new Float64Array((n + 1) * W * 2);
    fromBuf = new Int32Array((n + 1) * W * 2);
  }
  const cost = costBuf;
  const from = fromBuf;
  cost.fill(INF, 0, (n + 1) * W);
  cost[0] = 0;
  const { visible, canStart } = mt;
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      if (j === n && i !== m) continue;
      // Longest line first: a line only widens as its start moves left, so the scan stops at the
      // first too wide one. Among equal costs the leftmost start wins (<=), as in a left-to-right scan.
      let bestC = INF;
      let bestA = -1;
      for (let a = i - 1; a >= j - 1; a--) {
        const w = widthEm(mt, a, i);
        if (w > limit) break;
        const prev = cost[(j - 1) * W + a];
        if (prev === INF) continue;
        if (a > 0 && !canStart[a]) continue;
        // Never one or two characters alone on the last line.
        if (j === n && n > 1 && visible[m] - visible[a] < 3) continue;
        let c = prev + (w - target) ** 2;
        // Breaking at a phrase boundary is what a Chinese headline wants.
        if (a > 0 && us[a].afterSpace) c -= 100;
        else if (a > 0) c += 10;
        if (c <= bestC) {
          bestC = c;
          bestA = a;
        }
      }
      cost[j * W + i] = bestC;
      from[j * W + i] = bestA;
    }
  }
  return cost[n * W + m] !== INF;
}

/** The lines of the split into `n` lines that split() just found. */
function linesOf(us: Unit[], n: number): string[] {
  const W = us.length + 1;
  const lines: string[] = [];
  let i = us.length;
  for (let j = n; j > 0; j--) {
    const a = fromBuf[j * W + i];
    lines.unshift(join(us, a, i));
    i = a;
  }
  return lines;
}

/**
 * The fewest lines (from `least` to `most`) the headline breaks into at a size, or 0 when it needs
 * more (or cannot be broken cleanly): how many lines breakAt sets, without setting them.
 */
function linesAt(us: Unit[], mt: Metrics, size: number, measure: number, least: number, most: number): number {
  if (least <= 1 && widthEm(mt, 0, us.length) * size <= measure + 1e-6) return 1;
  for (let n = Math.max(2, least); n <= Math.min(most, us.length); n++) {
    // Not enough room for n lines: skip without the DP.
    if (widthEm(mt, 0, us.length) - mt.spaces[us.length] > n * (measure / size)) continue;
    if (splits(us, mt, n, size, measure)) return n;
  }
  return 0;
}

/** The headline broken into n lines at a size (n from linesAt). */
function breakAt(us: Unit[], mt: Metrics, size: number, measure: number, n: number): string[] {
  if (n === 1) return [join(us, 0, us.length)];
  split(us, mt, n, size, measure);
  return linesOf(us, n);
}

/**
 * Too narrow for any clean break: fill lines greedily at the smallest size,
 * but never start a line with a unit that may not start one (a closing mark,
 * or what follows an opening mark): such a unit stays on the line before,
 * even if that line then runs wide. The lines as unit ranges [a, b).
 */
function greedy(us: Unit[], mt: Metrics, size: number, measure: number): [number, number][] {
  const lines: [number, number][] = [];
  let a = 0;
  for (let i = 1; i <= us.length; i++) {
    const full = i === us.length || (widthEm(mt, a, i + 1) * size > measure + 1e-6 && mt.canStart[i]);
    if (full) {
      lines.push([a, i]);
      a = i;
    }
  }
  return lines;
}

/** A headline measured once (units and prefix widths), to be broken for several measures. */
export interface PreparedHeadline {
  us: Unit[];
  mt: Metrics;
}

export function prepareHeadline(text: string, chain: FaceChain): PreparedHeadline {
  const us = units(text.trim());
  return { us, mt: metrics(us, chain) };
}

/**
 * The size a headline is set at for a measure (pt), the largest in [min, max] that needs the fewest
 * lines, and how many lines (greedy: too narrow for a clean break, set greedily at min).
 */
function fit(us: Unit[], mt: Metrics, min: number, max: number, measure: number): { size: number; lines: number; greedy: boolean } {
  const fewest = linesAt(us, mt, min, measure, 1, us.length);
  if (fewest === 0) return { size: min, lines: greedy(us, mt, min, measure).length, greedy: true };
  // Lines only grow with the size: search the half-point sizes for the largest that still needs the
  // fewest. A size that needs more lines than the fewest is rejected, so no more are tried; nor
  // fewer: every line must fit in less room at a larger size, so what failed at min fails there.
  const natural = widthEm(mt, 0, us.length);
  let lo = 0; // steps above min known to work (0 = min itself)
  let hi = Math.round((max - min) * 2) + 1; // first step known not to (or beyond max)
  let found = fewest;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const size = min + mid / 2;
    const lines = fewest === 1 && natural * size > measure + 1e-6 ? 0 : linesAt(us, mt, size, measure, fewest, fewest);
    if (lines > 0) {
      lo = mid;
      found = lines;
    } else hi = mid;
  }
  return { size: min + lo / 2, lines: found, greedy: false };
}

/** Breaks a headline for a measure (pt) at the largest size in [min, max] that needs the fewest lines. */
export function breakHeadline(text: string | PreparedHeadline, chain: FaceChain, min: number, max: number, measure: number): HeadlineBreak {
  const { us, mt } = typeof text === 'string' ? prepareHeadline(text, chain) : text;
  const f = fit(us, mt, min, max, measure);
  if (f.greedy) return { size: min, lines: greedy(us, mt, min, measure).map(([a, b]) => join(us, a, b)) };
  return { size: f.size, lines: breakAt(us, mt, f.size, measure, f.lines) };
}

/** breakHeadline's size and number of lines, without setting the lines: what the page search asks at every width. */
export function fitHeadline(text: PreparedHeadline, min: number, max: number, measure: number): HeadlineFit {
  const f = fit(text.us, text.mt, min, max, measure);
  return { size: f.size, lines: f.lines };
}
