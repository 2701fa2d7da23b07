// A body item that is drawn rather than one composed line: a table row, a
// group of note lines, a section break. It takes whole grid rows of a column,
// like the other body items, so the page search flows it as it flows lines;
// inside, its lines and rules sit where the item says.
import type { FaceChain } from '../fonts/face.js';
import type { ComposedLine } from '../typeset/index.js';
import { decorationItems, type LineDecoration } from './decorations.js';
import type { Cmyk, DisplayItem, StructureTag } from './display-list.js';
import { composedRuns } from './draw.js';
import { EM_ASCENT, type PageGrid } from './grid.js';
import type { Template } from '../design/template.js';

/** What drawn blocks need of the layout: the grid, the template and the fonts. */
export interface DrawEnv {
  grid: PageGrid;
  template: Template;
  fonts: { chain(role: string): FaceChain };
}

export interface GridText {
  line: ComposedLine;
  /** Left edge of the line's box, pt from the column's left edge. */
  x: number;
  /** Baseline, pt below the item's top. */
  baseline: number;
  size: number;
  tag: StructureTag;
  decoration?: LineDecoration;
}

export interface GridRule {
  /** pt from the column's left edge. */
  x1: number;
  x2: number;
  /** pt below the item's top. */
  y: number;
  width: number;
}

export interface GridItem {
  kind: 'grid';
  rows: number;
  tag: StructureTag;
  texts: GridText[];
  rules: GridRule[];
}

export interface PlacedItem {
  item: GridItem;
  /** Whether a column may begin with this item. */
  canBreak: boolean;
}

/** Baseline, pt below an item's top, of a line of `size` centred in row `row` (0-based) of rows `pitch` pt apart. */
export function baselineAt(row: number, pitch: number, size: number): number {
  return row * pitch + (pitch - size) / 2 + EM_ASCENT * size;
}

/** The display items of a grid item whose column starts at x and whose first row's top is y. */
export function drawGridItem(item: GridItem, x: number, y: number, colors: { text: Cmyk; rules: Cmyk }): DisplayItem[] {
  const out: DisplayItem[] = [];
  for (const r of item.rules) {
    out.push({ kind: 'rule', x1: x + r.x1, y1: y + r.y, x2: x + r.x2, y2: y + r.y, width: r.width, color: colors.rules, tag: { role: 'Artifact', id: `${item.tag.id}-rule` } });
  }
  for (const t of item.texts) {
    out.push(...composedRuns(t.line, x + t.x, y + t.baseline, colors.text, t.tag));
    if (t.decoration) out.push(...decorationItems(t.decoration, { x: x + t.x, y: y + t.baseline, size: t.size, color: colors.text, id: t.tag.id }));
  }
  return out;
}
