// Press mode: PDF/X-1a markers, page boxes with bleed, bleeding items,
// crop marks, CMYK only.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PT_PER_MM } from '../../src/render/boxes.js';
import { renderPdf } from '../../src/render/index.js';
import { readPdfText } from '../helpers/pdf.js';
import { A3, deref, list, qpdfJson, run, tempPdf, tool } from './fixtures.js';

const BLEED = 3 * PT_PER_MM;

function pressList() {
  return list([
    [
      { kind: 'rect', x: 0, y: 0, w: A3.width, h: 60, fill: [0, 100, 100, 0], bleeds: true, tag: { role: 'Artifact', id: 'band' } },
      run('安全生产大家谈', 50, 100, { size: 40, color: [0, 100, 100, 0], tag: { role: 'H1', id: 'h' } }),
      { kind: 'rule', x1: 0, y1: 120, x2: A3.width, y2: 120, width: 2, color: [0, 0, 0, 100], bleeds: true },
      run('以高水平安全服务高质量发展', 50, 200, { tag: { role: 'P', id: 'p' } }),
    ],
    [run('衡阳市应急管理局', 50, 100, { tag: { role: 'P', id: 'p' } })],
  ]);
}

/** The uncompressed content streams of every page, via qpdf. */
function contentOf(file: string): string {
  const out = join(dirname(file), 'qdf.pdf');
  tool('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return tool('sh', ['-c', `LC_ALL=C grep -a -v '^%' '${out}'`]);
}

describe('press mode', () => {
  it('gives every page a MediaBox of trim + 2 × 3 mm bleed, with TrimBox and BleedBox', async () => {
    const file = tempPdf(await renderPdf(pressList(), { press: true }));
    const q = qpdfJson(file);
    expect(q.pages).toHaveLength(2);
    for (const p of q.pages) {
      const page = deref(q, p.object);
      const r = (v: number[]) => v.map((n) => Math.round(n * 100) / 100);
      expect(r(page['/MediaBox'])).toEqual(r([0, 0, A3.width + 2 * BLEED, A3.height + 2 * BLEED]));
      expect(r(page['/TrimBox'])).toEqual(r([BLEED, BLEED, BLEED + A3.width, BLEED + A3.height]));
      expect(r(page['/BleedBox'])).toEqual(r([0, 0, A3.width + 2 * BLEED, A3.height + 2 * BLEED]));
      expect(page['/UserUnit']).toBeUndefined();
    }
  });

  it('takes another bleed width (5 mm) and ignores marks outside press mode', async () => {
    const b5 = 5 * PT_PER_MM;
    const q = qpdfJson(tempPdf(await renderPdf(pressList(), { press: true, bleedMm: 5 })));
    const page = deref(q, q.pages[0].object);
    expect(page['/MediaBox'][2]).toBeCloseTo(A3.width + 2 * b5, 2);
    expect(page['/TrimBox'][0]).toBeCloseTo(b5, 2);
    expect(page['/BleedBox'][0]).toBeCloseTo(0, 3);
    const screen = qpdfJson(tempPdf(await renderPdf(pressList(), { marks: true })));
    expect(deref(screen, screen.pages[0].object)['/MediaBox']).toEqual([0, 0, A3.width, A3.height]);
  });

  it('shifts all content by the bleed so text stays at its trim position', async () => {
    const pages = await readPdfText(await renderPdf(pressList(), { press: true }));
    const h1 = pages[0].items.find((i) => i.text === '安全生产大家谈')!;
    expect(Math.abs(h1.x - (50 + BLEED))).toBeLessThan(0.05);
    expect(Math.abs(h1.y - (100 + BLEED))).toBeLessThan(0.05);
  });

  it('extends bleeding rectangles and rules to the bleed edge, and draws crop marks outside the bleed', async () => {
    const file = tempPdf(await renderPdf(pressList(), { press: true, marks: true }));
    const content = contentOf(file);
    const b = BLEED.toFixed(3).replace(/0+$/, '');
    // The red band: from -bleed to width + bleed, and from -bleed down to its own bottom.
    expect(content).toContain(`-${b} -${b} ${Math.round((A3.width + 2 * BLEED) * 1000) / 1000} ${Math.round((60 + BLEED) * 1000) / 1000} re f`);
    expect(content).toContain(`-${b} 120 m ${Math.round((A3.width + BLEED) * 1000) / 1000} 120 l S`);
    // With marks the sheet grows by the mark zone; marks start at the bleed edge.
    const q = qpdfJson(file);
    const page = deref(q, q.pages[0].object);
    const margin = BLEED + 6 * PT_PER_MM;
    expect(page['/MediaBox'][2]).toBeCloseTo(A3.width + 2 * margin, 2);
    expect(page['/TrimBox'][0]).toBeCloseTo(margin, 2);
    expect(content).toContain(`-${b} 0 m -${Math.round((BLEED + 5 * PT_PER_MM) * 1000) / 1000} 0 l S`);
    // In the registration colour: a Separation /All, on every plate.
    expect(content).toMatch(/\/Artifact BMC\n\/CSAll CS 1 SCN\n0\.25 w/);
    const all = deref(q, deref(q, page['/Resources'])['/ColorSpace']['/CSAll']);
    expect(all.slice(0, 3)).toEqual(['/Separation', '/All', '/DeviceCMYK']);
    expect(deref(q, all[3])).toMatchObject({ '/FunctionType': 2, '/C0': [0, 0, 0, 0], '/C1': [1, 1, 1, 1] });
  });

  it('uses DeviceCMYK only: no RGB operators or colour spaces anywhere', async () => {
    const file = tempPdf(await renderPdf(pressList(), { press: true, marks: true }));
    const content = contentOf(file);
    expect(content).not.toMatch(/\b(rg|RG)\n|DeviceRGB|ICCBased|CalRGB/);
    expect(content).toContain('0 1 1 0 k');
    expect(content).toContain('0 0 0 1 K');
    const audit = JSON.parse(tool('/work/shared/tools/pdf-audit', [file, '--json']));
    expect(audit.colour.device_rgb_used).toBe(false);
    expect(audit.colour.rgb_like_used).toBe(false);
  });

  it('agrees with pdf-audit on document, fonts and colour', async () => {
    const l = pressList();
    l.outline = [{ title: '安全生产大家谈', page: 1, y: 60 }];
    const file = tempPdf(await renderPdf(l, { press: 'x1a-2003', marks: true }));
    const a = JSON.parse(tool('/work/shared/tools/pdf-audit', [file, '--json']));
    expect(a.document).toMatchObject({
      pdf_version: '1.4',
      page_count: 2,
      trimbox_all_pages: true,
      trimbox_sizes_mm: [{ width_mm: 297, height_mm: 420, pages: 2 }],
      bleedbox_all_pages: true,
      bleed_margin_mm_left_bottom_right_top: [{ margins: [3, 3, 3, 3], pages: 2 }],
      GTS_PDFXVersion: 'PDF/X-1a:2003',
      output_intents_present: true,
      lang: 'zh-CN',
      tagged: true,
      outline_entries: 1,
      xmp_metadata: true,
    });
    expect(a.document.info.Trapped).toBe('False');
    expect(a.fonts).toMatchObject({ count: 1, not_embedded: 0, not_subset: 0, without_tounicode: 0, type3: 0 });
    expect(a.colour.device_rgb_used).toBe(false);
  });

  it('writes the PDF/X-1a:2001 markers on PDF 1.3: version, GTS keys, Trapped /False, OutputIntent, nothing of PDF 1.4', async () => {
    const file = tempPdf(await renderPdf(pressList(), { press: true }));
    const q = qpdfJson(file);
    expect(q.pdfVersion).toBe('1.3');
    const info = deref(q, q.trailer['/Info']);
    expect(deref(q, info['/GTS_PDFXVersion'])).toBe('u:PDF/X-1:2001');
    expect(deref(q, info['/GTS_PDFXConformance'])).toBe('u:PDF/X-1a:2001');
    expect(deref(q, info['/Trapped'])).toBe('/False');
    const root = deref(q, q.trailer['/Root']);
    // Metadata streams, MarkInfo, /Lang and ViewerPreferences' DisplayDocTitle are PDF 1.4.
    for (const key of ['/Metadata', '/MarkInfo', '/Lang', '/ViewerPreferences']) expect(root[key]).toBeUndefined();
    expect(root['/StructTreeRoot']).toBeDefined();
    const parentTree = deref(q, deref(q, root['/StructTreeRoot'])['/ParentTree']);
    expect(parentTree['/Limits']).toBeUndefined();
    expect(parentTree['/Nums']).toHaveLength(4);
    const intents = root['/OutputIntents'];
    expect(intents).toHaveLength(1);
    const oi = deref(q, intents[0]);
    expect(oi['/S']).toBe('/GTS_PDFX');
    expect(oi['/OutputConditionIdentifier']).toBe('u:FOGRA39');
    expect(oi['/RegistryName']).toBe('u:http://www.color.org');
    expect(oi['/Info']).toBe('u:Coated FOGRA39 (ISO 12647-2:2004)');
    expect(oi['/DestOutputProfile']).toBeUndefined();
  });

  it('labels PDF/X-1a:2003 (PDF 1.4) and PDF/X-4 (PDF 1.6) exactly, in Info and in XMP', async () => {
    const cases = [
      { press: 'x1a-2003' as const, version: '1.4', gts: 'PDF/X-1a:2003', conformance: 'PDF/X-1a:2003', xmp: /<pdfx:GTS_PDFXVersion>PDF\/X-1a:2003</ },
      { press: 'x4' as const, version: '1.6', gts: 'PDF/X-4', conformance: undefined, xmp: /<pdfxid:GTS_PDFXVersion>PDF\/X-4</ },
    ];
    for (const c of cases) {
      const file = tempPdf(await renderPdf(pressList(), { press: c.press, outputProfile: c.press === 'x4' ? 'profiles/FOGRA39L-bulletin.icc' : undefined }));
      const q = qpdfJson(file);
      expect(q.pdfVersion).toBe(c.version);
      const info = deref(q, q.trailer['/Info']);
      expect(deref(q, info['/GTS_PDFXVersion'])).toBe(`u:${c.gts}`);
      expect(info['/GTS_PDFXConformance'] && deref(q, info['/GTS_PDFXConformance'])).toBe(c.conformance && `u:${c.conformance}`);
      const xmp = tool('qpdf', ['--show-object=' + String(deref(q, q.trailer['/Root'])['/Metadata']).split(' ')[0], '--raw-stream-data', file]);
      expect(xmp).toMatch(c.xmp);
      if (c.press === 'x4') expect(xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}</);
    }
  });

  it('embeds a CMYK output profile as DestOutputProfile (N 4) and rejects an RGB one', async () => {
    const dir = dirname(tempPdf(new Uint8Array(0)));
    const header = (space: string) => {
      const b = Buffer.alloc(132);
      b.writeUInt32BE(132, 0);
      b.write('prtr', 12, 'latin1');
      b.write(space, 16, 'latin1');
      b.write('Lab ', 20, 'latin1');
      b.write('acsp', 36, 'latin1');
      return b;
    };
    writeFileSync(join(dir, 'cmyk.icc'), header('CMYK'));
    writeFileSync(join(dir, 'rgb.icc'), header('RGB '));
    const file = tempPdf(await renderPdf(pressList(), { press: true, outputProfile: join(dir, 'cmyk.icc') }));
    const q = qpdfJson(file);
    const oi = deref(q, deref(q, q.trailer['/Root'])['/OutputIntents'][0]);
    expect(deref(q, oi['/DestOutputProfile'])['/N']).toBe(4);
    await expect(renderPdf(pressList(), { press: true, outputProfile: join(dir, 'rgb.icc') })).rejects.toThrow(/CMYK/);
  });

  it('leaves screen output without bleed or PDF/X keys', async () => {
    const file = tempPdf(await renderPdf(pressList()));
    const q = qpdfJson(file);
    const page = deref(q, q.pages[0].object);
    expect(page['/MediaBox']).toEqual([0, 0, A3.width, A3.height]);
    expect(page['/TrimBox']).toEqual([0, 0, A3.width, A3.height]);
    expect(page['/BleedBox']).toBeUndefined();
    const info = deref(q, q.trailer['/Info']);
    expect(info['/GTS_PDFXVersion']).toBeUndefined();
    // Its one OutputIntent is PDF/A's (archive.test.ts), not PDF/X's.
    const intents = deref(q, q.trailer['/Root'])['/OutputIntents'];
    expect(intents.map((i: string) => deref(q, i)['/S'])).toEqual(['/GTS_PDFA1']);
  });
});
