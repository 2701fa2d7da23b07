// Deliberately broken press PDFs: a clean press build is edited with
// pdf-lib (or byte for byte) in one way each, and preflight, reading only
// the bytes, must give exactly the one finding that kind of breakage calls
// for, and none on the clean file or on an edit the standard allows.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { preflight } from '../../src/render/preflight.js';
import { renderPdf } from '../../src/render/index.js';
import { list, run } from './fixtures.js';
import { edited, editXmp, firstPage, fontName, info, paint, resourceDict, stream, type3, type Edit } from './pdf-edit.js';

const rules = (d: { rule: string }[]) => d.map((x) => x.rule).sort();

function page(): DisplayListPages {
  return [
    [
      run('安全生产大家谈', 60, 100, { size: 40, color: [0, 100, 100, 0], tag: { role: 'H1', id: 'h' } }),
      run('以高水平安全服务高质量发展', 60, 200, { tag: { role: 'P', id: 'p' } }),
    ],
  ];
}
type DisplayListPages = Parameters<typeof list>[0];

let x1a2001: Uint8Array;
let x1a2003: Uint8Array;

beforeAll(async () => {
  x1a2001 = await renderPdf(list(page()), { press: true, marks: true });
  x1a2003 = await renderPdf(list(page()), { press: 'x1a-2003', marks: true });
});

interface Case {
  what: string;
  base: () => Uint8Array;
  edit?: Edit;
  /** An edit of the bytes themselves, instead of through pdf-lib. */
  bytes?: (pdf: Uint8Array) => Uint8Array;
  /** The one finding expected; undefined: none (the standard allows it). */
  finding?: string;
}

const RGB_SHADING = { ShadingType: 2, ColorSpace: 'DeviceRGB', Coords: [0, 0, 100, 0], Function: { FunctionType: 2, Domain: [0, 1], C0: [1, 0, 0], C1: [0, 0, 1], N: 1 } };

