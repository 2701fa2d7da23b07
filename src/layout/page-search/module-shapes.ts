// Module shapes: what a module of one article is at each width (docs/layout.md,
// "Module shapes"). A module holds the article from an item (0, or where a
// continued part resumes) to its end, in k columns balanced within a row:
// its rows are the gap above it, its header and its tallest column; with its
// taste (cost.ts). Computed when first asked for and kept for the search's
// whole run, in typed arrays by slot (SearchSize.slot): the search asks for
// shapes millions of times on a long bulletin, and objects kept that long
// were what the young-generation collector copied most.
import type { PreparedArticle } from '../article.js';
import type { HeaderSize } from '../header.js';
import type { ColumnFlow, Partition } from '../flow.js';
import { moduleTaste } from './cost.js';
import type { SearchSize } from './space.js';

/** A shape: its slot number, or NO_SHAPE when no balanced module exists at that width. */
export type Shape = number;
export const NO_SHAPE: Shape = -1;


export class ModuleShapes {
  /** Rows by slot: 0 not computed yet, −1 no balanced module, else gap + header + tallest column. */
  private readonly rowsBySlot: Int32Array;
  private readonly headerBySlot: Int32Array;
  private readonly tasteBySlot: Float64Array;
  private readonly lastTasteBySlot: Float64Array;
  /** A start's header rows by article and width, plus one (0: not asked yet): every split part asks for them. */
  private readonly startHeaderRows: Int32Array;
  /** The same for a continued part's header. */
  private readonly contHeaderRows: Int32Array;

  constructor(
    private readonly articles: readonly PreparedArticle[],
    private readonly size: SearchSize,
    private readonly flow: ColumnFlow,
  ) {
    this.rowsBySlot = new Int32Array(size.slots);
    this.headerBySlot = new Int32Array(size.slots);
    this.tasteBySlot = new Float64Array(size.slots);
    this.lastTasteBySlot = new Float64Array(size.slots);
    this.startHeaderRows = new Int32Array(size.articles * (size.columns + 1));
    this.contHeaderRows = new Int32Array(size.articles * (size.columns + 1));
  }

  /** The module of article a from item `from` at width k, or NO_SHAPE. */
  shape(a: number, from: number, k: number): Shape {
    const s = this.size.slot(a, from, k);
    if (this.rowsBySlot[s] === 0) this.compute(s, a, from, k);
    return this.rowsBySlot[s] < 0 ? NO_SHAPE : s;
  }

  /** Rows the module takes: the gap above it, its header, the air under it and its tallest column (more than a page: only a split part of it fits). */
  rows(s: Shape): number {
    return this.rowsBySlot[s];
  }

  headerRows(s: Shape): number {
    return this.headerBySlot[s];
  }

  /** Its taste (cost.ts moduleTaste), and what taste adds when it is in the bulletin's last band. */
  taste(s: Shape): number {
    return this.tasteBySlot[s];
  }

  lastTaste(s: Shape): number {
    return this.lastTasteBySlot[s];
  }

  /** The header's size of article a from item `from` at width k (a continued part's: its title and 上接 mark). */
  header(a: number, from: number, k: number): HeaderSize {
    return from === 0 ? this.articles[a].headerSize(k) : this.articles[a].contHeaderSize(k);
  }

  /** The header's rows and the air under it (a continued part has none), kept by article and width. */
  headerRowsAt(a: number, from: number, k: number): number {
    const x = a * (this.size.columns + 1) + k;
    if (from > 0) {
      if (this.contHeaderRows[x] === 0) this.contHeaderRows[x] = this.articles[a].contHeaderSize(k).rows + 1;
      return this.contHeaderRows[x] - 1;
    }
    if (this.startHeaderRows[x] === 0) this.startHeaderRows[x] = this.articles[a].headerSize(k).rows + this.size.air + 1;
    return this.startHeaderRows[x] - 1;
  }

  /** The balanced partition of a placed module (the search keeps only its height). */
  partition(a: number, from: number, k: number): Partition {
    return this.flow.balance(this.articles[a], from, k)!;
  }

  private compute(s: number, a: number, from: number, k: number): void {
    const art = this.articles[a];
    const { gap, rows } = this.size;
    const total = art.pre[art.items.length] - art.pre[from];
    // Taller than any page at this width (most continued parts at narrow widths): only its split
    // matters, so it is not balanced; no header, no taste.
    if (Math.ceil(total / k) + gap + 1 > rows) {
      this.rowsBySlot[s] = rows + 1;
      return;
    }
    // Columns more than a line apart break TYPOGRAPHY.md §5: such a width is not an option.
    const height = this.flow.balancedHeight(art, from, k);
    if (height < 0) {
      this.rowsBySlot[s] = -1;
      return;
    }
    const level = k === 1 || this.flow.level;
    const header = this.header(a, from, k);
    const taste = moduleTaste({ k, height, headlineLines: header.headlineLines, level });
    this.rowsBySlot[s] = gap + header.rows + (from === 0 ? this.size.air : 0) + height;
    this.headerBySlot[s] = header.rows;
    this.tasteBySlot[s] = taste.taste;
    this.lastTasteBySlot[s] = taste.lastTaste;
  }
}
