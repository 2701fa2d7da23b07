// The page search (LAYOUT.md "Page composition"). Each page below its
// masthead or running head is a stack of bands; a band spans every column and
// is cut into slots side by side, their widths (in columns) adding up to the
// page's columns. A slot holds one article module, or two stacked at the same
// width (a short piece under another fills what would be white). Articles go
// in file order: left to right, top to bottom within a slot. A module's
// height follows from its width: header rows plus the body balanced over its
// columns; a row of air under the byline lets modules of a band end level
// (more looks like a mistake: a band rather ends a little uneven).
//
// A dynamic programme over (next article, line where it resumes, rows left on
// the page) chooses every band's slots so that the total cost is least:
// empty grid cells (those at a page's foot weigh more, since every page but
// the last must be full), uneven columns, awkward modules, and the price of
// continuing an article on the next page. The last page's unused rows are
// free: it ends where its last band ends, whose modules should end near the
// same depth; columns beside a short last band may stay white (a short piece
// takes fewer, deeper columns rather than a strip across the page). An article
// is split only at a page's foot, when it does not fit there whole (下转/上接
// lines); several split points are tried, since the rest must balance on the
// next page (columns level within a line). The same state is reached by many orders of choices, so memoising
// keeps the search polynomial: articles × rows × slot patterns, pruned by
// the rows left. A band is tried as its first slot plus a "tail" (the slots
// after it); tails depend only on where they start, so they are enumerated
// once and shared by every state. States of an article at a fresh start (no
// part continued) are settled a run of rows-left at a time, a whole row on a
// long bulletin, so that a band's price is computed once for the run; of two
// equally good bands the first tried wins, and every state tries its bands in
// the same order however it is settled. Shapes, tails, split parts and
// settled states are kept in typed arrays indexed by small integers: the
// search asks for them millions of times on a 50-page bulletin and keeps them
// for its whole run (objects it kept were copied by every young-generation
// collection).
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { balance, balancedHeight, fillParts, kindEnds, mergeEnds, type Partition } from './flow.js';
import { CONT_HEADER_ROWS, type HeaderSize, type PreparedArticle } from './article.js';
import { SplitRuns } from './split-runs.js';
import { TailTable } from './tail-table.js';

export interface PlannedModule {
  article: number;
  /** First column (0-based) and width in columns. */
  col: number;
  k: number;
  /** Rows from the band's top to the module's top, and rows given to the module (its gap row included). */
  row: number;
  rows: number;
  /** Item range of the body in this module. */
  from: number;
  to: number;
  part: Partition;
  /** True when this is a continued part (上接) rather than the article's start. */
  continued: boolean;
  /** True when the article goes on on the next page (下转). */
  jumps: boolean;
  headerRows: number;
  /** Rows of air between the header and the body. */
  air: number;
}

export interface PlannedBand {
  /** First row of the band in the page's flow area. */
  row: number;
  rows: number;
  modules: PlannedModule[];
}

export interface PlannedPage {
  bands: PlannedBand[];
}

export interface SearchSpace {
  columns: number;
  /** Rows available to bands on page 1 (below masthead and lead) and on later pages. */
  firstRows: number;
  rows: number;
  /** Rows above each module (the module rule's gap). */
  gap: number;
  /** Whether states are settled a whole row at a time (default: from WHOLE_ROWS articles on); the plan is the same either way. */
  wholeRows?: boolean;
  /**
   * The last resort (planPages turns it on when no plan fills every band): a band may have a
   * slot a column and may end with empty columns, at RAGGED_BAND a band.
   */
  raggedBands?: boolean;
}

// Costs, in empty grid cells.
const SPLIT = 12;
/** Empty cells at a page's foot weigh more than white inside a band: every page but the last must be full. */
const FOOT = 10;
const BAND = 1;
const TASTE = 0.5;
/**
 * The same taste in the bulletin's last band, where a short wide module is a
 * strip beside nothing (a full page may need one to fill; the end never does).
 */
const LAST_TASTE = 1.5;
const EXCESS = 40;
/**
 * A column left empty beside the bulletin's last band, besides its white
 * cells: cheap, since white to the right of a short last piece is normal in
 * newspapers (a short piece takes fewer, deeper columns rather than a strip
 * across the page); a deep last band pays for its empty columns through
 * their white and the UNEVEN cost.
 */
const EMPTY = 4;
/**
 * An empty cell beside the bulletin's last band weighs more the deeper the
 * band: EMPTY_DEPTH·H/R on top of its white (H: the band's rows, R: a page's). White beside
 * a short band is normal; beside a band that runs far down the page it looks
 * forgotten, and the band should rather spread over those columns.
 */
const EMPTY_DEPTH = 2.5;
/**
 * Per row between the deepest and the shallowest slot bottom of the
 * bulletin's last band (empty columns aside): the last page's modules end
 * near the same depth, so that no column runs far down while its neighbour
 * is mostly white (LAYOUT.md "the last page is filled or its modules balanced").
 */
const UNEVEN = 8;
const STACK = 2;
/**
 * Rows of air a module may take between its byline and its body, so that
 * modules of a band end level and the last band reaches the page's foot. One
 * at most: a gap of two rows under a byline looks like a mistake.
 */
export const AIR = 1;
const AIR_COST = 0.5;
/**
 * A band has at most three slots and one stacked pair: richer bands rarely
 * win and multiply the search (at six columns, 486 slot patterns a state
 * instead of 46).
 */
const MAX_SLOTS = 3;
/** From this many articles on, the search settles an article's states a whole row at a time (see planPages). */
const WHOLE_ROWS = 32;
const MAX_STACKS = 1;
/**
 * A band that ends with empty columns before the bulletin's end (raggedBands): as much as a
 * fifth of a page's cells left white, so that as few bands as possible are ragged.
 */
