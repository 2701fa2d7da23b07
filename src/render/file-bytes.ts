// The document's bytes, read from pdfkit's stream: PDFDocument is a Readable
// that holds the file piece by piece until it is read. pdfkit writes the
// whole file synchronously inside `end()` (nothing it writes waits on IO),
// so after `end()` the stream holds every byte, and one read takes them all.
import type { PdfDoc } from './pdfkit-api.js';

/** Ends the document and returns every byte pdfkit wrote, from the header to %%EOF. */
export function endAndRead(doc: PdfDoc): Buffer {
  doc.end();
  const bytes = doc.read();
  if (!bytes || doc.read() !== null) throw new Error('render: pdfkit did not finish the file within end()');
  return bytes;
}
