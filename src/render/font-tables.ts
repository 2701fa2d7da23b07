// Raw reads of the few sfnt table fields embedding needs. fontkit answers
// `glyph.advanceWidth` by building a glyph object and decoding its outline
// header (the bounding box feeds the vertical metrics it computes alongside),
// and pdfkit's `embed()` reads `font.post` for two header fields, which makes
// fontkit decode every glyph name of a CJK font (65,000 strings, ~30 ms). The
// numbers read here are the same fields of the same tables, so the PDF is
// unchanged; fonts these reads do not cover (WOFF, variable fonts, missing
// tables) keep fontkit's own path.
import { endianness } from 'node:os';

interface SfntInternals {
  type?: string;
  _variationProcessor?: unknown;
  _tables?: Record<string, unknown>;
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
  hhea?: { numberOfMetrics?: number };
}

/** Horizontal metrics of a glyph id, in font units, as fontkit's `_getTableMetrics(hmtx)` gives them. */
export interface RawHmtx {
  advance(id: number): number;
  leftBearing(id: number): number;
}

function sfntView(f: SfntInternals): DataView | undefined {
  // WOFF/WOFF2 tables are compressed in the file: only a plain sfnt is read directly.
  const buf = f.stream?.buffer;
  if (f.type !== 'TTF' || !buf) return undefined;
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function rawHmtx(font: object): RawHmtx | undefined {
  const f = font as SfntInternals;
  // Variable fonts adjust advances through HVAR (or by decoding outlines).
  if (f._variationProcessor) return undefined;
  const view = sfntView(f);
  const hmtx = f.directory?.tables?.hmtx;
  const n = f.hhea?.numberOfMetrics;
  if (!view || !hmtx || !n || hmtx.offset + hmtx.length > view.byteLength || 4 * n > hmtx.length) return undefined;
  const base = hmtx.offset;
  // Glyphs past numberOfMetrics share the last advance and have their own
  // bearing in the array that follows (0 when that array is short, as in fontkit).
  const bearings = Math.floor((hmtx.length - 4 * n) / 2);
  return {
    advance: (id) => view.getUint16(base + 4 * Math.min(id, n - 1)),
    leftBearing: (id) => {
      if (id < n) return view.getInt16(base + 4 * id + 2);
      const k = id - n;
      return k < bearings ? view.getInt16(base + 4 * n + 2 * k) : 0;
    },
  };
}

/**
 * Runs `fn` with the font's `post` table answered from its 32-byte header
 * alone (version, italicAngle, underline, isFixedPitch, memory hints), when
 * fontkit has not decoded the table yet. The header-only table is removed
 * afterwards: the fontkit object is shared with layout, and anything that
 * later asks for glyph names gets fontkit's full decode as before.
 */
export function withPostHeader<T>(font: object, fn: () => T): T {
  const f = font as SfntInternals;
  const view = sfntView(f);
  const post = f.directory?.tables?.post;
  const tables = f._tables;
  if (!view || !post || post.length < 32 || post.offset + 32 > view.byteLength || !tables || 'post' in tables) return fn();
  const o = post.offset;
  // fontkit's fixed32 is a signed 16.16 number divided out.
  const fixed = (at: number) => view.getInt32(at) / 65536;
  tables.post = {
    version: fixed(o),
    italicAngle: fixed(o + 4),
    underlinePosition: view.getInt16(o + 8),
    underlineThickness: view.getInt16(o + 10),
    isFixedPitch: view.getUint32(o + 12),
    minMemType42: view.getUint32(o + 16),
    maxMemType42: view.getUint32(o + 20),
    minMemType1: view.getUint32(o + 24),
    maxMemType1: view.getUint32(o + 28),
  };
  try {
    return fn();
  } finally {
    delete tables.post;
  }
}

/**
 * Fills fontkit's cache of the `loca` table (glyph offsets) from the file, when
 * it has not been decoded yet. pdfkit's EmbeddedFont asks for glyph 0's metrics
 * as it is created, and the subsetter reads offsets for every glyph; fontkit's
 * generic decoder takes ~10 ms for the 30,000 offsets of a CJK font, a typed
 * read a fraction of a millisecond. The object has the fields and values
 * fontkit's decode gives (`version`, and `offsets`, here a Uint32Array), so it
 * can stay in the shared font. Only long offsets (indexToLocFormat 1, every CJK font
 * render has met) are read here; short ones keep fontkit's decode.
 */
export function seedLoca(font: object): void {
  const f = font as SfntInternals & { head?: { indexToLocFormat?: number } };
  const view = sfntView(f);
  const loca = f.directory?.tables?.loca;
  const tables = f._tables;
  if (!view || !loca || !tables || 'loca' in tables || loca.offset + loca.length > view.byteLength) return;
  if (f.head?.indexToLocFormat !== 1) return;
  const n = Math.floor(loca.length / 4);
  // The offsets as 32-bit numbers: a copy of the table, byte-swapped natively
  // where the machine is little-endian (the file is big-endian; a loop of
  // 30,000 DataView reads runs interpreted on a cold build, ~6 ms). Read-only
  // use, like the array fontkit decodes (subsetting and glyph decoding index into it).
  const start = view.byteOffset + loca.offset;
  const bytes = Buffer.from(view.buffer.slice(start, start + 4 * n));
  if (endianness() === 'LE') bytes.swap32();
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  tables.loca = { version: 1, offsets };
}

/** A table's bytes as stored in a plain sfnt (undefined for WOFF, a missing or empty table). */
export function rawTable(font: object, tag: string): Uint8Array | undefined {
  const f = font as SfntInternals;
  const buf = f.stream?.buffer;
  const t = f.directory?.tables?.[tag];
  if (f.type !== 'TTF' || !buf || !t || t.length === 0 || t.offset + t.length > buf.length) return undefined;
  return buf.subarray(t.offset, t.offset + t.length);
}
