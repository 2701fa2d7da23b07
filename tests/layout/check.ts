// Reads the page rules back from a display list (no PDF, no layout
// internals besides the grid): the checks TYPOGRAPHY.md §5 and LAYOUT.md ask
// for, each returning the violations it finds so a failing test shows them.
import type { Content, PhrasingContent, Root } from 'mdast';
import type { Bulletin } from '../../src/content/types.js';
import type { DisplayList, TextRun } from '../../src/layout/display-list.js';
import { EM_ASCENT, pageGrid, type PageGrid } from '../../src/layout/grid.js';
import type { Template } from '../../src/design/template.js';

const BODY_ROLES = new Set(['P', 'LI', 'BlockQuote', 'Caption', 'H3']);
/** Body blocks of articles: paragraphs, subheadings, figures (not the byline or subtitle). */
const BODY_ID = /^a\d+-(p|h|fig)\d+/;

export interface Line {
  page: number;
  col: number;
  y: number;
  size: number;
  id: string;
  role: string;
  article: string;
  text: string;
  /** Order of the line's first run in the page's items. */
  order: number;
}

function columnOf(g: PageGrid, x: number): number {
  for (let c = 0; c < g.columns; c++) if (x >= g.colX[c] - 0.5 && x <= g.colX[c] + g.measure + 0.5) return c;
  return -1;
}

/** Columns a run's extent overlaps. */
function columnsOverlapped(g: PageGrid, run: TextRun): number[] {
  const last = run.glyphs.length > 0 ? run.glyphs.at(run.glyphs.length - 1) : undefined;
  const x1 = run.x + (last ? last.x + last.advance : 0);
  const out: number[] = [];
  for (let c = 0; c < g.columns; c++) if (run.x < g.colX[c] + g.measure && x1 > g.colX[c]) out.push(c);
  return out;
}

/** The body lines of articles (ids `a<n>-…`), in reading order. */
export function bodyLines(dl: DisplayList, g: PageGrid): Line[] {
  const lines: Line[] = [];
  for (const page of dl.pages) {
    const byKey = new Map<string, Line>();
    page.items.forEach((it, order) => {
      if (it.kind !== 'text' || !it.tag || !BODY_ROLES.has(it.tag.role) || !BODY_ID.test(it.tag.id)) return;
      const col = columnOf(g, it.x);
      const key = `${it.tag.id}|${col}|${it.y.toFixed(3)}`;
      let line = byKey.get(key);
      if (!line) {
        line = { page: page.number, col, y: it.y, size: it.size, id: it.tag.id, role: it.tag.role, article: it.tag.id.split('-')[0], text: '', order };
        byKey.set(key, line);
        lines.push(line);
      }
      line.text += it.glyphs.toArray().map((gl) => gl.text).join('');
    });
  }
  return lines;
}

/** Paragraph split across columns with fewer than two lines on a side. */
export function widowsAndOrphans(lines: Line[]): string[] {
  const out: string[] = [];
  const byId = new Map<string, Line[]>();
  for (const l of lines) if (l.role !== 'H3') byId.set(l.id, [...(byId.get(l.id) ?? []), l]);
  for (const [id, ls] of byId) {
    const segments: number[] = [];
    let prev = '';
    for (const l of ls) {
      const k = `${l.page}|${l.col}`;
      if (k !== prev) segments.push(0);
      segments[segments.length - 1] += 1;
      prev = k;
    }
    if (segments.length > 1 && segments.some((n) => n < 2)) out.push(`${id}: lines per column ${segments.join('+')}`);
  }
  return out;
}

/** Per page and article, the body lines in each column the article uses; columns more than one line apart. */
export function unbalancedModules(dl: DisplayList, g: PageGrid, lines: Line[]): string[] {
  const out: string[] = [];
  const counts = new Map<string, Map<number, number>>();
  const add = (page: number, article: string, col: number) => {
    const k = `${page}|${article}`;
    const m = counts.get(k) ?? new Map<number, number>();
    m.set(col, (m.get(col) ?? 0) + 1);
    counts.set(k, m);
  };
  for (const l of lines) add(l.page, l.article, l.col);
  // A picture counts the grid rows it spans.
  for (const p of dl.pages) {
    for (const it of p.items) {
      if (it.kind !== 'image' || !it.tag) continue;
      const rows = Math.round(it.h / g.row);
      for (let r = 0; r < Math.max(1, rows); r++) add(p.number, it.tag.id.split('-')[0], columnOf(g, it.x));
    }
  }
  // The "下转" line takes a row in the module's last column.
  for (const p of dl.pages) for (const it of p.items) if (it.kind === 'text' && it.tag?.id.endsWith('-jump')) add(p.number, it.tag.id.split('-')[0], columnOf(g, it.x));
  for (const [k, m] of counts) {
    const cols = [...m.keys()];
    const values: number[] = [];
    for (let c = Math.min(...cols); c <= Math.max(...cols); c++) values.push(m.get(c) ?? 0);
    if (Math.max(...values) - Math.min(...values) > 1) out.push(`${k}: ${values.join('/')}`);
  }
  return out;
}

