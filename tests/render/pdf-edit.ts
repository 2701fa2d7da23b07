// Editing a built PDF with pdf-lib for the broken-PDF tests: load without
// touching its metadata, change one thing, save without object streams, and
// put back the header pdf-lib replaces with its own.
import { PDFDict, PDFDocument, PDFName, type PDFRef, PDFStream, type PDFContext } from 'pdf-lib';

export type Edit = (doc: PDFDocument) => void;

export async function edited(base: Uint8Array, edit: Edit): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base, { updateMetadata: false });
  edit(doc);
  const out = Buffer.from(await doc.save({ useObjectStreams: false }));
  // pdf-lib writes %PDF-1.7 whatever it read: the base's header (same length) goes back.
  Buffer.from(base).copy(out, 0, 0, 8);
  return out;
}

export const firstPage = (doc: PDFDocument) => doc.getPages()[0].node;

/** Resources of the first page, and a sub-dictionary of it (created when missing). */
export function resourceDict(doc: PDFDocument, key: string): PDFDict {
  const resources = firstPage(doc).Resources()!;
  let sub = resources.lookupMaybe(PDFName.of(key), PDFDict);
  if (!sub) {
    sub = doc.context.obj({});
    resources.set(PDFName.of(key), sub);
  }
  return sub;
}

/** Appends a content stream to the first page. */
export function paint(doc: PDFDocument, ops: string): void {
  const node = firstPage(doc);
  node.normalize();
  node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
}

export function stream(context: PDFContext, data: string, dict: Record<string, unknown>): PDFRef {
  return context.register(context.flateStream(data, dict as never));
}

export function info(doc: PDFDocument): PDFDict {
  return doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
}

export function fontName(doc: PDFDocument): string {
  const fonts = resourceDict(doc, 'Font');
  return fonts.keys()[0].asString().slice(1);
}

/** Rewrites the XMP packet's text. */
export function editXmp(doc: PDFDocument, change: (xml: string) => string): void {
  const old = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
  const xml = Buffer.from(old.getContents()).toString('utf8');
  const next = doc.context.stream(new Uint8Array(Buffer.from(change(xml), 'utf8')), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(next));
}

/** A 12 pt Type 3 font with one glyph, drawn once: `glyph` is its procedure. */
export function type3(doc: PDFDocument, glyph: string): void {
  const c = doc.context;
  const toUnicode = stream(c, '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <61> <0041> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end', {});
  const font = c.obj({
    Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 1000, 1000], FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    CharProcs: { a: stream(c, glyph, {}) }, Encoding: { Type: 'Encoding', Differences: [97, 'a'] },
    FirstChar: 97, LastChar: 97, Widths: [1000], ToUnicode: toUnicode, Resources: {},
  });
  resourceDict(doc, 'Font').set(PDFName.of('T3x'), c.register(font));
  paint(doc, 'BT /T3x 12 Tf 1 0 0 1 100 300 Tm (a) Tj ET');
}

