// The driver: the dynamic programme that walks pages and bands (docs/layout.md,
// "The search"). A state is (next article i, item p where it resumes, rows
// left rem); its least cost is the cheapest of a page break and every band
// that fits there, each priced by cost.ts plus the least cost of the state it
// leads to. A band is tried as its first slot (which depends on the state)
// followed by a tail (band-tails.ts), at every rem of a range where it fits:
// for each rem, bands are tried in the order the tails' walk would choose
// them, and one replaces the best so far only when strictly cheaper, so that
// of two equally good plans the first tried wins however states are settled.
// Bounds skip most bands unpriced: a band's price never falls below its
// tastes (cost.ts bandCostFloor), and the rest of the bulletin after it is
// often already settled.
import type { PreparedArticle } from '../article.js';
import { ColumnFlow } from '../flow.js';
import { BandPlace, HOLE_ROWS, INFEASIBLE, LAST_FOOT, NEW_PAGE, lastFootCost, STACK, bandCost, bandCostFloor, bandFigures, excessFrom, pageBreakCost, type BandFigures, type PageCells } from './cost.js';
import { BandTails, type Tail, type TailList } from './band-tails.js';
import { ModuleShapes, NO_SHAPE } from './module-shapes.js';
import { rebuildPlan, type ChosenBand, type PlannedPage, type PlannedSlot } from './plan.js';
import { MAX_STACKS, SearchSize, type SearchSpace } from './space.js';
import { SplitParts, type PartsKey } from './split-parts.js';
import { BandKind, StateTable, type BandChoice, type StateRow } from './state-table.js';

/** A band's first slot, as a state tries it: k columns of n modules (k 0: the first slot is the split one). */
interface FirstSlot {
  /** The item the state's article resumes at (0: its start). */
  p: number;
  k: number;
  n: number;
  /** Its natural height, its taste and what taste adds in the bulletin's last band. */
  rows: number;
  taste: number;
  lastTaste: number;
}

/** What a search found: the plan, and what it costs (cost.ts). */
export interface SearchResult {
  pages: PlannedPage[];
  cost: number;
}

export class PageSearch {
  private readonly size: SearchSize;
  private readonly shapes: ModuleShapes;
  private readonly splits: SplitParts;
  private readonly tails: BandTails;
  /** States where nothing is half-set, at i·states + rem; and continued parts at a fresh page, at item(i, p). */
  private readonly fresh: StateTable;
  private readonly continued: StateTable;
  private readonly page: PageCells;
  private readonly excessAt: number;
  // Filled just before each bandCost and record (nothing is settled in between, so one of each serves).
  private readonly figures: BandFigures = bandFigures();
  private readonly choice: BandChoice = { kind: BandKind.PageBreak, rows: 0, resume: 0, firstK: 0, firstN: 0, tail: -1 };

  constructor(articles: readonly PreparedArticle[], space: SearchSpace) {
    const size = new SearchSize(articles, space);
    const flow = new ColumnFlow();
    this.size = size;
    this.shapes = new ModuleShapes(articles, size, flow);
    this.splits = new SplitParts(articles, size, this.shapes, flow);
    this.tails = new BandTails(size, this.shapes);
    this.fresh = new StateTable(size.articles * size.states);
    this.continued = new StateTable(size.items);
    this.page = { columns: size.columns, rows: size.rows, newPage: space.fitPages ? NEW_PAGE : 0, lastFoot: space.fitPages ? LAST_FOOT : 0 };
    this.excessAt = excessFrom(this.page);
  }

  /** The least-cost plan and its cost, or the index of the last article that cannot start a page in any way. */
  run(): SearchResult | number {
    const { articles: n, rows: R } = this.size;
    // Deep recursion on long bulletins: settle every article at a fresh page from the end backwards first.
    for (let i = n - 1; i >= 1; i--) this.best(i, 0, R);
    if (this.best(0, 0, this.size.firstRows) >= INFEASIBLE) {
      // An article that cannot be placed makes every state before it impossible too: the culprit is
      // the last article that cannot start a fresh page.
      let a = n - 1;
      while (a > 0 && this.best(a, 0, R) < INFEASIBLE) a--;
      return a;
    }
    const { shapes, splits } = this;
    const cost = this.best(0, 0, this.size.firstRows);
    const pages = rebuildPlan({
      band: (i, p, rem) => this.chosenBand(i, p, rem),
      module: (a, from, k) => {
        const s = shapes.shape(a, from, k);
        return { rows: shapes.rows(s), headerRows: shapes.headerRows(s) };
      },
      partition: (a, from, k) => shapes.partition(a, from, k),
      splitPartition: (key, rows, end) => splits.partition(key, rows, end),
    }, this.size);
    return { pages, cost };
  }

