// The page grid (docs/design/LAYOUT.md, docs/design/TYPOGRAPHY.md §1): a type area of whole baseline
// rows (body size × leading) and columns whose measure is a whole number of
// ems, so pure Han lines fill a column exactly; the gutters take what is left
// (between the template's min and max), and anything beyond the max gutters is
// split between the outer margins so the grid stays centred.
import type { Template } from '../design/template.js';

export const MM = 72 / 25.4;

/** Fraction of the em box above the baseline for CJK faces (ideographic em box: 0.88 / 0.12). */
export const EM_ASCENT = 0.88;

export interface PageGrid {
  /** Trim size, pt. */
  width: number;
  height: number;
  /** Type area, pt. */
  left: number;
  top: number;
  typeWidth: number;
  typeHeight: number;
  columns: number;
  /** Body size (the em), pt. */
  body: number;
  /** Baseline-to-baseline distance, pt. */
  row: number;
  /** Whole rows in the type area. */
  rows: number;
  measureEms: number;
  /** Column measure, pt. */
  measure: number;
  gutter: number;
  /** Left edge of each column, pt. */
  colX: number[];
}

export function pageGrid(t: Template): PageGrid {
  const width = t.page.width * MM;
  const height = t.page.height * MM;
  const body = t.grid.bodySize;
  const row = body * t.grid.leading;
  const c = t.grid.columns;
  const available = (t.page.width - t.margins.left - t.margins.right) * MM;
  const gMin = t.grid.gutter.min * MM;
  const gMax = t.grid.gutter.max * MM;
  const measureEms = Math.floor((available - (c - 1) * gMin) / (c * body) + 1e-9);
  const measure = measureEms * body;
  const gutter = c > 1 ? Math.min(gMax, (available - c * measure) / (c - 1)) : 0;
  const typeWidth = c * measure + (c - 1) * gutter;
  const left = t.margins.left * MM + (available - typeWidth) / 2;
  const availableHeight = (t.page.height - t.margins.top - t.margins.bottom) * MM;
  const rows = Math.floor(availableHeight / row + 1e-9);
  const colX = Array.from({ length: c }, (_, i) => left + i * (measure + gutter));
  return {
    width, height, left, top: t.margins.top * MM, typeWidth, typeHeight: rows * row,
    columns: c, body, row, rows, measureEms, measure, gutter, colX,
  };
}

/** Width of `k` adjacent columns with the gutters between them, pt. */
export function spanWidth(g: PageGrid, k: number): number {
  return k * g.measure + (k - 1) * g.gutter;
}

/** Top of grid row `r` (0-based from the type area's top), pt. */
export function rowTop(g: PageGrid, r: number): number {
  return g.top + r * g.row;
}

/** Baseline for text of `size` centred in `n` rows starting at row `r`. */
export function baselineIn(g: PageGrid, r: number, n: number, size: number): number {
  return rowTop(g, r) + (n * g.row - size) / 2 + EM_ASCENT * size;
}

/** Rows a line of text at `size` needs (with 20 % air), at least one. */
export function rowsFor(g: PageGrid, size: number, air = 1.2): number {
  return Math.max(1, Math.ceil((size * air) / g.row - 1e-9));
}