const CASES: Case[] = [
  { what: 'nothing changed (pdf-lib rewrite)', base: () => x1a2001, edit: () => {} },
  {
    what: 'a DeviceRGB shading painted with sh', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      resourceDict(doc, 'Shading').set(PDFName.of('Sh1'), doc.context.obj(RGB_SHADING as never));
      paint(doc, 'q /Sh1 sh Q');
    },
  },
  {
    what: 'a shading pattern in DeviceRGB used as fill', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      resourceDict(doc, 'Pattern').set(PDFName.of('P1'), doc.context.obj({ PatternType: 2, Shading: RGB_SHADING } as never));
      paint(doc, 'q /Pattern cs /P1 scn 0 0 10 10 re f Q');
    },
  },
  {
    what: 'a tiling pattern painting in RGB', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      const c = doc.context;
      resourceDict(doc, 'Pattern').set(PDFName.of('P2'), stream(c, '1 0 0 rg 0 0 5 5 re f', {
        PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 10, 10], XStep: 10, YStep: 10, Resources: {},
      }));
      paint(doc, 'q /Pattern cs /P2 scn 0 0 50 50 re f Q');
    },
  },
  {
    what: 'a form XObject painting in RGB', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      resourceDict(doc, 'XObject').set(PDFName.of('Fm1'), stream(doc.context, '0 0 1 RG 0 0 m 10 10 l S', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10] }));
      paint(doc, 'q /Fm1 Do Q');
    },
  },
  {
    what: 'RGB inside an annotation appearance stream (outside the trim)', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      const c = doc.context;
      const ap = stream(c, '1 0 0 rg 0 0 5 5 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 5, 5] });
      const annot = c.register(c.obj({ Type: 'Annot', Subtype: 'Square', Rect: [1, 1, 6, 6], F: 4, AP: { N: ap } } as never));
      firstPage(doc).set(PDFName.of('Annots'), c.obj([annot]));
    },
  },
  {
    what: 'a link annotation inside the TrimBox', base: () => x1a2001, finding: 'annotation-in-trim',
    edit: (doc) => {
      const c = doc.context;
      const action = c.obj({ S: 'URI', URI: PDFString.of('https://example.org/') } as never);
      const annot = c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 100, 200, 120], Border: [0, 0, 0], A: action } as never));
      firstPage(doc).set(PDFName.of('Annots'), c.obj([annot]));
    },
  },
  {
    what: 'an OpenAction with JavaScript', base: () => x1a2001, finding: 'javascript',
    edit: (doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') } as never)),
  },
  {
    what: 'a transfer function (/TR) in a graphics state', base: () => x1a2001, finding: 'transfer-function',
    edit: (doc) => {
      resourceDict(doc, 'ExtGState').set(PDFName.of('GS9'), doc.context.obj({ Type: 'ExtGState', TR: { FunctionType: 2, Domain: [0, 1], C0: [0], C1: [1], N: 0.5 } } as never));
      paint(doc, '/GS9 gs');
    },
  },
  {
    what: 'a halftone of type 6', base: () => x1a2001, finding: 'halftone',
    edit: (doc) => {
      resourceDict(doc, 'ExtGState').set(PDFName.of('GS8'), doc.context.obj({ Type: 'ExtGState', HT: { Type: 'Halftone', HalftoneType: 6, Width: 2, Height: 2 } } as never));
      paint(doc, '/GS8 gs');
    },
  },
  {
    what: 'constant alpha below 1 (transparency)', base: () => x1a2001, finding: 'transparency',
    edit: (doc) => {
      resourceDict(doc, 'ExtGState').set(PDFName.of('GS7'), doc.context.obj({ Type: 'ExtGState', ca: 0.5 } as never));
      paint(doc, '/GS7 gs');
    },
  },
  {
    what: 'GTS_PDFXConformance deleted', base: () => x1a2001, finding: 'pdfx-conformance',
    edit: (doc) => info(doc).delete(PDFName.of('GTS_PDFXConformance')),
  },
  {
    what: 'GTS_PDFXConformance changed to PDF/X-3:2002', base: () => x1a2001, finding: 'pdfx-conformance',
    edit: (doc) => info(doc).set(PDFName.of('GTS_PDFXConformance'), PDFString.of('PDF/X-3:2002')),
  },
  {
    what: 'a %PDF-1.4 header under the PDF/X-1a:2001 claim', base: () => x1a2001, finding: 'pdf-version',
    bytes: (pdf) => {
      const b = Buffer.from(pdf);
      b.write('%PDF-1.4', 0, 'latin1');
      return b;
    },
  },
  {
    what: 'an XMP title that differs from the Info title', base: () => x1a2003, finding: 'xmp-info-mismatch',
    edit: (doc) => editXmp(doc, (xml) => xml.replace(/(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">)[^<]*/, '$1另一个标题')),
  },
  {
    what: 'an XMP GTS_PDFXVersion that differs from Info', base: () => x1a2003, finding: 'xmp-info-mismatch',
    edit: (doc) => editXmp(doc, (xml) => xml.replace('<pdfx:GTS_PDFXVersion>PDF/X-1a:2003<', '<pdfx:GTS_PDFXVersion>PDF/X-3:2003<')),
  },
  {
    what: 'the Info title changed (XMP left alone)', base: () => x1a2003, finding: 'xmp-info-mismatch',
    edit: (doc) => info(doc).set(PDFName.of('Title'), PDFHexString.fromText('别的标题')),
  },
  {
    what: 'small text in a tint (8 pt at K50)', base: () => x1a2001, finding: 'small-type-colour',
    edit: (doc) => paint(doc, `BT /${fontName(doc)} 8 Tf 0 0 0 0.5 k 1 0 0 1 100 400 Tm <0001> Tj ET`),
  },
  {
    what: 'small text in three inks at 100 %', base: () => x1a2001, finding: 'small-type-colour',
    edit: (doc) => paint(doc, `BT /${fontName(doc)} 7 Tf 0 1 1 1 k 1 0 0 1 100 400 Tm <0001> Tj ET`),
  },
  {
    what: 'small text in two inks at 100 % (allowed)', base: () => x1a2001,
    edit: (doc) => paint(doc, `BT /${fontName(doc)} 7 Tf 0 1 1 0 k 1 0 0 1 100 400 Tm <0001> Tj ET`),
  },
  {
    what: 'a Type 3 font painting in CMYK (allowed)', base: () => x1a2001,
    edit: (doc) => type3(doc, '1000 0 0 0 1000 1000 d1 0 0 0 1 k 0 0 1000 1000 re f'),
  },
  {
    what: 'a Type 3 glyph procedure painting in RGB', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => type3(doc, '1000 0 0 0 1000 1000 d1 1 0 0 rg 0 0 1000 1000 re f'),
  },
  {
    what: 'no BleedBox (allowed: PDF/X needs a TrimBox or an ArtBox)', base: () => x1a2001,
    edit: (doc) => firstPage(doc).delete(PDFName.of('BleedBox')),
  },
  {
    what: 'an ArtBox instead of the TrimBox (allowed)', base: () => x1a2001,
    edit: (doc) => {
      const node = firstPage(doc);
      node.set(PDFName.of('ArtBox'), node.lookup(PDFName.of('TrimBox'), PDFArray));
      node.delete(PDFName.of('TrimBox'));
    },
  },
  {
    what: 'neither TrimBox nor ArtBox', base: () => x1a2001, finding: 'trimbox-missing',
    edit: (doc) => firstPage(doc).delete(PDFName.of('TrimBox')),
  },
  {
    what: 'a font whose program is removed', base: () => x1a2001, finding: 'font-not-embedded',
    edit: (doc) => {
      const font = resourceDict(doc, 'Font').lookup(PDFName.of(fontName(doc)), PDFDict);
      const cid = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      cid.lookup(PDFName.of('FontDescriptor'), PDFDict).delete(PDFName.of('FontFile2'));
    },
  },
  {
    what: 'an image in DeviceRGB', base: () => x1a2001, finding: 'rgb-colour',
    edit: (doc) => {
      const image = doc.context.register(doc.context.flateStream(new Uint8Array([255, 0, 0]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 } as never));
      resourceDict(doc, 'XObject').set(PDFName.of('ImX'), image);
      paint(doc, 'q 10 0 0 10 100 100 cm /ImX Do Q');
    },
  },
];

describe('preflight on deliberately broken press PDFs', () => {
  it('finds nothing on the clean press files', () => {
    expect(preflight(x1a2001, { press: true })).toEqual([]);
    expect(preflight(x1a2003, { press: true })).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.what}: ${c.finding ?? 'no finding'}`, async () => {
      const base = c.base();
      const pdf = c.bytes ? c.bytes(base) : await edited(base, c.edit ?? (() => {}));
      const found = preflight(pdf, { press: true });
      expect(rules(found), found.map((d) => d.message).join('\n')).toEqual(c.finding ? [c.finding] : []);
    });
  }
});
