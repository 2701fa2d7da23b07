// The plan: what the search chose, page by page, band by band, module by
// module, as drawing reads it (index.ts). Rebuilt by walking the chosen bands
// from the first state, with each placed module's partition made again (the
// search kept only heights and the ends of split parts).
import type { Partition } from '../flow.js';
import type { SearchSize } from './space.js';
import { BandKind } from './state-table.js';

export interface PlannedModule {
  article: number;
  /** First column (0-based) and width in columns. */
  col: number;
  k: number;
  /** Rows from the band's top to the module's top, and rows given to the module (its gap row included). */
  row: number;
  rows: number;
  /** Item range of the body in this module. */
  from: number;
  to: number;
  part: Partition;
  /** True when this is a continued part (上接) rather than the article's start. */
  continued: boolean;
  /** True when the article goes on on the next page (下转). */
  jumps: boolean;
  headerRows: number;
  /** Rows of air between the header and the body. */
  air: number;
}

export interface PlannedBand {
  /** First row of the band in the page's flow area. */
  row: number;
  rows: number;
  modules: PlannedModule[];
}

export interface PlannedPage {
  bands: PlannedBand[];
}

/** A slot of a chosen band: k columns holding one module or two stacked. */
export interface PlannedSlot {
  k: number;
  count: number;
}

/** The band chosen at a state, as the plan reads it. */
export interface ChosenBand {
  kind: BandKind;
  /** Its slots, left to right (a split band's last one holds the split module, under another when stacked). */
  slots: PlannedSlot[];
  resume: number;
  rows: number;
}

/** What the rebuild asks of the search. */
export interface PlanSource {
  /** The band chosen at state (i, p, rem). */
  band(i: number, p: number, rem: number): ChosenBand;
  /** A whole module's rows (gap and header included) and header rows. */
  module(a: number, from: number, k: number): { rows: number; headerRows: number };
  partition(a: number, from: number, k: number): Partition;
  splitPartition(key: { article: number; from: number; k: number }, rows: number, end: number): { part: Partition; headerRows: number };
}

/** Where the walk stands: the state (i, p, rem) and the page's next row. */
interface Cursor {
  i: number;
  p: number;
  rem: number;
  row: number;
}

export function rebuildPlan(source: PlanSource, size: SearchSize): PlannedPage[] {
  const pages: PlannedPage[] = [{ bands: [] }];
  const at: Cursor = { i: 0, p: 0, rem: size.firstRows, row: 0 };
  const newPage = () => {
    pages.push({ bands: [] });
    at.rem = size.rows;
    at.row = 0;
  };
  while (at.i < size.articles) {
    const chosen = source.band(at.i, at.p, at.rem);
    if (chosen.kind === BandKind.PageBreak) {
      newPage();
      continue;
    }
    const { band, next } = bandOf(source, chosen, { at, air: size.air });
    pages[pages.length - 1].bands.push(band);
    at.row += chosen.rows;
    if (chosen.kind === BandKind.Split) {
      at.i = next - 1;
      at.p = chosen.resume;
      newPage();
    } else {
      at.i = next;
      at.p = 0;
      at.rem -= chosen.rows;
    }
  }
  return pages;
}

/** The band's modules, and the article after its last slot. */
function bandOf(source: PlanSource, chosen: ChosenBand, where: { at: Cursor; air: number }): { band: PlannedBand; next: number } {
  const { at } = where;
  const H = chosen.rows;
  const band: PlannedBand = { row: at.row, rows: H, modules: [] };
  let col = 0;
  let a = at.i;
  chosen.slots.forEach((slot, j) => {
    const split = chosen.kind === BandKind.Split && j === chosen.slots.length - 1;
    let top = 0;
    for (let s = 0; s < slot.count; s++) {
      const from = a === at.i ? at.p : 0;
      const lastModule = s === slot.count - 1;
      // Air under the byline, the same in every module (counted in its rows); a continued part none.
      const air = from > 0 ? 0 : where.air;
      const placed = { article: a, col, k: slot.k, row: top, from, continued: from > 0, air };
      if (split && lastModule) {
        const sp = source.splitPartition({ article: a, from, k: slot.k }, H - top, chosen.resume);
        band.modules.push({ ...placed, rows: H - top, to: sp.part.cuts[slot.k], part: sp.part, jumps: true, headerRows: sp.headerRows });
      } else {
        const module = source.module(a, from, slot.k);
        const part = source.partition(a, from, slot.k);
        band.modules.push({ ...placed, rows: lastModule ? H - top : module.rows, to: part.cuts[slot.k], part, jumps: false, headerRows: module.headerRows });
        top += module.rows;
      }
      a += 1;
    }
    col += slot.k;
  });
  return { band, next: a };
}
