// Step 3: the analysis done once per paragraph. Widths after the punctuation
// scheme and adjacent-mark compression, the glue of the line (inter-character
// gaps, Han–Latin spaces, Latin word spaces) with what each can give and take,
// all as prefix sums so that any candidate line's metrics cost O(1) in the
// line breaker. Units are ems throughout.
//
// The glue (TYPOGRAPHY.md §4):
//   gap        a junction between two characters outside a word: 0 natural,
//              never shrinks; stretches evenly with the others (GAP_STRETCH
//              each is the letter-spacing limit, where a reader starts to see it).
//   Han–Latin  ¼ em between a Han character and a Latin letter or digit (a
//              junction of its own, or a source space serving as one): 0.16–0.34 em.
//   word space a space between Latin words: the font's space, 0.2–0.5 em.
// Compressed punctuation is not glue: adjacent marks lose the blank half
// between them always, so a line never gets it back when it is stretched.
import { Cls, isCompressible, isKaimingFull, isPunctuation } from './classes.js';
import type { Collected } from './collect.js';
import type { Breakpoints } from './breakpoints.js';
import type { PunctuationScheme } from './types.js';
import { scratch } from './scratch.js';
import { fitMarker, markerTab } from './list-marker.js';

/** Natural Han–Latin space and its limits: 0.15–0.35 em (TYPOGRAPHY.md §4), a hundredth inside, so that rounding in a PDF reader never puts one outside. */
export const HL_SPACE = 0.25;
export const HL_MIN = 0.16;
export const HL_MAX = 0.34;
/** A Latin word space keeps between these widths. */
export const WORD_MIN = 0.2;
export const WORD_MAX = 0.5;
/** Extra space per gap that a line may take before it counts as letter-spaced (pdf-audit's threshold). */
export const GAP_STRETCH = 0.05;
/** Glyphs narrower than this are proportional and never compressed. */
const FULL_WIDTH = 0.9;

/** What a space character is on the line. */
export const Space = { NONE: 0, HAN_LATIN: 1, WORD: 2 } as const;

