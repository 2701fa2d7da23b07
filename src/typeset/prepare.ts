// Step 3: the analysis done once per paragraph. Widths after the punctuation
// scheme and adjacent-mark compression, Han–Latin glue, what can shrink and
// what can stretch, all as prefix sums so that any candidate line's metrics
// cost O(1) in the line breaker. Units are ems throughout.
import { Cls, isCompressible, isKaimingFull, isPunctuation } from './classes.js';
import type { Collected } from './collect.js';
import type { Breakpoints } from './breakpoints.js';
import type { PunctuationScheme } from './types.js';
import { scratch } from './scratch.js';

/** Natural Han–Latin space and its limits (TYPOGRAPHY.md §4). */
export const HL_SPACE = 0.25;
export const HL_MIN = 0.125;
export const HL_MAX = 0.5;
/** Glyphs narrower than this are proportional and never compressed. */
const FULL_WIDTH = 0.9;
/** A Latin word space may shrink by a third (TeX's default ratio). */
const SPACE_SHRINK = 1 / 3;

export interface Prepared extends Collected, Breakpoints {
  /** Left/right blank removed by the scheme or by adjacent marks (re-expandable when justifying). */
  trimL: Float64Array;
  trimR: Float64Array;
  /** Remaining blank half that may still shrink: left of an opening mark, right of a closing mark or stop. */
  shL: Float64Array;
  shR: Float64Array;
  /** Set width of each character (spaces: their glue width). */
  w: Float64Array;
  /** Shrink of a space character. */
  spSh: Float64Array;
  /** Han–Latin glue after character i (0 or HL_SPACE), dropped at a break. */
  gl: Float64Array;
  /** 1 if the space character i is the Han–Latin space (from the source). */
  hlS: Uint8Array;
  // Prefix sums, length n+1: P[k] = sum over i < k.
  PW: Float64Array;
  PG: Float64Array;
  /** Han–Latin spaces: junction glue plus source spaces serving as such. */
  PH: Float64Array;
  /** Re-expandable trims. */
  PT: Float64Array;
  /** Mid-line shrink: blank halves, space shrink, Han–Latin junction shrink. */
  PS: Float64Array;
  PJ: Float64Array;
  /** Characters that are not punctuation (for the no-orphan rule). */
  PN: Float64Array;
}

/** ？ and ！ keep their full width except next to another mark (TYPOGRAPHY.md §3 lists only closing marks and 。，、；：). */
function isExclamation(cp: number): boolean {
  return cp === 0xff1f || cp === 0xff01;
}

/** Full-width letters and digits (U+FF10–FF5A) sit on the grid; other letters are proportional Latin. */
function latinLetter(cls: Uint8Array, cps: Uint32Array, i: number): boolean {
  return cls[i] === Cls.LETTER && cps[i] < 0xff00;
}

function isHanLatin(cls: Uint8Array, cps: Uint32Array, i: number, k: number): boolean {
  return (cls[i] === Cls.HAN && latinLetter(cls, cps, k)) || (latinLetter(cls, cps, i) && cls[k] === Cls.HAN);
}

// Reused from paragraph to paragraph (scratch.ts): valid until the next one is prepared.
const trimLBuf = scratch(Float64Array);
const trimRBuf = scratch(Float64Array);
const shLBuf = scratch(Float64Array);
const shRBuf = scratch(Float64Array);
const wBuf = scratch(Float64Array);
const spShBuf = scratch(Float64Array);
const glBuf = scratch(Float64Array);
const hlSBuf = scratch(Uint8Array);
const fullBuf = scratch(Uint8Array);
const gapJBuf = scratch(Uint8Array);
const PWBuf = scratch(Float64Array);
const PGBuf = scratch(Float64Array);
const PHBuf = scratch(Float64Array);
const PTBuf = scratch(Float64Array);
const PSBuf = scratch(Float64Array);
const PJBuf = scratch(Float64Array);
const PNBuf = scratch(Float64Array);

