// Step 5: turn chosen breaks into positioned glyphs, justifying each line in
// the order TYPOGRAPHY.md §4 prescribes.
//   Too long:  the line-final mark's blank half, then the other blank halves
//              of punctuation, then Han–Latin and word spaces (to 0.16 and
//              0.2 em). Han glyphs are never squeezed.
//   Too short: evenly over every gap and Han–Latin space up to the
//              letter-spacing limit (0.05 em), then the word spaces up to
//              ½ em, then the Han–Latin spaces up to 0.34 em, then evenly
//              over the gaps again. No single gap absorbs it. Compressed
//              punctuation stays compressed. A line that ends inside a URL
//              opens its gaps no further than the loose-line limit, and a
//              line with neither gaps nor word spaces keeps its Han–Latin
//              spaces within their limits: what is left, they are left
//              short (a URL is never letter-spaced).
// Each glyph carries its box on the line (glyph-run.ts): a compressed mark's
// box is its set width, so that boxes never overlap and render can draw it
// with that advance.
import { GAP_STRETCH, HL_MAX, HL_MIN, HL_SPACE, lineMetrics, Space, type LineMetrics, type Prepared } from './prepare.js';
import { Cls } from './classes.js';
import { Brk } from './breakpoints.js';
import { hyphenGlyph } from './latin.js';
import type { ComposedLine, LineRun } from './types.js';
import { GlyphStore } from './glyph-run.js';
import { LOOSE_GAP } from './linebreak.js';
import { scratch } from './scratch.js';

export interface FinalizeConfig {
  size: number;
  /** Available width of the first line and the others, em. */
  first: number;
  rest: number;
  indent: number;
  hangingIndent: number;
  align: 'justify' | 'start' | 'center';
}

const EPS = 1e-9;

// Per-character adjustments of the line being built, reused across lines and paragraphs (each line writes its own range first).
const cutLeftBuf = scratch(Float64Array);
const cutRightBuf = scratch(Float64Array);
const spaceWidthBuf = scratch(Float64Array);
const glueAfterBuf = scratch(Float64Array);

/** The line's adjustments: left/right cuts of each character, set widths of spaces, glue after each junction (em). */
interface Adjust {
  cutLeft: Float64Array;
  cutRight: Float64Array;
  spaceWidth: Float64Array;
  glueAfter: Float64Array;
}

export function finalize(p: Prepared, breaks: readonly number[], cfg: FinalizeConfig): ComposedLine[] {
  const { n, classes, setWidth, hanLatinGlue, shrinkLeft, trimLeft, trimRight, lastVisible } = p;
  const adj: Adjust = { cutLeft: cutLeftBuf(n), cutRight: cutRightBuf(n), spaceWidth: spaceWidthBuf(n), glueAfter: glueAfterBuf(n) };
  const { cutLeft, cutRight, spaceWidth, glueAfter } = adj;
  const m: LineMetrics = { width: 0, endShrink: 0, shrink: 0, stretch: 0, words: 0, hl: 0, gaps: 0, chars: 0 };
  const lines: ComposedLine[] = [];
  // The paragraph's glyphs, packed: every character, and a hyphen at most per line.
  const store = new GlyphStore(n + breaks.length);
  let a = 0;
  for (let li = 0; li < breaks.length; li++) {
    const j = breaks[li];
    const last = li === breaks.length - 1;
    const avail = li === 0 ? cfg.first : cfg.rest;
    let e = lastVisible[j];
    if (e < a) e = a - 1; // a line of spaces only
    for (let i = a; i <= j; i++) {
      cutLeft[i] = trimLeft[i];
      cutRight[i] = trimRight[i];
      spaceWidth[i] = classes[i] === Cls.SPACE ? setWidth[i] : 0;
      glueAfter[i] = i < e ? hanLatinGlue[i] : 0;
    }
    // A line ending at a hyphenation point carries the hyphen glyph's width.
    const hyphen = !last && p.breakKind[j] === Brk.HYPHEN && e === j ? p.hyphenWidth[j] : 0;
    let gap = 0;
    if (e >= a) {
      cutLeft[a] += shrinkLeft[a];
      lineMetrics(p, a, e, m);
      let slack = avail - m.width - hyphen;
      if (slack < -EPS && m.endShrink > 0 && hyphen === 0) {
        // The line-final mark loses its whole blank half (its ink then sits at the edge).
        cutRight[e] += m.endShrink;
        slack += m.endShrink;
      }
      if (slack < -EPS) shrinkLine(p, a, e, -slack, adj);
      else if (slack > EPS && cfg.align === 'justify' && !last) {
        gap = stretchLine(p, { a, e, url: p.breakKind[j] === Brk.URL }, slack, m, adj);
      }
    }
    lines.push(emit(p, { a, e, j, first: li === 0, last, avail, gap, hyphen: hyphen > 0 }, adj, cfg, store));
    a = j + 1;
  }
  return lines;
}