  /** The least cost of the state (i, p, rem); rem is a page's rows when p > 0 (a continuation starts a fresh page). */
  private best(i: number, p: number, rem: number): number {
    const { articles: n, states: S } = this.size;
    if (i >= n) return 0;
    if (p === 0) {
      if (!this.fresh.settled(i * S + rem)) this.settleRun(i, this.size.wholeRows ? 0 : rem, this.size.wholeRows ? this.size.maxRows : rem);
      return this.fresh.cost(i * S + rem);
    }
    if (rem !== this.size.rows) throw new Error('layout: a continued part is only placed at a fresh page');
    return this.continued.cost(this.continuation(i, p));
  }

  /** The state (i, p, R) of a continued part (p > 0), settled: its index in the continued table. */
  private continuation(i: number, p: number): number {
    const x = this.size.item(i, p);
    if (!this.continued.settled(x)) {
      const R = this.size.rows;
      this.settle({ table: this.continued, base: x - R }, i, p, R, R);
      this.continued.settle(x, x);
    }
    return x;
  }

  /**
   * Settles the fresh states (i, 0, rem) for rem in [lo, hi] not settled yet, a run of them at a
   * time: a band that fits at some rem is tried for the whole run at once, and its price is the
   * same at every rem but one (only the rest of the bulletin differs, one read).
   */
  private settleRun(i: number, lo: number, hi: number): void {
    const R = this.size.rows;
    const row: StateRow = { table: this.fresh, base: i * this.size.states };
    const at = row.base;
    for (let a = lo; a <= hi; a++) {
      if (this.fresh.settled(at + a)) continue;
      let b = a;
      while (b < hi && !this.fresh.settled(at + b + 1)) b++;
      // rem = R first: the others may break to a fresh page.
      if (a <= R && R <= b && !this.fresh.settled(at + R)) {
        this.settle(row, i, 0, R, R);
        this.fresh.settle(at + R, at + R);
      }
      if (a < R) this.settle(row, i, 0, a, Math.min(b, R - 1));
      if (b > R) this.settle(row, i, 0, Math.max(a, R + 1), b);
      this.fresh.settle(at + a, at + b);
      a = b;
    }
  }

  /** Settles the states (i, p, rem) for rem in [lo, hi] into `row`; (i, p, R) is settled first when lo < R. */
  private settle(row: StateRow, i: number, p: number, lo: number, hi: number): void {
    const { rows: R, columns: C } = this.size;
    // A fresh page that cannot take anything would loop: only pages with something on them break.
    const fresh = lo < R ? this.best(i, p, R) : 0;
    for (let rem = lo; rem <= hi; rem++) row.table.open(row.base + rem, rem < R ? pageBreakCost(rem * C, this.excessAt, this.page) + fresh : INFEASIBLE);
    // The first slot, as the tails' walk would choose it (the last slot takes the columns left).
    const narrowest = this.size.maxSlots - 1 === 0 ? C : 1;
    const first: FirstSlot = { p, k: 0, n: 0, rows: 0, taste: 0, lastTaste: 0 };
    const splitFirst: FirstSlot = { p, k: 0, n: 0, rows: 0, taste: 0, lastTaste: 0 };
    for (let k = C; k >= narrowest; k--) this.tryFirstSlot(row, first, splitFirst, i, { k, lo, hi });
  }

