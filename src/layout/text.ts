// One-line text that needs no paragraph composition: headlines, bylines,
// mastheads, running heads, page numbers. Glyphs are set solid from the
// chain's advances; a space between two phrases becomes a visible one-em gap
// (the Chinese way of separating parallel phrases in a headline).
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
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

/** Where a text comes from, for the error when a character has no font. */
export interface TextOrigin {
  file: string;
  line: number;
}

/**
 * Sets `text` on one line. Runs of spaces collapse into one gap of `gap` ems
 * (the space glyph keeps its own advance; the next glyph starts after the gap).
 */
export function setLine(text: string, chain: FaceChain, size: number, origin: TextOrigin, gap = 1): SetLine {
  const runs: SetRun[] = [];
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
      if (sp) push(runs, sp.face.key, { id: sp.glyph.id, text: ' ', x, advance: natural }, x);
      // Between Latin words a space is a word space; next to Chinese it is the phrase gap.
      x += isLatin(prev) && isLatin(cp) ? natural : gap * size;
    }
    prev = cp;
    const r = chain.resolve(cp);
    if (!r) {
      // Coverage is checked before layout (an error, or a warning with --allow-missing-glyphs):
      // like the composition engine, set the font's .notdef on the grid so layout stays stable.
      const fallback = chain.primary;
      if (!fallback) {
        throw new BulletinError(diagnostic({ file: origin.file, line: origin.line, column: 0 }, 'error', 'no-glyph',
          `no configured font has the character "${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) for role "${chain.role}": add a font that covers it in fonts/fonts.yaml or the template, or replace the character.`));
      }
      push(runs, fallback.key, { id: 0, text: ch, x, advance: size }, x);
      x += size;
      continue;
    }
    const advance = r.glyph.advance * size;
    push(runs, r.face.key, { id: r.glyph.id, text: ch, x, advance }, x);
    x += advance;
  }
  // Glyph x values are made relative to their run.
  for (const run of runs) for (const g of run.glyphs) g.x -= run.x;
  return { runs, width: x, size, text: text.trim() };
}

function push(runs: SetRun[], face: string, g: PlacedGlyph, x: number): void {
  const last = runs[runs.length - 1];
  if (last && last.face === face) last.glyphs.push(g);
  else runs.push({ face, x, glyphs: [g] });
}

/** Natural width of `text` set on one line, pt. */
export function lineWidth(text: string, chain: FaceChain, size: number, gap = 1): number {
  let x = 0;
  let pendingSpace = false;
  let prev = -1;
  for (const ch of text.trim()) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isGap(cp)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      const sp = chain.resolve(0x20);
      const natural = sp ? sp.glyph.advance * size : size / 4;
      x += isLatin(prev) && isLatin(cp) ? natural : gap * size;
    }
    prev = cp;
    const r = chain.resolve(cp);
    x += (r ? r.glyph.advance : 1) * size;
  }
  return x;
}
