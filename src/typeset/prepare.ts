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

/**
 * Natural Han–Latin space and its limits: 0.15–0.35 em (TYPOGRAPHY.md §4), a
 * hundredth inside, so that rounding in a PDF reader never puts one outside.
 */
export const HL_SPACE = 0.25;
export const HL_MIN = 0.16;
export const HL_MAX = 0.34;
/** A Latin word space keeps between these widths. */
export const WORD_MIN = 0.2;
export const WORD_MAX = 0.5;
/**
 * Extra space per gap that a line may take before it counts as letter-spaced:
 * a thousandth inside the 0.05 em of TYPOGRAPHY.md §4 (pdf-audit's threshold),
 * so that a line at the limit never measures over it once positions are rounded.
 */
export const GAP_STRETCH = 0.049;
/** Glyphs narrower than this are proportional and never compressed. */
const FULL_WIDTH = 0.9;

/** What a space character is on the line. */
export const Space = { NONE: 0, HAN_LATIN: 1, WORD: 2 } as const;

export interface Prepared extends Collected, Breakpoints {
  /** Left/right blank removed by the scheme or by adjacent marks (for good: never re-expanded). */
  trimLeft: Float64Array;
  trimRight: Float64Array;
  /** Remaining blank half that may still shrink: left of an opening mark, right of a closing mark or stop. */
  shrinkLeft: Float64Array;
  shrinkRight: Float64Array;
  /** Set width of each character (spaces: their glue width). */
  setWidth: Float64Array;
  /** Space.* of each space character (the first of a run; the others and edge spaces collapse to 0). */
  spaceKind: Uint8Array;
  /** Shrink and stretch (to its limit) of a space character. */
  spaceShrink: Float64Array;
  spaceStretch: Float64Array;
  /** Han–Latin glue after character i (0 or HL_SPACE), dropped at a break. */
  hanLatinGlue: Float64Array;
  // Prefix sums, length n+1: the sum over characters i < k (each with the junction after it) at k.
  widthBefore: Float64Array;
  glueBefore: Float64Array;
  /** Han–Latin spaces (junction glue, or source spaces serving as such). */
  hanLatinBefore: Float64Array;
  /** Mid-line shrink: blank halves, space shrink, Han–Latin junction shrink. */
  shrinkBefore: Float64Array;
  /** Stretch at the letter-spacing limit: GAP_STRETCH per gap, Han–Latin and word spaces to their limits. */
  stretchBefore: Float64Array;
  /** Word-space stretch to WORD_MAX. */
  wordStretchBefore: Float64Array;
  /** Gaps (junctions that take inter-character spacing), junction-indexed: gapsBefore[k] = gaps at junctions < k. */
  gapsBefore: Float64Array;
  /** Characters that are not punctuation (for the no-orphan rule). */
  charactersBefore: Float64Array;
  /** The tab after a list item's marker (list-marker.ts), whose glue is set before the marker; −1 when none. */
  markerTab: number;
}

/** ？ and ！ keep their full width except next to another mark (TYPOGRAPHY.md §3 lists only closing marks and 。，、；：). */
function isExclamation(cp: number): boolean {
  return cp === 0xff1f || cp === 0xff01;
}

/** Full-width letters and digits (U+FF10–FF5A) sit on the grid; other letters are proportional Latin. */
function latinLetter(classes: Uint8Array, codePoints: Uint32Array, i: number): boolean {
  return classes[i] === Cls.LETTER && codePoints[i] < 0xff00;
}

function isHanLatin(classes: Uint8Array, codePoints: Uint32Array, i: number, k: number): boolean {
  return (classes[i] === Cls.HAN && latinLetter(classes, codePoints, k)) || (latinLetter(classes, codePoints, i) && classes[k] === Cls.HAN);
}