/** Whether letter-spacing may open junction i: not next to a collapsed space (a paragraph's leading space takes no room). */
function letterGap(p: Prepared, i: number): boolean {
  return !(p.classes[i] === Cls.SPACE && p.setWidth[i] === 0) && !(p.classes[i + 1] === Cls.SPACE && p.setWidth[i + 1] === 0);
}

/** Adds `gap` to every gap junction of a..e and `hl` to every Han–Latin space. */
function openGaps(p: Prepared, a: number, e: number, gap: number, hanLatin: number, adj: Adjust): void {
  const { isGap, hanLatinGlue, spaceKind } = p;
  for (let i = a; i < e; i++) {
    if (isGap[i]) adj.glueAfter[i] += gap;
    if (hanLatinGlue[i] > 0) adj.glueAfter[i] += hanLatin;
    if (spaceKind[i] === Space.HAN_LATIN) adj.spaceWidth[i] += hanLatin;
  }
}

/** Spreads E em over the line a..e (see the header); returns the extra each gap took. */
function stretchLine(p: Prepared, line: { a: number; e: number; url: boolean }, slack: number, m: LineMetrics, adj: Adjust): number {
  const { a, e } = line;
  const units = m.gaps + m.hl;
  let x = slack;
  let gap = 0;
  // 1. Every gap and Han–Latin space alike, up to the letter-spacing limit.
  if (units > 0) {
    const each = Math.min(GAP_STRETCH, x / units);
    openGaps(p, a, e, each, each, adj);
    gap = each;
    x -= each * units;
  }
  // 2. Latin word spaces, up to ½ em.
  if (x > EPS && m.words > EPS) {
    const f = Math.min(1, x / m.words);
    for (let i = a; i < e; i++) if (p.spaceKind[i] === Space.WORD) adj.spaceWidth[i] += p.spaceStretch[i] * f;
    x -= m.words * f;
  }
  // 3. Han–Latin spaces to their limit, then the gaps again, evenly: Han text is letter-spaced
  //    beyond the limit only when nothing else can take it.
  if (x > EPS && m.hl > 0) {
    const each = Math.min(HL_MAX - HL_SPACE - gap, x / m.hl);
    openGaps(p, a, e, 0, each, adj);
    x -= each * m.hl;
  }
  // A line that ends inside a URL opens its gaps no further than the loose-line limit, and is otherwise left short (linebreak.ts).
  if (x > EPS && m.gaps > 0) {
    const each = line.url ? Math.min(x / m.gaps, LOOSE_GAP - gap) : x / m.gaps;
    openGaps(p, a, e, each, 0, adj);
    gap += each;
    x -= each * m.gaps;
  }
  // 4. A line of Latin words without gaps that even hyphenation could not set within their limits:
  //    the rest over its word spaces (the last resort). Han–Latin spaces never pass theirs: without
  //    word spaces the line is left short.
  if (x > EPS && m.gaps === 0 && !line.url) {
    let words = 0;
    for (let i = a; i < e; i++) if (p.spaceKind[i] === Space.WORD) words++;
    if (words > 0) {
      for (let i = a; i < e; i++) if (p.spaceKind[i] === Space.WORD) adj.spaceWidth[i] += x / words;
      x = 0;
    }
  }
  // 5. A line with no glue at all (one long word, the last resort): between its letters, unless it is part of a URL.
  if (x > EPS && units === 0 && m.words <= EPS && !line.url) {
    let count = 0;
    for (let i = a; i < e; i++) if (letterGap(p, i)) count++;
    if (count > 0) {
      for (let i = a; i < e; i++) if (letterGap(p, i)) adj.glueAfter[i] += x / count;
      gap = x / count;
    }
  }
  return gap;
}

