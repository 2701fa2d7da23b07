// Fonts read without their outlines (sparse-font.ts) and the `fwid` look-up
// read straight from GSUB (gsub-fwid.ts) must give what fontkit gives on the
// whole file: same glyphs, same advances, same full-width alternates, and
// glyph records byte-identical once loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as Fontkit from 'fontkit';
import { builtinFonts } from '../../src/fonts/catalog.js';
import { cachedSfnt } from '../../src/fonts/ttf-cache.js';
import { isCjkPunctuation } from '../../src/fonts/cjk-punctuation.js';
import { fwidAlternates } from '../../src/fonts/gsub-fwid.js';
import { componentsOf, openSparseFont } from '../../src/fonts/sparse-font.js';
import { FULL_WIDTH, openFace } from '../../src/fonts/face.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

function shippedFaces(): string[] {
  const out: string[] = [];
  for (const font of builtinFonts().values()) {
    for (const w of font.weights) {
      const file = font.file(w);
      if (file) out.push(file.endsWith('.woff') ? cachedSfnt(file).path : file);
    }
  }
  return out;
}

const FACES = shippedFaces();
const PUNCTUATION: number[] = [];
for (let cp = 0xa0; cp < 0x10000; cp++) if (isCjkPunctuation(cp)) PUNCTUATION.push(cp);

describe('fwid from GSUB', () => {
  it.each(FACES.filter((_, i) => i % 3 === 0 || FACES.length < 8))('gives fontkit layout’s full-width alternate for every CJK punctuation mark: %s', (file) => {
    const font = fontkit.openSync(file) as Fontkit.Font;
    const raw = font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> }; stream: { buffer: Uint8Array } };
    const gsub = raw.directory.tables.GSUB;
    const alternates = gsub ? fwidAlternates(raw.stream.buffer, gsub.offset, gsub.length) : new Map<number, number>();
    let compared = 0;
    let substituted = 0;
    for (const cp of PUNCTUATION) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const id = font.glyphForCodePoint(cp).id;
      const run = font.layout(String.fromCodePoint(cp), ['fwid']);
      const viaLayout = run.glyphs.length === 1 && run.glyphs[0].id !== id ? run.glyphs[0].id : undefined;
      expect(alternates.get(id), `U+${cp.toString(16)} in ${file}`).toBe(viaLayout);
      compared++;
      if (viaLayout !== undefined) substituted++;
    }
    expect(compared).toBeGreaterThan(50);
    // Noto has proportional forms with full-width alternates (the em dash at least); WenKai has none.
    if (/noto/i.test(file)) expect(substituted).toBeGreaterThan(0);
  });

  it('sets the em dash of —— full-width in Noto Serif SC', () => {
    const face = openFace('t', builtinFonts().get('noto-serif-sc')!.file(400)!);
    expect(face.glyph(0x2014)!.advance).toBeGreaterThanOrEqual(FULL_WIDTH);
  });
});

describe('fonts read without outlines', () => {
  const file = builtinFonts().get('noto-serif-sc')!.file(400)!;

  it('reads every table but glyf, and glyph records only when asked', () => {
    const whole = readFileSync(file);
    const sparse = openSparseFont(file)!;
    expect(sparse).toBeDefined();
    expect(sparse.bytes.length).toBe(whole.length);
    const font = fontkit.create(whole) as Fontkit.Font;
    const dir = (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables;
    for (const [tag, t] of Object.entries(dir)) {
      if (tag === 'glyf') continue;
      expect(sparse.bytes.subarray(t.offset, t.offset + t.length).equals(whole.subarray(t.offset, t.offset + t.length)), tag).toBe(true);
    }
    const loca = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const glyf = dir.glyf;
    const record = (b: Uint8Array, id: number) => b.subarray(glyf.offset + loca[id], glyf.offset + loca[id + 1]);
    const han = font.glyphForCodePoint(0x5b89).id; // 安
    expect(Buffer.from(record(sparse.bytes, han)).equals(Buffer.from(record(whole, han)))).toBe(false);
    sparse.loadGlyphs([han]);
    expect(Buffer.from(record(sparse.bytes, han)).equals(Buffer.from(record(whole, han)))).toBe(true);
  });

  it('loads the components of compound glyphs with them', () => {
    // Noto has no compound glyphs; LXGW WenKai (converted from WOFF) has a few.
    const kai = builtinFonts().get('lxgw-wenkai')!;
    const file = cachedSfnt(kai.file(kai.defaultWeight)!).path;
    const whole = readFileSync(file);
    const font = fontkit.create(whole) as Fontkit.Font;
    const dir = (font as unknown as { directory: { tables: Record<string, { offset: number }> } }).directory.tables;
    const loca = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    // The first compound glyphs of the font, whatever they are.
    const compound: number[] = [];
    for (let id = 0; id < loca.length - 1 && compound.length < 20; id++) {
      const start = dir.glyf.offset + loca[id];
      if (loca[id + 1] > loca[id] && (whole[start] & 0x80) !== 0) compound.push(id);
    }
    expect(compound.length).toBeGreaterThan(0);
    const sparse = openSparseFont(file)!;
    sparse.loadGlyphs(compound);
    for (const id of compound) {
      const parts: number[] = [];
      componentsOf(whole, dir.glyf.offset + loca[id], dir.glyf.offset + loca[id + 1], parts);
      expect(parts.length).toBeGreaterThan(0);
      // fontkit's own decoding names the same components.
      const decoded = (font.getGlyph(id) as unknown as { _decode(): { components: { glyphID: number }[] } })._decode();
      expect(parts).toEqual(decoded.components.map((c) => c.glyphID));
      for (const p of [id, ...parts]) {
        const a = sparse.bytes.subarray(dir.glyf.offset + loca[p], dir.glyf.offset + loca[p + 1]);
        const b = whole.subarray(dir.glyf.offset + loca[p], dir.glyf.offset + loca[p + 1]);
        expect(Buffer.from(a).equals(b)).toBe(true);
      }
    }
  });

  it('leaves fonts it does not cover to be read whole', () => {
    const woff = builtinFonts().get('lxgw-wenkai')!;
    const source = woff.file(woff.defaultWeight)!;
    expect(openSparseFont(source)).toBeUndefined();
  });
});