// Reused from paragraph to paragraph (scratch.ts): valid until the next one is prepared.
const trimLeftBuf = scratch(Float64Array);
const trimRightBuf = scratch(Float64Array);
const shrinkLeftBuf = scratch(Float64Array);
const shrinkRightBuf = scratch(Float64Array);
const setWidthBuf = scratch(Float64Array);
const spaceKindBuf = scratch(Uint8Array);
const spaceShrinkBuf = scratch(Float64Array);
const spaceStretchBuf = scratch(Float64Array);
const hanLatinGlueBuf = scratch(Float64Array);
const fullBuf = scratch(Uint8Array);
const isGapBuf = scratch(Uint8Array);
const widthBeforeBuf = scratch(Float64Array);
const glueBeforeBuf = scratch(Float64Array);
const hanLatinBeforeBuf = scratch(Float64Array);
const shrinkBeforeBuf = scratch(Float64Array);
const stretchBeforeBuf = scratch(Float64Array);
const wordStretchBeforeBuf = scratch(Float64Array);
const gapsBeforeBuf = scratch(Float64Array);
const charactersBeforeBuf = scratch(Float64Array);

/** The scheme's trims and the adjacent-mark compression, into trimLeft/trimRight; marks full-width marks in `full`. */
function compress(c: Collected, scheme: PunctuationScheme, trimLeft: Float64Array, trimRight: Float64Array, full: Uint8Array): void {
  const { n, classes, advances, codePoints } = c;
  for (let i = 0; i < n; i++) {
    const k = classes[i];
    if (!isCompressible(k) || advances[i] < FULL_WIDTH) continue;
    full[i] = 1;
    const halve = scheme === 'banjiao' || (scheme === 'kaiming' && !isKaimingFull(codePoints[i]));
    if (halve) {
      if (k === Cls.OPEN) trimLeft[i] = advances[i] / 2;
      else trimRight[i] = advances[i] / 2;
    }
  }
  // Adjacent marks lose the blank half between them: from the first mark's right if it has one, else the second's left.
  for (let i = 0; i + 1 < n; i++) {
    if (!full[i] || !full[i + 1]) continue;
    const rightBlank = classes[i] !== Cls.OPEN && trimRight[i] === 0;
    const leftBlank = classes[i + 1] === Cls.OPEN && trimLeft[i + 1] === 0;
    if (rightBlank) trimRight[i] = advances[i] / 2;
    else if (leftBlank) trimLeft[i + 1] = advances[i + 1] / 2;
  }
}

/**
 * The paragraph's widths and glue. `markerBox` (em): the box of a list item's
 * marker, the hanging indent less the first line's indent (0: no marker).
 */
export function prepare(c: Collected, breakpoints: Breakpoints, scheme: PunctuationScheme, markerBox = 0): Prepared {
  const { n, classes, advances, codePoints } = c;
  const trimLeft = trimLeftBuf(n, true);
  const trimRight = trimRightBuf(n, true);
  const shrinkLeft = shrinkLeftBuf(n, true);
  const shrinkRight = shrinkRightBuf(n, true);
  const setWidth = setWidthBuf(n, true);
  const spaceKind = spaceKindBuf(n, true);
  const spaceShrink = spaceShrinkBuf(n, true);
  const spaceStretch = spaceStretchBuf(n, true);
  const hanLatinGlue = hanLatinGlueBuf(n, true);
  const full = fullBuf(n, true);
  compress(c, scheme, trimLeft, trimRight, full);
  // Junctions that take inter-character spacing: the breakpoints' (not inside words, dashes,
  // ellipses), less those next to a space (the space is the glue there) and Han–Latin junctions.
  const isGap = isGapBuf(n);
  isGap.set(breakpoints.isGap.subarray(0, n));
  for (let i = 0; i < n; i++) {
    if (full[i]) {
      if (classes[i] === Cls.OPEN) shrinkLeft[i] = trimLeft[i] === 0 ? advances[i] / 2 : 0;
      else if (!isExclamation(codePoints[i])) shrinkRight[i] = trimRight[i] === 0 ? advances[i] / 2 : 0;
    }
    if (classes[i] !== Cls.SPACE) {
      setWidth[i] = advances[i] - trimLeft[i] - trimRight[i];
      if (i + 1 < n && isHanLatin(classes, codePoints, i, i + 1)) {
        hanLatinGlue[i] = HL_SPACE;
        isGap[i] = 0;
      }
      continue;
    }
    isGap[i] = 0;
    if (i > 0) isGap[i - 1] = 0;
    spaceGlue(c, breakpoints, i, { setWidth, spaceKind, spaceShrink, spaceStretch });
  }
  const tab = markerBox > 0 ? markerTab(c, breakpoints) : -1;
  const widths: Widths = { trimLeft, trimRight, shrinkLeft, shrinkRight, setWidth, spaceKind, spaceShrink, spaceStretch, hanLatinGlue };
  if (tab >= 0) fitMarker(c, breakpoints, tab, markerBox, { ...widths, isGap });
  return withSums(c, breakpoints, isGap, widths, tab);
}

