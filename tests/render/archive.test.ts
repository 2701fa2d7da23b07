// The screen build is PDF/A-2u: PDF 1.7, an OutputIntent /GTS_PDFA1 with the
// shipped FOGRA39 profile (the CMYK the template's colours are in), pdfaid
// and the extension schema for pdfuaid in XMP, RGB pictures as ICC-based
// sRGB. Read back with qpdf; preflight, reading the claim from XMP, checks
// PDF/A's rules and catches each breakage below with one finding.
import { PDFDict, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/compile.js';
import { preflight } from '../../src/render/preflight.js';
import { renderPdf } from '../../src/render/index.js';
import { article, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { deref, list, qpdfJson, run, tempPdf, tool } from './fixtures.js';
import { edited, editXmp, fontName, paint, resourceDict } from './pdf-edit.js';

const rules = (d: { rule: string }[]) => d.map((x) => x.rule).sort();
let screen: Uint8Array;

beforeAll(async () => {
  screen = await renderPdf(list([[run('安全生产大家谈', 60, 100, { size: 40, tag: { role: 'H1', id: 'h' } }), run('以高水平安全服务高质量发展', 60, 200, { tag: { role: 'P', id: 'p' } })]]));
});

describe('the screen build as PDF/A-2u', () => {
  it('is PDF 1.7 with a PDF/A OutputIntent embedding the FOGRA39 profile, and pdfaid part 2, conformance U in XMP', () => {
    const file = tempPdf(screen);
    const q = qpdfJson(file);
    expect(q.pdfVersion).toBe('1.7');
    const root = deref(q, q.trailer['/Root']);
    const intent = deref(q, root['/OutputIntents'][0]);
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(intent['/OutputConditionIdentifier']).toBe('u:FOGRA39');
    expect(deref(q, intent['/DestOutputProfile'])['/N']).toBe(4);
    const xmp = tool('qpdf', [`--show-object=${String(root['/Metadata']).split(' ')[0]}`, '--raw-stream-data', file]);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
    expect(xmp).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
    expect(preflight(screen, { press: false })).toEqual([]);
  });

  it('keeps RGB pictures in ICC-based sRGB, and still builds the sample the same bytes twice', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 40, b: 30 } } }).png().toBuffer();
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article('标题一 标题二', '张三', '正文第一段。\n\n![照片](photo.png)'), 'photo.png': photo });
    const first = await compile({ dir });
    const q = qpdfJson(tempPdf(first.pdf));
    const images = Object.values(q.objects).map((o) => o.stream?.dict).filter((d) => d?.['/Subtype'] === '/Image');
    expect(images.map((d) => [d['/ColorSpace'][0], deref(q, d['/ColorSpace'][1])['/N']])).toEqual([['/ICCBased', 3]]);
    expect(Buffer.compare(first.pdf, (await compile({ dir })).pdf)).toBe(0);
  });

  const CASES: { what: string; edit: Parameters<typeof edited>[1]; finding: string }[] = [
    { what: 'the OutputIntent removed', finding: 'output-intent-missing', edit: (doc) => doc.catalog.delete(PDFName.of('OutputIntents')) },
    {
      what: 'a font without its ToUnicode map', finding: 'font-no-tounicode',
      edit: (doc) => resourceDict(doc, 'Font').lookup(PDFName.of(fontName(doc)), PDFDict).delete(PDFName.of('ToUnicode')),
    },
    { what: 'an XMP title that differs from Info', finding: 'xmp-info-mismatch', edit: (doc) => editXmp(doc, (x) => x.replace(/(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">)[^<]*/, '$1别的')) },
    { what: 'DeviceRGB under a CMYK OutputIntent', finding: 'rgb-colour', edit: (doc) => paint(doc, '1 0 0 rg 0 0 10 10 re f') },
    {
      what: 'a JavaScript OpenAction', finding: 'javascript',
      edit: (doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: 'app.alert(1)' } as never)),
    },
    { what: 'transparency (allowed in PDF/A-2)', finding: '', edit: (doc) => {
      resourceDict(doc, 'ExtGState').set(PDFName.of('GSa'), doc.context.obj({ Type: 'ExtGState', ca: 0.5 } as never));
      paint(doc, '/GSa gs');
    } },
    { what: 'no TrimBox (PDF/A needs none, bulletin promises one)', finding: 'trimbox-missing', edit: (doc) => doc.getPages()[0].node.delete(PDFName.of('TrimBox')) },
  ];
  for (const c of CASES) {
    it(`${c.what}: ${c.finding || 'no finding'}`, async () => {
      const found = preflight(await edited(screen, c.edit), { press: false, own: true });
      expect(rules(found), found.map((d) => d.message).join('\n')).toEqual(c.finding ? [c.finding] : []);
    });
  }
});