/** Takes `D` em out of the line a..e: blank halves of punctuation first, then Han–Latin and word spaces. */
function shrinkLine(p: Prepared, a: number, e: number, excess: number, adj: Adjust): void {
  const { shrinkLeft, shrinkRight, spaceShrink, hanLatinGlue } = p;
  const { cutLeft, cutRight, spaceWidth, glueAfter } = adj;
  let left = excess;
  let total = 0;
  for (let i = a; i <= e; i++) total += (i > a ? shrinkLeft[i] : 0) + (i < e ? shrinkRight[i] : 0);
  if (total > EPS) {
    const f = Math.min(1, left / total);
    for (let i = a; i <= e; i++) {
      if (i > a) cutLeft[i] += shrinkLeft[i] * f;
      if (i < e) cutRight[i] += shrinkRight[i] * f;
    }
    left -= total * f;
  }
  if (left <= EPS) return;
  total = 0;
  for (let i = a; i < e; i++) total += spaceShrink[i] + (hanLatinGlue[i] > 0 ? HL_SPACE - HL_MIN : 0);
  if (total > EPS) {
    const f = Math.min(1, left / total);
    for (let i = a; i < e; i++) {
      spaceWidth[i] -= spaceShrink[i] * f;
      if (hanLatinGlue[i] > 0) glueAfter[i] -= (HL_SPACE - HL_MIN) * f;
    }
  }
}

/** The line a..j (e its last visible character, spaces after it hang) with its adjustments applied. */
interface LineSpec {
  a: number;
  e: number;
  j: number;
  first: boolean;
  last: boolean;
  avail: number;
  /** Extra space each gap took, em. */
  gap: number;
  /** A hyphen glyph follows the last character. */
  hyphen: boolean;
}

// One string per BMP character, shared by every glyph that shows it: a bulletin places a million
// glyphs but uses a few thousand distinct characters, and V8 would allocate each CJK one anew.
const charStrings: (string | undefined)[] = new Array(0x10000);

/** Character i of the paragraph as a string. */
function charAt(p: Prepared, i: number): string {
  const cp = p.codePoints[i];
  if (cp < 0x10000 && p.offsets[i + 1] - p.offsets[i] === 1) return (charStrings[cp] ??= String.fromCharCode(cp));
  return p.text.slice(p.offsets[i], p.offsets[i + 1]);
}

/**
 * The box of character i (em): left edge from its origin, and width. A cut
 * mark's box is what is left of it; an opening mark right before an opening
 * mark that lost its blank half keeps its own blank outside its box, so that
 * the pair reads as the compressed pair it is (both boxes start half an em apart).
 */
function boxOf(p: Prepared, i: number, e: number, adj: Adjust): { lead: number; box: number } {
  const { cutLeft, cutRight } = adj;
  const advance = p.advances[i];
  let lead = cutLeft[i];
  if (p.classes[i] === Cls.OPEN && i < e && p.classes[i + 1] === Cls.OPEN && cutLeft[i + 1] > EPS && advance / 2 > lead) lead = advance / 2;
  return { lead, box: advance - lead - cutRight[i] };
}

