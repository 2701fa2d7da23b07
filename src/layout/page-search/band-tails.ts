// The band-tail catalogue (docs/layout.md, "Bands and tails"). A band is its
// first slot (which depends on the state: the article, where it resumes, the
// rows left) followed by a tail: one way to fill the columns left, slot by
// slot. A tail depends only on where it starts (article, columns used, slots
// and stacked pairs so far), so each is enumerated once and shared by every
// state that reaches it, continued ones included. The order of the tails in
// a list is the depth-first order of choosing slots left to right, wide slots
// first (they give a good bound early, which prunes the rest); that order
// decides which of two equally good plans wins.
//
// Tails are kept in parallel typed arrays (TailTable): the search keeps tens
// of thousands for its whole run, and as objects (a list of slots and a boxed
// taste each) every young-generation collection copied them.
import { STACK, emptyColumnsTaste } from './cost.js';
import { grown } from './grown.js';
import { NO_SHAPE, type ModuleShapes, type Shape } from './module-shapes.js';
import { MAX_STACKS, type SearchSize } from './space.js';

/** A tail: its index in the table. */
export type Tail = number;

/** A tail as the walk makes it (see TailTable for what each field means). */
export interface TailSpec {
  split: boolean;
  next: number;
  taste: number;
  minRows: number;
  maxRows: number;
  stretch: boolean;
  used: number;
  from: number;
  k: number;
  above: Shape;
  /** Its slots before any split one, left to right: width, modules in the slot, natural height. */
  widths: readonly number[];
  modules: readonly number[];
  heights: readonly number[];
}

/**
 * The tails. A whole tail (split false) ends the band before article `next`;
 * a split one ends it with article `next` continuing overleaf from item
 * `from` in its last slot (width k, under the module of shape `above` when
 * stacked, else NO_SHAPE). A tail applies when the rows left are between
 * minRows (with the first slot's height) and maxRows; a whole band's natural
 * height is the larger of minRows and the first slot's. `stretch`: the whole
 * band may also stretch to the page's foot; `used`: columns taken by the
 * band's slots before any split one, the first slot's included; `taste`: what
 * its slots and its end add to the band's price (cost.ts). The arrays grow,
 * and so are replaced: read them through the table (its accessors) after
 * anything that may add tails.
 */
export class TailTable {
  count = 0;
  private splitOf: Uint8Array;
  private nextOf: Int32Array;
  private tasteOf: Float64Array;
  private minRowsOf: Int32Array;
  private maxRowsOf: Int32Array;
  private stretchOf: Uint8Array;
  private usedOf: Int32Array;
  private fromOf: Int32Array;
  private kOf: Int32Array;
  private aboveOf: Int32Array;
  /** Slot numbers (a slot is three numbers in `slots`). */
  private slotStart: Int32Array;
  private slotEnd: Int32Array;
  /** Three numbers a slot: width, modules, natural height. */
  private slots: Int32Array;
  private slotsUsed = 0;

  /** Room for `capacity` tails at first (they grow, but every move touches fresh memory). */
  constructor(capacity: number) {
    this.splitOf = new Uint8Array(capacity);
    this.nextOf = new Int32Array(capacity);
    this.tasteOf = new Float64Array(capacity);
    this.minRowsOf = new Int32Array(capacity);
    this.maxRowsOf = new Int32Array(capacity);
    this.stretchOf = new Uint8Array(capacity);
    this.usedOf = new Int32Array(capacity);
    this.fromOf = new Int32Array(capacity);
    this.kOf = new Int32Array(capacity);
    this.aboveOf = new Int32Array(capacity);
    this.slotStart = new Int32Array(capacity);
    this.slotEnd = new Int32Array(capacity);
    this.slots = new Int32Array(4 * capacity);
  }

