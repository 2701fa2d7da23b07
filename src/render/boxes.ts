// Page boxes, bleed and crop marks (docs/design/LAYOUT.md, Print-ready output).
// The display list is in trim coordinates (origin at the trimmed page's top-left
// corner); in press mode the MediaBox grows by the bleed (and by the mark zone
// when crop marks are asked for) and every page's content is shifted by that
// margin, so TrimBox sits where the display list's page is.
import type { DisplayList, RectItem, RuleItem } from '../layout/display-list.js';
import type { PdfPage } from './pdfkit-api.js';
import { num } from './numbers.js';

export const PT_PER_MM = 72 / 25.4;

/** Crop marks: 5 mm long, starting at the bleed edge, so they never print inside the bleed. */
const MARK_LENGTH_MM = 5;
/** Room left around the marks on the sheet. */
const MARK_SLACK_MM = 1;
const MARK_WIDTH_PT = 0.25;

export interface PageGeometry {
  /** Trim size, pt. */
  width: number;
  height: number;
  /** Bleed on each side, pt (0 in screen mode). */
  bleed: number;
  /** Offset of the trim box's corner from the MediaBox's, pt (bleed, plus the mark zone with marks). */
  margin: number;
  mediaWidth: number;
  mediaHeight: number;
  marks: boolean;
}

export function pageGeometry(list: DisplayList, opts: { press?: boolean; marks?: boolean; bleedMm?: number }): PageGeometry {
  const press = opts.press === true;
  const marks = press && opts.marks === true;
  const bleed = press ? (opts.bleedMm ?? 3) * PT_PER_MM : 0;
  const margin = bleed + (marks ? (MARK_LENGTH_MM + MARK_SLACK_MM) * PT_PER_MM : 0);
  return {
    width: list.width,
    height: list.height,
    bleed,
    margin,
    mediaWidth: list.width + 2 * margin,
    mediaHeight: list.height + 2 * margin,
    marks,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Writes TrimBox (always) and BleedBox (press mode) on the page dictionary, in
 * PDF's bottom-up coordinates. Also drops pdfkit's `/UserUnit 1`: a PDF 1.6
 * key that says nothing and that strict PDF/X-1a checkers reject.
 */
export function setPageBoxes(page: PdfPage, g: PageGeometry, press: boolean): void {
  const data = page.dictionary.data;
  delete data.UserUnit;
  const m = g.margin;
  data.MediaBox = [0, 0, round(g.mediaWidth), round(g.mediaHeight)];
  data.TrimBox = [round(m), round(m), round(m + g.width), round(m + g.height)];
  if (press) {
    const b = g.bleed;
    data.BleedBox = [round(m - b), round(m - b), round(m + g.width + b), round(m + g.height + b)];
  }
}

/**
 * Crop marks as path operators in trim coordinates (y down): at each corner a
 * horizontal and a vertical hairline on the trim lines, from the bleed edge
 * outwards. The caller sets the stroke colour (100 % K).
 */
export function cropMarks(g: PageGeometry): string {
  const b = g.bleed;
  const len = MARK_LENGTH_MM * PT_PER_MM;
  const ops: string[] = [`${MARK_WIDTH_PT} w`];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    ops.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  for (const x of [0, g.width]) {
    for (const y of [0, g.height]) {
      const sx = x === 0 ? -1 : 1;
      const sy = y === 0 ? -1 : 1;
      line(x + sx * b, y, x + sx * (b + len), y);
      line(x, y + sy * b, x, y + sy * (b + len));
    }
  }
  return ops.join('\n');
}

/** How close to the trim edge a bleeding item must be to be carried into the bleed, pt. */
const EDGE_TOLERANCE = 1;

/** A `bleeds: true` rectangle with every side that touches the trim edge pushed out to the bleed edge. */
export function bleedRect(r: RectItem, g: PageGeometry): { x: number; y: number; w: number; h: number } {
  let x1 = r.x;
  let y1 = r.y;
  let x2 = r.x + r.w;
  let y2 = r.y + r.h;
  if (r.bleeds && g.bleed > 0) {
    if (x1 <= EDGE_TOLERANCE) x1 = -g.bleed;
    if (y1 <= EDGE_TOLERANCE) y1 = -g.bleed;
    if (x2 >= g.width - EDGE_TOLERANCE) x2 = g.width + g.bleed;
    if (y2 >= g.height - EDGE_TOLERANCE) y2 = g.height + g.bleed;
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/** A `bleeds: true` rule whose ends that touch the trim edge run on to the bleed edge. */
export function bleedRule(r: RuleItem, g: PageGeometry): { x1: number; y1: number; x2: number; y2: number } {
  const out = { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2 };
  if (!r.bleeds || g.bleed <= 0) return out;
  const extend = (v: number, max: number) =>
    v <= EDGE_TOLERANCE ? -g.bleed : v >= max - EDGE_TOLERANCE ? max + g.bleed : v;
  if (r.y1 === r.y2) {
    out.x1 = extend(r.x1, g.width);
    out.x2 = extend(r.x2, g.width);
  } else if (r.x1 === r.x2) {
    out.y1 = extend(r.y1, g.height);
    out.y2 = extend(r.y2, g.height);
  }
  return out;
}
