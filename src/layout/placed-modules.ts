// The plan as plain data (display-list.ts's PlacedModule): one record per
// module, in page and band order, so that tests and tools can compare plans
// without knowing the page search's own types.
import type { PlacedModule } from './display-list.js';
import type { PlannedPage } from './page-search/index.js';

export function placedModules(plan: PlannedPage[]): PlacedModule[] {
  const out: PlacedModule[] = [];
  plan.forEach((page, pi) => {
    page.bands.forEach((band, bi) => {
      for (const m of band.modules) {
        out.push({
          page: pi + 1, band: bi, bandRow: band.row, bandRows: band.rows, article: m.article, col: m.col, k: m.k,
          row: m.row, rows: m.rows, from: m.from, to: m.to, cuts: [...m.part.cuts], continued: m.continued, jumps: m.jumps,
          headerRows: m.headerRows, air: m.air,
        });
      }
    });
  });
  return out;
}