  /** A new tail: its index. */
  add(spec: TailSpec): Tail {
    const t = this.count;
    if (t === this.nextOf.length) this.grow();
    this.count += 1;
    this.splitOf[t] = spec.split ? 1 : 0;
    this.nextOf[t] = spec.next;
    this.tasteOf[t] = spec.taste;
    this.minRowsOf[t] = spec.minRows;
    this.maxRowsOf[t] = spec.maxRows;
    this.stretchOf[t] = spec.stretch ? 1 : 0;
    this.usedOf[t] = spec.used;
    this.fromOf[t] = spec.from;
    this.kOf[t] = spec.k;
    this.aboveOf[t] = spec.above;
    const need = this.slotsUsed + 3 * spec.widths.length;
    if (need > this.slots.length) this.slots = grown(this.slots, need);
    this.slotStart[t] = this.slotsUsed / 3;
    for (let j = 0; j < spec.widths.length; j++) {
      this.slots[this.slotsUsed++] = spec.widths[j];
      this.slots[this.slotsUsed++] = spec.modules[j];
      this.slots[this.slotsUsed++] = spec.heights[j];
    }
    this.slotEnd[t] = this.slotsUsed / 3;
    return t;
  }

  split(t: Tail): boolean {
    return this.splitOf[t] === 1;
  }
  next(t: Tail): number {
    return this.nextOf[t];
  }
  taste(t: Tail): number {
    return this.tasteOf[t];
  }
  minRows(t: Tail): number {
    return this.minRowsOf[t];
  }
  maxRows(t: Tail): number {
    return this.maxRowsOf[t];
  }
  stretch(t: Tail): boolean {
    return this.stretchOf[t] === 1;
  }
  used(t: Tail): number {
    return this.usedOf[t];
  }
  from(t: Tail): number {
    return this.fromOf[t];
  }
  k(t: Tail): number {
    return this.kOf[t];
  }
  above(t: Tail): Shape {
    return this.aboveOf[t];
  }
  /** Its slots before any split one are slots firstSlot(t) ≤ j < endSlot(t), in steps of one. */
  firstSlot(t: Tail): number {
    return this.slotStart[t];
  }
  endSlot(t: Tail): number {
    return this.slotEnd[t];
  }
  slotWidth(j: number): number {
    return this.slots[3 * j];
  }
  slotModules(j: number): number {
    return this.slots[3 * j + 1];
  }
  slotHeight(j: number): number {
    return this.slots[3 * j + 2];
  }

  private grow(): void {
    const c = 2 * this.nextOf.length;
    this.splitOf = grown(this.splitOf, c);
    this.stretchOf = grown(this.stretchOf, c);
    this.nextOf = grown(this.nextOf, c);
    this.tasteOf = grown(this.tasteOf, c);
    this.minRowsOf = grown(this.minRowsOf, c);
    this.maxRowsOf = grown(this.maxRowsOf, c);
    this.usedOf = grown(this.usedOf, c);
    this.fromOf = grown(this.fromOf, c);
    this.kOf = grown(this.kOf, c);
    this.aboveOf = grown(this.aboveOf, c);
    this.slotStart = grown(this.slotStart, c);
    this.slotEnd = grown(this.slotEnd, c);
  }
}

/** A list of tails: all those from one start, tails first(list) ≤ t < end(list). */
export type TailList = number;

/** The fewest rows of an empty list of tails: more than any page has. */
const NO_ROWS = 1 << 30;

/** Where a walk of slots stands: the band so far (the slots it holds are on the walk's stacks). */
interface WalkAt {
  article: number;
  used: number;
  taste: number;
  /** What the slots' taste adds if the band is the bulletin's last. */
  lastTaste: number;
  tallest: number;
  stacks: number;
}

