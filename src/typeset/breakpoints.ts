// Step 2: break opportunities. Junction j lies between characters j and j+1.
// A break at junction j ends a line with character j (spaces before it hang
// in the margin) and starts the next with j+1. Kinsoku and the unbreakable
// runs (words, numbers, —— and ……) are decided here once per paragraph.
import { Cls, isNoEnd, isNoStart, isWordish } from './classes.js';
import type { Collected } from './collect.js';
import { scratch } from './scratch.js';
import { HYPHEN_BREAK, URL_BREAK, latinBreaks } from './latin.js';

/** Break kinds per junction. */
export const Brk = {
  /** Not a break: kinsoku or inside a word, number, dash or ellipsis. */
  NEVER: 0,
  /** A normal break opportunity. */
  ALLOWED: 1,
  /** Inside a URL or e-mail address (latin.ts): allowed with a penalty, no hyphen. */
  URL: URL_BREAK,
  /** A hyphenation point of an English word (latin.ts): allowed with a penalty, a hyphen is drawn. */
  HYPHEN: HYPHEN_BREAK,
} as const;

export interface Breakpoints {
  /** Brk per junction (last entry: the paragraph end, always ALLOWED). */
  brk: Uint8Array;
  /** 1 where the junction takes part in inter-character justification (not inside words, dashes, ellipses). */
  gapJ: Uint8Array;
  /**
   * Emergency penalty for a NEVER junction, used only when no solution exists
   * without it: breaking inside an over-long word is cheaper than breaking
   * kinsoku. 0 where even an emergency must not break.
   */
  emergency: Uint16Array;
  /** Index of the last non-space character at or before each index (−1 if none). */
  lastVis: Int32Array;
  /** Width (em) of the hyphen drawn when breaking at a HYPHEN junction, 0 elsewhere. */
  hyw: Float64Array;
}

function latinish(c: number): boolean {
  return c === Cls.LETTER || c === Cls.SYMBOL || c === Cls.ASCII_CLOSE || c === Cls.ASCII_OPEN || c === Cls.COMBINING;
}

/** Whether a line may end with a character of class `l` followed by one of class `r` (no spaces between). */
function pairAllows(l: number, r: number): boolean {
  if (r === Cls.COMBINING || r === Cls.JOINER || l === Cls.JOINER) return false;
  if (isNoEnd(l) || isNoStart(r)) return false;
  if (l === Cls.DASH && r === Cls.DASH) return false;
  if (l === Cls.ELLIPSIS && r === Cls.ELLIPSIS) return false;
  if (isWordish(l) && isWordish(r)) return false;
  // "5.2", "1,000", "e.g": ASCII punctuation directly followed by a letter is inside a word.
  if (l === Cls.ASCII_CLOSE && isWordish(r)) return false;
  // "f(x)": a bracket glued to a word.
  if (isWordish(l) && r === Cls.ASCII_OPEN) return false;
  if (l === Cls.COMBINING) return pairAllows(Cls.HAN, r);
  return true;
}

/** "1—2": a single dash between letters or digits is part of them (a range), unlike the doubled 破折号 ——. */
function rangeDash(cls: Uint8Array, n: number, j: number): boolean {
  const d = cls[j] === Cls.DASH ? j : cls[j + 1] === Cls.DASH ? j + 1 : -1;
  if (d < 1 || d + 1 >= n) return false;
  return cls[d - 1] === Cls.LETTER && cls[d + 1] === Cls.LETTER;
}

// The rules above depend only on the two classes at a junction (besides spaces and range dashes,
// handled in the loop): tabulated once, so the per-junction work is a lookup.
const NCLS = 16;
/** The emergency penalty of breaking kinsoku (breaking inside a word costs less). */
const KINSOKU_URGENCY = 2000;
/** pairAllows(l, r) at l·16 + r. */
const PAIR_OK = new Uint8Array(NCLS * NCLS);
/** 1 where the junction is inside a word, dash, ellipsis or cluster (no inter-character spacing). */
const INSIDE = new Uint8Array(NCLS * NCLS);
/** The emergency penalty of a junction that may not break (0: not even in an emergency). */
const URGENCY = new Uint16Array(NCLS * NCLS);
for (let l = 0; l < NCLS; l++) {
  for (let r = 0; r < NCLS; r++) {
    const x = l * NCLS + r;
    PAIR_OK[x] = pairAllows(l, r) ? 1 : 0;
    INSIDE[x] =
      (latinish(l) && latinish(r)) ||
      (l === Cls.DASH && r === Cls.DASH) ||
      (l === Cls.ELLIPSIS && r === Cls.ELLIPSIS) ||
      r === Cls.COMBINING ||
      r === Cls.JOINER ||
      l === Cls.JOINER
        ? 1
        : 0;
    if (r !== Cls.SPACE && r !== Cls.COMBINING && r !== Cls.JOINER && l !== Cls.JOINER) {
      // Inside a word is the lesser evil; kinsoku and split dashes come last.
      URGENCY[x] = isWordish(l) && isWordish(r) ? 1000 : l === Cls.SPACE ? 3000 : KINSOKU_URGENCY;
    }
  }
}

const brkBuf = scratch(Uint8Array);
const gapBuf = scratch(Uint8Array);
const emergencyBuf = scratch(Uint16Array);
const lastVisBuf = scratch(Int32Array);
const hywBuf = scratch(Float64Array);

/** The paragraph's break opportunities, in reused arrays (valid until the next paragraph). */
export function findBreakpoints(c: Collected): Breakpoints {
  const { n, cls } = c;
  const brk = brkBuf(n, true);
  const gapJ = gapBuf(n, true);
  const emergency = emergencyBuf(n, true);
  const lastVis = lastVisBuf(n);
  const hyw = hywBuf(n, true);
  let lv = -1;
  for (let i = 0; i < n; i++) {
    if (cls[i] !== Cls.SPACE) lv = i;
    lastVis[i] = lv;
  }
  for (let j = 0; j < n - 1; j++) {
    const l = cls[j];
    const r = cls[j + 1];
    const x = l * NCLS + r;
    // "1—2": a range dash is part of the number around it (no break, no spacing).
    const range = (l === Cls.DASH || r === Cls.DASH) && rangeDash(cls, n, j);
    if (r === Cls.SPACE) {
      // Break after the whole run of spaces, never before it.
      brk[j] = Brk.NEVER;
    } else if (l === Cls.SPACE) {
      const v = lastVis[j];
      brk[j] = v >= 0 && !isNoEnd(cls[v]) && !isNoStart(r) && r !== Cls.COMBINING ? Brk.ALLOWED : Brk.NEVER;
    } else brk[j] = PAIR_OK[x] && !range ? Brk.ALLOWED : Brk.NEVER;
    gapJ[j] = INSIDE[x] || range ? 0 : 1;
    if (brk[j] === Brk.NEVER) emergency[j] = URGENCY[x];
  }
  latinBreaks(c, brk, hyw);
  // An attached span (a note mark) never starts a line: breaking before it is as bad as breaking kinsoku.
  for (const i of c.attached) {
    if (i === 0 || brk[i - 1] === Brk.NEVER) continue;
    brk[i - 1] = Brk.NEVER;
    hyw[i - 1] = 0;
    emergency[i - 1] = KINSOKU_URGENCY;
  }
  if (n > 0) brk[n - 1] = Brk.ALLOWED;
  return { brk, gapJ, emergency, lastVis, hyw };
}
