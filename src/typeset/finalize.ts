// Step 5: turn chosen breaks into positioned glyphs. Each line's shortfall is
// distributed in the order TYPOGRAPHY.md §4 prescribes — Han–Latin spaces,
// then compressed punctuation halves re-expanding, then evenly over all gaps;
// an excess is taken from the line-final mark, then spaces, then blank halves
// of punctuation. Han glyphs are never squeezed.
import { HL_MAX, HL_MIN, HL_SPACE, lineMetrics, type LineMetrics, type Prepared } from './prepare.js';
import { Cls } from './classes.js';
import { Brk } from './breakpoints.js';
import { hyphenGlyph } from './latin.js';
import type { ComposedLine, LineRun } from './types.js';
import { GlyphStore } from './glyph-run.js';
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
const tlBuf = scratch(Float64Array);
const trBuf = scratch(Float64Array);
const swBuf = scratch(Float64Array);
const jgBuf = scratch(Float64Array);

export function finalize(p: Prepared, breaks: readonly number[], cfg: FinalizeConfig): ComposedLine[] {
  const { n, cls, w, gl, hlS, shL, trimL, trimR, gapJ, lastVis } = p;
  const tl = tlBuf(n);
  const tr = trBuf(n);
  const sw = swBuf(n);
  const jg = jgBuf(n);
  const m: LineMetrics = { width: 0, endShrink: 0, shrink: 0, hl: 0, trims: 0, gaps: 0, chars: 0 };
  const lines: ComposedLine[] = [];
  // The paragraph's glyphs, packed: every character, and a hyphen at most per line.
  const store = new GlyphStore(n + breaks.length);
  let a = 0;
  for (let li = 0; li < breaks.length; li++) {
    const j = breaks[li];
    const last = li === breaks.length - 1;
    const avail = li === 0 ? cfg.first : cfg.rest;
    let e = lastVis[j];
    if (e < a) e = a - 1; // a line of spaces only
    for (let i = a; i <= j; i++) {
      tl[i] = trimL[i];
      tr[i] = trimR[i];
      sw[i] = cls[i] === Cls.SPACE ? w[i] : 0;
      jg[i] = i < e ? gl[i] : 0;
    }
    // A line ending at a hyphenation point carries the hyphen glyph's width.
    const hyphen = !last && p.brk[j] === Brk.HYPHEN && e === j ? p.hyw[j] : 0;
    let applied = 0;
    let gapCount = 0;
    if (e >= a) {
      tl[a] += shL[a];
      lineMetrics(p, a, e, m);
      gapCount = m.gaps;
      if (gapCount === 0) for (let i = a; i < e; i++) if (letterGap(p, i)) gapCount++;
      let E = avail - m.width - hyphen;
      if (E < -EPS && m.endShrink > 0 && hyphen === 0) {
        // The line-final mark loses its whole blank half (its ink then sits at the edge).
        tr[e] += m.endShrink;
        E += m.endShrink;
      }
      if (E < -EPS) applied = -shrinkLine(p, a, e, -E, tr, tl, sw, jg);
      else if (E > EPS && cfg.align === 'justify' && !last) {
        applied = E;
        let x = E;
        // 1. Han–Latin spaces, up to half an em each.
        if (m.hl > 0) {
          const u = Math.min(x, m.hl * (HL_MAX - HL_SPACE));
          const each = u / m.hl;
          for (let i = a; i < e; i++) {
            if (gl[i] > 0) jg[i] += each;
            if (hlS[i]) sw[i] += each;
          }
          x -= u;
        }
        // 2. Compressed punctuation halves re-expand (not at the line's edges).
        if (x > EPS && m.trims > EPS) {
          const u = Math.min(x, m.trims);
          const f = u / m.trims;
          for (let i = a; i <= e; i++) {
            if (i > a) tl[i] -= trimL[i] * f;
            if (i < e) tr[i] -= trimR[i] * f;
          }
          x -= u;
        }
        // 3. Evenly between characters (inside words only when nothing else can take it).
        if (x > EPS && gapCount > 0) {
          const each = x / gapCount;
          for (let i = a; i < e; i++) if (m.gaps === 0 ? letterGap(p, i) : gapJ[i]) jg[i] += each;
        }
      }
    }
    lines.push(emit(p, { a, e, j, first: li === 0, last, avail, applied, gapCount, hyphen: hyphen > 0 }, tl, tr, sw, jg, cfg, store));
    a = j + 1;
  }
  return lines;
}