const RAGGED_BAND = 200;
const INFEASIBLE = 1e9;

/** A module as the plan reads it: sizes only (its partition is rebuilt for the plan). */
interface ModuleShape {
  headerRows: number;
  rows: number;
}

interface Slot {
  k: number;
  /** Articles in the slot: 1, or 2 stacked. */
  count: 1 | 2;
}

/** The band chosen at a state, as the plan reads it. */
interface Choice {
  /** 0: page break; 1: whole band; 2: band whose last module continues on the next page. */
  kind: 0 | 1 | 2;
  /** The band's slots, left to right. */
  slots: Slot[];
  /** For kind 2: the item where the split article resumes. */
  resume: number;
  rows: number;
}

/** No slots (the tails settle builds for a first slot that is itself split). */
const NO_SLOTS: number[] = [];
/** The fewest rows of an empty list of tails: more than any page has. */
const NO_ROWS = 1 << 30;

/**
 * Plans the pages. Pieces that can only be set narrow — briefs of a line or
 * two cannot be balanced over two columns, an article whose whole body was a
 * repeat — fill a band only when there are few of them in a row: a band has
 * at most MAX_SLOTS slots. When no plan fills every band, the search runs
 * again with raggedBands, so that a bulletin is set whenever each of its
 * pieces fits on a page at some width; only then is it impossible.
 */
export function planPages(articles: PreparedArticle[], space: SearchSpace): PlannedPage[] {
  let found = searchPlan(articles, space);
  if (typeof found === 'number' && !space.raggedBands) found = searchPlan(articles, { ...space, raggedBands: true });
  if (typeof found !== 'number') return found;
  const art = articles[found];
  throw new BulletinError(diagnostic({ file: art.file, line: 1, column: 1 }, 'error', 'layout-impossible',
    `"${art.title}" cannot be set in this template's columns (no balanced module and no place to continue it): shorten its paragraphs, pictures or lists, or use a template with more rows.`));
}

