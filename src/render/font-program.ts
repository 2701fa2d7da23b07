// The font program embedded for a face: the glyphs drawn, numbered in the
// order they are first drawn (index 0 is .notdef), as a TrueType subset made
// from the file's bytes (truetype-subset.ts) or, for fonts that module does
// not copy (CFF outlines, short loca offsets), fontkit's public subsetter.
// Either way a glyph's code in the PDF is its subset index (CIDToGIDMap
// Identity for TrueType; a CFF subset's CIDs are its glyph order).
import type { Face } from '../fonts/face.js';
import { TrueTypeSubset } from './truetype-subset.js';

export interface FontProgram {
  /** TrueType outlines (FontFile2, CIDFontType2) or CFF (FontFile3 /CIDFontType0C, CIDFontType0). */
  outlines: 'TrueType' | 'CFF';
  /** Original glyph ids in subset order (names the subset: glyphs.ts). */
  readonly glyphs: readonly number[];
  /** The subset index of a glyph of the font, added when new. */
  include(id: number): number;
  /**
   * A variant of the glyph at subset index `base`, moved by `dx` font units and
   * `advance` wide (truetype-subset.ts); undefined when the program cannot
   * hold variants (then the base glyph is drawn).
   */
  variant(base: number, dx: number, advance: number): number | undefined;
  /** The font file's bytes. */
  encode(): Uint8Array;
}

/**
 * fontkit's subset through its documented API (`createSubset`, `includeGlyph`,
 * `encode`). Its glyph order is the order glyphs are included, glyph 0 first
 * (included here before any other), which is what the codes rely on.
 */
function fontkitProgram(face: Face): FontProgram {
  const subset = face.font.createSubset();
  const glyphs: number[] = [];
  const index = new Map<number, number>();
  const include = (id: number): number => {
    let i = index.get(id);
    if (i === undefined) {
      subset.includeGlyph(face.font.getGlyph(id));
      i = glyphs.length;
      glyphs.push(id);
      index.set(id, i);
    }
    return i;
  };
  include(0);
  return {
    outlines: face.file.tables.has('CFF ') ? 'CFF' : 'TrueType',
    glyphs,
    include,
    variant: () => undefined,
    encode: () => {
      face.file.loadGlyphs(glyphs);
      return subset.encode();
    },
  };
}

export function fontProgram(face: Face): FontProgram {
  const own = face.file.tables.has('glyf') ? TrueTypeSubset.of(face.file) : undefined;
  if (!own) return fontkitProgram(face);
  return {
    outlines: 'TrueType',
    glyphs: own.glyphs,
    include: (id) => own.include(id),
    variant: (base, dx, advance) => own.variant(base, dx, advance),
    encode: () => own.encode(),
  };
}