/** Whether letter-spacing may open junction i: not next to a collapsed space (a paragraph's leading space takes no room). */
function letterGap(p: Prepared, i: number): boolean {
  return !(p.cls[i] === Cls.SPACE && p.w[i] === 0) && !(p.cls[i + 1] === Cls.SPACE && p.w[i + 1] === 0);
}

/** The line a..j (e its last visible character, spaces after it hang) with its adjustments applied. */
interface LineSpec {
  a: number;
  e: number;
  j: number;
  first: boolean;
  last: boolean;
  avail: number;
  /** Extra space added (negative: taken), em. */
  applied: number;
  gapCount: number;
  /** A hyphen glyph follows the last character. */
  hyphen: boolean;
}

// One string per BMP character, shared by every glyph that shows it: a bulletin places a million
// glyphs but uses a few thousand distinct characters, and V8 would allocate each CJK one anew.
const charStrings: (string | undefined)[] = new Array(0x10000);

/** Character i of the paragraph as a string. */
function charAt(p: Prepared, i: number): string {
  const cp = p.cps[i];
  if (cp < 0x10000 && p.off[i + 1] - p.off[i] === 1) return (charStrings[cp] ??= String.fromCharCode(cp));
  return p.text.slice(p.off[i], p.off[i + 1]);
}

/** Positions the glyphs of one line into `store` and groups them into one run per face. */
function emit(p: Prepared, l: LineSpec, tl: Float64Array, tr: Float64Array, sw: Float64Array, jg: Float64Array, cfg: FinalizeConfig, store: GlyphStore): ComposedLine {
  const { a, e, j } = l;
  const size = cfg.size;
  const runs: LineRun[] = [];
  // The run being filled: its face, origin (pt from the line's start) and first glyph in the store.
  let face: string | undefined;
  let runX = 0;
  let runStart = 0;
  let pen = 0;
  const { text: src, off } = p;
  for (let i = a; i <= j; i++) {
    const key = p.faces[p.face[i]];
    if (key !== face) {
      if (face !== undefined) runs.push(lineRun(face, size, runX, store, runStart));
      face = key;
      runX = pen * size;
      runStart = store.length;
    }
    // The pen moves left by a compressed left half, so the ink stays where it was drawn.
    store.push(p.gid[i], charAt(p, i), (pen - (i <= e ? tl[i] : 0)) * size - runX, p.adv[i] * size);
    if (i > e) continue; // a hanging space at the line end takes no room
    pen += p.cls[i] === Cls.SPACE ? sw[i] : p.adv[i] - tl[i] - tr[i];
    if (i < e) pen += jg[i];
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
  return { runs, start: start * size, width: pen * size, text: src.slice(off[a], off[j + 1]), hyphen: l.hyphen, last: l.last, gap: l.gapCount > 0 ? l.applied / l.gapCount : 0 };
}

/** The run of `face` at x (pt from the line's start) holding the glyphs of `store` from `start` on. */
function lineRun(face: string, size: number, x: number, store: GlyphStore, start: number): LineRun {
  return { face, size, x, glyphs: store.runFrom(start) };
}

/** Takes `D` em out of the line a..e; returns how much it could take. */
function shrinkLine(p: Prepared, a: number, e: number, D: number, tr: Float64Array, tl: Float64Array, sw: Float64Array, jg: Float64Array): number {
  const { shL, shR, spSh, gl } = p;
  let left = D;
  if (left > EPS) {
    let total = 0;
    for (let i = a; i < e; i++) total += spSh[i] + (gl[i] > 0 ? HL_SPACE - HL_MIN : 0);
    if (total > EPS) {
      const f = Math.min(1, left / total);
      for (let i = a; i < e; i++) {
        sw[i] -= spSh[i] * f;
        if (gl[i] > 0) jg[i] -= (HL_SPACE - HL_MIN) * f;
      }
      left -= total * f;
    }
  }
  if (left > EPS) {
    let total = 0;
    for (let i = a; i <= e; i++) total += (i > a ? shL[i] : 0) + (i < e ? shR[i] : 0);
    if (total > EPS) {
      const f = Math.min(1, left / total);
      for (let i = a; i <= e; i++) {
        if (i > a) tl[i] += shL[i] * f;
        if (i < e) tr[i] += shR[i] * f;
      }
      left -= total * f;
    }
  }
  return D - Math.max(0, left);
}