export class BandTails {
  readonly table: TailTable;
  // The tails from one start are [listStart, listEnd) (listStart −1: not enumerated yet), and
  // listLeast the fewest rows any of them needs.
  private readonly listStart: Int32Array;
  private readonly listEnd: Int32Array;
  private readonly listLeast: Int32Array;
  /** The first slot's own split tails per (article, item), plus one (0: not made yet); see firstSplit. */
  private readonly firstSplits: Int32Array;
  // The walk's slots so far, left to right: width, modules in it, natural height.
  private readonly widths: number[] = [];
  private readonly modules: number[] = [];
  private readonly heights: number[] = [];
  /** Slots before the walk's (the first slot's): the walk's depth is depth0 + its slots. */
  private depth0 = 0;

  constructor(
    private readonly size: SearchSize,
    private readonly shapes: ModuleShapes,
  ) {
    // About a hundred tails an article on a long bulletin (a third for split first slots).
    this.table = new TailTable(Math.max(1024, 160 * size.articles));
    const lists = (size.articles + 2) * (size.columns + 1) * size.maxSlots * (MAX_STACKS + 1);
    this.listStart = new Int32Array(lists).fill(-1);
    this.listEnd = new Int32Array(lists);
    this.listLeast = new Int32Array(lists);
    this.firstSplits = new Int32Array(size.items);
  }

  /** The tails from article a with `used` columns, `depth` slots and `stacks` stacked pairs already in the band. */
  listOf(a: number, used: number, depth: number, stacks: number): TailList {
    const list = ((a * (this.size.columns + 1) + used) * this.size.maxSlots + depth) * (MAX_STACKS + 1) + stacks;
    if (this.listStart[list] < 0) {
      // Nothing else adds tails while the walk does: a list is a range.
      const start = this.table.count;
      this.depth0 = depth;
      this.walk({ article: a, used, taste: 0, lastTaste: 0, tallest: 0, stacks });
      let least = NO_ROWS;
      for (let t = start; t < this.table.count; t++) least = Math.min(least, this.table.minRows(t));
      this.listStart[list] = start;
      this.listEnd[list] = this.table.count;
      this.listLeast[list] = least;
    }
    return list;
  }

  first(list: TailList): Tail {
    return this.listStart[list];
  }
  end(list: TailList): Tail {
    return this.listEnd[list];
  }
  /** The fewest rows left any tail of the list needs. */
  least(list: TailList): number {
    return this.listLeast[list];
  }

  /**
   * The first slot of a state (i, p) may itself be split, across the whole width: alone (article i
   * continuing from p), or under article i's module stacked (article i + 1 continuing from its
   * start). The tail for the first; the second is the next one.
   */
  firstSplit(i: number, p: number): Tail {
    const x = this.size.item(i, p);
    if (this.firstSplits[x] === 0) {
      const { columns: C, maxRows } = this.size;
      const none: number[] = [];
      const spec = { split: true, next: i, taste: 0, minRows: 0, maxRows, stretch: false, used: 0, from: p, k: C, above: NO_SHAPE, widths: none, modules: none, heights: none };
      this.firstSplits[x] = this.table.add(spec) + 1;
      this.table.add({ ...spec, next: i + 1, taste: STACK, from: 0, above: this.shapes.shape(i, p, C) });
    }
    return this.firstSplits[x] - 1;
  }

  /** Adds the tails that complete a band from `at`, in the order the search tries them. */
  private walk(at: WalkAt): void {
    const { columns: C, articles: n, maxRows, maxSlots } = this.size;
    if (at.used === C) {
      // The whole band at its natural height, and stretched to the page's foot.
      this.addTail(at, { split: false, next: at.article, taste: at.taste + (at.article >= n ? at.lastTaste : 0), stretch: true, k: 0, above: NO_SHAPE });
      return;
    }
    if (at.article >= n) {
      // The bulletin's last articles leave columns empty: white beside a short last piece. Also
      // what keeps a bulletin feasible when no balanced partition fills the width left.
      this.addTail(at, { split: false, next: at.article, taste: at.taste + at.lastTaste + emptyColumnsTaste(C - at.used, false), stretch: false, k: 0, above: NO_SHAPE });
      return;
    }
    // The last resort: the band ends here, its other columns white, and article a starts the next.
    if (this.size.raggedBands) {
      this.addTail(at, { split: false, next: at.article, taste: at.taste + emptyColumnsTaste(C - at.used, true), stretch: false, k: 0, above: NO_SHAPE });
    }
    // The band's last slot takes the columns left.
    const narrowest = this.depth0 + this.widths.length === maxSlots - 1 ? C - at.used : 1;
    for (let k = C - at.used; k >= narrowest; k--) this.walkSlot(at, k, maxRows);
  }

