// Text: the display list's glyph runs as text operators, and the fonts
// they use. pdfkit's `doc.text()` would shape every line again through
// fontkit's layout engine, slowly (docs/design/FACTS.md); the display list already carries glyph ids and positions, so each
// glyph only has to be given a code in its face's subset (font-program.ts),
// with its width and text for the font objects (font-objects.ts), and the
// text operators are written here.
import type { FaceSource, TextRun } from '../layout/display-list.js';
import { openFace, type Face } from '../fonts/face.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import type { ContentWriter } from './content-writer.js';
import { fontProgram, type FontProgram } from './font-program.js';
import { writeFontObjects } from './font-objects.js';
import { horizontalMetrics, type HorizontalMetrics } from './truetype-subset.js';
import { num } from './numbers.js';

interface FontEntry {
  face: Face;
  program: FontProgram;
  /** Resource name on the pages, `F1`, `F2`, … */
  resource: string;
  /** The Type0 font, written at the end (writeFontObjects) once every glyph is known. */
  ref: PdfRef;
  /** Subset code + 1 by original glyph id (0: not in the subset yet). */
  codes: Int32Array;
  /** Width of each glyph drawn, 1/1000 em, by original glyph id. */
  widths: Float64Array;
  /** Width and text of each code, for the font objects. */
  codeWidths: number[];
  unicode: number[][];
  metrics: HorizontalMetrics | undefined;
  /** Codes + 1 of glyph variants (a cut box), by variantKey (0: the program cannot hold variants). */
  variants: Map<number, number>;
}

/** Variant boxes are rounded to this fraction of an em (the rest goes into the TJ numbers). */
const VARIANT_STEP = 1 / 200;

/**
 * A gap between two glyph boxes at least this wide (1/1000 em) is glue
 * (Han–Latin space, justification), not a space: extractors would read it as
 * one, so the glyphs around it get an ActualText without it.
 */
const GLUE_GAP = 80;

function isBlank(text: string): boolean {
  return text === ' ' || text === '\u3000' || text.trim() === '';
}

/** The UTF-16BE hex string, with its byte-order mark, of an ActualText. */
function utf16Hex(text: string): string {
  let out = '<FEFF';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return out + '>';
}


/** TJ adjustments smaller than this (1/1000 em) are dropped: below 0.0001 pt at any text size. */
const ADJUST_EPSILON = 0.005;

function adjustment(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '' : String(r);
}

export class GlyphWriter {
  private readonly entries = new Map<string, FontEntry>();
  /** One embedded font per file: two keys naming the same file share it. */
  private readonly byPath = new Map<string, FontEntry>();
  // Per-glyph placements of the run being drawn (placeRun), reused from run to run.
  private codeBuf = new Int32Array(256);
  private leftBuf = new Float64Array(256);
  private widthBuf = new Float64Array(256);

  /**
   * @param open faces already opened by layout, by face key (optional): their
   *   bytes and fontkit objects are used, so no file is read twice.
   */
  constructor(
    private readonly doc: PdfDoc,
    private readonly faces: Record<string, FaceSource>,
    private readonly open?: ReadonlyMap<string, Face>,
  ) {}

  /** The embedded font for a face key, made on first use. */
  private entry(key: string): FontEntry {
    const known = this.entries.get(key);
    if (known) return known;
    const source = this.faces[key];
    if (!source) throw new Error(`render: text run uses face "${key}", which the display list does not define`);
    // docs/design/FACTS.md: a WOFF2 font must be converted first.
    if (/\.woff2?$/i.test(source.path)) throw new Error(`render: face "${key}" is a WOFF file (${source.path}); convert it to TTF before rendering`);
    let e = this.byPath.get(source.path);
    if (!e) {
      const face = this.open?.get(key) ?? openFace(key, source.path);
      const program = fontProgram(face);
      const metrics = horizontalMetrics(face.file);
      const scale = 1000 / face.unitsPerEm;
      const notdef = (metrics ? metrics.advance(0) : face.font.getGlyph(0).advanceWidth) * scale;
      e = {
        face,
        program,
        resource: `F${this.byPath.size + 1}`,
        ref: this.doc.ref({}),
        // Glyph ids are 16-bit: flat arrays beat a Map look-up per glyph drawn.
        codes: new Int32Array(0x10000),
        widths: new Float64Array(0x10000),
        codeWidths: [notdef],
        unicode: [[0]],
        metrics,
        variants: new Map(),
      };
      this.byPath.set(source.path, e);
    }
    this.entries.set(key, e);
    return e;
  }

