// The fast glyph path. pdfkit's `doc.text()` shapes every line through
// fontkit's layout engine (FACTS.md: ~250 ms for one sample's worth of text,
// seconds for a 50-page issue); the display list already carries glyph ids
// and positions, so render only has to register each glyph with pdfkit's
// embedded font (subset, ToUnicode, widths — what EmbeddedFont.encode() does)
// and write the text operators itself.
import { createHash } from 'node:crypto';
import type { FaceSource, TextRun } from '../layout/display-list.js';
import type { EmbeddedFont, PdfDoc } from './pdfkit-internals.js';
import type { OpenFace } from './index.js';
import { fastSimpleGlyphs } from './fast-subset.js';
import { rawHmtx, seedLoca, withPostHeader, type RawHmtx } from './font-tables.js';
import type { ContentWriter } from './content-writer.js';
import { num } from './numbers.js';

interface FontEntry {
  font: EmbeddedFont;
  /** Subset code + 1 by original glyph id (0: not in the subset yet). */
  codes: Int32Array;
  /** The width pdfkit records for the glyph, 1/1000 em, by original glyph id. */
  widths: Float64Array;
  /** Advances straight from hmtx, when the font allows (font-tables.ts). */
  hmtx: RawHmtx | undefined;
}

/** TJ adjustments smaller than this (1/1000 em) are dropped: below 0.0001 pt at any text size. */
const ADJUST_EPSILON = 0.005;

function adjustment(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '' : String(r);
}

export class GlyphWriter {
  private readonly entries = new Map<string, FontEntry>();

  /**
   * @param open faces already opened by layout, by face key (optional): pdfkit
   *   accepts a fontkit object in place of a path, so the file is not read twice.
   */
  constructor(
    private readonly doc: PdfDoc,
    private readonly faces: Record<string, FaceSource>,
    private readonly open?: ReadonlyMap<string, OpenFace>,
  ) {}

  /** The embedded font for a face key, registered with pdfkit on first use (one EmbeddedFont per file). */
  private entry(key: string): FontEntry {
    let e = this.entries.get(key);
    if (e) return e;
    const source = this.faces[key];
    if (!source) throw new Error(`render: text run uses face "${key}", which the display list does not define`);
    // FACTS.md: pdfkit with a WOFF2 font takes minutes and gigabytes; fonts must be converted first.
    if (/\.woff2?$/i.test(source.path)) throw new Error(`render: face "${key}" is a WOFF file (${source.path}); convert it to TTF before rendering`);
    const open = this.open?.get(key);
    if (open) {
      // Layout's own fontkit object: no second read and parse of a 15 MB file.
      seedLoca(open.font);
      this.doc.font(open.font);
    } else {
      const name = `bulletin:${key}`;
      // A collection needs the member's PostScript name; for a plain TTF pdfkit would read
      // the second argument as a variation name, so it is passed only for .ttc/.otc.
      const member = /\.(ttc|otc)$/i.test(source.path) ? source.name : undefined;
      this.doc.registerFont(name, source.path, member);
      this.doc.font(name);
    }
    const font = this.doc._font;
    // Two keys naming the same file share pdfkit's font object, so they share the glyph cache too.
    for (const other of this.entries.values()) {
      if (other.font === font) {
        this.entries.set(key, other);
        return other;
      }
    }
    // Glyph ids are 16-bit: flat arrays beat a Map look-up per glyph drawn.
    e = { font, codes: new Int32Array(0x10000), widths: new Float64Array(0x10000), hmtx: rawHmtx(font.font) };
    this.entries.set(key, e);
    useContentSubsetTag(font);
    fastSimpleGlyphs(font.subset);
    if (open?.loadGlyphs) loadRecordsBeforeEncoding(font, open.loadGlyphs);
    return e;
  }