  /** The next slot, k columns wide: one module, one split to the page's foot, two stacked, the lower one split. */
  private walkSlot(at: WalkAt, k: number, maxRows: number): void {
    const { shapes } = this;
    const a = at.article;
    const last = at.used + k === this.size.columns;
    const top = shapes.shape(a, 0, k);
    const topRows = top !== NO_SHAPE ? shapes.rows(top) : 0;
    // One module in the slot (it needs rem ≥ its rows: part of `tallest` below).
    if (top !== NO_SHAPE && topRows <= maxRows) {
      this.push(k, 1, topRows);
      this.walk({ article: a + 1, used: at.used + k, taste: at.taste + shapes.taste(top), lastTaste: at.lastTaste + shapes.lastTaste(top), tallest: Math.max(at.tallest, topRows), stacks: at.stacks });
      this.pop();
    }
    // The slot's (last) module runs to the page's foot and continues overleaf: only when it does not fit whole.
    if (last) {
      const below = top !== NO_SHAPE ? Math.min(maxRows, topRows - 1) : maxRows;
      if (at.tallest <= below) this.addTail(at, { split: true, next: a, taste: at.taste, stretch: false, k, above: NO_SHAPE, maxRows: below });
    }
    if (top === NO_SHAPE || a + 1 >= this.size.articles || at.stacks >= MAX_STACKS) return;
    // Two modules stacked at the same width (only when the top one leaves room: rem > top's rows).
    const bottom = shapes.shape(a + 1, 0, k);
    const bottomRows = bottom !== NO_SHAPE ? shapes.rows(bottom) : 0;
    if (bottom !== NO_SHAPE && topRows + bottomRows <= maxRows) {
      const h = topRows + bottomRows;
      this.push(k, 2, h);
      this.walk({
        article: a + 2, used: at.used + k, taste: at.taste + shapes.taste(top) + shapes.taste(bottom) + STACK,
        lastTaste: at.lastTaste + shapes.lastTaste(top) + shapes.lastTaste(bottom), tallest: Math.max(at.tallest, h), stacks: at.stacks + 1,
      });
      this.pop();
    }
    if (last) {
      const lo = Math.max(at.tallest, topRows + 1);
      const below = bottom !== NO_SHAPE ? Math.min(maxRows, topRows + bottomRows - 1) : maxRows;
      if (lo <= below) this.addTail({ ...at, tallest: lo }, { split: true, next: a + 1, taste: at.taste + STACK, stretch: false, k, above: top, maxRows: below });
    }
  }

  private addTail(at: WalkAt, end: { split: boolean; next: number; taste: number; stretch: boolean; k: number; above: Shape; maxRows?: number }): void {
    this.table.add({
      split: end.split, next: end.next, taste: end.taste, minRows: at.tallest, maxRows: end.maxRows ?? this.size.maxRows, stretch: end.stretch,
      used: at.used, from: 0, k: end.k, above: end.above, widths: this.widths, modules: this.modules, heights: this.heights,
    });
  }

  private push(k: number, modules: number, height: number): void {
    this.widths.push(k);
    this.modules.push(modules);
    this.heights.push(height);
  }

  private pop(): void {
    this.widths.pop();
    this.modules.pop();
    this.heights.pop();
  }
}