type SpaceGlue = Pick<Widths, 'setWidth' | 'spaceKind' | 'spaceShrink' | 'spaceStretch'>;

/** The glue of the space character i: a run of spaces counts once, spaces at the paragraph's edges count nothing. */
function spaceGlue(c: Collected, breakpoints: Breakpoints, i: number, out: SpaceGlue): void {
  const { n, classes, codePoints, advances } = c;
  const prev = breakpoints.lastVisible[i];
  if (i === 0 || classes[i - 1] === Cls.SPACE || prev < 0) return;
  let next = i + 1;
  while (next < n && classes[next] === Cls.SPACE) next++;
  if (next >= n) return;
  if (codePoints[i] === 0x3000) {
    // An ideographic space is a character of the grid: one em, fixed.
    out.setWidth[i] = advances[i];
  } else if (isHanLatin(classes, codePoints, prev, next)) {
    out.setWidth[i] = HL_SPACE;
    out.spaceKind[i] = Space.HAN_LATIN;
    out.spaceShrink[i] = HL_SPACE - HL_MIN;
    out.spaceStretch[i] = HL_MAX - HL_SPACE;
  } else {
    out.setWidth[i] = advances[i];
    out.spaceKind[i] = Space.WORD;
    out.spaceShrink[i] = Math.max(0, advances[i] - WORD_MIN);
    out.spaceStretch[i] = Math.max(0, WORD_MAX - advances[i]);
  }
}

type Widths = Pick<
  Prepared,
  'trimLeft' | 'trimRight' | 'shrinkLeft' | 'shrinkRight' | 'setWidth' | 'spaceKind' | 'spaceShrink' | 'spaceStretch' | 'hanLatinGlue'
>;