/** Positions the glyphs of one line into `store` and groups them into one run per face. */
function emit(p: Prepared, l: LineSpec, adj: Adjust, cfg: FinalizeConfig, store: GlyphStore): ComposedLine {
  const { a, e, j } = l;
  const { cutLeft, cutRight, spaceWidth, glueAfter } = adj;
  const size = cfg.size;
  const runs: LineRun[] = [];
  // The run being filled: its face, origin (pt from the line's start) and first glyph in the store.
  let face: string | undefined;
  let runX = 0;
  let runStart = 0;
  // A list item's marker is set flush right in its box (list-marker.ts): its glue comes first.
  const tab = a === 0 ? p.markerTab : -1;
  let pen = tab >= 0 ? p.setWidth[tab] : 0;
  const { text, offsets, classes } = p;
  for (let i = a; i <= j; i++) {
    if (i === tab) continue;
    const key = p.faces[p.faceIndex[i]];
    if (key !== face) {
      if (face !== undefined) runs.push(lineRun(face, size, runX, store, runStart));
      face = key;
      runX = pen * size;
      runStart = store.length;
    }
    const advance = p.advances[i];
    if (i > e) {
      // A hanging space at the line end takes no room.
      store.push(p.glyphIds[i], charAt(p, i), pen * size - runX, advance * size);
      continue;
    }
    // The pen moves left by a compressed left half, so the ink stays where it was drawn.
    const x = (pen - cutLeft[i]) * size - runX;
    const n = p.ligatureLength[i];
    if (n > 0 && i + n - 1 <= e) {
      // A dash run drawn as one glyph (dashes.ts), standing for its characters; its box spans them.
      let natural = 0;
      let boxWidth = 0;
      for (let k = i; k < i + n; k++) {
        natural += p.advances[k];
        boxWidth += p.advances[k] + (k < i + n - 1 ? glueAfter[k] : 0);
      }
      store.push(p.ligatureGlyph[i] - 1, text.slice(offsets[i], offsets[i + n]), x, natural * size, 0, boxWidth * size);
      i += n - 1;
      pen += boxWidth + (i < e ? glueAfter[i] : 0);
      continue;
    }
    if (classes[i] === Cls.SPACE) {
      // A space without a glyph (a tab) is glue only.
      if (p.glyphIds[i] !== 0) store.push(p.glyphIds[i], charAt(p, i), x, advance * size, 0, spaceWidth[i] * size);
    } else if (cutLeft[i] > EPS || cutRight[i] > EPS || classes[i] === Cls.OPEN) {
      const b = boxOf(p, i, e, adj);
      store.push(p.glyphIds[i], charAt(p, i), x, advance * size, b.lead * size, b.box * size);
    } else store.push(p.glyphIds[i], charAt(p, i), x, advance * size);
    pen += classes[i] === Cls.SPACE ? spaceWidth[i] : advance - cutLeft[i] - cutRight[i];
    if (i < e) pen += glueAfter[i];
  }
  if (l.hyphen) {
    const h = hyphenGlyph(p, e)!;
    if (h.face !== face) {
      if (face !== undefined) runs.push(lineRun(face, size, runX, store, runStart));
      face = h.face;
      runX = pen * size;
      runStart = store.length;
    }
    store.push(h.id, '-', pen * size - runX, h.advance * size);
    pen += h.advance;
  }
  if (face !== undefined) runs.push(lineRun(face, size, runX, store, runStart));
  let start = l.first ? cfg.indent : cfg.hangingIndent;
  if (cfg.align === 'center') start += (l.avail - pen) / 2;
  const lineText = text.slice(offsets[a], offsets[j + 1]);
  return { runs, start: start * size, width: pen * size, text: lineText, hyphen: l.hyphen, last: l.last, gap: l.gap };
}

/** The run of `face` at x (pt from the line's start) holding the glyphs of `store` from `start` on. */
function lineRun(face: string, size: number, x: number, store: GlyphStore, start: number): LineRun {
  return { face, size, x, glyphs: store.runFrom(start) };
}
