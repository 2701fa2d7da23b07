// The page search's prices: the one place where what a band costs is
// computed, and the weights it uses (docs/layout.md, "What a plan costs").
// Costs are counted in empty grid cells: one cell of white inside a band
// costs WHITE; every other weight says how many such cells a thing is worth.
// The search (driver.ts) adds a band's price to the least cost of the rest
// of the bulletin after it and keeps the cheapest; it never prices anything
// itself. A new lever (issue 15's copyfitting: a smaller headline, less air)
// is a new field of BandFigures and a new weight here.

/** One empty grid cell inside a band (beside a slot that ends higher than the band). */
export const WHITE = 1;
/** An empty cell at a page's foot, where it shows most: every page but the last must be full. */
export const FOOT = 10;
/**
 * White beyond EXCESS_SHARE of a page's cells in one place (a page's foot),
 * per cell, on top of FOOT: one page must not take all the white so that the
 * others are full (min-max, not just the least total).
 */
export const EXCESS = 40;
export const EXCESS_SHARE = 0.03;
/** Every band: of two plans equally white, the one with fewer, deeper bands. */
export const BAND = 1;
/** A band whose last module continues on the next page (下转/上接): a reader's jump. */
export const SPLIT = 12;
/**
 * Per row between the deepest and the shallowest slot bottom of the
 * bulletin's last band (empty columns aside): the last page's modules end
 * near the same depth (LAYOUT.md "the last page is filled or its modules
 * balanced").
 */
export const UNEVEN = 8;
/**
 * A column left empty beside the bulletin's last band, besides its white:
 * cheap, since white to the right of a short last piece is normal (a short
 * piece takes fewer, deeper columns rather than a strip across the page).
 */
export const EMPTY = 4;
/**
 * An empty cell beside the bulletin's last band weighs EMPTY_DEPTH·H/R more
 * (H the band's rows, R a page's): white beside a band that runs far down the
 * page looks forgotten, and the band should rather spread over those columns.
 */
export const EMPTY_DEPTH = 2.5;
/**
 * A white hole under a module inside a band (LAYOUT.md's make-up): per empty cell more than
 * HOLE_ROWS rows under a slot, on top of its WHITE (or FOOT), so that a band's modules end
 * near one depth rather than one far above the others.
 */
export const HOLE = 2;
export const HOLE_ROWS = 2;
/** Two modules stacked in one slot: a rule across the slot, and less order on the page. */
export const STACK = 2;
/**
 * A band that ends with empty columns before the bulletin's end (only when
 * the search is allowed ragged bands): a fifth of a page's cells, so that as
 * few bands as possible are ragged.
 */
export const RAGGED_BAND = 200;
/** A headline set in more than two lines, per line. */
export const HEADLINE_LINES = 25;
/** A module of more than one column whose columns are shorter than five lines. */
export const SHORT_COLUMNS = 30;
/**
 * A module whose columns but the last do not end on one grid line (its break rules allow no level
 * partition: LAYOUT.md's make-up wants level feet): a width where they do is worth a few cells.
 */
export const RAGGED_FEET = 30;
/** A wide module with short columns reads as a strip: per missing row per column (see moduleTaste). */
export const TASTE = 0.5;
/** The same in the bulletin's last band, where a strip stands beside nothing. */
export const LAST_TASTE = 1.5;
/**
 * A page more, when the bulletin is fitted to a page count (space.ts fitPages): more than any
 * page's white and tastes, so that the search finds a plan on the fewest pages it can and
 * weighs everything else among those.
 */
export const NEW_PAGE = 100000;
/**
 * An empty cell under the bulletin's last band, when fitting to a page count: an editor fills the
 * last page too, and white at its foot is a hole (LAYOUT.md "the last page is filled"). Below
 * WHITE, so that the search never moves it up into the bands (white under a module is a worse
 * hole); the levers fill it instead (copyfit.ts).
 */
export const LAST_FOOT = 0.5;
/**
 * A step of a copyfitting lever away from the template's value (levers.ts: a point of headline,
 * half a point of lead, a row of air): a looser setting must fill more than LEVER_STEP / LAST_FOOT
 * cells of the last page's foot.
 */
export const LEVER_STEP = 1;
/** No plan: more than any plan costs. */
export const INFEASIBLE = 1e9;

/** Where a band is on its page, as its price depends on it. */
export const BandPlace = {
  /** Above the page's foot: its white weighs WHITE. */
  Inside: 0,
  /** Down to the page's foot: its white weighs FOOT, and EXCESS beyond a share of the page. */
  Foot: 1,
  /** Down to the page's foot, its last module continuing overleaf: as Foot, and SPLIT. */
  Split: 2,
} as const;
export type BandPlace = (typeof BandPlace)[keyof typeof BandPlace];