/** Baseline offset of text of `size` in a grid row. */
function offset(g: PageGrid, size: number): number {
  return (g.row - size) / 2 + EM_ASCENT * size;
}

export function offGrid(g: PageGrid, lines: Line[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const r = (l.y - g.top - offset(g, g.body)) / g.row;
    if (Math.abs(r - Math.round(r)) > 1e-6) out.push(`${l.id} p${l.page} y=${l.y.toFixed(2)} (row ${r.toFixed(3)})`);
  }
  return out;
}

/** Headlines (H2) and subheadings (H3) that end a column or are not followed by two lines. */
export function strandedHeadings(dl: DisplayList, g: PageGrid, lines: Line[]): string[] {
  const out: string[] = [];
  for (const page of dl.pages) {
    const heads = new Map<string, { y: number; cols: Set<number> }>();
    for (const it of page.items) {
      if (it.kind !== 'text' || !it.tag || (it.tag.role !== 'H2' && it.tag.role !== 'H3')) continue;
      const h = heads.get(it.tag.id) ?? { y: 0, cols: new Set<number>() };
      h.y = Math.max(h.y, it.y);
      for (const c of columnsOverlapped(g, it)) h.cols.add(c);
      heads.set(it.tag.id, h);
    }
    const body = lines.filter((l) => l.page === page.number && l.role !== 'H3');
    for (const [id, h] of heads) {
      // In a column under it, the next two lines are its own article's text.
      const article = id.split('-')[0];
      const followed = [...h.cols].some((c) => {
        const next = body.filter((l) => l.col === c && l.y > h.y).sort((x, y) => x.y - y.y).slice(0, 2);
        return next.length === 2 && next.every((l) => l.article === article);
      });
      if (!followed) out.push(`p${page.number} ${id} is not followed by two lines`);
    }
  }
  return out;
}

/** Fill of each page: the columns' depth reached by any text or rule, as a fraction of the type area. */
export function pageFill(dl: DisplayList, g: PageGrid): number[] {
  return dl.pages.map((page) => {
    const depth = new Array<number>(g.columns).fill(0);
    for (const it of page.items) {
      if (it.kind !== 'text' && it.kind !== 'image') continue;
      const bottom = it.kind === 'text' ? it.y + (1 - EM_ASCENT) * it.size : it.y + it.h;
      if (bottom > g.top + g.typeHeight + 1) continue; // the footer, in the margin
      const cols = it.kind === 'text' ? columnsOverlapped(g, it) : [columnOf(g, it.x)];
      const air = it.kind === 'text' ? (g.row - it.size) / 2 : 0;
      for (const c of cols) if (c >= 0) depth[c] = Math.max(depth[c], Math.min(g.typeHeight, bottom - g.top + air));
    }
    return depth.reduce((a, b) => a + b, 0) / (g.columns * g.typeHeight);
  });
}

function inlineText(nodes: PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') s += n.value;
    else if ('children' in n) s += inlineText(n.children as PhrasingContent[]);
  }
  return s;
}

/** The source paragraphs of a tree, as plain text without whitespace. */
export function sourceParagraphs(tree: Root): string[] {
  const out: string[] = [];
  const walk = (nodes: Content[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(inlineText(n.children).replace(/\s+/g, ''));
      else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem') walk(n.children as Content[]);
    }
  };
  walk(tree.children);
  return out.filter((p) => p !== '');
}

/** Each article's P/LI/BlockQuote paragraphs as laid out (by id, in reading order), without whitespace. */
export function laidOutParagraphs(lines: Line[], article: string): string[] {
  const texts = new Map<string, string>();
  for (const l of lines) {
    if (l.article !== article || l.role === 'H3' || l.role === 'Caption') continue;
    texts.set(l.id, (texts.get(l.id) ?? '') + l.text);
  }
  return [...texts.values()].map((t) => t.replace(/\s+/g, ''));
}

