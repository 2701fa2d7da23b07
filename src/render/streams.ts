// Stream objects render writes. The document is made with `compress: false`:
// pdfkit writes every stream as it is given, and render deflates what it
// wants deflated, at the level it chooses, saying so in the dictionary.
import { deflateSync } from 'node:zlib';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';

/**
 * zlib level for streams written once per document and per page: level 3
 * makes files barely larger than zlib's default (6) in half the time
 * (docs/performance.md, "Costs the code is shaped around").
 */
export const FAST_DEFLATE = 3;

/** A FlateDecode stream of `bytes` with the entries of `dict`, written and ended. */
export function deflatedStream(doc: PdfDoc, dict: Record<string, unknown>, bytes: Uint8Array, level?: number): PdfRef {
  const ref = doc.ref({ ...dict, Filter: 'FlateDecode' });
  ref.end(deflateSync(bytes, level === undefined ? undefined : { level }));
  return ref;
}

/** A stream of `bytes` as they are (metadata, which readers and PDF/A want unfiltered). */
export function plainStream(doc: PdfDoc, dict: Record<string, unknown>, bytes: Uint8Array): PdfRef {
  const ref = doc.ref({ ...dict });
  ref.end(bytes);
  return ref;
}
