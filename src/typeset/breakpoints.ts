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
  breakKind: Uint8Array;
  /** 1 where the junction takes part in inter-character justification (not inside words, dashes, ellipses). */
  isGap: Uint8Array;
  /**
   * Emergency penalty for a NEVER junction, used only when no solution exists
   * without it: breaking inside an over-long word is cheaper than breaking
   * kinsoku. 0 where even an emergency must not break.
   */
  emergencyPenalty: Uint16Array;
  /** Index of the last non-space character at or before each index (−1 if none). */
  lastVisible: Int32Array;
  /** Width (em) of the hyphen drawn when breaking at a HYPHEN junction, 0 elsewhere. */
  hyphenWidth: Float64Array;
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
function rangeDash(classes: Uint8Array, n: number, j: number): boolean {
  const isRange = (d: number): boolean => d >= 1 && d + 1 < n && classes[d - 1] === Cls.LETTER && classes[d + 1] === Cls.LETTER;
  if (classes[j] === Cls.DASH) return isRange(j);
  return classes[j + 1] === Cls.DASH && isRange(j + 1);
}

// The rules above depend only on the two classes at a junction (besides spaces and range dashes,
// handled in the loop): tabulated once, so the per-junction work is a lookup.
const CLASS_COUNT = 16;
/** Emergency penalties: breaking inside a word is the lesser evil, then kinsoku and split dashes, then after a space that kinsoku holds. */
const WORD_URGENCY = 1000;
const KINSOKU_URGENCY = 2000;
const SPACE_URGENCY = 3000;

function urgency(l: number, r: number): number {
  if (isWordish(l) && isWordish(r)) return WORD_URGENCY;
  if (l === Cls.SPACE) return SPACE_URGENCY;
  return KINSOKU_URGENCY;
}
/** pairAllows(l, r) at l·16 + r. */
const PAIR_OK = new Uint8Array(CLASS_COUNT * CLASS_COUNT);
/** 1 where the junction is inside a word, dash, ellipsis or cluster (no inter-character spacing). */
const INSIDE = new Uint8Array(CLASS_COUNT * CLASS_COUNT);
/** The emergency penalty of a junction that may not break (0: not even in an emergency). */
const URGENCY = new Uint16Array(CLASS_COUNT * CLASS_COUNT);
for (let l = 0; l < CLASS_COUNT; l++) {
  for (let r = 0; r < CLASS_COUNT; r++) {
    const pair = l * CLASS_COUNT + r;
    PAIR_OK[pair] = pairAllows(l, r) ? 1 : 0;
    INSIDE[pair] =
      (latinish(l) && latinish(r)) ||
      (l === Cls.DASH && r === Cls.DASH) ||
      (l === Cls.ELLIPSIS && r === Cls.ELLIPSIS) ||
      r === Cls.COMBINING ||
      r === Cls.JOINER ||
      l === Cls.JOINER
        ? 1
        : 0;
    if (r !== Cls.SPACE && r !== Cls.COMBINING && r !== Cls.JOINER && l !== Cls.JOINER) {
      URGENCY[pair] = urgency(l, r);
    }
  }
}

const breakKindBuf = scratch(Uint8Array);
const isGapBuf = scratch(Uint8Array);
const emergencyPenaltyBuf = scratch(Uint16Array);
const lastVisibleBuf = scratch(Int32Array);
const hyphenWidthBuf = scratch(Float64Array);

/** The paragraph's break opportunities, in reused arrays (valid until the next paragraph). */
export function findBreakpoints(c: Collected): Breakpoints {
  const { n, classes } = c;
  const breakKind = breakKindBuf(n, true);
  const isGap = isGapBuf(n, true);
  const emergencyPenalty = emergencyPenaltyBuf(n, true);
  const lastVisible = lastVisibleBuf(n);
  const hyphenWidth = hyphenWidthBuf(n, true);
  let lastSeen = -1;
  for (let i = 0; i < n; i++) {
    if (classes[i] !== Cls.SPACE) lastSeen = i;
    lastVisible[i] = lastSeen;
  }
  for (let j = 0; j < n - 1; j++) {
    const l = classes[j];
    const r = classes[j + 1];
    const pair = l * CLASS_COUNT + r;
    // "1—2": a range dash is part of the number around it (no break, no spacing).
    const range = (l === Cls.DASH || r === Cls.DASH) && rangeDash(classes, n, j);
    if (r === Cls.SPACE) {
      // Break after the whole run of spaces, never before it.
      breakKind[j] = Brk.NEVER;
    } else if (l === Cls.SPACE) {
      const v = lastVisible[j];
      breakKind[j] = v >= 0 && !isNoEnd(classes[v]) && !isNoStart(r) && r !== Cls.COMBINING ? Brk.ALLOWED : Brk.NEVER;
    } else breakKind[j] = PAIR_OK[pair] && !range ? Brk.ALLOWED : Brk.NEVER;
    isGap[j] = INSIDE[pair] || range ? 0 : 1;
    if (breakKind[j] === Brk.NEVER) emergencyPenalty[j] = URGENCY[pair];
  }
  latinBreaks(c, breakKind, hyphenWidth);
  // An attached span (a note mark) never starts a line: breaking before it is as bad as breaking kinsoku.
  for (const i of c.attached) {
    if (i === 0 || breakKind[i - 1] === Brk.NEVER) continue;
    breakKind[i - 1] = Brk.NEVER;
    hyphenWidth[i - 1] = 0;
    emergencyPenalty[i - 1] = KINSOKU_URGENCY;
  }
  if (n > 0) breakKind[n - 1] = Brk.ALLOWED;
  return { breakKind, isGap, emergencyPenalty, lastVisible, hyphenWidth };
}
