// The page search's space: the page it fills (columns, rows, the gap above
// each module) and the small integers it indexes everything by (docs/layout.md,
// "States"). Read by every other part; holds nothing that changes.
import type { PreparedArticle } from '../article.js';

export interface SearchSpace {
  columns: number;
  /** Rows available to bands on page 1 (below masthead and lead) and on later pages. */
  firstRows: number;
  rows: number;
  /** Rows above each module (the module rule's gap). */
  gap: number;
  /** Rows of air under every module's byline (default AIR): a copyfitting lever. */
  air?: number;
  /** Whether states are settled a whole row at a time (default: from WHOLE_ROWS articles on); the plan is the same either way. */
  wholeRows?: boolean;
  /**
   * The last resort (planPages turns it on when no plan fills every band): a band may have a
   * slot a column and may end with empty columns, at RAGGED_BAND a band (cost.ts).
   */
  raggedBands?: boolean;
  /** Fitting to a page count: every page after the first costs NEW_PAGE (cost.ts), so the plan takes the fewest pages it can. */
  fitPages?: boolean;
}

/**
 * Rows of air between a module's byline and its body: the same in every
 * module (LAYOUT.md's make-up: one byline-to-body gap on a page), so it is
 * part of each module's rows rather than white that levels a band. None by
 * default (the byline's own row sets it off); the copyfitting lever `air`
 * adds a row to every module to fill a page. A continued part takes none
 * (its 上接 line reads with its text).
 */
export const AIR = 0;

/**
 * A band has at most three slots and one stacked pair: richer bands rarely win and multiply the
 * search (at six columns, 486 slot patterns a state instead of 46).
 */
export const MAX_SLOTS = 3;
export const MAX_STACKS = 1;
/** From this many articles on, the search settles an article's states a whole row at a time. */
const WHOLE_ROWS = 32;

/**
 * The space with what follows from it. A state or a shape is found by small integers:
 * per article a and item p (a part resuming there): `item(a, p)`; per article, item and width k:
 * `slot(a, p, k)`; per article and rows left: `a·states + rem`.
 */
export class SearchSize {
  readonly columns: number;
  /** Rows of a page after the first, and of the first. */
  readonly rows: number;
  readonly firstRows: number;
  readonly gap: number;
  /** Rows of air under every module's byline (a continued part's none). */
  readonly air: number;
  readonly articles: number;
  /** The most rows left on any page, and the states per article (rows left 0..maxRows). */
  readonly maxRows: number;
  readonly states: number;
  /** Slots a band may have: up to one a column when bands may be ragged. */
  readonly maxSlots: number;
  readonly raggedBands: boolean;
  readonly wholeRows: boolean;
  /** Where article a's items begin in per-item arrays (items + 1 each: a part may resume at any item, or at the end). */
  private readonly itemBase: Int32Array;

  constructor(articles: readonly PreparedArticle[], space: SearchSpace) {
    const n = articles.length;
    this.columns = space.columns;
    this.rows = space.rows;
    this.firstRows = space.firstRows;
    this.gap = space.gap;
    this.air = space.air ?? AIR;
    this.articles = n;
    this.maxRows = Math.max(space.rows, space.firstRows);
    this.states = this.maxRows + 1;
    this.raggedBands = space.raggedBands ?? false;
    this.maxSlots = this.raggedBands ? Math.max(MAX_SLOTS, space.columns) : MAX_SLOTS;
    // On a long bulletin nearly every state of an article is asked for (nine in ten on 420 articles,
    // on 140), and settling an article's whole row at once is cheaper than state by state; on a short
    // one only a few are (a quarter on 7 articles), and the others are not worth settling.
    this.wholeRows = space.wholeRows ?? n >= WHOLE_ROWS;
    this.itemBase = new Int32Array(n + 1);
    for (let a = 0; a < n; a++) this.itemBase[a + 1] = this.itemBase[a] + articles[a].items.length + 1;
  }

  /** Entries of a per-item array: every (article, item) pair. */
  get items(): number {
    return this.itemBase[this.articles];
  }

  /** Entries of a per-slot array: every (article, item, width) triple. */
  get slots(): number {
    return this.items * (this.columns + 1);
  }

  item(a: number, p: number): number {
    return this.itemBase[a] + p;
  }

  slot(a: number, p: number, k: number): number {
    return (this.itemBase[a] + p) * (this.columns + 1) + k;
  }
}