/** What the price of a page's white depends on: the page's cells. */
export interface PageCells {
  columns: number;
  /** Rows of a page after the first (the first page's are fewer, the same weights apply). */
  rows: number;
  /** What each page after the first costs: NEW_PAGE when fitting to a page count, else 0. */
  newPage: number;
  /** What an empty cell under the bulletin's last band costs: LAST_FOOT when fitting, else 0. */
  lastFoot: number;
}

/** A band as the cost weighs it; the driver fills one record and asks bandCost. */
export interface BandFigures {
  place: BandPlace;
  /** Empty cells in the band: beside slots that end higher than the band, and in empty columns. */
  white: number;
  /** Of those under a slot, the cells more than HOLE_ROWS rows under it (empty columns aside). */
  holes: number;
  /** The first slot's taste, and the taste of the slots after it (tails, band-tails.ts), added in this order. */
  firstTaste: number;
  tailTaste: number;
  /** The bulletin's last band: its modules should end level, and columns beside it should not be deep white. */
  last: boolean;
  /** For the last band: its rows, the shallowest slot bottom, its empty columns, and what its modules' taste adds there. */
  rows: number;
  shallowest: number;
  emptyColumns: number;
  lastTaste: number;
}

/** A fresh record (the driver keeps one and refills it). */
export function bandFigures(): BandFigures {
  return { place: BandPlace.Inside, white: 0, holes: 0, firstTaste: 0, tailTaste: 0, last: false, rows: 0, shallowest: 0, emptyColumns: 0, lastTaste: 0 };
}

/** The white cells one place may hold before EXCESS applies. */
export function excessFrom(page: PageCells): number {
  return Math.floor(EXCESS_SHARE * page.columns * page.rows);
}

/** The price of a page break with `white` empty cells at its foot: its white, and the page it starts. */
export function pageBreakCost(white: number, excessAt: number, page: PageCells): number {
  return footCost(white, excessAt) + page.newPage;
}

/** The price of the rows left empty under the bulletin's last band. */
export function lastFootCost(rows: number, page: PageCells): number {
  return page.lastFoot * rows * page.columns;
}

/** The price of a copyfitting setting `steps` lever steps away from the template's values (levers.ts settingSteps). */
export function leverCost(steps: number): number {
  return LEVER_STEP * steps;
}

/** The price of `white` empty cells at a page's foot (a page that ends there, or a band that reaches it). */
export function footCost(white: number, excessAt: number): number {
  return FOOT * white + (white > excessAt ? EXCESS * (white - excessAt) : 0);
}

/**
 * The price of a band, besides the rest of the bulletin after it. The terms are added in one
 * fixed order (the search compares sums, and ties go to the band tried first).
 */
export function bandCost(b: BandFigures, page: PageCells, excessAt: number): number {
  const white = b.place === BandPlace.Inside ? WHITE * b.white : footCost(b.white, excessAt);
  const last = b.last
    ? UNEVEN * (b.rows - b.shallowest) + (EMPTY_DEPTH * b.emptyColumns * b.rows * b.rows) / page.rows + b.lastTaste
    : 0;
  return white + HOLE * b.holes + last + b.firstTaste + b.tailTaste + BAND + (b.place === BandPlace.Split ? SPLIT + page.newPage : 0);
}

/** What bandCost returns at least for a band of these tastes (its white and last-band terms are never below 0). */
export function bandCostFloor(firstTaste: number, tailTaste: number): number {
  return firstTaste + tailTaste + BAND;
}

/** A module's taste: an awkward headline, short columns in a wide module, a strip; and what it adds in the last band. */
export interface ModuleTaste {
  taste: number;
  lastTaste: number;
}

/** A module as its taste weighs it: k columns of at most `height` rows, its headline in `headlineLines` lines, its feet level or not. */
export interface ModuleFigures {
  k: number;
  height: number;
  headlineLines: number;
  /** Every column but the last ends on one grid line (flow.ts balancedTable). */
  level: boolean;
}

/** The taste of a module. */
export function moduleTaste(m: ModuleFigures): ModuleTaste {
  const { k, height, headlineLines } = m;
  let taste = m.level ? 0 : RAGGED_FEET;
  if (headlineLines > 2) taste += HEADLINE_LINES * (headlineLines - 2);
  if (height < 5 && k > 1) taste += SHORT_COLUMNS;
  // Wider modules want taller columns: 2k + 6 rows.
  const want = 2 * k + 6;
  const strip = k > 2 && height < want ? k * (want - height) : 0;
  return { taste: taste + TASTE * strip, lastTaste: (LAST_TASTE - TASTE) * strip };
}

/** The taste of columns left empty at the end of a band: EMPTY each, and RAGGED_BAND when the bulletin goes on after it. */
export function emptyColumnsTaste(columns: number, ragged: boolean): number {
  return (ragged ? RAGGED_BAND : 0) + EMPTY * columns;
}
