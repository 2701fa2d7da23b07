// A face chain that keeps CJK punctuation on the character grid.
//
// LXGW WenKai maps “ ” ‘ ’ · to proportional Latin glyphs 0.35 em wide
// (FACTS.md); in a Kai paragraph every quotation then pulls the rest of the
// line off the grid, and punctuation compression (which assumes full-width
// marks with half an em of blank) has nothing to remove. So for CJK
// punctuation, when the first face that has the character gives it less than
// 0.9 em while a later face in the chain has a full-width glyph, the later
// face's glyph is used: in the kai chain “ ” ‘ ’ come from Noto Serif SC
// (1 em) and · from Noto Sans SC (Noto Serif SC's is 0.327 em too).
// Letters, digits and other symbols are left to the first face that has them.
import type { Face, FaceChain, ResolvedGlyph } from './face.js';

/** Glyphs at least this wide (in em) count as full-width. */
export const FULL_WIDTH = 0.9;

/**
 * Punctuation that Chinese text sets full-width (GB/T 15834): from General
 * Punctuation the quotation marks “ ” ‘ ’, the dashes — ― and ‖, the
 * ellipses … ‥, the middle dots · ‧ and ※ (not hyphens, the en dash or the
 * bullet, which stay proportional); CJK Symbols and Punctuation; the CJK
 * compatibility and vertical forms; the punctuation of the Fullwidth Forms
 * block (not its letters and digits).
 */
export function isCjkPunctuation(cp: number): boolean {
  return (
    cp === 0x00b7 ||
    (cp >= 0x2014 && cp <= 0x2016) ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    (cp >= 0x2025 && cp <= 0x2027) ||
    cp === 0x203b ||
    (cp >= 0x3001 && cp <= 0x303f) ||
    cp === 0x30fb ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65)
  );
}

/** A chain whose CJK punctuation is taken from the first face that sets it full-width (see above). */
export function gridChainOf(role: string, faces: Face[]): FaceChain {
  const cache = new Map<number, ResolvedGlyph | undefined>();
  return {
    role,
    faces,
    resolve(cp: number): ResolvedGlyph | undefined {
      if (cache.has(cp)) return cache.get(cp);
      let found: ResolvedGlyph | undefined;
      let i = 0;
      for (; i < faces.length; i++) {
        const glyph = faces[i].glyph(cp);
        if (glyph) {
          found = { face: faces[i], glyph };
          break;
        }
      }
      if (found && found.glyph.advance < FULL_WIDTH && isCjkPunctuation(cp)) {
        for (let j = i + 1; j < faces.length; j++) {
          const glyph = faces[j].glyph(cp);
          if (glyph && glyph.advance >= FULL_WIDTH) {
            found = { face: faces[j], glyph };
            break;
          }
        }
      }
      cache.set(cp, found);
      return found;
    },
  };
}