/** The least-cost plan, or the index of the last article that cannot start a page in any way. */
function searchPlan(articles: PreparedArticle[], space: SearchSpace): PlannedPage[] | number {
  const C = space.columns;
  const R = space.rows;
  const n = articles.length;
  // The most rows left on a page, and the states per article and p (rows left 0..maxRem).
  const maxRem = Math.max(R, space.firstRows);
  const S = maxRem + 1;
  // Sizes only: the search never draws a header. A continued part's header is one row at any width.
  const contSize: HeaderSize = { rows: CONT_HEADER_ROWS, headlineLines: 0 };
  const headerOf = (a: number, from: number, k: number): HeaderSize => (from === 0 ? articles[a].headerSize(k) : contSize);
  // A header's rows by article and width, +1 (0: not asked yet): every split part asks for them.
  const headerRowsOf = new Int32Array(n * (C + 1));
  const headerRows = (a: number, from: number, k: number): number => {
    if (from > 0) return CONT_HEADER_ROWS;
    const x = a * (C + 1) + k;
    if (headerRowsOf[x] === 0) headerRowsOf[x] = articles[a].headerSize(k).rows + 1;
    return headerRowsOf[x] - 1;
  };

  // What the search keeps for its whole run is what the young-generation collector copies at every
  // scavenge: it keeps it in typed arrays (which the collector does not copy), indexed by small
  // integers. Per article and item p (a part resuming there): itemBase[a] + p. Per article, item
  // and width k: slotBase[a] + p·(C + 1) + k.
  const itemBase = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) itemBase[a + 1] = itemBase[a] + articles[a].items.length + 1;
  const slotBase = new Int32Array(n + 1);
  for (let a = 0; a <= n; a++) slotBase[a] = itemBase[a] * (C + 1);

  // Module shapes by slot: rows 0 when not computed yet, −1 when no balanced module exists at that
  // width; then its header rows, its taste (awkward headlines, very short columns) and what taste
  // adds when the module is in the bulletin's last band. A shape is its slot.
  const shapeRows = new Int32Array(slotBase[n]);
  const shapeHeader = new Int32Array(slotBase[n]);
  const shapePenalty = new Float64Array(slotBase[n]);
  const shapeLast = new Float64Array(slotBase[n]);
  /** The shape of article a from item `from` at width k, or −1 when there is none. */
  const shape = (a: number, from: number, k: number): number => {
    const s = slotBase[a] + from * (C + 1) + k;
    if (shapeRows[s] === 0) computeShape(s, a, from, k);
    return shapeRows[s] < 0 ? -1 : s;
  };
  const computeShape = (s: number, a: number, from: number, k: number): void => {
    const art = articles[a];
    const total = art.pre[art.items.length] - art.pre[from];
    // Taller than any page at this width (most continued parts at narrow widths): only its split
    // matters, so skip balancing it; no header, no taste.
    if (Math.ceil(total / k) + space.gap + 1 > R) {
      shapeRows[s] = R + 1;
      return;
    }
    // Columns more than a line apart break TYPOGRAPHY.md §5: such a width is not an option.
    const height = balancedHeight(art, from, art.items.length, k);
    if (height < 0) {
      shapeRows[s] = -1;
      return;
    }
    const header = headerOf(a, from, k);
    let penalty = 0;
    if (header.headlineLines > 2) penalty += 25 * (header.headlineLines - 2);
    if (height < 5 && k > 1) penalty += 30;
    // A wide module with short columns reads as a strip: wider modules want taller columns.
    const want = 2 * k + 6;
    const strip = k > 2 && height < want ? k * (want - height) : 0;
    penalty += TASTE * strip;
    shapeRows[s] = space.gap + header.rows + height;
    shapeHeader[s] = header.rows;
    shapePenalty[s] = penalty;
    shapeLast[s] = (LAST_TASTE - TASTE) * strip;
  };

  // The first parts of an article (from `from`) at width k, by the rows they fill: where they may
  // end and the white each leaves, in pairs (end, white); the search keeps no partitions. Each
  // (article, from, k) asked for gets a run (split-runs.ts): per rows filled (0..S − 1), its list of
  // parts; then per target (0..S − 1, at run + half), the ends of the parts whose columns hold about
  // target rows (fillEnds' two kinds, each serving two rows filled). An entry is 0 when not asked
  // yet, else where its list begins in `runs.pool`, plus one. A list is its length, then its pairs
  // or ends; the empty one is at 0.
  const runs = new SplitRuns(slotBase[n], S, n);
  const half = runs.half;
  /** Where the run of article a's first parts (from `from`) at width k begins. */
  const splitsAt = (a: number, from: number, k: number): number => runs.runOf(slotBase[a] + from * (C + 1) + k);
  /**
   * Where the list of article a's first parts (from `from`) filling `rows` rows at width k begins
   * in `runs.pool`; run = splitsAt(a, from, k). The pool may grow (and move) while a list is read:
   * read it through `runs.pool` after any call that may search further.
   */
  const splitPart = (run: number, a: number, from: number, k: number, rows: number): number => {
    const known = runs.entry(run, rows);
    if (known > 0) return known - 1;
    const at = computeSplit(run, a, from, k, rows);
    runs.setEntry(run, rows, at + 1);
    return at;
  };
  const splitBodyRows = (a: number, from: number, k: number, rows: number): number => rows - space.gap - headerRows(a, from, k);
  const full = new Int32Array(4);
  const short = new Int32Array(4);
  const ends = new Int32Array(4);
  /** The ends of one kind of parts (see the runs) into out, kept in the run: their count. */
  const kindEndsAt = (run: number, a: number, from: number, k: number, target: number, out: Int32Array): number => {
    const known = runs.entry(run + half, target);
    if (known > 0) {
      const at = known - 1;
      const pool = runs.pool;
      for (let j = 0; j < pool[at]; j++) out[j] = pool[at + 1 + j];
      return pool[at];
    }
    const count = kindEnds(articles[a], from, articles[a].items.length, k, target, 4, out);
    let at = 0;
    if (count > 0) {
      at = runs.reserve(1 + count);
      const pool = runs.pool;
      pool[at] = count;
      for (let j = 0; j < count; j++) pool[at + 1 + j] = out[j];
    }
    runs.setEntry(run + half, target, at + 1);
    return count;
  };
  const computeSplit = (run: number, a: number, from: number, k: number, rows: number): number => {
    const bodyRows = splitBodyRows(a, from, k, rows);
    // fillEnds, with its two kinds kept in the run.
    if (bodyRows < 3) return 0;
    const nFull = kindEndsAt(run, a, from, k, bodyRows, full);
    const nShort = kindEndsAt(run, a, from, k, bodyRows - 1, short);
    const count = mergeEnds(full, nFull, short, nShort, 4, ends);
    if (count === 0) return 0;
    const at = runs.reserve(1 + 2 * count);
    const pre = articles[a].pre;
    const pool = runs.pool;
    pool[at] = count;
    // Every column is white below its last line; the last also keeps a row for the 下转 line.
    for (let j = 0; j < count; j++) {
      pool[at + 1 + 2 * j] = ends[j];
      pool[at + 2 + 2 * j] = k * bodyRows - (pre[ends[j]] - pre[from]) - 1;
    }
    return at;
  };
  /** The partition of the chosen split part, rebuilt for the plan. */
  const splitPartition = (a: number, from: number, k: number, rows: number, end: number): { part: Partition; headerRows: number } => {
    const bodyRows = splitBodyRows(a, from, k, rows);
    const part = fillParts(articles[a], from, articles[a].items.length, k, bodyRows).find((pt) => pt.cuts[k] === end)!;
    return { part, headerRows: headerOf(a, from, k).rows };
  };

  // White beyond a few per cent of a page in one place costs far more: a
  // page must not take all the white so that others are full (min-max, not just least total).
  const budget = Math.floor(0.03 * C * R);
  const excess = (white: number) => (white > budget ? EXCESS * (white - budget) : 0);

  // The search's states: article i resumed at item p with rem rows left on the page. Those where no
  // article is half-set (p = 0) are most; they are kept in flat arrays indexed by i·S + rem, and
  // settled a run of rem at a time (settleRun): a band that fits at some rem is tried for the whole
  // run at once, and its cost above its height is the same at every rem (only the rest of the
  // bulletin differs, one array read). On a long bulletin a run is an article's whole row, as nearly
  // every state is asked for (see wholeRows). Continuations (p > 0) are only asked for at a fresh
  // page (rem = R): one state per (article, p), settled one by one into arrays indexed by
  // itemBase[i] + p. A state keeps its best band: its cost, kind (0: page break; 1: whole band; 2:
  // band whose last module continues on the next page), rows, the item where the split article
  // resumes (kind 2), and the band as a first slot (firstK columns holding firstN modules; firstK
  // 0: none) followed by a tail.
  const flatCost = new Float64Array(n * S);
  const flatKind = new Uint8Array(n * S);
  const flatRows = new Int32Array(n * S);
  const flatResume = new Int32Array(n * S);
  const flatFirstK = new Uint8Array(n * S);
  const flatFirstN = new Uint8Array(n * S);
  const flatTail = new Int32Array(n * S);
  const done = new Uint8Array(n * S);
  const contCost = new Float64Array(itemBase[n]);
  const contKind = new Uint8Array(itemBase[n]);
  const contRows = new Int32Array(itemBase[n]);
  const contResume = new Int32Array(itemBase[n]);
  const contFirstK = new Uint8Array(itemBase[n]);
  const contFirstN = new Uint8Array(itemBase[n]);
  const contTail = new Int32Array(itemBase[n]);
  const contDone = new Uint8Array(itemBase[n]);

  // A band is its first slot (which depends on the state: article i, resumed at p, and the rows
  // left) followed by a tail: the ways to fill the columns left. A tail depends only on where it
  // starts (article, columns used, slots and stacks so far), not on the state, so each is
  // enumerated once and shared by every state that reaches it, continued ones included, with
  // the rows it needs. The order of trial decides which of two equally good plans wins, so it is
  // exactly the depth-first order of choosing slots left to right, wide slots first (they give a
  // good bound early, which prunes the rest).
  // About a hundred tails an article on a long bulletin (a third for split first slots).
  const tails = new TailTable(Math.max(1024, 160 * n));
  // The tails from one start are tails [listStart, listEnd) (listStart −1: not enumerated yet), and
  // listLeast the fewest rows any of them needs.
  // Slots a band may have: up to one a column when bands may be ragged.
  const maxSlots = space.raggedBands ? Math.max(MAX_SLOTS, C) : MAX_SLOTS;
  const lists = (n + 2) * (C + 1) * maxSlots * (MAX_STACKS + 1);
  const listStart = new Int32Array(lists).fill(-1);
  const listEnd = new Int32Array(lists);
  const listLeast = new Int32Array(lists);
  /** The list of tails from article a with `used` columns, `depth` slots and `stacks` stacked pairs already in the band. */
  const tailsOf = (a: number, used: number, depth: number, stacks: number): number => {
    const list = ((a * (C + 1) + used) * maxSlots + depth) * (MAX_STACKS + 1) + stacks;
    if (listStart[list] < 0) {
      // Nothing else adds tails while the walk does: a list is a range.
      const start = tails.count;
      walkTails(a, used, depth, stacks);
      let least = NO_ROWS;
      for (let t = start; t < tails.count; t++) least = Math.min(least, tails.minRem[t]);
      listStart[list] = start;
      listEnd[list] = tails.count;
      listLeast[list] = least;
    }
    return list;
  };
  const walkTails = (a0: number, used0: number, depth: number, stacks0: number): void => {
    // The tail's slots so far, left to right: width, modules in it, natural height.
    const slotK: number[] = [];
    const slotN: number[] = [];
    const heights: number[] = [];
    const add = (split: boolean, next: number, penalty: number, minRem: number, maxRemT: number, stretch: boolean, used: number, k: number, above: number): void => {
      tails.add(split, next, penalty, minRem, maxRemT, stretch, used, 0, k, above, slotK, slotN, heights);
    };
    // lastTaste: what the slots' taste adds if the band is the bulletin's last.
    const walk = (a: number, used: number, penalty: number, lastTaste: number, tallest: number, stacks: number) => {
      if (used === C) {
        // The whole band at its natural height, and stretched to the page's foot.
        add(false, a, penalty + (a >= n ? lastTaste : 0), tallest, maxRem, true, used, 0, -1);
        return;
      }
      if (a >= n) {
        // The bulletin's last articles leave columns empty: white beside a short last piece (leaf
        // counts the empty cells as white). Also what keeps a bulletin feasible when no balanced
        // partition fills the width left.
        add(false, a, penalty + lastTaste + EMPTY * (C - used), tallest, maxRem, false, used, 0, -1);
        return;
      }
      // The last resort: the band ends here, its other columns white, and article a starts the next.
      if (space.raggedBands) add(false, a, penalty + RAGGED_BAND + EMPTY * (C - used), tallest, maxRem, false, used, 0, -1);
      // The band's last slot takes the columns left.
      const firstK = depth + slotK.length === maxSlots - 1 ? C - used : 1;
      for (let k = C - used; k >= firstK; k--) {
        const last = used + k === C;
        const top = shape(a, 0, k);
        const topRows = top >= 0 ? shapeRows[top] : 0;
        // One module in the slot (it needs rem ≥ its rows: part of `tallest` below).
        if (top >= 0 && topRows <= maxRem) {
          slotK.push(k);
          slotN.push(1);
          heights.push(topRows);
          walk(a + 1, used + k, penalty + shapePenalty[top], lastTaste + shapeLast[top], Math.max(tallest, topRows), stacks);
          slotK.pop();
          slotN.pop();
          heights.pop();
        }
        // The slot's (last) module runs to the page's foot and continues overleaf: only when it does not fit whole.
        if (last) {
          const below = top >= 0 ? Math.min(maxRem, topRows - 1) : maxRem;
          if (tallest <= below) add(true, a, penalty, tallest, below, false, used, k, -1);
        }
        if (top < 0 || a + 1 >= n || stacks >= MAX_STACKS) continue;
        // Two modules stacked at the same width (only when the top one leaves room: rem > top's rows).
        const bottom = shape(a + 1, 0, k);
        const bottomRows = bottom >= 0 ? shapeRows[bottom] : 0;
        if (bottom >= 0 && topRows + bottomRows <= maxRem) {
          const h = topRows + bottomRows;
          slotK.push(k);
          slotN.push(2);
          heights.push(h);
          walk(a + 2, used + k, penalty + shapePenalty[top] + shapePenalty[bottom] + STACK, lastTaste + shapeLast[top] + shapeLast[bottom], Math.max(tallest, h), stacks + 1);
          slotK.pop();
          slotN.pop();
          heights.pop();
        }
        if (last) {
          const lo = Math.max(tallest, topRows + 1);
          const below = bottom >= 0 ? Math.min(maxRem, topRows + bottomRows - 1) : maxRem;
          if (lo <= below) add(true, a + 1, penalty + STACK, lo, below, false, used, k, top);
        }
      }
    };
    walk(a0, used0, 0, 0, 0, stacks0);
  };
  // The first slot of a state (i, p) may itself be split, across the whole width: alone (article i
  // continuing from p), or under article i's module stacked (article i + 1 continuing from its
  // start). The two tails for that, per (i, p): firstSplit[itemBase[i] + p] and the next, plus one.
  const firstSplit = new Int32Array(itemBase[n]);
  const firstSplitOf = (i: number, p: number): number => {
    const x = itemBase[i] + p;
    if (firstSplit[x] === 0) {
      firstSplit[x] = tails.add(true, i, 0, 0, maxRem, false, 0, p, C, -1, NO_SLOTS, NO_SLOTS, NO_SLOTS) + 1;
      tails.add(true, i + 1, STACK, 0, maxRem, false, 0, 0, C, shape(i, p, C), NO_SLOTS, NO_SLOTS, NO_SLOTS);
    }
    return firstSplit[x] - 1;
  };

  /**
   * Where states keep their best band so far: arrays indexed by at + rem. A row of the flat arrays
   * (at = i·S), or the continuation arrays (at + R = itemBase[i] + p).
   */
  interface Row {
    at: number;
    cost: Float64Array;
    kind: Uint8Array;
    rows: Int32Array;
    resume: Int32Array;
    firstK: Uint8Array;
    firstN: Uint8Array;
    tail: Int32Array;
  }
  const flatRowOf: (Row | undefined)[] = new Array(n).fill(undefined);
  const flatRow = (i: number): Row =>
    (flatRowOf[i] ??= { at: i * S, cost: flatCost, kind: flatKind, rows: flatRows, resume: flatResume, firstK: flatFirstK, firstN: flatFirstN, tail: flatTail });
  // Continuations being settled, by depth (one asks for the next when its split part is tried).
  const contRowAt: Row[] = [];
  let depth = 0;
  const contRow = (d: number, x: number): Row => {
    const row = (contRowAt[d] ??= {
      at: 0, cost: contCost, kind: contKind, rows: contRows, resume: contResume, firstK: contFirstK, firstN: contFirstN, tail: contTail,
    });
    row.at = x - R;
    return row;
  };

  // A band is tried as its first slot (fK columns holding fN modules, fH rows, with their taste;
  // fK = 0 when the first slot is itself the split one) followed by a tail, at every rem of a
  // range [lo, hi] where it fits. For each rem, bands are tried in the same order as the walk
  // would choose them, and one replaces the best so far only when strictly cheaper: which of two
  // equally good plans wins is decided by that order.

  // A band's price is left in price[0] rather than returned: a double returned from a call that V8
  // does not inline is a new heap object, and the search prices bands millions of times.
  const price = new Float64Array(1);
  /** Prices the band at height H, besides the rest of the bulletin, into price[0] (`foot`: H is the rows left). */
  const priceBand = (t: number, p: number, fK: number, fN: number, fH: number, fPenalty: number, fLast: number, H: number, foot: boolean): void => {
    const d = tails.slots;
    const used = tails.used[t];
    let white = (C - used) * H;
    let air = 0;
    // The shallowest slot bottom (H: the band is level).
    let shallowest = H;
    if (fK > 0) {
      // Air the first slot may take: none for a continued part (its 上接 line reads with its text).
      const stretch = Math.min(AIR * fN - (p > 0 ? AIR : 0), H - fH);
      air += fK * stretch;
      white += fK * (H - fH - stretch);
      shallowest = fH + stretch;
    }
    for (let j = tails.slotStart[t], end = tails.slotEnd[t]; j < end; j += 3) {
      const stretch = Math.min(AIR * d[j + 1], H - d[j + 2]);
      air += d[j] * stretch;
      white += d[j] * (H - d[j + 2] - stretch);
      if (d[j + 2] + stretch < shallowest) shallowest = d[j + 2] + stretch;
    }
    const w = foot ? FOOT : 1;
    // The bulletin's last band: its modules end near the same depth.
    const uneven = tails.next[t] >= n ? UNEVEN * (H - shallowest) + (EMPTY_DEPTH * (C - used) * H * H) / R + fLast : 0;
    price[0] = w * white + (foot ? excess(white) : 0) + AIR_COST * air + uneven + fPenalty + tails.penalty[t] + BAND;
  };

  /** The whole band at its natural height H, for the rows left in [lo, hi] (all ≥ H). */
  const leaf = (row: Row, p: number, t: number, fK: number, fN: number, fH: number, fPenalty: number, fLast: number, H: number, lo: number, hi: number): void => {
    const { at, cost } = row;
    // Priced when first needed (−1: not yet), the same at every rem but H itself, where the band
    // reaches the page's foot.
    let inside = -1;
    let foot = -1;
    // What the band costs at least, besides its white, air and unevenness (none below 0), added up
    // as priceBand adds it: most bands lose by the rest of the bulletin alone, unpriced.
    const least = fPenalty + tails.penalty[t] + BAND;
    // The rest: the next article's state at rem − H.
    const next = tails.next[t];
    const restAt = next * S - H;
    for (let rem = lo; rem <= hi; rem++) {
      // A rest already settled bounds the band's cost before it is priced.
      const known = next >= n || done[restAt + rem] === 1;
      if (known && least + (next < n ? flatCost[restAt + rem] : 0) >= cost[at + rem]) continue;
      let partial: number;
      if (rem === H) {
        if (foot < 0) {
          priceBand(t, p, fK, fN, fH, fPenalty, fLast, H, true);
          foot = price[0];
        }
        partial = foot;
      } else {
        if (inside < 0) {
          priceBand(t, p, fK, fN, fH, fPenalty, fLast, H, false);
          inside = price[0];
        }
        partial = inside;
      }
      if (partial >= cost[at + rem]) continue;
      let rest = 0;
      if (next < n) {
        // Settled on first need, with the rems after it (this band asks for them next).
        if (!done[restAt + rem]) settleRun(next, rem - H, hi - H);
        rest = flatCost[restAt + rem];
      }
      const c = partial + rest;
      if (c < cost[at + rem]) record(row, rem, c, 1, H, 0, t, fK, fN);
    }
  };

  /** The whole band stretched to the page's foot, for the rows left in [lo, hi]. */
  const stretched = (row: Row, p: number, t: number, fK: number, fN: number, fH: number, fPenalty: number, fLast: number, lo: number, hi: number): void => {
    const { at, cost } = row;
    // The rest: the next article at a fresh page, the same at every rem (−1: not asked for yet).
    let rest = -1;
    // A band's price never falls as it stretches (its white, air and unevenness only grow), and the
    // rest is the same: a cost at one rem bounds those at every deeper one, and most stretched
    // bands lose (their white is at the page's foot), so most rems need no pricing.
    let floor = -Infinity;
    // Once the rest is known, the band's least cost besides its white, air and unevenness (see leaf).
    const least = fPenalty + tails.penalty[t] + BAND;
    const next = tails.next[t];
    if (next >= n) rest = 0;
    else if (done[next * S]) rest = flatCost[next * S];
    if (rest >= 0) floor = least + rest;
    for (let rem = lo; rem <= hi; rem++) {
      if (floor >= cost[at + rem]) continue;
      priceBand(t, p, fK, fN, fH, fPenalty, fLast, rem, true);
      const partial = price[0];
      if (partial >= cost[at + rem]) {
        floor = partial + Math.max(rest, 0);
        continue;
      }
      if (rest < 0) rest = best(tails.next[t], 0, 0);
      floor = partial + rest;
      const c = partial + rest;
      if (c < cost[at + rem]) record(row, rem, c, 1, rem, 0, t, fK, fN);
    }
  };

  /**
   * A band to the page's foot (rem rows) whose last slot ends with tail t's article `next` split
   * (under its `above` when stacked); run = splitsAt(next, from, k) of the tail.
   */
  const trySplit = (row: Row, rem: number, p: number, t: number, run: number, fK: number, fN: number, fH: number, fPenalty: number): void => {
    const { at, cost } = row;
    const d = tails.slots;
    const k = tails.k[t];
    const next = tails.next[t];
    const above = tails.above[t];
    const room = rem - (above >= 0 ? shapeRows[above] : 0);
    let others = 0;
    let air = 0;
    if (fK > 0) {
      const stretch = Math.min(AIR * fN - (p > 0 ? AIR : 0), rem - fH);
      air += fK * stretch;
      others += fK * (rem - fH - stretch);
    }
    for (let j = tails.slotStart[t], end = tails.slotEnd[t]; j < end; j += 3) {
      const stretch = Math.min(AIR * d[j + 1], rem - d[j + 2]);
      air += d[j] * stretch;
      others += d[j] * (rem - d[j + 2] - stretch);
    }
    const penalty = fPenalty + tails.penalty[t];
    // Bound: the white of the other slots alone may already lose.
    const bound = FOOT * others + excess(others) + AIR_COST * air + penalty + BAND + SPLIT;
    if (bound < cost[at + rem]) {
      const list = splitPart(run, next, tails.from[t], k, room);
      const count = runs.pool[list];
      for (let ci = 0; ci < count; ci++) {
        // Read through `runs.pool` each time: the continuation below may grow it.
        const end = runs.pool[list + 1 + 2 * ci];
        const white = others + runs.pool[list + 2 + 2 * ci];
        const partial = FOOT * white + excess(white) + AIR_COST * air + penalty + (above >= 0 ? shapePenalty[above] : 0) + BAND + SPLIT;
        if (partial >= cost[at + rem]) continue;
        // The continuation's cost read from its array (a double returned by best would be boxed).
        const c = partial + contCost[continuation(next, end)];
        if (c < cost[at + rem]) record(row, rem, c, 2, rem, end, t, fK, fN);
      }
    }
    // The bound, for splitBands: it never falls as the band deepens (the other slots' white and
    // air only grow). Set last: settling the continuations above (best) prices other bands there.
    price[0] = bound;
  };

  /** trySplit at every rem in [lo, hi], skipping the rems where a shallower one's bound already loses. */
  const splitBands = (row: Row, p: number, t: number, fK: number, fN: number, fH: number, fPenalty: number, lo: number, hi: number): void => {
    const run = splitsAt(tails.next[t], tails.from[t], tails.k[t]);
    let floor = -Infinity;
    for (let rem = lo; rem <= hi; rem++) {
      if (floor >= row.cost[row.at + rem]) continue;
      trySplit(row, rem, p, t, run, fK, fN, fH, fPenalty);
      floor = price[0];
    }
  };

  const record = (row: Row, rem: number, c: number, kind: 1 | 2, H: number, resume: number, t: number, fK: number, fN: number): void => {
    const x = row.at + rem;
    row.cost[x] = c;
    row.kind[x] = kind;
    row.rows[x] = H;
    row.resume[x] = resume;
    row.tail[x] = t;
    row.firstK[x] = fK;
    row.firstN[x] = fN;
  };

  /** Every tail of a list after a first slot, in order, at the rows left in [lo, hi] where it fits. */
  const tryTails = (row: Row, p: number, list: number, fK: number, fN: number, fH: number, fPenalty: number, fLast: number, lo: number, hi: number): void => {
    // Short of rows for every tail of the list (states near the page's foot): nothing to try.
    if (listLeast[list] > lo) lo = listLeast[list];
    if (lo > hi) return;
    // The list's tails were all made before: the table's arrays as they are now hold them, even when
    // settling the states below adds tails (and moves the table's arrays).
    const { minRem, maxRem: lastRem, split, stretch } = tails;
    for (let t = listStart[list], end = listEnd[list]; t < end; t++) {
      const need = Math.max(fH, minRem[t]);
      const a = Math.max(lo, need);
      const b = Math.min(hi, lastRem[t]);
      if (a > b) continue;
      if (split[t]) {
        splitBands(row, p, t, fK, fN, fH, fPenalty, a, b);
      } else {
        // At each rem the natural height is tried before the stretched one.
        leaf(row, p, t, fK, fN, fH, fPenalty, fLast, need, a, b);
        if (stretch[t]) stretched(row, p, t, fK, fN, fH, fPenalty, fLast, Math.max(a, need + 1), b);
      }
    }
  };

  /** Settles the states (i, p, rem) for rem in [lo, hi] into `row`; (i, p, R) is settled first when lo < R. */
  const settle = (row: Row, i: number, p: number, lo: number, hi: number): void => {
    const at = row.at;
    // A fresh page that cannot take anything would loop: only pages with something on them break.
    const fresh = lo < R ? best(i, p, R) : 0;
    for (let rem = lo; rem <= hi; rem++) {
      let c = INFEASIBLE;
      if (rem < R) c = Math.min(c, FOOT * rem * C + excess(rem * C) + fresh);
      row.cost[at + rem] = c;
      row.kind[at + rem] = 0;
      row.rows[at + rem] = 0;
      row.resume[at + rem] = 0;
      row.tail[at + rem] = -1;
      row.firstK[at + rem] = 0;
      row.firstN[at + rem] = 0;
    }

    // The first slot, as the tails' walk would choose it (the last slot takes the columns left).
    const firstK = maxSlots - 1 === 0 ? C : 1;
    for (let k = C; k >= firstK; k--) {
      const last = k === C;
      const top = shape(i, p, k);
      const topRows = top >= 0 ? shapeRows[top] : 0;
      // One module in the first slot, where it fits.
      if (top >= 0 && topRows <= hi) tryTails(row, p, tailsOf(i + 1, k, 1, 0), k, 1, topRows, shapePenalty[top], shapeLast[top], Math.max(lo, topRows), hi);
      // Where it does not fit, it is the split one (a slot of the whole width: the band's last).
      const splitHi = last ? (top >= 0 ? Math.min(hi, topRows - 1) : hi) : -1;
      if (lo <= splitHi) splitBands(row, p, firstSplitOf(i, p), 0, 0, 0, 0, lo, splitHi);
      if (top < 0 || i + 1 >= n || MAX_STACKS < 1 || topRows >= hi) continue;
      // Two stacked (only when the top one leaves room: rem > its rows), else the bottom one split.
      const bottom = shape(i + 1, 0, k);
      const bottomRows = bottom >= 0 ? shapeRows[bottom] : 0;
      if (bottom >= 0 && topRows + bottomRows <= hi) {
        tryTails(row, p, tailsOf(i + 2, k, 1, 1), k, 2, topRows + bottomRows, shapePenalty[top] + shapePenalty[bottom] + STACK,
          shapeLast[top] + shapeLast[bottom], Math.max(lo, topRows + bottomRows), hi);
      }
      const stackLo = Math.max(lo, topRows + 1);
      const stackHi = last ? (bottom >= 0 ? Math.min(hi, topRows + bottomRows - 1) : hi) : -1;
      if (stackLo <= stackHi) splitBands(row, p, firstSplitOf(i, p) + 1, 0, 0, 0, 0, stackLo, stackHi);
    }
  };

  /** Settles the states (i, 0, rem) for rem in [lo, hi] not settled yet, a run of them at a time. */
  const settleRun = (i: number, lo: number, hi: number): void => {
    const at = i * S;
    for (let a = lo; a <= hi; a++) {
      if (done[at + a]) continue;
      let b = a;
      while (b < hi && !done[at + b + 1]) b++;
      // rem = R first: the others may break to a fresh page.
      if (a <= R && R <= b && !done[at + R]) {
        settle(flatRow(i), i, 0, R, R);
        done[at + R] = 1;
      }
      if (a < R) settle(flatRow(i), i, 0, a, Math.min(b, R - 1));
      if (b > R) settle(flatRow(i), i, 0, Math.max(a, R + 1), b);
      done.fill(1, at + a, at + b + 1);
      a = b;
    }
  };

  // On a long bulletin nearly every state of an article is asked for (nine in ten on 420 articles,
  // on 140), and settling an article's whole row at once is cheaper than state by state; on a short
  // one only a few are (a quarter on 7 articles), and the others are not worth settling.
  const wholeRows = space.wholeRows ?? n >= WHOLE_ROWS;

  /** The least cost of the state (i, p, rem); rem is R when p > 0 (a continuation starts a fresh page). */
  const best = (i: number, p: number, rem: number): number => {
    if (i >= n) return 0;
    if (p === 0) {
      if (!done[i * S + rem]) settleRun(i, wholeRows ? 0 : rem, wholeRows ? maxRem : rem);
      return flatCost[i * S + rem];
    }
    if (rem !== R) throw new Error('layout: a continued part is only placed at a fresh page');
    return contCost[continuation(i, p)];
  };

  /** The state (i, p, R) of a continued part (p > 0), settled: its index in the continuation arrays. */
  const continuation = (i: number, p: number): number => {
    const x = itemBase[i] + p;
    if (!contDone[x]) {
      settle(contRow(depth++, x), i, p, R, R);
      depth--;
      contDone[x] = 1;
    }
    return x;
  };

  /** The band chosen at a state, as the plan reads it. */
  const memoGet = (i: number, p: number, rem: number): Choice => {
    best(i, p, rem);
    const row = p === 0 ? flatRow(i) : contRow(depth, itemBase[i] + p);
    const x = row.at + rem;
    const t = row.tail[x];
    const slots: Slot[] = [];
    if (row.firstK[x] > 0) slots.push({ k: row.firstK[x], count: row.firstN[x] as 1 | 2 });
    if (t >= 0) {
      for (let j = tails.slotStart[t]; j < tails.slotEnd[t]; j += 3) slots.push({ k: tails.slots[j], count: tails.slots[j + 1] as 1 | 2 });
      if (tails.split[t]) slots.push({ k: tails.k[t], count: tails.above[t] >= 0 ? 2 : 1 });
    }
    return { kind: row.kind[x] as 0 | 1 | 2, slots, resume: row.resume[x], rows: row.rows[x] };
  };

  // Deep recursion on long bulletins: settle every article at a fresh page from the end backwards first.
  for (let i = n - 1; i >= 1; i--) best(i, 0, R);
  const total = best(0, 0, space.firstRows);
  if (total >= INFEASIBLE) {
    // An article that cannot be placed makes every state before it impossible too: the culprit is
    // the last article that cannot start a fresh page.
    let a = n - 1;
    while (a > 0 && best(a, 0, R) < INFEASIBLE) a--;
    return a;
  }
  // The balanced partition of a placed module (the search kept only its height).
  const shapePartition = (a: number, from: number, k: number): Partition => balance(articles[a], from, articles[a].items.length, k)!;
  // The module a shape describes, as the plan reads it.
  const shapeOf = (a: number, from: number, k: number): ModuleShape => {
    const s = shape(a, from, k);
    return { headerRows: shapeHeader[s], rows: shapeRows[s] };
  };
  return rebuildPlan(articles, space, memoGet, shapeOf, shapePartition, splitPartition);
}