/** Runs, rules and pictures that stick out of the type area sideways (the footer sits below it, in the margin). */
export function outsideTypeArea(dl: DisplayList, g: PageGrid): string[] {
  const out: string[] = [];
  const x0 = g.left - 0.5;
  const x1 = g.left + g.typeWidth + 0.5;
  for (const page of dl.pages) {
    for (const it of page.items) {
      let a: number;
      let b: number;
      if (it.kind === 'text') {
        const last = it.glyphs.length > 0 ? it.glyphs.at(it.glyphs.length - 1) : undefined;
        a = it.x;
        // A line-final mark may be set at half width: its natural advance then overhangs by half an em.
        b = it.x + (last ? last.x + last.advance : 0) - 0.5 * it.size;
      } else if (it.kind === 'rule') {
        a = Math.min(it.x1, it.x2);
        b = Math.max(it.x1, it.x2);
      } else if (it.kind === 'dot') {
        a = it.x - it.r;
        b = it.x + it.r;
      } else {
        a = it.x;
        b = it.x + it.w;
      }
      if (a < x0 || b > x1) out.push(`p${page.number} ${it.kind} ${it.tag?.id ?? ''} ${a.toFixed(1)}–${b.toFixed(1)}`);
    }
  }
  return out;
}

export interface Report {
  grid: PageGrid;
  lines: Line[];
  widows: string[];
  unbalanced: string[];
  offGrid: string[];
  stranded: string[];
  fill: number[];
  missingText: string[];
  outside: string[];
}

/** Runs every check on a laid-out bulletin. */
export function checkLayout(dl: DisplayList, template: Template, bulletin: Bulletin): Report {
  const g = pageGrid(template);
  const lines = bodyLines(dl, g);
  const missingText: string[] = [];
  bulletin.articles.forEach((a, i) => {
    const want = sourceParagraphs(a.tree).map((p) => p.replace(/^\d+\.|^[-*]/, ''));
    const got = laidOutParagraphs(lines, `a${i + 1}`).map((p) => p.replace(/^\d+．|^•/, ''));
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      const k = want.findIndex((w, j) => w !== got[j]);
      missingText.push(`a${i + 1} paragraph ${k + 1}: want ${want[k]?.slice(0, 30)}… got ${got[k]?.slice(0, 30)}… (${want.length} vs ${got.length})`);
    }
  });
  return {
    grid: g, lines,
    widows: widowsAndOrphans(lines),
    unbalanced: unbalancedModules(dl, g, lines),
    offGrid: offGrid(g, lines),
    stranded: strandedHeadings(dl, g, lines),
    fill: pageFill(dl, g),
    missingText,
    outside: outsideTypeArea(dl, g),
  };
}

/** Grid row (0-based, from the type area's top) of a baseline of text of `size` set in one row. */
export function rowOf(g: PageGrid, y: number, size: number): number {
  return (y - g.top - offset(g, size)) / g.row;
}

/**
 * Body lines per column of each module on every page, keyed `page|article`:
 * the column depths a reader sees (a short piece set as a strip shows 2 or 3).
 */
export function columnDepths(lines: Line[]): Map<string, number[]> {
  const per = new Map<string, Map<number, number>>();
  for (const l of lines) {
    const k = `${l.page}|${l.article}`;
    const m = per.get(k) ?? new Map<number, number>();
    m.set(l.col, (m.get(l.col) ?? 0) + 1);
    per.set(k, m);
  }
  const out = new Map<string, number[]>();
  for (const [k, m] of per) out.set(k, [...m.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]));
  return out;
}

/**
 * The bottom row of each column of the bulletin's last band (below the last
 * band rule of the last page), for the columns that hold body lines there:
 * how level the last page ends. Columns left white beside it are not listed.
 */
export function lastBandBottoms(dl: DisplayList, g: PageGrid, lines: Line[]): number[] {
  const page = dl.pages[dl.pages.length - 1];
  let top = -Infinity;
  for (const it of page.items) if (it.kind === 'rule' && it.tag?.id.startsWith('band-rule-')) top = Math.max(top, it.y1);
  const bottom = new Map<number, number>();
  for (const l of lines) {
    if (l.page !== page.number || l.y < top) continue;
    bottom.set(l.col, Math.max(bottom.get(l.col) ?? -Infinity, rowOf(g, l.y, l.size)));
  }
  return [...bottom.entries()].sort((a, b) => a[0] - b[0]).map((e) => Math.round(e[1]));
}

/**
 * Empty grid rows between each byline and its module's first body line
 * (`article: rows`): the air that levels a band's modules.
 */
export function bylineAir(dl: DisplayList, g: PageGrid, lines: Line[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const page of dl.pages) {
    const byline = new Map<string, { row: number; x: number }>();
    for (const it of page.items) {
      if (it.kind !== 'text' || !it.tag?.id.endsWith('-byline')) continue;
      const article = it.tag.id.split('-')[0];
      const row = rowOf(g, it.y, it.size);
      if ((byline.get(article)?.row ?? -Infinity) < row) byline.set(article, { row, x: it.x });
    }
    for (const [article, b] of byline) {
      const first = lines.find((l) => l.page === page.number && l.article === article);
      if (!first) continue;
      // A byline takes one row (rowsFor(byline size, 1.1) at the body leading).
      out.set(article, Math.round(rowOf(g, first.y, first.size) - b.row - 1));
    }
  }
  return out;
}
