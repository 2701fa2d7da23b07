import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from '../../src/fonts/woff.js';
import { cachedSfnt, cacheName } from '../../src/fonts/ttf-cache.js';
import { builtinFonts } from '../../src/fonts/catalog.js';
import { tempDir } from '../helpers/cli.js';

const WENKAI = builtinFonts().get('lxgw-wenkai')!.file(400)!;

function fileChecksum(bytes: Buffer): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) sum = (sum + bytes.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('WOFF → TTF', () => {
  it('rebuilds LXGW WenKai as a TTF that fontkit opens with the whole glyph set', () => {
    const dir = tempDir('bulletin-cache-');
    const first = cachedSfnt(WENKAI, [dir]);
    expect(first.converted).toBe(true);
    expect(first.path).toBe(join(dir, cacheName(WENKAI)));
    const ttf = fontkit.openSync(first.path) as fontkit.Font;
    expect(ttf.postscriptName).toBe('LXGWWenKai-Regular');
    expect(ttf.numGlyphs).toBe(30429);
    expect(ttf.glyphForCodePoint('安'.codePointAt(0)!).advanceWidth).toBe(1000);
    expect(ttf.glyphForCodePoint('“'.codePointAt(0)!).advanceWidth).toBe(350);
    // Same outlines as the WOFF itself.
    const woff = fontkit.openSync(WENKAI) as fontkit.Font;
    for (const ch of '安全生产“A') {
      const cp = ch.codePointAt(0)!;
      expect(ttf.glyphForCodePoint(cp).path.toSVG()).toBe(woff.glyphForCodePoint(cp).path.toSVG());
    }
    // A well-formed sfnt: 4-byte aligned and the whole-file checksum is the magic number.
    const bytes = readFileSync(first.path);
    expect(bytes.readUInt32BE(0)).toBe(0x00010000);
    expect(bytes.length % 4).toBe(0);
    expect(fileChecksum(bytes)).toBe(0xb1b0afba);
  });

  it('reuses the cached file and falls back to the next cache folder', () => {
    const blocked = join(tempDir('bulletin-cache-'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const dir = tempDir('bulletin-cache-');
    const first = cachedSfnt(WENKAI, [blocked, dir]);
    expect(first).toEqual({ path: join(dir, cacheName(WENKAI)), converted: true });
    expect(cachedSfnt(WENKAI, [blocked, dir])).toEqual({ path: first.path, converted: false });
  });

  it('rejects files that are not WOFF 1.0', () => {
    const ttf = readFileSync(builtinFonts().get('noto-sans-sc')!.file(400)!).subarray(0, 1000);
    expect(() => woffToSfnt(ttf)).toThrow(/not a WOFF 1\.0 file/);
    const woff = readFileSync(WENKAI).subarray(0, 1000);
    expect(() => woffToSfnt(woff)).toThrow(/runs past the end/);
  });
});