/** The prefix sums over the paragraph, and the Prepared record. */
function withSums(c: Collected, breakpoints: Breakpoints, isGap: Uint8Array, v: Widths, markerTab: number): Prepared {
  const { n, classes } = c;
  const { setWidth, hanLatinGlue, shrinkLeft, shrinkRight, spaceKind, spaceShrink, spaceStretch } = v;
  const widthBefore = widthBeforeBuf(n + 1);
  const glueBefore = glueBeforeBuf(n + 1);
  const hanLatinBefore = hanLatinBeforeBuf(n + 1);
  const shrinkBefore = shrinkBeforeBuf(n + 1);
  const stretchBefore = stretchBeforeBuf(n + 1);
  const wordStretchBefore = wordStretchBeforeBuf(n + 1);
  const gapsBefore = gapsBeforeBuf(n + 1);
  const charactersBefore = charactersBeforeBuf(n + 1);
  widthBefore[0] = glueBefore[0] = hanLatinBefore[0] = shrinkBefore[0] = 0;
  stretchBefore[0] = wordStretchBefore[0] = gapsBefore[0] = charactersBefore[0] = 0;
  for (let i = 0; i < n; i++) {
    const hanLatinJunction = hanLatinGlue[i] > 0 ? 1 : 0;
    const hanLatinSpace = spaceKind[i] === Space.HAN_LATIN ? 1 : 0;
    const word = spaceKind[i] === Space.WORD ? spaceStretch[i] : 0;
    const gap = i < n - 1 ? isGap[i] : 0;
    widthBefore[i + 1] = widthBefore[i] + setWidth[i];
    glueBefore[i + 1] = glueBefore[i] + hanLatinGlue[i];
    hanLatinBefore[i + 1] = hanLatinBefore[i] + hanLatinJunction + hanLatinSpace;
    shrinkBefore[i + 1] = shrinkBefore[i] + shrinkLeft[i] + shrinkRight[i] + spaceShrink[i] + hanLatinJunction * (HL_SPACE - HL_MIN);
    stretchBefore[i + 1] = stretchBefore[i] + gap * GAP_STRETCH + (hanLatinJunction + hanLatinSpace) * (HL_MAX - HL_SPACE) + word;
    wordStretchBefore[i + 1] = wordStretchBefore[i] + word;
    gapsBefore[i + 1] = gapsBefore[i] + gap;
    charactersBefore[i + 1] = charactersBefore[i] + (isPunctuation(classes[i]) ? 0 : 1);
  }
  // Listed field by field (not spread) so every Prepared has one shape.
  return {
    n, text: c.text, offsets: c.offsets, codePoints: c.codePoints, classes, faceIndex: c.faceIndex, faces: c.faces,
    glyphIds: c.glyphIds, advances: c.advances, ligatureGlyph: c.ligatureGlyph, ligatureLength: c.ligatureLength,
    chains: c.chains, spanEnds: c.spanEnds, attached: c.attached,
    breakKind: breakpoints.breakKind, isGap, emergencyPenalty: breakpoints.emergencyPenalty,
    lastVisible: breakpoints.lastVisible, hyphenWidth: breakpoints.hyphenWidth,
    trimLeft: v.trimLeft, trimRight: v.trimRight, shrinkLeft, shrinkRight, setWidth, spaceKind, spaceShrink, spaceStretch, hanLatinGlue,
    widthBefore, glueBefore, hanLatinBefore, shrinkBefore, stretchBefore, wordStretchBefore, gapsBefore, charactersBefore, markerTab,
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
  return p.hanLatinGlue[e] > 0 ? HL_SPACE - HL_MIN : 0;
}

export function lineMetrics(p: Prepared, a: number, e: number, out: LineMetrics): LineMetrics {
  const hanLatinAtEnd = p.hanLatinGlue[e] > 0 ? 1 : 0;
  const gapAtEnd = e < p.n - 1 ? p.isGap[e] : 0;
  out.width = p.widthBefore[e + 1] - p.widthBefore[a] + (p.glueBefore[e] - p.glueBefore[a]) - p.shrinkLeft[a];
  out.endShrink = p.shrinkRight[e];
  out.shrink = p.shrinkBefore[e + 1] - p.shrinkBefore[a] - p.shrinkLeft[a] - p.shrinkRight[e] - junctionShrink(p, e) - p.spaceShrink[e];
  out.stretch = p.stretchBefore[e + 1] - p.stretchBefore[a] - gapAtEnd * GAP_STRETCH - hanLatinAtEnd * (HL_MAX - HL_SPACE);
  out.words = p.wordStretchBefore[e + 1] - p.wordStretchBefore[a];
  out.hl = p.hanLatinBefore[e + 1] - p.hanLatinBefore[a] - hanLatinAtEnd;
  out.gaps = p.gapsBefore[e] - p.gapsBefore[a];
  out.chars = p.charactersBefore[e + 1] - p.charactersBefore[a];
  return out;
}
