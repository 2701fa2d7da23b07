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

export function stampContentId(pdf: Buffer): Buffer {
  const trailer = pdf.lastIndexOf('trailer');
  if (trailer < 0) throw new Error('render: no trailer in the written PDF');
  const hash = createHash('md5').update(pdf.subarray(0, trailer)).digest('hex');
  const tail = pdf.subarray(trailer).toString('latin1');
  const placeholder = `<${PLACEHOLDER_HEX}>`;
  if (!tail.includes(placeholder)) throw new Error('render: the trailer has no placeholder /ID to replace');
  const stamped = tail.split(placeholder).join(`<${hash}>`);
  return Buffer.concat([pdf.subarray(0, trailer), Buffer.from(stamped, 'latin1')]);
}