export interface Prepared extends Collected, Breakpoints {
  /** Left/right blank removed by the scheme or by adjacent marks (for good: never re-expanded). */
  trimL: Float64Array;
  trimR: Float64Array;
  /** Remaining blank half that may still shrink: left of an opening mark, right of a closing mark or stop. */
  shL: Float64Array;
  shR: Float64Array;
  /** Set width of each character (spaces: their glue width). */
  w: Float64Array;
  /** Space.* of each space character (the first of a run; the others and edge spaces collapse to 0). */
  spKind: Uint8Array;
  /** Shrink and stretch (to its limit) of a space character. */
  spSh: Float64Array;
  spSt: Float64Array;
  /** Han–Latin glue after character i (0 or HL_SPACE), dropped at a break. */
  gl: Float64Array;
  // Prefix sums, length n+1: P[k] = sum over i < k (a character and the junction after it).
  PW: Float64Array;
  PG: Float64Array;
  /** Han–Latin spaces (junction glue, or source spaces serving as such). */
  PH: Float64Array;
  /** Mid-line shrink: blank halves, space shrink, Han–Latin junction shrink. */
  PS: Float64Array;
  /** Stretch at the letter-spacing limit: GAP_STRETCH per gap, Han–Latin and word spaces to their limits. */
  PX: Float64Array;
  /** Word-space stretch to WORD_MAX. */
  PWS: Float64Array;
  /** Gaps (junctions that take inter-character spacing), junction-indexed: PJ[k] = gaps at junctions < k. */
  PJ: Float64Array;
  /** Characters that are not punctuation (for the no-orphan rule). */
  PN: Float64Array;
  /** The tab after a list item's marker (list-marker.ts), whose glue is set before the marker; −1 when none. */
  markerTab: number;
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
const spKindBuf = scratch(Uint8Array);
const spShBuf = scratch(Float64Array);
const spStBuf = scratch(Float64Array);
const glBuf = scratch(Float64Array);
const fullBuf = scratch(Uint8Array);
const gapJBuf = scratch(Uint8Array);
const PWBuf = scratch(Float64Array);
const PGBuf = scratch(Float64Array);
const PHBuf = scratch(Float64Array);
const PSBuf = scratch(Float64Array);
const PXBuf = scratch(Float64Array);
const PWSBuf = scratch(Float64Array);
const PJBuf = scratch(Float64Array);
const PNBuf = scratch(Float64Array);

/** The scheme's trims and the adjacent-mark compression, into trimL/trimR; marks full-width marks in `full`. */
function compress(c: Collected, scheme: PunctuationScheme, trimL: Float64Array, trimR: Float64Array, full: Uint8Array): void {
  const { n, cls, adv, cps } = c;
  for (let i = 0; i < n; i++) {
    const k = cls[i];
    if (!isCompressible(k) || adv[i] < FULL_WIDTH) continue;
    full[i] = 1;
    const halve = scheme === 'banjiao' || (scheme === 'kaiming' && !isKaimingFull(cps[i]));
    if (halve) {
      if (k === Cls.OPEN) trimL[i] = adv[i] / 2;
      else trimR[i] = adv[i] / 2;
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
}

/**
 * The paragraph's widths and glue. `markerBox` (em): the box of a list item's
 * marker, the hanging indent less the first line's indent (0: no marker).
 */
export function prepare(c: Collected, bp: Breakpoints, scheme: PunctuationScheme, markerBox = 0): Prepared {
  const { n, cls, adv, cps } = c;
  const trimL = trimLBuf(n, true);
  const trimR = trimRBuf(n, true);
  const shL = shLBuf(n, true);
  const shR = shRBuf(n, true);
  const w = wBuf(n, true);
  const spKind = spKindBuf(n, true);
  const spSh = spShBuf(n, true);
  const spSt = spStBuf(n, true);
  const gl = glBuf(n, true);
  const full = fullBuf(n, true);
  compress(c, scheme, trimL, trimR, full);
  // Junctions that take inter-character spacing: the breakpoints' (not inside words, dashes,
  // ellipses), less those next to a space (the space is the glue there) and Han–Latin junctions.
  const gapJ = gapJBuf(n);
  gapJ.set(bp.gapJ.subarray(0, n));
  for (let i = 0; i < n; i++) {
    if (full[i]) {
      if (cls[i] === Cls.OPEN) shL[i] = trimL[i] === 0 ? adv[i] / 2 : 0;
      else if (!isExclamation(cps[i])) shR[i] = trimR[i] === 0 ? adv[i] / 2 : 0;
    }
    if (cls[i] !== Cls.SPACE) {
      w[i] = adv[i] - trimL[i] - trimR[i];
      if (i + 1 < n && isHanLatin(cls, cps, i, i + 1)) {
        gl[i] = HL_SPACE;
        gapJ[i] = 0;
      }
      continue;
    }
    gapJ[i] = 0;
    if (i > 0) gapJ[i - 1] = 0;
    spaceGlue(c, bp, i, { w, spKind, spSh, spSt });
  }
  const tab = markerBox > 0 ? markerTab(c, bp) : -1;
  if (tab >= 0) fitMarker(c, bp, tab, markerBox, { w, trimR, shL, shR, gl, spSh, spSt, spKind, gapJ });
  return withSums(c, bp, gapJ, { trimL, trimR, shL, shR, w, spKind, spSh, spSt, gl }, tab);
}

/** The glue of the space character i: a run of spaces counts once, spaces at the paragraph's edges count nothing. */
function spaceGlue(c: Collected, bp: Breakpoints, i: number, out: { w: Float64Array; spKind: Uint8Array; spSh: Float64Array; spSt: Float64Array }): void {
  const { n, cls, cps, adv } = c;
  const prev = bp.lastVis[i];
  if (i === 0 || cls[i - 1] === Cls.SPACE || prev < 0) return;
  let next = i + 1;
  while (next < n && cls[next] === Cls.SPACE) next++;
  if (next >= n) return;
  if (cps[i] === 0x3000) {
    // An ideographic space is a character of the grid: one em, fixed.
    out.w[i] = adv[i];
  } else if (isHanLatin(cls, cps, prev, next)) {
    out.w[i] = HL_SPACE;
    out.spKind[i] = Space.HAN_LATIN;
    out.spSh[i] = HL_SPACE - HL_MIN;
    out.spSt[i] = HL_MAX - HL_SPACE;
  } else {
    out.w[i] = adv[i];
    out.spKind[i] = Space.WORD;
    out.spSh[i] = Math.max(0, adv[i] - WORD_MIN);
    out.spSt[i] = Math.max(0, WORD_MAX - adv[i]);
  }
}

type Widths = Pick<Prepared, 'trimL' | 'trimR' | 'shL' | 'shR' | 'w' | 'spKind' | 'spSh' | 'spSt' | 'gl'>;

/** The prefix sums over the paragraph, and the Prepared record. */
function withSums(c: Collected, bp: Breakpoints, gapJ: Uint8Array, v: Widths, markerTab: number): Prepared {
  const { n, cls } = c;
  const { w, gl, shL, shR, spKind, spSh, spSt } = v;
  const PW = PWBuf(n + 1);
  const PG = PGBuf(n + 1);
  const PH = PHBuf(n + 1);
  const PS = PSBuf(n + 1);
  const PX = PXBuf(n + 1);
  const PWS = PWSBuf(n + 1);
  const PJ = PJBuf(n + 1);
  const PN = PNBuf(n + 1);
  PW[0] = PG[0] = PH[0] = PS[0] = PX[0] = PWS[0] = PJ[0] = PN[0] = 0;
  for (let i = 0; i < n; i++) {
    const hlJ = gl[i] > 0 ? 1 : 0;
    const hlS = spKind[i] === Space.HAN_LATIN ? 1 : 0;
    const word = spKind[i] === Space.WORD ? spSt[i] : 0;
    const gap = i < n - 1 ? gapJ[i] : 0;
    PW[i + 1] = PW[i] + w[i];
    PG[i + 1] = PG[i] + gl[i];
    PH[i + 1] = PH[i] + hlJ + hlS;
    PS[i + 1] = PS[i] + shL[i] + shR[i] + spSh[i] + hlJ * (HL_SPACE - HL_MIN);
    PX[i + 1] = PX[i] + gap * GAP_STRETCH + (hlJ + hlS) * (HL_MAX - HL_SPACE) + word;
    PWS[i + 1] = PWS[i] + word;
    PJ[i + 1] = PJ[i] + gap;
    PN[i + 1] = PN[i] + (isPunctuation(cls[i]) ? 0 : 1);
  }
  // Listed field by field (not spread) so every Prepared has one shape.
  return {
    n, text: c.text, off: c.off, cps: c.cps, cls, face: c.face, faces: c.faces, gid: c.gid, adv: c.adv, lig: c.lig, ligN: c.ligN, chains: c.chains, spanEnds: c.spanEnds, attached: c.attached,
    brk: bp.brk, gapJ, emergency: bp.emergency, lastVis: bp.lastVis, hyw: bp.hyw,
    trimL: v.trimL, trimR: v.trimR, shL, shR, w, spKind, spSh, spSt, gl, PW, PG, PH, PS, PX, PWS, PJ, PN, markerTab,
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
  /** Stretch up to the letter-spacing limit (GAP_STRETCH a gap, Han–Latin and word spaces to their limits). */
  stretch: number;
  /** Word-space stretch up to WORD_MAX. */
  words: number;
  /** Han–Latin spaces. */
  hl: number;
  /** Junctions that take inter-character spacing. */
  gaps: number;
  /** Non-punctuation characters. */
  chars: number;
}

/** The Han–Latin shrink of junction e, which a break there drops. */
function junctionShrink(p: Prepared, e: number): number {
  return p.gl[e] > 0 ? HL_SPACE - HL_MIN : 0;
}

export function lineMetrics(p: Prepared, a: number, e: number, out: LineMetrics): LineMetrics {
  const hlE = p.gl[e] > 0 ? 1 : 0;
  const gapE = e < p.n - 1 ? p.gapJ[e] : 0;
  out.width = p.PW[e + 1] - p.PW[a] + (p.PG[e] - p.PG[a]) - p.shL[a];
  out.endShrink = p.shR[e];
  out.shrink = p.PS[e + 1] - p.PS[a] - p.shL[a] - p.shR[e] - junctionShrink(p, e) - p.spSh[e];
  out.stretch = p.PX[e + 1] - p.PX[a] - gapE * GAP_STRETCH - hlE * (HL_MAX - HL_SPACE);
  out.words = p.PWS[e + 1] - p.PWS[a];
  out.hl = p.PH[e + 1] - p.PH[a] - hlE;
  out.gaps = p.PJ[e] - p.PJ[a];
  out.chars = p.PN[e + 1] - p.PN[a];
  return out;
}
