// fontkit 2.0.4's TrueType subsetter decodes every glyph's outline
// (`glyph._decode()`) only to learn whether it is a compound glyph, whose
// components must be added too. For a CJK subset of 3,000+ glyphs that is a
// quarter of the render time. A compound glyph says so in the first two bytes
// of its record (numberOfContours < 0), so simple glyphs are copied without
// decoding, exactly as fontkit copies them; compound glyphs and variable fonts
// go through fontkit's own code. The hmtx entry is read from the table too
// (font-tables.ts): fontkit's glyph metrics decode the outline's bounding box.
// The subset file is then assembled from the font's stored tables
// (sfnt-subset.ts). tests/render/glyphs.test.ts checks that the embedded font
// program is byte-identical to fontkit's own subset.
//
// The same encoder adds glyph variants (addVariant): a compressed mark is
// drawn with an advance of its set width, so that no glyph's box overlaps its
// neighbour's (text extraction reads boxes). A variant is a compound glyph of
// one component, the base glyph moved left by the part cut off its left
// side, with its own advance; the PDF's W array then gives it that advance.
import { rawHmtx, rawTable } from './font-tables.js';
import { copiedTables, encodeSubset } from './sfnt-subset.js';

interface TableStream {
  pos: number;
  readBuffer(length: number): Uint8Array;
}

interface TtfSubsetInternals {
  font: {
    _variationProcessor?: unknown;
    loca: { offsets: ArrayLike<number>; version: number };
    _getTableStream(tag: string): TableStream;
    getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset: number;
  cff?: unknown;
  glyphs: number[];
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** A variant glyph: the base (by subset index) moved by dx font units, with its own advance. */
interface Variant {
  base: number;
  dx: number;
  advance: number;
}

/** The variants of each subset the fast encoder owns, by their subset index. */
const variantsOf = new WeakMap<object, Map<number, Variant>>();

/**
 * Adds a variant of the glyph at subset index `base` (see the header) and
 * returns its subset index, or undefined when this subset is not written by
 * the fast encoder (then the caller draws the base glyph).
 */
export function addVariant(subset: object, base: number, dx: number, advance: number): number | undefined {
  const variants = variantsOf.get(subset);
  if (!variants) return undefined;
  const s = subset as TtfSubsetInternals;
  // The entry keeps the base's original id, so that whatever loads the records of s.glyphs loads its outline.
  s.glyphs.push(s.glyphs[base]);
  const index = s.glyphs.length - 1;
  variants.set(index, { base, dx: Math.round(dx), advance: Math.max(0, Math.round(advance)) });
  return index;
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

/** Installs the fast path on one fontkit TTF subset object (CFF subsets are left alone). */
export function fastSimpleGlyphs(subset: object): void {
  const s = subset as TtfSubsetInternals;
  const original = s._addGlyph;
  if (typeof original !== 'function' || s.cff !== undefined || !('glyphEncoder' in s)) return;
  const hmtx = rawHmtx(s.font);
  // The glyf table's bytes, to take each record as a view (fontkit reads the same
  // bytes through its stream, a table look-up and a seek per glyph).
  const glyfBytes = rawTable(s.font, 'glyf');
  s._addGlyph = function (this: TtfSubsetInternals, gid: number): number {
    const font = this.font;
    if (font._variationProcessor) return original.call(this, gid);
    const offsets = font.loca.offsets;
    const cur = offsets[gid];
    const next = offsets[gid + 1];
    let buffer: Uint8Array;
    if (glyfBytes) buffer = glyfBytes.subarray(cur, next);
    else {
      const stream = font._getTableStream('glyf');
      stream.pos += cur;
      buffer = stream.readBuffer(next - cur);
    }
    // numberOfContours (int16) < 0: a compound glyph; let fontkit add its components.
    if (buffer.length >= 2 && (buffer[0] & 0x80) !== 0) return original.call(this, gid);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    if (hmtx) {
      this.hmtx.metrics.push({ advance: hmtx.advance(gid), bearing: hmtx.leftBearing(gid) });
    } else {
      const glyph = font.getGlyph(gid);
      this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    }
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };

  // The file itself: the stored tables copied instead of decoded and re-encoded (sfnt-subset.ts).
  const copied = s.font._variationProcessor ? undefined : copiedTables(s.font);
  if (!copied) return;
  const variants = new Map<number, Variant>();
  variantsOf.set(s, variants);
  s.encode = function (this: TtfSubsetInternals): Uint8Array {
    // As fontkit's encode(): fresh tables, then every glyph (compound glyphs append their components).
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: 1 };
    this.hmtx = { metrics: [], bearings: [] };
    for (let i = 0; i < this.glyphs.length; i++) {
      const v = variants.get(i);
      if (!v) {
        this._addGlyph(this.glyphs[i]);
        continue;
      }
      // A variant comes after its base (addVariant), so the base's record is already here.
      const { record, bearing } = variantRecord(this.glyf[v.base], v);
      this.glyf.push(record);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: v.advance, bearing });
      this.offset += record.length;
    }
    this.loca.offsets.push(this.offset);
    return encodeSubset(copied, { glyf: this.glyf, locaOffsets: this.loca.offsets, metrics: this.hmtx.metrics, compounds: variants.size > 0 });
  };
}