  /** Adds a glyph to the subset with its Unicode text and width, as EmbeddedFont.encode() does; returns its code. */
  private glyph(entry: FontEntry, id: number, text: string): number {
    const known = entry.codes[id];
    if (known !== 0) return known - 1;
    const { font } = entry;
    const sub = font.subset.includeGlyph(id);
    const advance = entry.hmtx ? entry.hmtx.advance(id) : font.font.getGlyph(id).advanceWidth;
    if (font.widths[sub] == null) font.widths[sub] = advance * font.scale;
    if (font.unicode[sub] == null) {
      // The display list's text is what the reader meant (a glyph can serve several code
      // points); fontkit's cmap reverse look-up is the fallback for glyphs without text.
      font.unicode[sub] = text ? Array.from(text, (c) => c.codePointAt(0)!) : font.font.getGlyph(id).codePoints;
    }
    entry.codes[id] = sub + 1;
    entry.widths[id] = font.widths[sub];
    return sub;
  }

  /**
   * The text object for one run: `BT /Fn size Tf 1 0 0 -1 x y Tm [...] TJ ET`.
   * The page's CTM is pdfkit's top-down flip (`1 0 0 -1 0 H cm`, plus the bleed
   * shift in press mode), so `1 0 0 -1` in Tm turns glyphs upright again and x, y
   * are the display list's own coordinates. Each gap between glyph origins that
   * differs from the glyph's width becomes a TJ number, so the drawn positions are
   * exactly the display list's and extractors see one unbroken string.
   */
  drawRun(run: TextRun, out: ContentWriter): void {
    const { store, start, end } = run.glyphs;
    if (start === end) return;
    const entry = this.entry(run.face);
    const page = this.doc.page;
    if (page.fonts[entry.font.id] == null) page.fonts[entry.font.id] = entry.font.ref();

    // The run's glyphs are a range of its paragraph's packed arrays (typeset/glyph-run.ts).
    const { ids, xs, texts } = store;
    const x = run.x + xs[start];
    out.text(`BT /${entry.font.id} ${num(run.size)} Tf 1 0 0 -1 ${num(x)} ${num(run.y)} Tm [(`);
    const perPt = 1000 / run.size;
    const { codes, widths } = entry;
    let x0 = xs[start];
    for (let i = start; i < end; i++) {
      const id = ids[i];
      const known = codes[id];
      const code = known !== 0 ? known - 1 : this.glyph(entry, id, texts[i]);
      out.code2(code);
      if (i + 1 < end) {
        const x1 = xs[i + 1];
        const adj = widths[id] - (x1 - x0) * perPt;
        x0 = x1;
        if (adj >= ADJUST_EPSILON || adj <= -ADJUST_EPSILON) {
          const a = adjustment(adj);
          if (a) out.text(`) ${a} (`);
        }
      }
    }
    out.line(')] TJ ET');
  }
}

/**
 * A face read without its outlines (src/fonts/sparse-font.ts) has only the
 * glyph records loaded so far: every glyph of the subset (compound glyphs'
 * components follow) is read before the subset copies them, whichever
 * encoder runs (the fast one of fast-subset.ts or fontkit's own).
 */
function loadRecordsBeforeEncoding(font: EmbeddedFont, loadGlyphs: (ids: Iterable<number>) => void): void {
  const subset = font.subset as EmbeddedFont['subset'] & { encode(): Uint8Array };
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    loadGlyphs(subset.glyphs);
    return encode();
  };
}

/**
 * pdfkit names a subset after its resource id (`F1` → `BZZZZZ+`), so every
 * bulletin's body font is `BZZZZZ+NotoSerifSC-Regular` whatever glyphs it
 * holds; a RIP or an imposition tool that meets two such files may take one
 * subset for the other. The tag is made from the subset's glyph list instead
 * (same glyphs, same tag: output stays reproducible). pdfkit derives the tag
 * as `charCode(id[i]) + 17` for i = 1…6, so the id is swapped for the call.
 */
function useContentSubsetTag(font: EmbeddedFont): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const glyphs = font.subset.glyphs;
    const digest = createHash('md5').update(`${font.font.postscriptName}:${glyphs.join(',')}`).digest();
    const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26)));
    const id = font.id;
    font.id = `_${tag.map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
    try {
      withPostHeader(font.font, embed);
    } finally {
      font.id = id;
    }
  };
}
