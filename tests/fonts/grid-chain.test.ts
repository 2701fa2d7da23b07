import { describe, it, expect } from 'vitest';
import { loadFontSet } from '../../src/fonts/font-set.js';
import { gridChainOf, isCjkPunctuation } from '../../src/fonts/grid-chain.js';

const cp = (ch: string) => ch.codePointAt(0)!;

describe('full-width punctuation in the kai chain', () => {
  const set = loadFontSet({ searchDirs: [] });
  const kai = set.chain('kai');

  it('takes “ ” ‘ ’ from the serif and · from the sans, full-width', () => {
    for (const ch of '“”‘’') {
      const r = kai.resolve(cp(ch))!;
      expect([ch, r.face.key, r.glyph.advance]).toEqual([ch, 'noto-serif-sc-400', 1]);
    }
    // Noto Serif SC's middle dot is proportional too (0.327 em): the sans has a full-width one.
    const dot = kai.resolve(cp('·'))!;
    expect([dot.face.key, dot.glyph.advance]).toEqual(['noto-sans-sc-400', 1]);
  });

  it('keeps WenKai for hanzi, for its full-width marks and for Latin', () => {
    for (const ch of '安，。：《》——……') expect(kai.resolve(cp(ch))!.face.key).toBe('lxgw-wenkai-400');
    const a = kai.resolve(cp('A'))!;
    expect(a.face.key).toBe('lxgw-wenkai-400');
    expect(a.glyph.advance).toBeLessThan(0.9);
  });

  it('keeps every role on the grid, and a narrow mark when no later face is wider', () => {
    // Body text too: Noto Serif SC's · is 0.327 em, the sans one is full-width.
    const dot = set.chain('body').resolve(cp('·'))!;
    expect([dot.face.key, dot.glyph.advance]).toEqual(['noto-sans-sc-400', 1]);
    // An explicit gridRoles list leaves the other roles plain.
    const plain = loadFontSet({ searchDirs: [], gridRoles: ['kai'] });
    expect(plain.chain('body').resolve(cp('·'))!.face.key).toBe('noto-serif-sc-400');
    const alone = gridChainOf('kai', [kai.faces[0]]);
    expect(alone.resolve(cp('“'))!.glyph.advance).toBeCloseTo(0.35, 5);
  });

  it('takes the full-width em dash through the font\'s fwid feature, so —— spans two ems', () => {
    const dash = set.chain('body').resolve(cp('—'))!;
    expect(dash.face.key).toBe('noto-serif-sc-400');
    expect(dash.glyph.advance).toBe(1);
    // The plain cmap glyph is the proportional one (0.89 em): fwid gave another glyph.
    const face = dash.face.font;
    expect(face.glyphForCodePoint(cp('—')).advanceWidth / face.unitsPerEm).toBeLessThan(0.9);
    expect(dash.glyph.id).not.toBe(face.glyphForCodePoint(cp('—')).id);
  });

  it('limits the rule to CJK punctuation', () => {
    expect([...'“”‘’·—…，。、《》（）！？：；'].every((c) => isCjkPunctuation(cp(c)))).toBe(true);
    expect([...'A1-–•"\'安'].some((c) => isCjkPunctuation(cp(c)))).toBe(false);
  });
});
