// The 破折号 —— (and ———) as one continuous line (TYPOGRAPHY.md §3). CJK
// fonts draw the full-width em dash with a side bearing at each end (Noto
// Serif SC: ink from 0.07 to 0.93 em), so two of them side by side show a gap
// in the middle of the line. The same fonts carry the two- and three-em
// dashes U+2E3A and U+2E3B, whose full-width forms (face.ts takes them) span
// exactly two and three ems with one stroke: a run of dashes is drawn with
// them, one glyph standing for its two or three characters (their text is
// kept, so copy-paste gives —— back). A run in a face without them keeps its
// own glyphs.
import type { FaceChain } from '../fonts/face.js';

/** The em dash and the horizontal bar, the characters Chinese doubles into a 破折号. */
export function isDash(cp: number): boolean {
  return cp === 0x2014 || cp === 0x2015;
}

/** How a run of `length` dashes is cut into pieces of two and three (2, 3, 2+2, 3+2, 3+3, …). */
export function dashPieces(length: number): number[] {
  const out: number[] = [];
  let left = length;
  while (left >= 2) {
    const n = left === 2 || left === 4 ? 2 : 3;
    out.push(n);
    left -= n;
  }
  return out;
}

/**
 * The glyph that draws `n` (2 or 3) dashes of face `faceKey` as one line, when
 * the chain finds it in that same face with the width of the dashes it
 * replaces (`width`, em); undefined otherwise.
 */
export function dashLigature(chain: FaceChain, faceKey: string, n: number, width: number): { id: number; advance: number } | undefined {
  if (n !== 2 && n !== 3) return undefined;
  const r = chain.resolve(n === 2 ? 0x2e3a : 0x2e3b);
  if (!r || r.face.key !== faceKey || Math.abs(r.glyph.advance - width) > 0.02) return undefined;
  return { id: r.glyph.id, advance: r.glyph.advance };
}

/** What `ligate` needs of the collected paragraph (collect.ts). */
interface DashText {
  codePoints: Uint32Array;
  faceIndex: Uint16Array;
  faces: string[];
  advances: Float64Array;
}

/**
 * Marks the dash runs of characters from..to−1 (one span, drawn with `chain`):
 * at the first character of each piece, `ligatureGlyph` gets the ligature's glyph id + 1
 * and `ligatureLength` the number of characters it stands for.
 */
export function ligateDashes(
  t: DashText, chain: FaceChain, from: number, to: number, ligatureGlyph: Uint32Array, ligatureLength: Uint8Array,
): void {
  for (let i = from; i < to; ) {
    if (!isDash(t.codePoints[i])) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && isDash(t.codePoints[end]) && t.faceIndex[end] === t.faceIndex[i]) end++;
    let at = i;
    for (const n of dashPieces(end - i)) {
      let width = 0;
      for (let k = at; k < at + n; k++) width += t.advances[k];
      const g = dashLigature(chain, t.faces[t.faceIndex[at]], n, width);
      if (g) {
        ligatureGlyph[at] = g.id + 1;
        ligatureLength[at] = n;
      }
      at += n;
    }
    i = end;
  }
}
