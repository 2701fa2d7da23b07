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
  s.encode = function (this: TtfSubsetInternals): Uint8Array {
    // As fontkit's encode(): fresh tables, then every glyph (compound glyphs append their components).
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: 1 };
    this.hmtx = { metrics: [], bearings: [] };
    for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]);
    this.loca.offsets.push(this.offset);
    return encodeSubset(copied, { glyf: this.glyf, locaOffsets: this.loca.offsets, metrics: this.hmtx.metrics });
  };
}
