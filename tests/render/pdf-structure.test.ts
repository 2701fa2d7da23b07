// What render writes itself instead of asking pdfkit's internals: the
// catalog's entries and the header's version added to the finished file
// (src/render/catalog.ts), whose cross-reference table must still point at
// every object; and fonts with CFF outlines, embedded through fontkit's
// public subsetter (src/render/font-program.ts). NimbusSans is a CFF font
// of fonts-urw-base35 (installed with ghostscript, .ci/run).
import { describe, expect, it } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import { renderPdf } from '../../src/render/index.js';
import { deref, list, qpdfJson, run, tempPdf, tool } from './fixtures.js';

const CFF_FONT = '/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf';

/** Every in-use xref entry, checked against the bytes it points at; the number of entries. */
function checkXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.startsWith('xref\n0 ', xrefAt)).toBe(true);
  const count = Number(/^xref\n0 (\d+)\n/.exec(text.slice(xrefAt))![1]);
  const first = text.indexOf('\n', xrefAt + 5) + 1;
  for (let n = 1; n < count; n++) {
    const entry = text.slice(first + 20 * n, first + 20 * n + 20);
    expect(entry).toMatch(/^\d{10} 00000 n \n$/);
    const offset = Number(entry.slice(0, 10));
    expect(text.startsWith(`${n} 0 obj\n`, offset)).toBe(true);
  }
  return count;
}

describe('the finished file', () => {
  const page = () => list([[run('安全生产大家谈', 60, 100, { size: 40, tag: { role: 'H1', id: 'h' } })]], { outline: [{ title: '安全生产', page: 1, y: 100 }] });

  it('keeps every xref offset right after the catalog entries are added, screen and press', async () => {
    for (const press of [false, true] as const) {
      const pdf = await renderPdf(page(), { press });
      expect(pdf.toString('latin1', 0, 9)).toBe(press ? '%PDF-1.3\n' : '%PDF-1.7\n');
      expect(checkXref(pdf)).toBeGreaterThan(10);
      const file = tempPdf(pdf);
      expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      const q = qpdfJson(file);
      const root = deref(q, q.trailer['/Root']);
      expect(Object.keys(root).sort()).toEqual(
        press
          ? ['/Names', '/Outlines', '/OutputIntents', '/PageMode', '/Pages', '/StructTreeRoot', '/Type']
          : ['/Lang', '/MarkInfo', '/Metadata', '/Names', '/Outlines', '/OutputIntents', '/PageMode', '/Pages', '/StructTreeRoot', '/Type', '/ViewerPreferences'],
      );
      expect(deref(q, root['/StructTreeRoot'])['/Type']).toBe('/StructTreeRoot');
      expect(deref(q, root['/OutputIntents'][0])['/S']).toBe(press ? '/GTS_PDFX' : '/GTS_PDFA1');
    }
  });

  it('embeds a CFF font as CIDFontType0C through fontkit, with its text extracted exactly', async () => {
    const face = openFace('latin', CFF_FONT);
    const text = 'Safety first, 2023: quality & care';
    const l = list([[run(text, 60, 100, { size: 12, face })]]);
    l.faces.latin = { path: CFF_FONT, name: face.postscriptName };
    const file = tempPdf(await renderPdf(l, { faces: [face] }));
    const fonts = tool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+NimbusSans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\s/);
    expect(tool('pdftotext', [file, '-']).trim()).toBe(text);
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });
});
