// The embedded TrueType subset file, assembled from the font's own table
// bytes: head, hhea and maxp copied with the fields a subset changes, cvt,
// prep and fpgm as stored, and the subset's loca, glyf and hmtx. The layout
// is the one fontkit's TTFSubset writes: directory tag `true`, checksums 0,
// tables in the order head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm
// (absent ones skipped), no padding. tests/render/glyphs.test.ts compares
// the result with fontkit's own subset.
import { tableBytes, type FontFile } from '../fonts/font-file.js';

export interface SubsetTables {
  /** Glyph records in subset order, and the loca offsets (one more than glyphs). */
  glyf: Uint8Array[];
  locaOffsets: number[];
  /** hmtx entries in subset order. */
  metrics: { advance: number; bearing: number }[];
  /** The subset holds compound glyphs of its own making (glyph variants, truetype-subset.ts): maxp must allow one more level of components. */
  compounds?: boolean;
}

/** Bytes of the tables copied as stored, or undefined when a table is not one this copy reproduces exactly. */
export type CopiedTables = Record<'head' | 'hhea' | 'maxp', Uint8Array> & Partial<Record<'cvt ' | 'prep' | 'fpgm', Uint8Array>>;

export function copiedTables(font: FontFile): CopiedTables | undefined {
  const head = tableBytes(font, 'head');
  const hhea = tableBytes(font, 'hhea');
  const maxp = tableBytes(font, 'maxp');
  // fontkit writes exactly the fields it knows: 54 bytes of head, 36 of hhea, 32 of maxp (version 1.0).
  if (!head || head.length < 54 || !hhea || hhea.length < 36 || !maxp || maxp.length < 32) return undefined;
  // Long loca offsets only (what fontkit keeps from the font; every CJK face is long).
  if (((head[50] << 8) | head[51]) !== 1) return undefined;
  const cvt = tableBytes(font, 'cvt ');
  // fontkit reads cvt as int16s: an odd length would not round-trip.
  if (cvt && cvt.length % 2 !== 0) return undefined;
  return { head, hhea, maxp, 'cvt ': cvt, prep: tableBytes(font, 'prep'), fpgm: tableBytes(font, 'fpgm') };
}

/** The subset font file. */
export function encodeSubset(copied: CopiedTables, t: SubsetTables): Uint8Array {
  const glyphs = t.glyf.length;
  const head = Uint8Array.from(copied.head.subarray(0, 54));
  // macStyle (bytes 44-45): fontkit's bitfield writes back only its 7 flags, bits 0-6.
  head[44] = 0;
  head[45] &= 0x7f;
  // indexToLocFormat (bytes 50-51): long offsets.
  head[50] = 0;
  head[51] = 1;
  const hhea = Uint8Array.from(copied.hhea.subarray(0, 36));
  hhea.fill(0, 24, 32); // reserved
  hhea[34] = (t.metrics.length >> 8) & 0xff; // numberOfMetrics
  hhea[35] = t.metrics.length & 0xff;
  const maxp = Uint8Array.from(copied.maxp.subarray(0, 32));
  maxp[4] = (glyphs >> 8) & 0xff; // numGlyphs
  maxp[5] = glyphs & 0xff;
  if (t.compounds) {
    const view = new DataView(maxp.buffer);
    // maxCompositePoints/Contours at least the simple maxima; maxComponentElements ≥ 1; one more level of depth.
    view.setUint16(10, Math.max(view.getUint16(10), view.getUint16(6)));
    view.setUint16(12, Math.max(view.getUint16(12), view.getUint16(8)));
    view.setUint16(28, Math.max(1, view.getUint16(28)));
    view.setUint16(30, view.getUint16(30) + 1);
  }

  const loca = new Uint8Array(4 * t.locaOffsets.length);
  const locaView = new DataView(loca.buffer);
  for (const [i, o] of t.locaOffsets.entries()) locaView.setUint32(4 * i, o);
  const hmtx = new Uint8Array(4 * t.metrics.length);
  const hmtxView = new DataView(hmtx.buffer);
  t.metrics.forEach((m, i) => {
    hmtxView.setUint16(4 * i, m.advance);
    hmtxView.setInt16(4 * i + 2, m.bearing);
  });
  const glyfLength = t.glyf.reduce((n, g) => n + g.length, 0);

  const tables: [string, Uint8Array[], number][] = [];
  const add = (tag: string, parts: Uint8Array[] | Uint8Array | undefined, length?: number) => {
    if (!parts) return;
    const list = Array.isArray(parts) ? parts : [parts];
    tables.push([tag, list, length ?? list.reduce((n, p) => n + p.length, 0)]);
  };
  add('head', head);
  add('hhea', hhea);
  add('loca', loca);
  add('maxp', maxp);
  add('cvt ', copied['cvt ']);
  add('prep', copied.prep);
  add('glyf', t.glyf, glyfLength);
  add('hmtx', hmtx);
  add('fpgm', copied.fpgm);

  const n = tables.length;
  const dirLength = 12 + 16 * n;
  const total = dirLength + tables.reduce((s, [, , len]) => s + len, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set([0x74, 0x72, 0x75, 0x65], 0); // 'true'
  const pow2 = 2 ** Math.floor(Math.log2(n));
  view.setUint16(4, n);
  view.setUint16(6, pow2 * 16); // searchRange
  view.setUint16(8, Math.log2(pow2)); // entrySelector
  view.setUint16(10, n * 16 - pow2 * 16); // rangeShift
  let offset = dirLength;
  tables.forEach(([tag, parts, length], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    // checksum: 0, as fontkit writes it
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, length);
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
  });
  return out;
}
