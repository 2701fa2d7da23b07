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
    if (c.cps[i] === TAB) return i > 0 ? i : -1;
    if (i > 0 && bp.brk[i - 1] !== Brk.NEVER) return -1;
  }
  return -1;
}

/** The per-character widths and glue of the paragraph that the marker's box fixes (prepare.ts). */
export interface MarkerWidths {
  w: Float64Array;
  trimR: Float64Array;
  shL: Float64Array;
  shR: Float64Array;
  gl: Float64Array;
  spSh: Float64Array;
  spSt: Float64Array;
  spKind: Uint8Array;
  gapJ: Uint8Array;
}

/**
 * Fixes the marker (characters before `tab`) in a box `box` em wide and
 * returns the glue set before it (w[tab] holds it too, so that the first
 * line's width counts it). No break after the tab.
 */
export function fitMarker(c: Collected, bp: Breakpoints, tab: number, box: number, v: MarkerWidths): number {
  let width = 0;
  for (let i = 0; i < tab; i++) {
    v.shL[i] = v.shR[i] = v.gl[i] = 0;
    v.gapJ[i] = 0;
    width += v.w[i];
  }
  const last = tab - 1;
  const blank = c.adv[last] / 2;
  if (width > box + 1e-9 && (c.cls[last] === Cls.STOP || c.cls[last] === Cls.CLOSE) && v.trimR[last] === 0 && c.adv[last] >= 0.9) {
    v.trimR[last] = blank;
    v.w[last] -= blank;
    width -= blank;
  }
  const glue = Math.max(0, box - width);
  v.w[tab] = glue;
  v.spSh[tab] = v.spSt[tab] = 0;
  v.spKind[tab] = 0;
  v.gapJ[tab] = 0;
  bp.brk[tab] = Brk.NEVER;
  return glue;
}
