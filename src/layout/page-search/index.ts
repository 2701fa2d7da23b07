// The page search (LAYOUT.md "Page composition"; how it works: docs/layout.md).
// Each page below its masthead or running head is a stack of bands; a band
// spans every column and is cut into slots side by side, their widths adding
// up to the page's columns. A slot holds one article module, or two stacked
// at the same width. Articles go in file order. The parts, one file each:
//   space.ts        the page and the indices everything is kept by
//   cost.ts         the prices and their weights (the only place a band is priced)
//   module-shapes.ts a module's rows for each article, item and width
//   split-parts.ts  the parts an article may be cut into at a page's foot
//   band-tails.ts   the catalogue of ways to fill a band after its first slot
//   state-table.ts  the states and the band each keeps
//   driver.ts       the dynamic programme over pages and bands
//   plan.ts         the plan rebuilt from the chosen bands
import { BulletinError, diagnostic } from '../../diagnostics/diagnostic.js';
import type { PreparedArticle } from '../article.js';
import { PageSearch, type SearchResult } from './driver.js';
import type { SearchSpace } from './space.js';

export type { PlannedModule, PlannedPage } from './plan.js';
export type { SearchSpace } from './space.js';
export type { SearchResult } from './driver.js';

/**
 * Plans the pages. Pieces that can only be set narrow — briefs of a line or
 * two cannot be balanced over two columns, an article whose whole body was a
 * repeat — fill a band only when there are few of them in a row: a band has
 * at most MAX_SLOTS slots (space.ts). When no plan fills every band, the
 * search runs again with raggedBands, so that a bulletin is set whenever each
 * of its pieces fits on a page at some width; only then is it impossible.
 */
export function planPages(articles: PreparedArticle[], space: SearchSpace): SearchResult {
  let found = new PageSearch(articles, space).run();
  if (typeof found === 'number' && !space.raggedBands) found = new PageSearch(articles, { ...space, raggedBands: true }).run();
  if (typeof found !== 'number') return found;
  const art = articles[found];
  throw new BulletinError(diagnostic({ file: art.file, line: 1, column: 1 }, 'error', 'layout-impossible',
    `"${art.title}" cannot be set in this template's columns (no balanced module and no place to continue it): shorten its paragraphs, pictures or lists, or use a template with more rows.`));
}
