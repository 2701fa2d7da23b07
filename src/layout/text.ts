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

const SPACE = /[ \u3000\t]/;

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
  const chars = [...text.trim()];
  for (const ch of chars) {
    if (SPACE.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      const sp = chain.resolve(0x20) ?? chain.resolve(0x3000);
      if (sp) push(runs, sp.face.key, { id: sp.glyph.id, text: ' ', x, advance: sp.glyph.advance * size }, x);
      x += gap * size;
    }
    const cp = ch.codePointAt(0) ?? 0;
    const r = chain.resolve(cp);
    if (!r) {
      throw new BulletinError(diagnostic({ file: origin.file, line: origin.line, column: 0 }, 'error', 'no-glyph',
        `no configured font has the character "${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) for role "${chain.role}": add a font that covers it in fonts/fonts.yaml or the template, or replace the character.`));
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
  for (const ch of text.trim()) {
    if (SPACE.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      x += gap * size;
    }
    const r = chain.resolve(ch.codePointAt(0) ?? 0);
    x += (r ? r.glyph.advance : 1) * size;
  }
  return x;
}
