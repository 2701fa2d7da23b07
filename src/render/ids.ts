// The trailer's /ID. pdfkit derives it from the Info values it has when the
// document is made (docs/design/FACTS.md), so two different issues with the same title
// and date would share it. The ID pdfkit wrote is replaced by an MD5 of
// every byte before the trailer: any change of content changes the ID, and
// the same input still gives the same bytes. The trailer follows the xref
// table, and the new ID has the old one's length, so no offset moves.
import { createHash } from 'node:crypto';

/** Hex MD5 of every byte before the last `trailer` (undefined when there is none). */
export function contentDigest(pdf: Uint8Array): string | undefined {
  const bytes = Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const trailer = bytes.lastIndexOf('trailer');
  if (trailer < 0) return undefined;
  return createHash('md5').update(bytes.subarray(0, trailer)).digest('hex');
}

/** The PDF with its trailer's /ID replaced (in place: same length) by the content digest, and that digest. */
export function stampContentId(pdf: Buffer): { pdf: Buffer; digest: string } {
  const trailer = pdf.lastIndexOf('trailer');
  const hash = contentDigest(pdf);
  if (hash === undefined) throw new Error('render: no trailer in the written PDF');
  const id = /\/ID \[<([0-9a-f]{32})> <\1>\]/.exec(pdf.toString('latin1', trailer));
  if (!id) throw new Error('render: the trailer has no /ID of two 16-byte strings to replace');
  const at = trailer + id.index;
  pdf.write(`/ID [<${hash}> <${hash}>]`, at, 'latin1');
  return { pdf, digest: hash };
}
