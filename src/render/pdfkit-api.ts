// What render uses of pdfkit 0.20: its public API only (members @types/pdfkit
// declares, and PDFPage's resource getters fonts, xobjects, colorSpaces). pdfkit numbers and writes the
// objects, pages and the cross-reference table; render hands it finished
// objects (`doc.ref(data)`, `write`, `end`) and fills the PDF dictionaries
// it exposes for that (`ref.data` of a page, of its resources). It never
// replaces a method or field of a pdfkit object. What pdfkit has no API for
// is render's own: content streams (content-writer.ts), fonts (font-file.ts),
// structure (structure.ts), outline (outline.ts), and the catalog's entries
// (catalog.ts, on the finished file).

/** A PDF indirect object: its dictionary, and for a stream its data. */
export interface PdfRef {
  id: number;
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page dictionary (MediaBox, Contents, Resources, …). */
  dictionary: PdfRef;
  /** The content stream pdfkit opens the page with (its top-down flip). */
  content: PdfRef;
  /** The resource dictionaries by kind, as pdfkit's PDFPage exposes them. */
  fonts: Record<string, PdfRef>;
  xobjects: Record<string, PdfRef>;
  colorSpaces: Record<string, unknown>;
}

export interface PdfDoc {
  page: PdfPage;
  info: Record<string, unknown>;
  addPage(options?: Record<string, unknown>): PdfDoc;
  ref(data?: unknown): PdfRef;
  /** Readable.read(): everything written and not yet read, in one Buffer (null when nothing is left). */
  read(): Buffer | null;
  end(): void;
}

export type PdfDocCtor = new (options: Record<string, unknown>) => PdfDoc;