  /** Adds a glyph to the subset with its width and text; returns its code. */
  private glyph(entry: FontEntry, id: number, text: string): number {
    const known = entry.codes[id];
    if (known !== 0) return known - 1;
    const { face } = entry;
    const code = entry.program.include(id);
    const advance = entry.metrics ? entry.metrics.advance(id) : face.font.getGlyph(id).advanceWidth;
    entry.codeWidths[code] ??= (advance * 1000) / face.unitsPerEm;
    // The display list's text is what the reader meant (a glyph can serve several code
    // points); fontkit's cmap reverse look-up is the fallback for glyphs without text.
    entry.unicode[code] ??= text ? Array.from(text, (c) => c.codePointAt(0)!) : face.font.getGlyph(id).codePoints;
    entry.codes[id] = code + 1;
    entry.widths[id] = entry.codeWidths[code];
    return code;
  }

  /** Writes every font used (call once, after the last page). */
  finish(): void {
    for (const e of this.byPath.values()) {
      writeFontObjects(this.doc, e.ref, {
        postscriptName: e.face.postscriptName,
        unitsPerEm: e.face.unitsPerEm,
        file: e.face.file,
        program: e.program,
        widths: e.codeWidths,
        unicode: e.unicode,
      });
    }
  }

  /**
   * The code of glyph `id` drawn in a box `lead` pt right of its origin and
   * `box` pt wide at `size` (typeset/glyph-run.ts), and that box's width in
   * 1/1000 em; undefined when the font's subset cannot hold variants (the
   * glyph is then drawn as it is).
   */
  private variant(entry: FontEntry, id: number, text: string, lead: number, box: number, size: number): { code: number; width: number } | undefined {
    const leadQ = Math.round(lead / size / VARIANT_STEP);
    // Rounded down: a box never reaches into the next glyph's (the TJ numbers keep the positions exact).
    const boxQ = Math.floor(box / size / VARIANT_STEP + 1e-6);
    if (leadQ < 0 || boxQ < 0 || leadQ > 2047 || boxQ > 2047) return undefined;
    const key = (id * 2048 + leadQ) * 2048 + boxQ;
    // The width in the PDF is the variant's advance in the font program, exactly (PDF/A checks they agree).
    const upem = entry.face.unitsPerEm;
    const advance = Math.round(boxQ * VARIANT_STEP * upem);
    const width = (advance * 1000) / upem;
    const known = entry.variants.get(key);
    if (known !== undefined) return known === 0 ? undefined : { code: known - 1, width };
    const base = this.glyph(entry, id, text);
    const sub = entry.program.variant(base, -leadQ * VARIANT_STEP * upem, advance);
    entry.variants.set(key, sub === undefined ? 0 : sub + 1);
    if (sub === undefined) return undefined;
    entry.codeWidths[sub] = width;
    entry.unicode[sub] = Array.from(text, (c) => c.codePointAt(0)!);
    return { code: sub, width };
  }

