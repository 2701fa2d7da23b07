// Colour: everything is DeviceCMYK (docs/design/LAYOUT.md, PDF/X-1a), written as raw
// `k`/`K` operators. pdfkit's fillColor would go through `/DeviceCMYK cs … scn`
// per call; the operators are shorter and cannot pick up an RGB default.
import type { Cmyk } from '../layout/display-list.js';
import { num } from './numbers.js';

function channels(c: Cmyk): string {
  return `${num(c[0] / 100)} ${num(c[1] / 100)} ${num(c[2] / 100)} ${num(c[3] / 100)}`;
}

/** `c m y k k`: the non-stroking (fill, text) colour. */
export function fillCmyk(c: Cmyk): string {
  return `${channels(c)} k`;
}

/** `c m y k K`: the stroking colour. */
export function strokeCmyk(c: Cmyk): string {
  return `${channels(c)} K`;
}

/**
 * Remembers the colours already set in the current content stream so a page
 * of black text sets its colour once, not once per run.
 */
export class ColourState {
  private fill = '';
  private stroke = '';
  // The last colours asked for: a page sets the same colour for run after run,
  // and comparing four numbers is cheaper than formatting them again.
  private fillAsked: Cmyk | undefined;
  private strokeAsked: Cmyk | undefined;

  /** Operators to make `c` the fill colour ('' when it already is). */
  setFill(c: Cmyk): string {
    if (this.fillAsked && sameCmyk(c, this.fillAsked)) return '';
    this.fillAsked = c;
    const op = fillCmyk(c);
    if (op === this.fill) return '';
    this.fill = op;
    return op;
  }

  setStroke(c: Cmyk): string {
    if (this.strokeAsked && sameCmyk(c, this.strokeAsked)) return '';
    this.strokeAsked = c;
    const op = strokeCmyk(c);
    if (op === this.stroke) return '';
    this.stroke = op;
    return op;
  }

  /** Forget what is set (new page, or after `Q` restores an older state). */
  reset(): void {
    this.fill = '';
    this.stroke = '';
    this.fillAsked = undefined;
    this.strokeAsked = undefined;
  }
}

function sameCmyk(a: Cmyk, b: Cmyk): boolean {
  return a === b || (a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]);
}
