// The registration colour: a Separation named /All, which prints on every
// plate of the press (ISO 32000-1, 8.6.6.4), for crop marks. Its alternate
// for proofs is 100 % of each process ink, by a Type 2 function (PDF 1.3).
import type { PdfDoc, PdfRef } from './pdfkit-api.js';

/** The colour space's resource name on the pages that draw marks. */
export const REGISTRATION = 'CSAll';

const made = new WeakMap<PdfDoc, PdfRef>();

/** The document's one `[/Separation /All /DeviceCMYK …]` colour space. */
export function registrationColour(doc: PdfDoc): PdfRef {
  let ref = made.get(doc);
  if (!ref) {
    ref = doc.ref(['Separation', 'All', 'DeviceCMYK', { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }]);
    ref.end();
    made.set(doc, ref);
  }
  return ref;
}