function rebuildPlan(
  articles: PreparedArticle[],
  space: SearchSpace,
  memo: (i: number, p: number, rem: number) => Choice,
  shape: (a: number, from: number, k: number) => ModuleShape,
  shapePartition: (a: number, from: number, k: number) => Partition,
  splitPartition: (a: number, from: number, k: number, rows: number, end: number) => { part: Partition; headerRows: number },
): PlannedPage[] {
  const n = articles.length;
  const pages: PlannedPage[] = [{ bands: [] }];
  let i = 0;
  let p = 0;
  let rem = space.firstRows;
  let row = 0;
  while (i < n) {
    const ch = memo(i, p, rem);
    if (ch.kind === 0) {
      pages.push({ bands: [] });
      rem = space.rows;
      row = 0;
      continue;
    }
    const H = ch.rows;
    const slots = ch.slots;
    const band: PlannedBand = { row, rows: H, modules: [] };
    let col = 0;
    let a = i;
    slots.forEach((slot, j) => {
      const lastSlot = j === slots.length - 1;
      const split = ch.kind === 2 && lastSlot;
      // The slot's air, as the search counted it: the first module takes up to AIR rows, the second the
      // rest; a continued part none.
      let natural = 0;
      if (!split) for (let s = 0; s < slot.count; s++) natural += shape(a + s, a + s === i ? p : 0, slot.k).rows;
      const cap = AIR * slot.count - (a === i && p > 0 ? AIR : 0);
      let stretch = split ? 0 : Math.min(cap, H - natural);
      let top = 0;
      for (let s = 0; s < slot.count; s++) {
        const from = a === i ? p : 0;
        const lastModule = s === slot.count - 1;
        if (split && lastModule) {
          const sp = splitPartition(a, from, slot.k, H - top, ch.resume);
          band.modules.push({
            article: a, col, k: slot.k, row: top, rows: H - top, from, to: sp.part.cuts[slot.k], part: sp.part,
            continued: from > 0, jumps: true, headerRows: sp.headerRows, air: 0,
          });
        } else {
          const sh = shape(a, from, slot.k);
          const air = from > 0 ? 0 : Math.min(AIR, stretch);
          stretch -= air;
          band.modules.push({
            article: a, col, k: slot.k, row: top, rows: lastModule ? H - top : sh.rows + air, from, to: articles[a].items.length, part: shapePartition(a, from, slot.k),
            continued: from > 0, jumps: false, headerRows: sh.headerRows, air,
          });
          top += sh.rows + air;
        }
        a += 1;
      }
      col += slot.k;
    });
    pages[pages.length - 1].bands.push(band);
    row += H;
    if (ch.kind === 2) {
      i = a - 1;
      p = ch.resume;
      pages.push({ bands: [] });
      rem = space.rows;
      row = 0;
    } else {
      i = a;
      p = 0;
      rem -= H;
    }
  }
  return pages;
}
