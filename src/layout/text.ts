// One-line text that needs no paragraph composition: headlines, bylines,
// mastheads, running heads, page numbers. Glyphs are set solid from the
// chain's advances; a space between two phrases becomes a visible one-em gap
// (the Chinese way of separating parallel phrases in a headline).
import type { FaceChain } from '../fonts/face.js';
import type { PlacedGlyph } from './display-list.js';

export interface SetRun {
  face: string;
  /** Offset from the line's start, pt. */
  x: number;
  glyphs: PlacedGlyph[];
}

export interface SetLine {
  runs: SetRun[];
  width: number;
  size: number;
  text: string;
}

/** A space, an ideographic space or a tab: collapsed into one gap. */
function isGap(cp: number): boolean {
  return cp === 0x20 || cp === 0x3000 || cp === 0x09;
}

/** ASCII letters and digits (a space between two of them is a word space). */
function isLatin(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** Where a text comes from, for errors about it (an unreadable image, …). */
export interface TextOrigin {
  file: string;
  line: number;
}

/** Called for each glyph of a line as it is set: its face key and placement. */
type Visit = (face: string, g: PlacedGlyph) => void;

/**
 * Walks `text` as set on one line and returns its width; `visit`, when given,
 * receives every glyph with its pen position. Runs of spaces collapse into
 * one gap of `gap` ems (the space glyph keeps its own advance; the next glyph
 * starts after the gap); between two Latin words the gap is a word space.
 * One walker for setting and for measuring, so the two can never disagree.
 */
function walkLine(text: string, chain: FaceChain, size: number, gap: number, visit?: Visit): number {
  let x = 0;
  let pendingSpace = false;
  // The previous character's code point (−1: none yet).
  let prev = -1;
  for (const ch of text.trim()) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isGap(cp)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      const sp = chain.resolve(0x20) ?? chain.resolve(0x3000);
      const natural = sp ? sp.glyph.advance * size : size / 4;
      if (sp && visit) visit(sp.face.key, { id: sp.glyph.id, text: ' ', x, advance: natural });
      x += isLatin(prev) && isLatin(cp) ? natural : gap * size;
    }
    prev = cp;
    const r = chain.resolve(cp);
    if (!r) {
      // Coverage is checked before layout (an error, or a warning with --allow-missing-glyphs):
      // like the composition engine, set the font's .notdef on the grid so layout stays stable.
      if (visit) visit(chain.primary.key, { id: 0, text: ch, x, advance: size });
      x += size;
      continue;
    }
    const advance = r.glyph.advance * size;
    if (visit) visit(r.face.key, { id: r.glyph.id, text: ch, x, advance });
    x += advance;
  }
  return x;
}

/** Sets `text` on one line (see walkLine for spaces). */
export function setLine(text: string, chain: FaceChain, size: number, gap = 1): SetLine {
  const runs: SetRun[] = [];
  const width = walkLine(text, chain, size, gap, (face, g) => push(runs, face, g, g.x));
  // Glyph x values are made relative to their run.
  for (const run of runs) for (const g of run.glyphs) g.x -= run.x;
  return { runs, width, size, text: text.trim() };
}

function push(runs: SetRun[], face: string, g: PlacedGlyph, x: number): void {
  const last = runs[runs.length - 1];
  if (last && last.face === face) last.glyphs.push(g);
  else runs.push({ face, x, glyphs: [g] });
}

/** Natural width of `text` set on one line, pt. */
export function lineWidth(text: string, chain: FaceChain, size: number, gap = 1): number {
  return walkLine(text, chain, size, gap);
}