export function prepare(c: Collected, bp: Breakpoints, scheme: PunctuationScheme): Prepared {
  const { n, cls, adv, cps } = c;
  const trimL = trimLBuf(n, true);
  const trimR = trimRBuf(n, true);
  const shL = shLBuf(n, true);
  const shR = shRBuf(n, true);
  const w = wBuf(n, true);
  const spSh = spShBuf(n, true);
  const gl = glBuf(n, true);
  const hlS = hlSBuf(n, true);
  const full = fullBuf(n, true);

  for (let i = 0; i < n; i++) {
    const k = cls[i];
    if (!isCompressible(k) || adv[i] < FULL_WIDTH) continue;
    full[i] = 1;
    const half = adv[i] / 2;
    const halve = scheme === 'banjiao' || (scheme === 'kaiming' && !isKaimingFull(cps[i]));
    if (halve) {
      if (k === Cls.OPEN) trimL[i] = half;
      else trimR[i] = half;
    }
  }
  // Adjacent marks lose the blank half between them: from the first mark's right if it has one, else the second's left.
  for (let i = 0; i + 1 < n; i++) {
    if (!full[i] || !full[i + 1]) continue;
    const rightBlank = cls[i] !== Cls.OPEN && trimR[i] === 0;
    const leftBlank = cls[i + 1] === Cls.OPEN && trimL[i + 1] === 0;
    if (rightBlank) trimR[i] = adv[i] / 2;
    else if (leftBlank) trimL[i + 1] = adv[i + 1] / 2;
  }
  for (let i = 0; i < n; i++) {
    if (full[i]) {
      if (cls[i] === Cls.OPEN) shL[i] = trimL[i] === 0 ? adv[i] / 2 : 0;
      else if (!isExclamation(cps[i])) shR[i] = trimR[i] === 0 ? adv[i] / 2 : 0;
    }
    if (cls[i] !== Cls.SPACE) {
      w[i] = adv[i] - trimL[i] - trimR[i];
      if (i + 1 < n && isHanLatin(cls, cps, i, i + 1)) gl[i] = HL_SPACE;
      continue;
    }
    // A run of spaces counts once; spaces at the paragraph's edges count nothing.
    const prev = bp.lastVis[i];
    if (i === 0 || cls[i - 1] === Cls.SPACE || prev < 0) continue;
    let next = i + 1;
    while (next < n && cls[next] === Cls.SPACE) next++;
    if (next >= n) continue;
    if (isHanLatin(cls, cps, prev, next)) {
      w[i] = HL_SPACE;
      spSh[i] = HL_SPACE - HL_MIN;
      hlS[i] = 1;
    } else {
      w[i] = adv[i];
      spSh[i] = adv[i] * SPACE_SHRINK;
    }
  }

  // Junctions next to a collapsed space (w = 0) take no inter-character space: the space is not there.
  const gapJ = gapJBuf(n);
  gapJ.set(bp.gapJ.subarray(0, n));
  for (let i = 0; i < n; i++) {
    if (cls[i] === Cls.SPACE && w[i] === 0) {
      gapJ[i] = 0;
      if (i > 0) gapJ[i - 1] = 0;
    }
  }
  const PW = PWBuf(n + 1);
  const PG = PGBuf(n + 1);
  const PH = PHBuf(n + 1);
  const PT = PTBuf(n + 1);
  const PS = PSBuf(n + 1);
  const PJ = PJBuf(n + 1);
  const PN = PNBuf(n + 1);
  PW[0] = PG[0] = PH[0] = PT[0] = PS[0] = PJ[0] = PN[0] = 0;
  for (let i = 0; i < n; i++) {
    const hlJ = gl[i] > 0 ? 1 : 0;
    PW[i + 1] = PW[i] + w[i];
    PG[i + 1] = PG[i] + gl[i];
    PH[i + 1] = PH[i] + hlJ + hlS[i];
    PT[i + 1] = PT[i] + trimL[i] + trimR[i];
    PS[i + 1] = PS[i] + shL[i] + shR[i] + spSh[i] + hlJ * (HL_SPACE - HL_MIN);
    PJ[i + 1] = PJ[i] + (i < n - 1 ? gapJ[i] : 0);
    PN[i + 1] = PN[i] + (isPunctuation(cls[i]) ? 0 : 1);
  }
  // Listed field by field (not spread) so every Prepared has one shape.
  return {
    n, text: c.text, off: c.off, cps, cls, face: c.face, faces: c.faces, gid: c.gid, adv, chains: c.chains, spanEnds: c.spanEnds,
    brk: bp.brk, gapJ, emergency: bp.emergency, lastVis: bp.lastVis, hyw: bp.hyw,
    trimL, trimR, shL, shR, w, spSh, gl, hlS, PW, PG, PH, PT, PS, PJ, PN,
  };
}

/** Metrics of the line holding characters a..e (e the last visible one), in em. */
export interface LineMetrics {
  /** Natural width (line-start trim of an opening mark applied). */
  width: number;
  /** Blank half of a line-final closing mark or stop: the first thing to shrink. */
  endShrink: number;
  /** Other shrink available on the line. */
  shrink: number;
  /** Number of Han–Latin spaces (each may stretch by HL_MAX − HL_SPACE). */
  hl: number;
  /** Compressed halves that may re-expand. */
  trims: number;
  /** Junctions that take inter-character spacing. */
  gaps: number;
  /** Non-punctuation characters. */
  chars: number;
}

export function lineMetrics(p: Prepared, a: number, e: number, out: LineMetrics): LineMetrics {
  const jshE = p.gl[e] > 0 ? HL_SPACE - HL_MIN : 0;
  out.width = p.PW[e + 1] - p.PW[a] + (p.PG[e] - p.PG[a]) - p.shL[a];
  out.endShrink = p.shR[e];
  out.shrink = p.PS[e + 1] - p.PS[a] - p.shL[a] - p.shR[e] - jshE - p.spSh[e];
  out.hl = p.PH[e] - p.PH[a];
  out.trims = p.PT[e + 1] - p.PT[a] - p.trimL[a] - p.trimR[e];
  out.gaps = p.PJ[e] - p.PJ[a];
  out.chars = p.PN[e + 1] - p.PN[a];
  return out;
}
