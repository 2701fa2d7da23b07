// One-line text that needs no paragraph composition: headlines, bylines,
// mastheads, running heads, page numbers. Glyphs are set solid from the
// chain's advances; a space between two phrases becomes a visible one-em gap
// (the Chinese way of separating parallel phrases in a headline).
import type { FaceChain } from '../fonts/face.js';
import { GlyphStore, type GlyphRun } from '../typeset/glyph-run.js';
import { dashLigature, dashPieces, isDash } from '../typeset/dashes.js';

export interface SetRun {
  face: string;
  /** Offset from the line's start, pt. */
  x: number;
  glyphs: GlyphRun;
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

interface DashGlyph {
  face: string;
  id: number;
  advance: number;
  /** The characters it stands for, and how many. */
  text: string;
  n: number;
}

/** The dash ligatures of a line (typeset/dashes.ts), by the code point index where each starts. */
function dashLigatures(text: string, chain: FaceChain): Map<number, DashGlyph> {
  const chars = Array.from(text);
  const out = new Map<number, DashGlyph>();
  for (let i = 0; i < chars.length; ) {
    const r = isDash(chars[i].codePointAt(0)!) ? chain.resolve(chars[i].codePointAt(0)!) : undefined;
    if (!r) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < chars.length && isDash(chars[end].codePointAt(0)!)) end++;
    let at = i;
    for (const n of dashPieces(end - i)) {
      const g = dashLigature(chain, r.face.key, n, n * r.glyph.advance);
      if (g) out.set(at, { face: r.face.key, id: g.id, advance: g.advance, text: chars.slice(at, at + n).join(''), n });
      at += n;
    }
    i = end;
  }
  return out;
}

/** Called for each glyph of a line as it is set: its face key and placement (x: pen position from the line's start). */
type Visit = (face: string, id: number, text: string, x: number, advance: number) => void;

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
  const trimmed = text.trim();
  const ligatures = trimmed.includes('\u2014') || trimmed.includes('\u2015') ? dashLigatures(trimmed, chain) : undefined;
  // k counts code points (as for…of does); skip the characters a dash ligature stands for.
  let k = -1;
  let skip = 0;
  for (const ch of trimmed) {
    k++;
    if (skip > 0) {
      skip--;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (isGap(cp)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      const sp = chain.resolve(0x20) ?? chain.resolve(0x3000);
      const natural = sp ? sp.glyph.advance * size : size / 4;
      if (sp && visit) visit(sp.face.key, sp.glyph.id, ' ', x, natural);
      x += isLatin(prev) && isLatin(cp) ? natural : gap * size;
    }
    prev = cp;
    const lig = ligatures?.get(k);
    if (lig) {
      if (visit) visit(lig.face, lig.id, lig.text, x, lig.advance * size);
      x += lig.advance * size;
      skip = lig.n - 1;
      continue;
    }
    const r = chain.resolve(cp);
    if (!r) {
      // Coverage is checked before layout (an error, or a warning with --allow-missing-glyphs):
      // like the composition engine, set the font's .notdef on the grid so layout stays stable.
      if (visit) visit(chain.primary.key, 0, ch, x, size);
      x += size;
      continue;
    }
    const advance = r.glyph.advance * size;
    if (visit) visit(r.face.key, r.glyph.id, ch, x, advance);
    x += advance;
  }
  return x;
}

/** Sets `text` on one line (see walkLine for spaces). */
export function setLine(text: string, chain: FaceChain, size: number, gap = 1): SetLine {
  const runs: SetRun[] = [];
  // At most one glyph per UTF-16 unit (a run of spaces is one).
  const store = new GlyphStore(text.length);
  // The run being filled: its face and origin; glyph x values are relative to it.
  let face: string | undefined;
  let runX = 0;
  let runStart = 0;
  const width = walkLine(text, chain, size, gap, (key, id, ch, x, advance) => {
    if (key !== face) {
      if (face !== undefined) runs.push({ face, x: runX, glyphs: store.runFrom(runStart) });
      face = key;
      runX = x;
      runStart = store.length;
    }
    store.push(id, ch, x - runX, advance);
  });
  if (face !== undefined) runs.push({ face, x: runX, glyphs: store.runFrom(runStart) });
  return { runs, width, size, text: text.trim() };
}

/** Natural width of `text` set on one line, pt. */
export function lineWidth(text: string, chain: FaceChain, size: number, gap = 1): number {
  return walkLine(text, chain, size, gap);
}