  /** Bands whose first slot is k columns wide: one module, two stacked, or the split one (the whole width). */
  private tryFirstSlot(row: StateRow, first: FirstSlot, splitFirst: FirstSlot, i: number, at: { k: number; lo: number; hi: number }): void {
    const { shapes, tails } = this;
    const { k, lo, hi } = at;
    const p = first.p;
    const last = k === this.size.columns;
    const top = shapes.shape(i, p, k);
    const topRows = top !== NO_SHAPE ? shapes.rows(top) : 0;
    // One module in the first slot, where it fits.
    if (top !== NO_SHAPE && topRows <= hi) {
      first.k = k;
      first.n = 1;
      first.rows = topRows;
      first.taste = shapes.taste(top);
      first.lastTaste = shapes.lastTaste(top);
      this.tryTails(row, first, tails.listOf(i + 1, k, 1, 0), Math.max(lo, topRows), hi);
    }
    // Where it does not fit, it is the split one (a slot of the whole width: the band's last).
    const splitHi = last ? (top !== NO_SHAPE ? Math.min(hi, topRows - 1) : hi) : -1;
    if (lo <= splitHi) this.splitBands(row, splitFirst, tails.firstSplit(i, p), lo, splitHi);
    if (top === NO_SHAPE || i + 1 >= this.size.articles || MAX_STACKS < 1 || topRows >= hi) return;
    // Two stacked (only when the top one leaves room: rem > its rows), else the bottom one split.
    const bottom = shapes.shape(i + 1, 0, k);
    const bottomRows = bottom !== NO_SHAPE ? shapes.rows(bottom) : 0;
    if (bottom !== NO_SHAPE && topRows + bottomRows <= hi) {
      first.k = k;
      first.n = 2;
      first.rows = topRows + bottomRows;
      first.taste = shapes.taste(top) + shapes.taste(bottom) + STACK;
      first.lastTaste = shapes.lastTaste(top) + shapes.lastTaste(bottom);
      this.tryTails(row, first, tails.listOf(i + 2, k, 1, 1), Math.max(lo, topRows + bottomRows), hi);
    }
    const stackLo = Math.max(lo, topRows + 1);
    const stackHi = last ? (bottom !== NO_SHAPE ? Math.min(hi, topRows + bottomRows - 1) : hi) : -1;
    if (stackLo <= stackHi) this.splitBands(row, splitFirst, tails.firstSplit(i, p) + 1, stackLo, stackHi);
  }

  /** Every tail of a list after a first slot, in order, at the rows left in [lo, hi] where it fits. */
  private tryTails(row: StateRow, first: FirstSlot, list: TailList, lo: number, hi: number): void {
    const { tails } = this;
    // Short of rows for every tail of the list (states near the page's foot): nothing to try.
    if (tails.least(list) > lo) lo = tails.least(list);
    if (lo > hi) return;
    // The list's tails were all made before: settling the states below adds others, not these.
    const table = tails.table;
    for (let t = tails.first(list), end = tails.end(list); t < end; t++) {
      const need = Math.max(first.rows, table.minRows(t));
      const a = Math.max(lo, need);
      const b = Math.min(hi, table.maxRows(t));
      if (a > b) continue;
      if (table.split(t)) {
        this.splitBands(row, first, t, a, b);
      } else {
        // At each rem the natural height is tried before the stretched one.
        this.tryWhole(row, first, t, a, b);
        if (table.stretch(t)) this.tryStretched(row, first, t, Math.max(a, need + 1), b);
      }
    }
  }

