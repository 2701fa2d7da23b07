// Rules and filled rectangles as raw path operators (trim coordinates, y down:
// the page CTM already flips). Writing them directly keeps pdfkit from
// choosing colour spaces or adding graphics-state objects.
import type { RectItem, RuleItem } from '../layout/display-list.js';
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
