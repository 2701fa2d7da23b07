// Overset (docs/design/LAYOUT.md "Page composition"): copy that does not fit the page
// count even with every lever at its tightest is reported, never hidden: how
// many lines and characters are over on each page beyond the count, and the
// longest articles, where an editor would cut.
import { diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import type { BodyItem, PreparedArticle } from './article.js';
import type { PlannedPage } from './page-search/index.js';

/** What is over on one page beyond the count: its body lines and their characters. */
export interface OversetPage {
  page: number;
  lines: number;
  characters: number;
}

/**
 * The overset of a plan on more pages than `target`: each page beyond it; the white cells left on
 * the pages up to it; and what is over: the cells the plan's modules take (headers, gaps and short
 * columns included) beyond the cells of `target` pages, as column lines, and their characters at
 * the overset's own characters a line. A plan moves whole articles overleaf rather than cut one,
 * so what the pages beyond hold is more than needs cutting.
 */
export interface Overset {
  target: number;
  pages: OversetPage[];
  room: number;
  lines: number;
  characters: number;
}

/** Characters of a body item as printed (white space aside); a picture or table counts its rows' worth of none. */
function itemCharacters(item: BodyItem): number {
  if (item.kind !== 'line' && item.kind !== 'heading') return 0;
  return item.line.text.replace(/\s+/g, '').length;
}

/** Characters of an article's body. */
export function articleCharacters(art: PreparedArticle): number {
  let n = 0;
  for (const item of art.items) n += itemCharacters(item);
  return n;
}

/** The page's grid: its columns, and the rows page `index` (0: the first) gives its bands. */
export interface PageRows {
  columns: number;
  rows(index: number): number;
}

/** What the plan sets on the pages after the first `target`, net of the room left on those up to it. */
export function oversetOf(pages: readonly PlannedPage[], articles: readonly PreparedArticle[], at: { target: number; grid: PageRows }): Overset {
  const { target, grid } = at;
  const out: Overset = { target, pages: [], room: 0, characters: 0, lines: 0 };
  let held = 0;
  let heldCharacters = 0;
  let cells = 0;
  let capacity = 0;
  pages.forEach((page, pi) => {
    let used = 0;
    for (const band of page.bands) for (const m of band.modules) used += m.k * m.rows;
    cells += used;
    if (pi < target) {
      capacity += grid.rows(pi) * grid.columns;
      out.room += Math.max(0, grid.rows(pi) * grid.columns - used);
      return;
    }
    const over: OversetPage = { page: pi + 1, lines: 0, characters: 0 };
    for (const band of page.bands) {
      for (const m of band.modules) {
        const art = articles[m.article];
        for (let i = m.from; i < m.to; i++) {
          over.lines += art.items[i].rows;
          over.characters += itemCharacters(art.items[i]);
        }
        // A module that starts there brings its header (as lines of its headline and byline).
        if (!m.continued) over.characters += art.title.replace(/\s+/g, '').length;
      }
    }
    out.pages.push(over);
    held += over.lines;
    heldCharacters += over.characters;
  });
  out.lines = Math.max(1, Math.min(held, cells - capacity));
  out.characters = Math.ceil((heldCharacters * out.lines) / Math.max(1, held));
  return out;
}

/** How many pages beyond the count the message details (the others are counted). */
const PAGES_SHOWN = 3;
/** How many of the longest articles the message names. */
const LONGEST = 3;

/** `1,020`: thousands grouped, as the message prints counts. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What the overset message says: the pages and their lines and characters over, the longest articles, what to do. */
export function oversetMessage(o: Overset, articles: readonly PreparedArticle[], tightest: string[]): string {
  const shown = o.pages.slice(0, PAGES_SHOWN).map((p) => `page ${p.page} holds ${p.lines} line${p.lines === 1 ? '' : 's'} (${grouped(p.characters)} characters)`);
  if (o.pages.length > PAGES_SHOWN) shown.push(`${o.pages.length - PAGES_SHOWN} more pages`);
  const perPage = shown.join(', ');
  const room = o.room > 0 ? ` and ${o.target === 1 ? 'page 1 has' : `pages 1–${o.target} have`} room for ${grouped(o.room)} more` : '';
  const longest = [...articles]
    .map((a) => ({ file: a.file, characters: articleCharacters(a) }))
    .sort((a, b) => b.characters - a.characters || (a.file < b.file ? -1 : 1))
    .slice(0, LONGEST)
    .map((a) => `${a.file} (${grouped(a.characters)} characters)`);
  const levers = tightest.length > 0 ? ` even with ${tightest.join(', ')}` : '';
  const count = o.target === 1 ? '1 page' : `${o.target} pages`;
  return `overset: the copy does not fit ${count}${levers}: ${perPage}${room}, so ${grouped(o.lines)} line${o.lines === 1 ? ' is' : 's are'} over. ` +
    `Cut about ${grouped(o.characters)} characters, e.g. from ${longest.join(', ')}; or ask for more pages (\`pages: ${o.target + o.pages.length}\`), or build with --allow-overset.`;
}

/** The overset as a finding at index.md's `pages:` line (or its first line). */
export function oversetDiagnostic(at: SourcePoint, o: Overset, articles: readonly PreparedArticle[], tightest: string[], severity: 'error' | 'warning'): Diagnostic {
  return diagnostic(at, severity, 'overset', oversetMessage(o, articles, tightest));
}
