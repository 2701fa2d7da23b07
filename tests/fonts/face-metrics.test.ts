// The face's fast look-ups (cmap + raw hmtx) must agree with fontkit's glyph
// objects, which is what pdfkit draws: same glyph ids, same advances.
import { describe, expect, it } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import { loadFontSet } from '../../src/fonts/font-set.js';

const SERIF = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const SANS = 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf';

// Han, CJK and ASCII punctuation, Latin, digits, symbols, and code points no font has.
const SAMPLE = [
  ...'安全生产大家谈衡阳国家高新区，。、；：？！“”‘’（）《》【】…—·%％‰℃ABCxyz0123456789',
  ...Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i * 37)),
  '\u{20000}', '\u{E000}', '\u{10FFFD}', '\u0378',
];

describe('face metrics', () => {
  for (const [name, face] of [
    ['Noto Serif SC 400', openFace('serif', SERIF)],
    ['Noto Sans SC 700', openFace('sans', SANS)],
    ['LXGW WenKai (converted)', loadFontSet({ searchDirs: [] }).chain('kai').primary],
  ] as const) {
    it(`${name}: ids and advances equal fontkit's glyph objects`, () => {
      const font = face.font;
      let covered = 0;
      for (const ch of SAMPLE) {
        const cp = ch.codePointAt(0)!;
        const g = face.glyph(cp);
        if (!font.hasGlyphForCodePoint(cp)) {
          expect(g, `U+${cp.toString(16)}`).toBeUndefined();
          continue;
        }
        covered++;
        const ref = font.glyphForCodePoint(cp);
        // The em dash may be swapped for its full-width (fwid) form: compare that glyph.
        const glyph = g!.id === ref.id ? ref : font.getGlyph(g!.id);
        expect(g!.advance, `U+${cp.toString(16)}`).toBe(glyph.advanceWidth / font.unitsPerEm);
      }
      expect(covered).toBeGreaterThan(400);
    });
  }
});

describe('face metrics of a font opened from WOFF', () => {
  it('falls back to fontkit (the tables are compressed in the file)', () => {
    const woff = openFace('woff', 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');
    const cp = '安'.codePointAt(0)!;
    const ref = woff.font.glyphForCodePoint(cp);
    expect(woff.glyph(cp)).toEqual({ id: ref.id, advance: ref.advanceWidth / woff.unitsPerEm });
  });
});
