// WOFF 1.0 → plain sfnt (TTF/OTF). LXGW WenKai is shipped (by fontsource)
// only as WOFF/WOFF2, and pdfkit with a web font is pathological in time and
// memory (docs/design/FACTS.md), so render must embed a real TTF.
// WOFF 1.0 is the sfnt's tables, each zlib-deflated, behind a 44-byte header:
// inflating every table and writing a fresh table directory gives the
// original font back (https://www.w3.org/TR/WOFF/). node:zlib is all it needs.
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: string;
  data: Buffer;
  /** Position in the WOFF file, so the rebuilt font keeps the original table order. */
  woffOffset: number;
}

/** Sum of a table as big-endian uint32 words, zero-padded to 4 bytes (the sfnt checksum). */
function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/**
 * Decodes a WOFF 1.0 file into the sfnt it wraps. Throws an Error saying what
 * is wrong for anything that is not a well-formed WOFF 1.0 file (WOFF2 uses a
 * different, transformed encoding and is rejected).
 */
export function woffToSfnt(input: Uint8Array): Buffer {
  const woff = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error('not a WOFF 1.0 file (no wOFF signature)');
  }
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new Error('WOFF table directory is truncated');

  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = woff.toString('latin1', e, e + 4);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    if (offset + compLength > woff.length) throw new Error(`WOFF table ${tag} runs past the end of the file`);
    const stored = woff.subarray(offset, offset + compLength);
    // A table is stored uncompressed when deflating would not have made it smaller.
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error(`WOFF table ${tag} inflates to ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, data, woffOffset: offset });
  }

  // The sfnt directory must be sorted by tag; the data keeps the WOFF's order.
  const directory = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const dataOrder = [...tables].sort((a, b) => a.woffOffset - b.woffOffset);

  let size = SFNT_HEADER + numTables * SFNT_ENTRY;
  const offsets = new Map<Table, number>();
  for (const t of dataOrder) {
    offsets.set(t, size);
    size += (t.data.length + 3) & ~3;
  }
  const out = Buffer.alloc(size);

  let pow2 = 1;
  let log2 = 0;
  while (pow2 * 2 <= numTables) {
    pow2 *= 2;
    log2++;
  }
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow2 * 16, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(numTables * 16 - pow2 * 16, 10);

  let headOffset = -1;
  let total = 0;
  directory.forEach((t, i) => {
    const at = offsets.get(t)!;
    t.data.copy(out, at);
    if (t.tag === 'head') {
      // checkSumAdjustment is recomputed below over the rebuilt file; the
      // head table's own checksum is defined with it set to zero.
      out.writeUInt32BE(0, at + 8);
      headOffset = at;
    }
    const sum = checksum(out.subarray(at, at + t.data.length));
    total = (total + sum) >>> 0;
    const e = SFNT_HEADER + i * SFNT_ENTRY;
    out.write(t.tag, e, 4, 'latin1');
    out.writeUInt32BE(sum, e + 4);
    out.writeUInt32BE(at, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
  });
  if (headOffset >= 0) {
    // Tables are 4-byte aligned and zero-padded, so the file's checksum is the
    // directory's plus every table's.
    total = (total + checksum(out.subarray(0, SFNT_HEADER + numTables * SFNT_ENTRY))) >>> 0;
    out.writeUInt32BE((0xb1b0afba - total) >>> 0, headOffset + 8);
  }
  return out;
}
