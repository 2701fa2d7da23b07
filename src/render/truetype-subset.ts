// A TrueType (glyf) subset made from the font file's bytes: glyph records
// copied as stored, compound glyphs with their components added after them
// and renumbered, hmtx entries from the font's hmtx. Subset index 0 is the
// font's glyph 0 (.notdef).
//
// The subset also holds glyph variants (variant()): a compressed mark is
// drawn with an advance of its set width, so that no glyph's box overlaps its
// neighbour's (text extraction reads boxes). A variant is a compound glyph of
// one component, the base glyph moved left by the part cut off its left
// side, with its own advance; the PDF's W array then gives it that advance. The file is assembled by sfnt-subset.ts. A font
// this cannot copy exactly (short loca offsets, tables it does not know how
// to copy) is subset by fontkit's public createSubset() instead
// (font-program.ts).
import { tableBytes, type FontFile } from '../fonts/font-file.js';
import { copiedTables, encodeSubset, type CopiedTables } from './sfnt-subset.js';

/** The horizontal metrics of a glyph id, in font units (OpenType hmtx). */
export interface HorizontalMetrics {
  advance(id: number): number;
  leftBearing(id: number): number;
}

/** hmtx read from the file: glyphs past numberOfMetrics share the last advance and have their own bearing (0 past the array). */
export function horizontalMetrics(file: FontFile): HorizontalMetrics | undefined {
  const hhea = tableBytes(file, 'hhea');
  const hmtx = file.tables.get('hmtx');
  if (!hhea || hhea.length < 36 || !hmtx) return undefined;
  const n = (hhea[34] << 8) | hhea[35];
  if (n === 0 || 4 * n > hmtx.length) return undefined;
  const bytes = file.bytes;
  const base = hmtx.offset;
  const bearings = Math.floor((hmtx.length - 4 * n) / 2);
  return {
    advance: (id) => bytes.readUInt16BE(base + 4 * Math.min(id, n - 1)),
    leftBearing: (id) => {
      if (id < n) return bytes.readInt16BE(base + 4 * id + 2);
      const k = id - n;
      return k < bearings ? bytes.readInt16BE(base + 4 * n + 2 * k) : 0;
    },
  };
}

/** A variant glyph: the base (by subset index) moved by dx font units, with its own advance. */
interface Variant {
  base: number;
  dx: number;
  advance: number;
}

/** The compound record of a variant: one component, the base moved by dx (OpenType glyf, ARGS_ARE_XY_VALUES). */
function variantRecord(baseRecord: Uint8Array, v: Variant): { record: Uint8Array; bearing: number } {
  if (baseRecord.length < 10) return { record: new Uint8Array(0), bearing: 0 }; // a blank glyph: nothing to draw
  const base = new DataView(baseRecord.buffer, baseRecord.byteOffset, baseRecord.byteLength);
  const record = new Uint8Array(18);
  const view = new DataView(record.buffer);
  const xMin = base.getInt16(2) + v.dx;
  view.setInt16(0, -1); // numberOfContours: compound
  view.setInt16(2, xMin);
  view.setInt16(4, base.getInt16(4));
  view.setInt16(6, base.getInt16(6) + v.dx);
  view.setInt16(8, base.getInt16(8));
  view.setUint16(10, 0x0003); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
  view.setUint16(12, v.base);
  view.setInt16(14, v.dx);
  view.setInt16(16, 0);
  return { record, bearing: xMin };
}

/** Where each component's glyph id sits in a compound record (offsets into the record). */
function componentPositions(record: Uint8Array): number[] {
  const at: number[] = [];
  if (record.length < 10 || (record[0] & 0x80) === 0) return at;
  let p = 10;
  for (;;) {
    if (p + 4 > record.length) return at;
    const flags = (record[p] << 8) | record[p + 1];
    at.push(p + 2);
    p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
    if ((flags & 0x0020) === 0) return at; // MORE_COMPONENTS
  }
}

export class TrueTypeSubset {
  /** Original glyph ids, in subset order. */
  readonly glyphs: number[] = [];
  private readonly index = new Map<number, number>();
  /** Variants by their subset index. */
  private readonly variants = new Map<number, Variant>();

  private constructor(
    private readonly file: FontFile,
    private readonly copied: CopiedTables,
    private readonly metrics: HorizontalMetrics,
    private readonly loca: (id: number) => number,
    private readonly glyf: { offset: number; length: number },
  ) {
    this.include(0);
  }

  /** A subset of this font, or undefined when it is not one this module copies exactly. */
  static of(file: FontFile): TrueTypeSubset | undefined {
    const copied = copiedTables(file);
    const metrics = horizontalMetrics(file);
    const loca = file.tables.get('loca');
    const glyf = file.tables.get('glyf');
    const maxp = tableBytes(file, 'maxp');
    if (!copied || !metrics || !loca || !glyf || !maxp) return undefined;
    const glyphs = (maxp[4] << 8) | maxp[5];
    // Long offsets (copiedTables checked head), one more than glyphs.
    if (loca.length < 4 * (glyphs + 1)) return undefined;
    const bytes = file.bytes;
    return new TrueTypeSubset(file, copied, metrics, (id) => bytes.readUInt32BE(loca.offset + 4 * id), glyf);
  }

  /** The subset index of glyph `id`, added at the end when it is new. */
  include(id: number): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.glyphs.length;
      this.glyphs.push(id);
      this.index.set(id, i);
    }
    return i;
  }

  /**
   * Adds a variant of the glyph at subset index `base` (see the header): moved
   * by `dx` font units, `advance` wide. Returns its subset index.
   */
  variant(base: number, dx: number, advance: number): number {
    // The entry keeps the base's original id, so that loading the records of `glyphs` loads its outline.
    this.glyphs.push(this.glyphs[base]);
    const index = this.glyphs.length - 1;
    this.variants.set(index, { base, dx: Math.round(dx), advance: Math.max(0, Math.round(advance)) });
    return index;
  }

  /** The glyph's record as stored (empty for a blank glyph or an offset outside glyf). */
  private record(id: number): Uint8Array {
    const start = this.loca(id);
    const end = this.loca(id + 1);
    if (end <= start || end > this.glyf.length) return new Uint8Array(0);
    return this.file.bytes.subarray(this.glyf.offset + start, this.glyf.offset + end);
  }

  /** The font program: every glyph's record, compound glyphs' components following in the order met. */
  encode(): Uint8Array {
    this.file.loadGlyphs(this.glyphs);
    const glyf: Uint8Array[] = [];
    const locaOffsets: number[] = [];
    const metrics: { advance: number; bearing: number }[] = [];
    let offset = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const v = this.variants.get(i);
      if (v) {
        // A variant comes after its base (variant()), so the base's record is already here.
        const { record, bearing } = variantRecord(glyf[v.base], v);
        glyf.push(record);
        locaOffsets.push(offset);
        metrics.push({ advance: v.advance, bearing });
        offset += record.length;
        continue;
      }
      const id = this.glyphs[i];
      let record = this.record(id);
      const components = componentPositions(record);
      if (components.length > 0) {
        record = Uint8Array.from(record);
        const view = new DataView(record.buffer);
        for (const at of components) view.setUint16(at, this.include(view.getUint16(at)));
      }
      glyf.push(record);
      locaOffsets.push(offset);
      metrics.push({ advance: this.metrics.advance(id), bearing: this.metrics.leftBearing(id) });
      offset += record.length;
    }
    locaOffsets.push(offset);
    return encodeSubset(this.copied, { glyf, locaOffsets, metrics, compounds: this.variants.size > 0 });
  }
}
