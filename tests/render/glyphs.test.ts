// The fast glyph path: text comes back from the PDF exactly, at the display
// list's positions, in an embedded subset CID font with ToUnicode.
import { execFileSync } from 'node:child_process';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import type { TextRun } from '../../src/layout/display-list.js';
import { GlyphRun } from '../../src/typeset/glyph-run.js';
import { renderPdf } from '../../src/render/index.js';
import { TrueTypeSubset } from '../../src/render/truetype-subset.js';
import { openFontFile } from '../../src/fonts/font-file.js';
import { readPdfText } from '../helpers/pdf.js';
import { boldFace, list, qpdfJson, run, SERIF, tempPdf, tool } from './fixtures.js';

describe('glyph runs', () => {
  it('draws runs at their positions with the right font and size', async () => {
    const l = list([
      [
        run('安全生产大家谈', 50, 100, { size: 40, face: boldFace() }),
        run('以高水平安全服务高质量发展', 50.25, 200.125, { size: 9 }),
        run('以新安全格局保障新发展格局', 300, 213.5, { size: 9, track: 0.45 }),
      ],
    ]);
    const pages = await readPdfText(await renderPdf(l));
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(841.89, 2);
    const items = pages[0].items;
    expect(items.map((i) => i.text)).toEqual(['安全生产大家谈', '以高水平安全服务高质量发展', '以新安全格局保障新发展格局']);
    const expected = [
      [50, 100, 40],
      [50.25, 200.125, 9],
      [300, 213.5, 9],
    ];
    items.forEach((item, i) => {
      expect(Math.abs(item.x - expected[i][0])).toBeLessThan(0.05);
      expect(Math.abs(item.y - expected[i][1])).toBeLessThan(0.05);
      expect(item.size).toBeCloseTo(expected[i][2], 3);
    });
    expect(items[0].font).toMatch(/^[A-Z]{6}\+NotoSerifSC-Bold$/);
    expect(items[1].font).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
  });

  it('puts every glyph of a tracked, compressed run at its own x (TJ adjustments)', async () => {
    // 0.04 em tracking, and '，' and '”' compressed to half width as chws does.
    const tracked = run('安全，“生产”。大家谈', 40, 300, { size: 12, track: 0.48, advances: { 2: 0.5, 6: 0.5 } });
    const pdf = await renderPdf(list([[tracked]]));
    const items = (await readPdfText(pdf))[0].items;
    expect(items.map((i) => i.text).join('')).toBe('安全，“生产”。大家谈');
    // pdfjs starts a new item where a glyph moves backwards; each item must start
    // at its first glyph's display-list x, and the last must end at the run's end.
    let index = 0;
    for (const item of items) {
      expect(Math.abs(item.y - 300)).toBeLessThan(0.05);
      expect(Math.abs(item.x - (tracked.x + tracked.glyphs.x(index)))).toBeLessThan(0.05);
      index += Array.from(item.text).length;
    }
    expect(items.length).toBeGreaterThan(1);
    const last = tracked.glyphs.at(tracked.glyphs.length - 1);
    const end = items[items.length - 1];
    expect(Math.abs(end.x + end.width - (tracked.x + last.x + last.advance))).toBeLessThan(0.05);
    // pdftotext gives the run back without spurious spaces.
    const text = tool('pdftotext', [tempPdf(pdf), '-']).trim();
    expect(text).toBe('安全，“生产”。大家谈');
  });

  it('joins abutting runs of one line (faces and colours change mid-line) without spaces', async () => {
    const a = run('衡阳国家高新区党工委副书记', 50, 400, { track: 0.2 });
    const end = a.x + a.glyphs.x(a.glyphs.length - 1) + a.glyphs.advance(a.glyphs.length - 1) + 0.2;
    const b = run('胡小刚', end, 400, { face: boldFace(), color: [0, 100, 100, 0] });
    const c = run('：以默默无闻的坚持', end + 27, 400);
    const file = tempPdf(await renderPdf(list([[a, b, c]])));
    expect(tool('pdftotext', [file, '-']).trim()).toBe('衡阳国家高新区党工委副书记胡小刚：以默默无闻的坚持');
    expect(tool('pdftotext', ['-raw', file, '-']).trim()).toBe('衡阳国家高新区党工委副书记胡小刚：以默默无闻的坚持');
  });

  it('embeds subset CID TrueType fonts with ToUnicode and extracts the text exactly', async () => {
    const l = list([
      [run('安全生产大家谈', 50, 100, { size: 40, face: boldFace() }), run('以默默无闻的坚持 防止发生惊天动地的事。', 50, 200)],
      [run('衡阳国家高新区党工委副书记、管委会主任 胡小刚', 50, 100)],
    ]);
    const file = tempPdf(await renderPdf(l));
    const fonts = tool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(2);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
    const text = tool('pdftotext', [file, '-']);
    expect(text.split('\f').map((p) => p.trim().replace(/\n+/g, '\n'))).toEqual([
      '安全生产大家谈\n以默默无闻的坚持 防止发生惊天动地的事。',
      '衡阳国家高新区党工委副书记、管委会主任 胡小刚',
      '',
    ]);
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });

  it('names each subset after its glyphs, so different subsets never share a name', async () => {
    const names = async (text: string) =>
      tool('pdffonts', [tempPdf(await renderPdf(list([[run(text, 50, 100)]])))])
        .trim()
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0]);
    const [a] = await names('安全生产');
    const [b] = await names('大家谈');
    expect(a).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(b).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(a).not.toBe(b);
    expect(await names('安全生产')).toEqual([a]);
  });

  // truetype-subset.ts copies the glyph records and sfnt-subset.ts the stored
  // tables; the font program must be exactly what fontkit's own subsetter
  // writes for the same glyphs.
  // DejaVu Sans (installed with poppler's fontconfig) has compound glyphs (é, ü).
  for (const [label, path, text] of [
    ['Noto Serif SC (simple glyphs only)', SERIF, '安全生产大家谈，“以高水平安全服务高质量发展”。'],
    ['DejaVu Sans (compound glyphs)', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'Café Zürich, naïve façade: ÀÉÎÕÜ'],
  ] as const) {
    it(`embeds the same font program as fontkit's own subsetter: ${label}`, async () => {
      const face = openFace('body', path);
      const r: TextRun = { ...run('', 50, 100), face: 'body' };
      let pen = 0;
      r.glyphs = GlyphRun.of(Array.from(text, (ch) => {
        const g = face.glyph(ch.codePointAt(0)!)!;
        const placed = { id: g.id, text: ch, x: pen, advance: g.advance * 9 };
        pen += g.advance * 9;
        return placed;
      }));
      const l = list([[r]]);
      l.faces = { body: { path, name: face.postscriptName } };
      // Render's own subsetter (truetype-subset.ts) is the one taken for this font.
      expect(TrueTypeSubset.of(openFontFile(path))).toBeDefined();
      const refFont = fontkit.openSync(path) as fontkit.Font;
      const reference = refFont.createSubset();
      for (const g of r.glyphs.toArray()) reference.includeGlyph(refFont.getGlyph(g.id));
      const expected = Buffer.from(reference.encode());

      // Render opening the file itself, and render embedding the face layout opened
      // (read without outlines when the font allows: src/fonts/sparse-font.ts).
      expect(face.loadGlyphs).toBeDefined();
      for (const faces of [undefined, [face]]) {
        const file = tempPdf(await renderPdf(l, { faces }));
        expect(tool('pdftotext', [file, '-']).trim()).toBe(text);
        const q = qpdfJson(file);
        const fontDict = Object.values(q.objects).find((o) => o.value?.['/Type'] === '/FontDescriptor')!.value;
        const fontFile = /^(\d+) /.exec(fontDict['/FontFile2'])![1];
        const embedded = execFileSync('qpdf', [`--show-object=${fontFile}`, '--filtered-stream-data', file], { maxBuffer: 1 << 26 });
        expect(embedded.length).toBe(expected.length);
        expect(Buffer.compare(embedded, expected)).toBe(0);
      }
    });
  }
});
