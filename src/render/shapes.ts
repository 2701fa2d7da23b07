// Rules, filled rectangles and dots as raw path operators (trim coordinates, y down:
// the page CTM already flips). Writing them directly keeps pdfkit from
// choosing colour spaces or adding graphics-state objects.
import type { DotItem, RectItem, RuleItem } from '../layout/display-list.js';
import { bleedRect, bleedRule, type PageGeometry } from './boxes.js';
import type { ColourState } from './colour.js';
import { num } from './numbers.js';

export function drawRule(r: RuleItem, g: PageGeometry, colour: ColourState): string {
  const { x1, y1, x2, y2 } = bleedRule(r, g);
  const set = colour.setStroke(r.color);
  return `${set ? set + ' ' : ''}${num(r.width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`;
}

export function drawRect(r: RectItem, g: PageGeometry, colour: ColourState): string {
  const { x, y, w, h } = bleedRect(r, g);
  const set = colour.setFill(r.fill);
  return `${set ? set + ' ' : ''}${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`;
}

/** Control-point distance of a quarter circle drawn as one cubic Bézier curve. */
const KAPPA = 0.5522847498;

/** A filled circle: four Bézier quarters (dots never touch the trim, so no bleed). */
export function drawDot(d: DotItem, colour: ColourState): string {
  const { x, y, r } = d;
  const k = KAPPA * r;
  const set = colour.setFill(d.fill);
  const c = (x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) => `${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x3)} ${num(y3)} c`;
  return [
    `${set ? set + ' ' : ''}${num(x + r)} ${num(y)} m`,
    c(x + r, y + k, x + k, y + r, x, y + r),
    c(x - k, y + r, x - r, y + k, x - r, y),
    c(x - r, y - k, x - k, y - r, x, y - r),
    c(x + k, y - r, x + r, y - k, x + r, y),
    'f',
  ].join(' ');
}
