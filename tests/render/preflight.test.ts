// Preflight reads PDFs back (without qpdf or pdfjs) and finds what breaks
// the promises of render: checked on our own output, on deliberately broken
// output, and on a PDF made by plain pdfkit with RGB and a standard font.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { preflight } from '../../src/render/preflight.js';
import { renderPdf } from '../../src/render/index.js';
import { GlyphRun } from '../../src/typeset/glyph-run.js';
import { boldFace, list, run, tempPdf, tool } from './fixtures.js';

function twoPages() {
  return list([[run('安全生产大家谈', 50, 100, { size: 40 })], [run('衡阳市应急管理局', 50, 100)]]);
}

/** The run with glyph 0 (.notdef) at the given indexes, as a font without those characters draws them. */
const notdefAt = (glyphs: GlyphRun, ...at: number[]) => GlyphRun.of(glyphs.toArray().map((g, i) => (at.includes(i) ? { ...g, id: 0 } : g)));
const rules = (d: { rule: string }[]) => [...new Set(d.map((x) => x.rule))].sort();

function plainPdfkit(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fillColor('#cc0000').text('Hello', 72, 72);
    doc.end();
  });
}

describe('preflight', () => {
  it('passes our own press and screen output', async () => {
    expect(preflight(await renderPdf(twoPages(), { press: true, marks: true }), { press: true, pages: 2 })).toEqual([]);
    expect(preflight(await renderPdf(twoPages()), { press: false, pages: 2 })).toEqual([]);
  });

  it('reads files with cross-reference and object streams (qpdf-rewritten) the same way', async () => {
    const file = tempPdf(await renderPdf(twoPages(), { press: true }));
    const packed = file.replace(/\.pdf$/, '-packed.pdf');
    tool('qpdf', ['--object-streams=generate', file, packed]);
    expect(readFileSync(packed, 'latin1')).toContain('/ObjStm');
    // Object streams need PDF 1.5, which PDF/X-1a:2001 (PDF 1.3) does not allow: the only finding.
    const d = preflight(readFileSync(packed), { press: true, pages: 2 });
    expect(d.map((x) => [x.rule, x.severity])).toEqual([['pdf-version', 'error']]);
  });

  it('fails a screen PDF checked as press output, naming each page', async () => {
    const d = preflight(await renderPdf(twoPages()), { press: true, pages: 3, file: 'screen.pdf' });
    // A BleedBox is not required by PDF/X (a TrimBox or an ArtBox is).
    expect(rules(d)).toEqual(['output-intent-missing', 'page-count', 'pdfx-version-missing', 'trapped-key']);
    expect(d.every((x) => x.severity === 'error' && x.file === 'screen.pdf')).toBe(true);
  });

  it('finds .notdef glyphs and missing metadata', async () => {
    const l = twoPages();
    const r = run('安全', 50, 300);
    r.glyphs = notdefAt(r.glyphs, 1);
    l.pages[1].items.push(r);
    l.meta.title = '';
    const d = preflight(await renderPdf(l), { press: false });
    expect(rules(d)).toEqual(['info-title-missing', 'notdef-glyph']);
    const notdef = d.find((x) => x.rule === 'notdef-glyph')!;
    expect(notdef.line).toBe(2);
    expect(notdef.message).toMatch(/^page 2 \(object \d+\): 1 glyph drawn as \.notdef \(glyph 0\) in font [A-Z]{6}\+NotoSerifSC-Regular \(object \d+\)$/);
  });

  it('counts .notdef glyphs per font and page from the content streams alone', async () => {
    const l = twoPages();
    const r = run('安全生产', 50, 300);
    r.glyphs = notdefAt(r.glyphs, 1, 3);
    l.pages[1].items.push(r, { ...run('衡阳', 50, 400, { face: boldFace() }), glyphs: GlyphRun.of([{ id: 0, text: '衡', x: 0, advance: 9 }]) });
    for (const press of [false, true]) {
      const pdf = await renderPdf(l, { press, marks: press });
      const found = preflight(pdf, { press, pages: 2 });
      expect(found.filter((d) => d.rule === 'notdef-glyph').map((d) => d.message.replace(/.*: /, ''))).toEqual([
        expect.stringMatching(/^2 glyphs drawn as \.notdef \(glyph 0\) in font [A-Z]{6}\+NotoSerifSC-Regular/),
        expect.stringMatching(/^1 glyph drawn as \.notdef \(glyph 0\) in font [A-Z]{6}\+NotoSerifSC-Bold/),
      ]);
      // A copy of the bytes is read the same way: nothing but the bytes counts.
      expect(preflight(Buffer.from(pdf), { press, pages: 2 })).toEqual(found);
    }
  });

  it('finds RGB colour and an unembedded, unsubset standard font in a plain pdfkit PDF', async () => {
    const d = preflight(await plainPdfkit(), { press: true });
    expect(rules(d)).toEqual(
      expect.arrayContaining(['font-not-embedded', 'font-not-subset', 'font-no-tounicode', 'rgb-colour', 'trimbox-missing', 'info-title-missing']),
    );
    const rgb = d.find((x) => x.rule === 'rgb-colour')!;
    expect(rgb.message).toMatch(/^page 1 \(object \d+\): cs \/DeviceRGB in DeviceRGB \(1×\)/);
    expect(d.find((x) => x.rule === 'font-not-embedded')!.message).toMatch(/font Helvetica \(object \d+\) is not embedded/);
    // Screen expectations do not care about colour.
    expect(rules(preflight(await plainPdfkit(), { press: false }))).not.toContain('rgb-colour');
  });

  it('warns about an unregistered output condition without an embedded profile', async () => {
    const d = preflight(await renderPdf(twoPages(), { press: true, outputCondition: 'MyPrinter-2024' }), { press: true });
    expect(d.map((x) => [x.rule, x.severity])).toEqual([['output-intent-unregistered', 'warning']]);
    expect(preflight(await renderPdf(twoPages(), { press: true, outputCondition: 'FOGRA51' }), { press: true })).toEqual([]);
  });

  it('reports a file that is not a PDF instead of throwing', () => {
    const d = preflight(Buffer.from('hello'), { press: false, file: 'x.pdf' });
    expect(d).toEqual([expect.objectContaining({ rule: 'pdf-unreadable', file: 'x.pdf', line: 0, severity: 'error' })]);
  });
});
