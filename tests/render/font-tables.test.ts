// font-tables.ts reads hmtx and the post header straight from the file; the
// numbers must be fontkit's own, and the shared font must be left as it was.
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { rawHmtx, seedLoca, withPostHeader } from '../../src/render/font-tables.js';
import { SERIF } from './fixtures.js';

// 15 glyphs past numberOfMetrics (advance shared, own bearing).
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
// Fixed pitch and an italic angle of -11°: post header fields that are not 0.
const MONO_OBLIQUE = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Oblique.ttf';

type Internals = fontkit.Font & {
  _tables: Record<string, unknown>;
  hhea: { numberOfMetrics: number };
  post: { italicAngle: number; isFixedPitch: number; names?: string[] };
};
type GlyphInternals = fontkit.Glyph & { _getMetrics(): { leftBearing: number } };

describe('raw font tables', () => {
  for (const path of [SERIF, DEJAVU]) {
    it(`reads fontkit's advances and bearings from hmtx: ${path.replace(/.*\//, '')}`, () => {
      const font = fontkit.openSync(path) as Internals;
      const hmtx = rawHmtx(font)!;
      expect(hmtx).toBeDefined();
      const ids = new Set<number>();
      for (let id = 0; id < font.numGlyphs; id += Math.max(1, Math.floor(font.numGlyphs / 500))) ids.add(id);
      // Both sides of numberOfMetrics, where the table layout changes.
      const n = font.hhea.numberOfMetrics;
      for (const id of [n - 2, n - 1, n, n + 1, font.numGlyphs - 1]) if (id >= 0 && id < font.numGlyphs) ids.add(id);
      for (const id of ids) {
        const g = font.getGlyph(id) as GlyphInternals;
        expect([id, hmtx.advance(id)]).toEqual([id, g.advanceWidth]);
        expect([id, hmtx.leftBearing(id)]).toEqual([id, g._getMetrics().leftBearing]);
      }
    });
  }

  it('answers the post header without decoding glyph names, and leaves the font as it was', () => {
    const reference = fontkit.openSync(MONO_OBLIQUE) as Internals;
    const font = fontkit.openSync(MONO_OBLIQUE) as Internals;
    const seen = withPostHeader(font, () => ({ italicAngle: font.italicAngle, fixed: font.post.isFixedPitch, names: font.post.names }));
    expect(seen.italicAngle).toBe(reference.italicAngle);
    expect(seen.italicAngle).toBe(-11);
    expect(seen.fixed).toBe(reference.post.isFixedPitch);
    expect(seen.fixed).not.toBe(0);
    expect(seen.names).toBeUndefined();
    expect('post' in font._tables).toBe(false);
    // Afterwards fontkit decodes the whole table again (glyph names included).
    expect(font.post.names).toEqual(reference.post.names);
    expect(font.post.names!.length).toBeGreaterThan(0);
  });

  for (const path of [SERIF, DEJAVU]) {
    it(`fills fontkit's loca table with the values fontkit decodes: ${path.replace(/.*\//, '')}`, () => {
      const reference = fontkit.openSync(path) as Internals & { loca: { version: number; offsets: ArrayLike<number> } };
      const font = fontkit.openSync(path) as Internals & { loca: { version: number; offsets: ArrayLike<number> } };
      seedLoca(font);
      expect('loca' in font._tables).toBe(true);
      expect(font.loca.version).toBe(reference.loca.version);
      expect(Array.from(font.loca.offsets)).toEqual(Array.from(reference.loca.offsets));
      // A glyph's outline is found through it exactly as before.
      const id = Math.floor(font.numGlyphs / 2);
      expect(font.getGlyph(id).path.toSVG()).toBe(reference.getGlyph(id).path.toSVG());
    });
  }
});
