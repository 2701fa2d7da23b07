// The parts of pdfkit 0.20.2 that render relies on but @types/pdfkit does not
// describe (the embedded font's subset tables, page dictionaries, the root
// catalog, the CTM). Kept in one place so a pdfkit upgrade has one file to
// re-check against `node_modules/pdfkit/js/pdfkit.node.mjs`.

/** A PDF indirect object under construction (`PDFReference`). */
export interface PdfRef {
  id: number;
  data: Record<string, unknown>;
  /** Whether pdfkit deflates the stream when the object ends (set from the document's `compress`). */
  compress: boolean;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/** fontkit's TTF subset as pdfkit holds it: `includeGlyph` returns the new glyph id. */
export interface FontkitSubset {
  includeGlyph(glyphId: number): number;
  /** Original glyph ids, in subset order. */
  glyphs: number[];
}

/** The subset of a fontkit font render reads. */
export interface FontkitFont {
  unitsPerEm: number;
  postscriptName: string;
  getGlyph(id: number): { advanceWidth: number; codePoints: number[] };
}

/** pdfkit's `EmbeddedFont`: `encode()` fills `subset`, `unicode` and `widths` by subset glyph id. */
export interface EmbeddedFont {
  /** Resource name on the page, `F1`, `F2`, … */
  id: string;
  font: FontkitFont;
  subset: FontkitSubset;
  unicode: number[][];
  widths: number[];
  /** 1000 / unitsPerEm. */
  scale: number;
  ref(): PdfRef;
  /** Writes the font objects (pdfkit calls it from `doc.end()`). */
  embed(): void;
}

export interface PdfPage {
  width: number;
  height: number;
  dictionary: PdfRef;
  resources: PdfRef;
  /** The page's content stream. */
  content: PdfRef;
  fonts: Record<string, PdfRef>;
}

/** The StructTreeRoot pdfkit makes for a `tagged` document. */
export interface StructTreeRoot extends PdfRef {
  /** ParentTree (structure.ts writes its own): a number tree from each page's StructParents key to its elements by MCID. */
  data: Record<string, unknown> & { ParentTree: unknown; K?: unknown[] };
}

export interface OutlineNode {
  outlineData: Record<string, unknown>;
  addItem(title: string, options?: { pageNumber?: number }): OutlineNode;
}

export interface PdfDoc {
  page: PdfPage;
  info: Record<string, unknown>;
  version: number;
  _root: PdfRef;
  _id: Uint8Array;
  _ctm: number[];
  _font: EmbeddedFont;
  outline: OutlineNode;
  metadata: { append(xml: string, newline?: boolean): void };
  addPage(options?: Record<string, unknown>): PdfDoc;
  addContent(data: string | Uint8Array): PdfDoc;
  registerFont(name: string, src: string | Uint8Array, family?: string): PdfDoc;
  /** A registered name, or a fontkit font object (pdfkit takes anything with `layout()`). */
  font(src: string | object): PdfDoc;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PdfDoc;
  translate(x: number, y: number): PdfDoc;
  /** A path, or an image already opened (width, height, label, obj, embed), as `openImage` returns. */
  image(src: string | object, x: number, y: number, options?: Record<string, unknown>): PdfDoc;
  ref(data?: unknown): PdfRef;
  getStructTreeRoot(): StructTreeRoot;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfDoc;
  on(event: 'end', listener: () => void): PdfDoc;
  on(event: 'error', listener: (e: Error) => void): PdfDoc;
  on(event: 'pageAdded', listener: () => void): PdfDoc;
  end(): void;
  /** Bytes written so far (object offsets for the xref table). */
  _offset: number;
  /** Writes one piece of the file: a string gets a newline and becomes bytes (index.ts replaces it). */
  _write(data: string | Uint8Array): void;
  /** Readable.read: what has been pushed and not yet read (null when nothing). */
  read(): Buffer | null;
  /** Readable.push: pdfkit pushes every chunk of the file, then null (index.ts replaces it). */
  push(chunk: Uint8Array | null): boolean;
  /** Overridden by metadata.ts to write our own XMP packet. */
  _addInfo(): void;
}

export type PdfDocCtor = new (options: Record<string, unknown>) => PdfDoc;
