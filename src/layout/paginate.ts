// The page search (LAYOUT.md "Page composition"). Each page below its
// masthead or running head is a stack of bands; a band spans every column and
// holds one or more article modules side by side, in file order, their widths
// (in columns) adding up to the page's columns. A module's height follows
// from its width: header rows plus the body balanced over its columns.
//
// A dynamic programme over (next article, line where it resumes, rows left on
// the page) chooses every band's articles and widths so that the total cost —
// empty grid cells (columns × rows), uneven columns, awkward modules, and the
// price of continuing an article on the next page — is least. The last page's
// unused rows are free: it ends where its last band ends, level across the
// page. An article is split only at a page's foot, when the rest of the page is
// filled by its first part (下转/上接 lines); the same state is reached by many
// orders of choices, so memoising keeps the search polynomial (articles ×
// rows × compositions of the column count).
import { balance, fillPart, type Partition } from './flow.js';
import type { Header, PreparedArticle } from './article.js';

export interface PlannedModule {
  article: number;
  /** First column (0-based) and width in columns. */
  col: number;
  k: number;
  /** Item range of the body in this module. */
  from: number;
  to: number;
  part: Partition;
  /** True when this is a continued part (上接) rather than the article's start. */
  continued: boolean;
  /** True when the article goes on on the next page (下转). */
  jumps: boolean;
  headerRows: number;
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

export interface SearchSpace {
  columns: number;
  /** Rows available to bands on page 1 (below masthead and lead) and on later pages. */
  firstRows: number;
  rows: number;
  /** Rows above each band (the band rule's gap). */
  gap: number;
}

// Costs, in empty grid cells.
const SPLIT = 40;
const BAND = 1;
const UNEVEN = 300;
const INFEASIBLE = 1e9;

interface ModuleShape {
  part: Partition;
  headerRows: number;
  rows: number;
  /** Taste: awkward headlines, very short columns. */
  penalty: number;
}

interface Choice {
  cost: number;
  /** 0: page break; 1: whole band; 2: band whose last module continues on the next page. */
  kind: 0 | 1 | 2;
  widths?: number[];
  /** For kind 2: the item where the split article resumes. */
  resume?: number;
  rows?: number;
}

function compositions(total: number): number[][][] {
  // byParts[m] = every way to write `total` as m ordered positive widths.
  const byParts: number[][][] = Array.from({ length: total + 1 }, () => []);
  const rec = (left: number, acc: number[]) => {
    if (left === 0) {
      byParts[acc.length].push([...acc]);
      return;
    }
    for (let w = 1; w <= left; w++) {
      acc.push(w);
      rec(left - w, acc);
      acc.pop();
    }
  };
  rec(total, []);
  return byParts;
}

export function planPages(articles: PreparedArticle[], space: SearchSpace): PlannedPage[] {
  const C = space.columns;
  const R = space.rows;
  const n = articles.length;
  const comps = compositions(C);
  const shapes = articles.map(() => new Map<number, ModuleShape | null>());

  const shape = (a: number, from: number, k: number): ModuleShape | null => {
    const key = from * 64 + k;
    const cache = shapes[a];
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const art = articles[a];
    const to = art.items.length;
    const part = balance(art, from, to, k);
    let result: ModuleShape | null = null;
    if (part) {
      const header: Header = from === 0 ? art.header(k) : art.contHeader(k, 99);
      let penalty = 0;
      if (part.spread > 1) penalty += UNEVEN * (part.spread - 1);
      if (header.headlineLines > 2) penalty += 8 * (header.headlineLines - 2) * k;
      if (part.height < 5 && k > 1) penalty += 30;
      result = { part, headerRows: header.rows, rows: space.gap + header.rows + part.height, penalty };
    }
    cache.set(key, result);
    return result;
  };

  const memo = new Map<number, Choice>();
  const key = (i: number, p: number, rem: number) => (i * 100_000 + p) * (R + 1) + rem;

  const best = (i: number, p: number, rem: number): number => {
    if (i >= n) return 0;
    const k0 = key(i, p, rem);
    const known = memo.get(k0);
    if (known) return known.cost;
    let choice: Choice = { cost: INFEASIBLE, kind: 0 };
    // A fresh page that cannot take anything would loop: only pages with something on them break.
    if (rem < R) {
      const c = rem * C + best(i, p, R);
      if (c < choice.cost) choice = { cost: c, kind: 0 };
    }
    for (let m = 1; m <= C && i + m - 1 < n; m++) {
      for (const widths of comps[m]) {
        let white = 0;
        let penalty = BAND;
        let height = 0;
        let ok = true;
        const last = m - 1;
        const lastShape = shape(i + last, last === 0 ? p : 0, widths[last]);
        for (let j = 0; j < last; j++) {
          const s = shape(i + j, j === 0 ? p : 0, widths[j]);
          if (!s) {
            ok = false;
            break;
          }
          height = Math.max(height, s.rows);
          penalty += s.penalty;
        }
        if (!ok) continue;
        // The whole band.
        if (lastShape) {
          const H = Math.max(height, lastShape.rows);
          if (H <= rem) {
            white = 0;
            for (let j = 0; j < m; j++) white += widths[j] * (H - shape(i + j, j === 0 ? p : 0, widths[j])!.rows);
            white += widths[last] * 0;
            const c = white + penalty + lastShape.penalty + best(i + m, 0, rem - H);
            if (c < choice.cost) choice = { cost: c, kind: 1, widths, rows: H };
          }
        }
        // The band to the page's foot, its last article continuing overleaf.
        if (height <= rem && (!lastShape || lastShape.rows > rem)) {
          const a = i + last;
          const from = last === 0 ? p : 0;
          const k = widths[last];
          const header = from === 0 ? articles[a].header(k) : articles[a].contHeader(k, 99);
          const bodyRows = rem - space.gap - header.rows;
          const part = fillPart(articles[a], from, articles[a].items.length, k, bodyRows);
          if (part) {
            white = 0;
            for (let j = 0; j < last; j++) white += widths[j] * (rem - shape(i + j, j === 0 ? p : 0, widths[j])!.rows);
            // The part's own short columns.
            for (let c = 0; c < k; c++) {
              const h = articles[a].pre[part.cuts[c + 1]] - articles[a].pre[part.cuts[c]] + (c === k - 1 ? 1 : 0);
              white += bodyRows - h;
            }
            const resume = part.cuts[k];
            const c = white + penalty + SPLIT + best(a, resume, R);
            if (c < choice.cost) choice = { cost: c, kind: 2, widths, resume, rows: rem };
          }
        }
      }
    }
    memo.set(k0, choice);
    return choice.cost;
  };

  // Deep recursion on long bulletins: warm the memo from the end backwards.
  for (let i = n - 1; i >= 1; i--) for (let rem = R; rem >= Math.max(0, R - 3); rem--) best(i, 0, rem);
  const total = best(0, 0, space.firstRows);
  if (total >= INFEASIBLE) throw new Error('layout: no page plan found');

  // Rebuild the chosen plan.
  const pages: PlannedPage[] = [{ bands: [] }];
  let i = 0;
  let p = 0;
  let rem = space.firstRows;
  let row = 0;
  while (i < n) {
    const ch = memo.get(key(i, p, rem));
    if (!ch) throw new Error('layout: plan lost');
    if (ch.kind === 0) {
      pages.push({ bands: [] });
      rem = R;
      row = 0;
      continue;
    }
    const widths = ch.widths!;
    const band: PlannedBand = { row, rows: ch.rows!, modules: [] };
    let col = 0;
    widths.forEach((k, j) => {
      const a = i + j;
      const from = j === 0 ? p : 0;
      const isSplit = ch.kind === 2 && j === widths.length - 1;
      if (isSplit) {
        const header = from === 0 ? articles[a].header(k) : articles[a].contHeader(k, 99);
        const part = fillPart(articles[a], from, articles[a].items.length, k, ch.rows! - space.gap - header.rows)!;
        band.modules.push({ article: a, col, k, from, to: part.cuts[k], part, continued: from > 0, jumps: true, headerRows: header.rows });
      } else {
        const s = shape(a, from, k)!;
        band.modules.push({ article: a, col, k, from, to: articles[a].items.length, part: s.part, continued: from > 0, jumps: false, headerRows: s.headerRows });
      }
      col += k;
    });
    pages[pages.length - 1].bands.push(band);
    row += ch.rows!;
    if (ch.kind === 2) {
      i = i + widths.length - 1;
      p = ch.resume!;
      pages.push({ bands: [] });
      rem = R;
      row = 0;
    } else {
      i += widths.length;
      p = 0;
      rem -= ch.rows!;
    }
  }
  return pages;
}