  /** The whole band at its natural height H, for the rows left in [lo, hi] (all ≥ H). */
  private tryWhole(row: StateRow, first: FirstSlot, t: Tail, lo: number, hi: number): void {
    const table = this.tails.table;
    const { articles: n, states: S } = this.size;
    const H = Math.max(first.rows, table.minRows(t));
    const { table: states, base } = row;
    // Priced when first needed (−1: not yet), the same at every rem but H itself, where the band
    // reaches the page's foot.
    let inside = -1;
    let foot = -1;
    // Most bands lose by the rest of the bulletin alone, unpriced.
    const least = bandCostFloor(first.taste, table.taste(t));
    // The rest: the next article's state at rem − H.
    const next = table.next(t);
    const restAt = next * S - H;
    for (let rem = lo; rem <= hi; rem++) {
      // A rest already settled bounds the band's cost before it is priced.
      const known = next >= n || this.fresh.settled(restAt + rem);
      if (known && least + (next < n ? this.fresh.cost(restAt + rem) : 0) >= states.cost(base + rem)) continue;
      let partial: number;
      if (rem === H) {
        if (foot < 0) foot = this.priceWhole(first, t, H, BandPlace.Foot);
        partial = foot;
      } else {
        if (inside < 0) inside = this.priceWhole(first, t, H, BandPlace.Inside);
        partial = inside;
      }
      if (partial >= states.cost(base + rem)) continue;
      // The bulletin's last band: the rows under it are the last page's foot.
      let rest = lastFootCost(rem - H, this.page);
      if (next < n) {
        // Settled on first need, with the rems after it (this band asks for them next).
        if (!this.fresh.settled(restAt + rem)) this.settleRun(next, rem - H, hi - H);
        rest = this.fresh.cost(restAt + rem);
      }
      const c = partial + rest;
      if (c < states.cost(base + rem)) this.record(row, rem, c, { first, t, kind: BandKind.Whole, rows: H, resume: 0 });
    }
  }

  /** The whole band stretched to the page's foot, for the rows left in [lo, hi]. */
  private tryStretched(row: StateRow, first: FirstSlot, t: Tail, lo: number, hi: number): void {
    const table = this.tails.table;
    const { table: states, base } = row;
    // The rest: the next article at a fresh page, the same at every rem (−1: not asked for yet).
    let rest = -1;
    // A band's price never falls as it stretches (its white, air and unevenness only grow), and the
    // rest is the same: a cost at one rem bounds those at every deeper one, and most stretched
    // bands lose (their white is at the page's foot), so most rems need no pricing.
    let floor = -Infinity;
    const least = bandCostFloor(first.taste, table.taste(t));
    const next = table.next(t);
    if (next >= this.size.articles) rest = 0;
    else if (this.fresh.settled(next * this.size.states)) rest = this.fresh.cost(next * this.size.states);
    if (rest >= 0) floor = least + rest;
    for (let rem = lo; rem <= hi; rem++) {
      if (floor >= states.cost(base + rem)) continue;
      const partial = this.priceWhole(first, t, rem, BandPlace.Foot);
      if (partial >= states.cost(base + rem)) {
        floor = partial + Math.max(rest, 0);
        continue;
      }
      if (rest < 0) rest = this.best(next, 0, 0);
      floor = partial + rest;
      const c = partial + rest;
      if (c < states.cost(base + rem)) this.record(row, rem, c, { first, t, kind: BandKind.Whole, rows: rem, resume: 0 });
    }
  }

  /** Split bands at every rem in [lo, hi] (tail t ends with its article split), skipping rems a shallower one's bound already rules out. */
  private splitBands(row: StateRow, first: FirstSlot, t: Tail, lo: number, hi: number): void {
    const table = this.tails.table;
    const key = this.splits.key(table.next(t), table.from(t), table.k(t));
    let floor = -Infinity;
    for (let rem = lo; rem <= hi; rem++) {
      if (floor >= row.table.cost(row.base + rem)) continue;
      floor = this.trySplit(row, first, t, key, rem);
    }
  }

  /**
   * A band to the page's foot (rem rows) whose last slot ends with tail t's article split (under
   * its `above` when stacked); each of its split parts is tried. Returns the band's bound: it never
   * falls as the band deepens (the other slots' white only grows).
   */
  private trySplit(row: StateRow, first: FirstSlot, t: Tail, key: PartsKey, rem: number): number {
    const table = this.tails.table;
    const above = table.above(t);
    const aboveRows = above !== NO_SHAPE ? this.shapes.rows(above) : 0;
    const aboveTaste = above !== NO_SHAPE ? this.shapes.taste(above) : 0;
    this.measureSlots(first, t, rem);
    const others = this.figures.white;
    // Bound: the white of the other slots alone may already lose.
    const bound = this.priceSplit(first, t, others, 0);
    if (bound >= row.table.cost(row.base + rem)) return bound;
    const { splits } = this;
    const list = splits.partsAt(key, rem - aboveRows);
    const count = splits.count(list);
    for (let j = 0; j < count; j++) {
      const end = splits.end(list, j);
      const partial = this.priceSplit(first, t, others + splits.white(list, j), aboveTaste);
      if (partial >= row.table.cost(row.base + rem)) continue;
      const c = partial + this.continued.cost(this.continuation(key.article, end));
      if (c < row.table.cost(row.base + rem)) this.record(row, rem, c, { first, t, kind: BandKind.Split, rows: rem, resume: end });
    }
    return bound;
  }

