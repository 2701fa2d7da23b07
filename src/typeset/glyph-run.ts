// The glyphs of a text run, packed. A 50-page bulletin places a quarter of a
// million glyphs, and an object each would be the largest allocation of
// composition; so composition writes a paragraph's glyphs into parallel
// arrays (a GlyphStore), each run of a line is a range of them, and render
// reads them in order.

/** One glyph of a run, positioned on the line (a run keeps them packed: GlyphRun.at() gives this view). */
export interface PlacedGlyph {
  /** Glyph id in the run's face (the TTF that render embeds). */
  id: number;
  /** The characters this glyph stands for, for the ToUnicode map and text extraction. */
  text: string;
  /** Pen position of the glyph's origin relative to the run's x, in pt. */
  x: number;
  /** The glyph's natural advance at the run's size, in pt (before any compression). */
  advance: number;
  /** Its box on the line, when composition cut it (compressed punctuation, a space set to its glue): left edge relative to x, pt (default 0). */
  lead?: number;
  /** And width, pt (default: advance). Render draws the glyph with this advance. */
  box?: number;
}

/** Parallel arrays for the glyphs of one paragraph (or one set line), filled in order. */
export class GlyphStore {
  /** Glyph ids in their run's face (TrueType ids are 16-bit). */
  readonly ids: Uint16Array;
  /** Pen position of each glyph's origin relative to its run's x, pt. */
  readonly xs: Float64Array;
  /** Natural advance of each glyph at its run's size, pt (before any compression). */
  readonly advances: Float64Array;
  /** The characters each glyph stands for (ToUnicode, text extraction). */
  readonly texts: string[];
  /**
   * The glyph's box on the line, when composition cut it (compressed
   * punctuation, a space set to its glue): its left edge relative to the
   * origin, pt, and its width, pt. Boxes of a line never overlap, and render
   * draws each glyph with exactly its box's advance (render/truetype-subset.ts).
   * Otherwise lead 0 and box = advance.
   */
  readonly leads: Float32Array;
  readonly boxes: Float32Array;
  length = 0;

  constructor(capacity: number) {
    this.ids = new Uint16Array(capacity);
    this.xs = new Float64Array(capacity);
    this.advances = new Float64Array(capacity);
    this.texts = new Array<string>(capacity);
    this.leads = new Float32Array(capacity);
    this.boxes = new Float32Array(capacity);
  }

  push(id: number, text: string, x: number, advance: number, lead = 0, box = advance): void {
    const i = this.length++;
    if (i >= this.ids.length) throw new Error(`GlyphStore: more than ${this.ids.length} glyphs`);
    this.ids[i] = id;
    this.texts[i] = text;
    this.xs[i] = x;
    this.advances[i] = advance;
    this.leads[i] = lead;
    this.boxes[i] = box;
  }

  /** The glyphs pushed from `start` on, as a run. */
  runFrom(start: number): GlyphRun {
    return new GlyphRun(this, start, this.length);
  }
}

/** Glyphs start..end−1 of a store: the glyphs of one run. Indexes given to its methods count from the run's first glyph. */
export class GlyphRun {
  constructor(
    readonly store: GlyphStore,
    readonly start: number,
    readonly end: number,
  ) {}

  /** A run of glyphs given one by one (tests, hand-made display lists). */
  static of(glyphs: readonly PlacedGlyph[]): GlyphRun {
    const store = new GlyphStore(glyphs.length);
    for (const g of glyphs) store.push(g.id, g.text, g.x, g.advance, g.lead, g.box);
    return store.runFrom(0);
  }

  get length(): number {
    return this.end - this.start;
  }

  id(i: number): number {
    return this.store.ids[this.start + i];
  }

  x(i: number): number {
    return this.store.xs[this.start + i];
  }

  text(i: number): string {
    return this.store.texts[this.start + i];
  }

  advance(i: number): number {
    return this.store.advances[this.start + i];
  }

  /** Left edge of glyph i's box relative to its origin, pt. */
  lead(i: number): number {
    return this.store.leads[this.start + i];
  }

  /** Width of glyph i's box, pt. */
  box(i: number): number {
    return this.store.boxes[this.start + i];
  }

  /** Glyph i as an object (tests and checks; hot paths read the store's arrays). */
  at(i: number): PlacedGlyph {
    return { id: this.id(i), text: this.text(i), x: this.x(i), advance: this.advance(i), lead: this.lead(i), box: this.box(i) };
  }

  /** Every glyph as an object. */
  toArray(): PlacedGlyph[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}
