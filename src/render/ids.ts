// The trailer's /ID. pdfkit derives it from the Info values only (FACTS.md),
// so two different issues with the same title and date would share it. Here
// the document is written with a placeholder ID, and the placeholder is then
// replaced by an MD5 of every byte before the trailer: any change of content
// changes the ID, and the same input still gives the same bytes. The trailer
// follows the xref table, so replacing equal-length text moves no offset.
import { createHash } from 'node:crypto';

/** 16 zero bytes: pdfkit writes `<000…0>` twice in the trailer. */
export const PLACEHOLDER_ID = new Uint8Array(16);
const PLACEHOLDER_HEX = '0'.repeat(32);

/** Hex MD5 of every byte before the last `trailer` (undefined when there is none). */
export function contentDigest(pdf: Uint8Array): string | undefined {
  const bytes = Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const trailer = bytes.lastIndexOf('trailer');
  if (trailer < 0) return undefined;
  return createHash('md5').update(bytes.subarray(0, trailer)).digest('hex');
}

/** The PDF with its placeholder /ID replaced (in place: same length) by the content digest, and that digest. */
export function stampContentId(pdf: Buffer): { pdf: Buffer; digest: string } {
  const trailer = pdf.lastIndexOf('trailer');
  const hash = contentDigest(pdf);
  if (hash === undefined) throw new Error('render: no trailer in the written PDF');
  const placeholder = `<${PLACEHOLDER_HEX}>`;
  let at = pdf.indexOf(placeholder, trailer, 'latin1');
  if (at < 0) throw new Error('render: the trailer has no placeholder /ID to replace');
  for (; at >= 0; at = pdf.indexOf(placeholder, at + placeholder.length, 'latin1')) pdf.write(`<${hash}>`, at, 'latin1');
  return { pdf, digest: hash };
}