  /** The price of the whole band of first slot and tail t at H rows, at `place`. */
  private priceWhole(first: FirstSlot, t: Tail, H: number, place: BandPlace): number {
    const table = this.tails.table;
    const { columns: C, articles: n } = this.size;
    const f = this.figures;
    this.measureSlots(first, t, H);
    f.white += (C - table.used(t)) * H;
    f.place = place;
    f.firstTaste = first.taste;
    f.tailTaste = table.taste(t);
    f.last = table.next(t) >= n;
    f.rows = H;
    f.emptyColumns = C - table.used(t);
    f.lastTaste = first.lastTaste;
    return bandCost(f, this.page, this.excessAt);
  }

  /** The price of a split band: its slots' white, and the taste of the module above the split one. */
  private priceSplit(first: FirstSlot, t: Tail, white: number, aboveTaste: number): number {
    const f = this.figures;
    f.place = BandPlace.Split;
    f.white = white;
    f.firstTaste = first.taste;
    f.tailTaste = this.tails.table.taste(t) + aboveTaste;
    f.last = false;
    return bandCost(f, this.page, this.excessAt);
  }

  /**
   * The white of the band's slots at H rows (empty columns and a split slot aside), the holes in
   * it, and its shallowest slot bottom, into the figures: below each slot's modules it is white.
   */
  private measureSlots(first: FirstSlot, t: Tail, H: number): void {
    const table = this.tails.table;
    let white = 0;
    let holes = 0;
    // The shallowest slot bottom (H: the band is level).
    let shallowest = H;
    if (first.k > 0) {
      white += first.k * (H - first.rows);
      if (H - first.rows > HOLE_ROWS) holes += first.k * (H - first.rows - HOLE_ROWS);
      shallowest = first.rows;
    }
    for (let j = table.firstSlot(t), end = table.endSlot(t); j < end; j++) {
      const h = table.slotHeight(j);
      const k = table.slotWidth(j);
      white += k * (H - h);
      if (H - h > HOLE_ROWS) holes += k * (H - h - HOLE_ROWS);
      if (h < shallowest) shallowest = h;
    }
    this.figures.white = white;
    this.figures.holes = holes;
    this.figures.shallowest = shallowest;
  }

  private record(row: StateRow, rem: number, cost: number, band: { first: FirstSlot; t: Tail; kind: BandKind; rows: number; resume: number }): void {
    const c = this.choice;
    c.kind = band.kind;
    c.rows = band.rows;
    c.resume = band.resume;
    c.tail = band.t;
    c.firstK = band.first.k;
    c.firstN = band.first.n;
    row.table.record(row.base + rem, cost, c);
  }

  /** The band chosen at a state, as the plan reads it. */
  private chosenBand(i: number, p: number, rem: number): ChosenBand {
    this.best(i, p, rem);
    const x = p === 0 ? i * this.size.states + rem : this.size.item(i, p);
    const choice = (p === 0 ? this.fresh : this.continued).choice(x);
    const table = this.tails.table;
    const slots: PlannedSlot[] = [];
    if (choice.firstK > 0) slots.push({ k: choice.firstK, count: choice.firstN });
    const t = choice.tail;
    if (t >= 0) {
      for (let j = table.firstSlot(t); j < table.endSlot(t); j++) slots.push({ k: table.slotWidth(j), count: table.slotModules(j) });
      if (table.split(t)) slots.push({ k: table.k(t), count: table.above(t) !== NO_SHAPE ? 2 : 1 });
    }
    return { kind: choice.kind, slots, resume: choice.resume, rows: choice.rows };
  }
}