  /**
   * The text object for one run: `BT /Fn size Tf 1 0 0 -1 x y Tm [...] TJ ET`.
   * The page's CTM is pdfkit's top-down flip (`1 0 0 -1 0 H cm`, plus the bleed
   * shift in press mode), so `1 0 0 -1` in Tm turns glyphs upright again and x, y
   * are the display list's own coordinates. A glyph whose box composition cut
   * (compressed punctuation, a space set to its glue) is drawn as a variant
   * with that box's advance, so boxes never overlap; each gap between boxes
   * becomes a TJ number, so the drawn positions are exactly the display list's.
   * Glyphs joined by glue (a gap an extractor would take for a space) are
   * wrapped in a /Span with their ActualText, which has no space.
   */
  drawRun(run: TextRun, out: ContentWriter): void {
    const { store, start, end } = run.glyphs;
    if (start === end) return;
    const entry = this.entry(run.face);
    this.doc.page.fonts[entry.resource] = entry.ref;
    const n = end - start;
    const { code, left, width } = this.placeRun(entry, run);
    const perPt = 1000 / run.size;
    const { texts } = store;
    out.text(`BT /${entry.resource} ${num(run.size)} Tf 1 0 0 -1 ${num(run.x + left[0])} ${num(run.y)} Tm [(`);
    // The glyph that ends the open ActualText span (−1: none open).
    let spanEnd = -1;
    for (let k = 0; k < n; k++) {
      const adj = k + 1 < n ? width[k] - (left[k + 1] - left[k]) * perPt : 0;
      if (spanEnd < 0 && k + 1 < n && -adj >= GLUE_GAP && glue(texts, start + k)) {
        // Glyphs k… joined by glue: one span, its text theirs without the gaps.
        let e = k + 1;
        let text = texts[start + k];
        while (e + 1 < n && width[e] - (left[e + 1] - left[e]) * perPt <= -GLUE_GAP && glue(texts, start + e)) text += texts[start + e++];
        text += texts[start + e];
        out.text(`)] TJ\n/Span <</ActualText ${utf16Hex(text)}>> BDC\n[(`);
        spanEnd = e;
      }
      out.code2(code[k]);
      const a = adj >= ADJUST_EPSILON || adj <= -ADJUST_EPSILON ? adjustment(adj) : '';
      if (k === spanEnd) {
        out.text(`${a ? `) ${a}` : ')'}] TJ\nEMC\n[(`);
        spanEnd = -1;
      } else if (a) out.text(`) ${a} (`);
    }
    out.line(')] TJ ET');
  }

  /** Each glyph's code, box left (pt, relative to the run's x) and advance (1/1000 em), in reused arrays. */
  private placeRun(entry: FontEntry, run: TextRun): { code: Int32Array; left: Float64Array; width: Float64Array } {
    const { store, start, end } = run.glyphs;
    const { ids, xs, texts, leads, boxes, advances } = store;
    const n = end - start;
    if (this.codeBuf.length < n) {
      this.codeBuf = new Int32Array(2 * n);
      this.leftBuf = new Float64Array(2 * n);
      this.widthBuf = new Float64Array(2 * n);
    }
    const code = this.codeBuf;
    const left = this.leftBuf;
    const width = this.widthBuf;
    const size = run.size;
    const eps = size / 2000;
    const { codes, widths } = entry;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const id = ids[i];
      const lead = leads[i];
      const box = boxes[i];
      const cut = lead > eps || lead < -eps || box < advances[i] - eps || box > advances[i] + eps;
      const v = cut ? this.variant(entry, id, texts[i], lead, box, size) : undefined;
      if (v) {
        code[k] = v.code;
        left[k] = xs[i] + lead;
        width[k] = v.width;
        continue;
      }
      const known = codes[id];
      code[k] = known !== 0 ? known - 1 : this.glyph(entry, id, texts[i]);
      left[k] = xs[i];
      width[k] = widths[id];
    }
    return { code, left, width };
  }
}

/** Whether glyphs i and i+1 may be joined in one ActualText: neither is a space (a space is text, not glue). */
function glue(texts: readonly string[], i: number): boolean {
  return !isBlank(texts[i]) && !isBlank(texts[i + 1]);
}
