// A face chain that keeps CJK punctuation on the character grid.
//
// LXGW WenKai maps “ ” ‘ ’ · to proportional Latin glyphs 0.35 em wide
// (docs/design/FACTS.md); in a Kai paragraph every quotation then pulls the rest of the
// line off the grid, and punctuation compression (which assumes full-width
// marks with half an em of blank) has nothing to remove. So for CJK
// punctuation, when the first face that has the character gives it less than
// 0.9 em while a later face in the chain has a full-width glyph, the later
// face's glyph is used: in the kai chain “ ” ‘ ’ come from Noto Serif SC
// (1 em) and · from Noto Sans SC (Noto Serif SC's is 0.327 em too).
// Letters, digits and other symbols are left to the first face that has them.
import { FULL_WIDTH, makeChain, type FaceChain, type FaceSlot, type ResolvedGlyph } from './face.js';
import { gridEms, isCjkPunctuation } from './cjk-punctuation.js';

export { FULL_WIDTH, isCjkPunctuation };

/** A chain whose CJK punctuation is taken from the first face that sets it full-width (see above). */
export function gridChainOf(role: string, slots: readonly FaceSlot[]): FaceChain {
  return makeChain(role, slots, (faces, cp) => {
    let found: ResolvedGlyph | undefined;
    let i = 0;
    for (; i < faces.length; i++) {
      const face = faces.at(i);
      const glyph = face.glyph(cp);
      if (glyph) {
        found = { face, glyph };
        break;
      }
    }
    const ems = gridEms(cp);
    if (found && ems > 0 && found.glyph.advance < ems * FULL_WIDTH) {
      for (let j = i + 1; j < faces.length; j++) {
        const face = faces.at(j);
        const glyph = face.glyph(cp);
        if (glyph && glyph.advance >= ems * FULL_WIDTH) return { face, glyph };
      }
    }
    return found;
  });
}
