// A list item's marker in a box of its own. Layout writes an item as its
// marker, a tab, then the text, with a hanging indent the width of the list's
// widest marker (layout/blocks.ts); the tab then takes the marker's box to the
// hanging indent, so every item's text starts at the same x and its
// continuation lines align with it. The marker is set flush right in the
// box (the stops of 9． and 10． line up), fixed: it neither shrinks nor
// stretches, and a line never breaks inside it or after it. A mark ending a
// marker too wide for its box (10． in two ems) gives up its blank half.
import { Cls } from './classes.js';
import type { Collected } from './collect.js';
import type { Breakpoints } from './breakpoints.js';
import { Brk } from './breakpoints.js';

const TAB = 0x09;

/**
 * The tab after the marker, when the paragraph opens with one: a tab that no
 * break opportunity precedes (so it is on the first line whatever the breaks);
 * −1 otherwise.
 */
export function markerTab(c: Collected, bp: Breakpoints): number {
  for (let i = 0; i < c.n; i++) {
    if (c.codePoints[i] === TAB) return i > 0 ? i : -1;
    if (i > 0 && bp.breakKind[i - 1] !== Brk.NEVER) return -1;
  }
  return -1;
}

/** The per-character widths and glue of the paragraph that the marker's box fixes (prepare.ts). */
export interface MarkerWidths {
  setWidth: Float64Array;
  trimRight: Float64Array;
  shrinkLeft: Float64Array;
  shrinkRight: Float64Array;
  hanLatinGlue: Float64Array;
  spaceShrink: Float64Array;
  spaceStretch: Float64Array;
  spaceKind: Uint8Array;
  isGap: Uint8Array;
}

/**
 * Fixes the marker (characters before `tab`) in a box `box` em wide and
 * returns the glue set before it (w[tab] holds it too, so that the first
 * line's width counts it). No break after the tab.
 */
export function fitMarker(c: Collected, bp: Breakpoints, tab: number, box: number, v: MarkerWidths): number {
  let width = 0;
  for (let i = 0; i < tab; i++) {
    v.shrinkLeft[i] = v.shrinkRight[i] = v.hanLatinGlue[i] = 0;
    v.isGap[i] = 0;
    width += v.setWidth[i];
  }
  const last = tab - 1;
  const blank = c.advances[last] / 2;
  const closing = c.classes[last] === Cls.STOP || c.classes[last] === Cls.CLOSE;
  if (width > box + 1e-9 && closing && v.trimRight[last] === 0 && c.advances[last] >= 0.9) {
    v.trimRight[last] = blank;
    v.setWidth[last] -= blank;
    width -= blank;
  }
  const glue = Math.max(0, box - width);
  v.setWidth[tab] = glue;
  v.spaceShrink[tab] = v.spaceStretch[tab] = 0;
  v.spaceKind[tab] = 0;
  v.isGap[tab] = 0;
  bp.breakKind[tab] = Brk.NEVER;
  return glue;
}
