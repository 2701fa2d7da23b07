// The make-up rules of a fitted page (LAYOUT.md "Page composition", issue
// 15 item 4), read back twice: from the display list, and from the PDF's text
// as pdfjs extracts it (positions only; the plan's modules say where each
// module stands). Each check returns the violations it finds, so a failing
// test shows them.
import type { DisplayList, PlacedModule } from '../../src/layout/display-list.js';
import { EM_ASCENT, type PageGrid } from '../../src/layout/grid.js';
import type { PdfPageText } from '../helpers/pdf.js';
import { bodyLines, lastBandBottoms, pageFill, rowOf, type Line } from './check.js';

/** Where a module's text is: its page, its columns and the rows (of the type area) its body lines take. */
interface ModuleBox {
  m: PlacedModule;
  article: string;
  /** Body line rows, from the display list. */
  top: number;
  bottom: number;
}

function modulesWithLines(dl: DisplayList, g: PageGrid, lines: Line[]): ModuleBox[] {
  const out: ModuleBox[] = [];
  for (const m of dl.modules ?? []) {
    const article = `a${m.article + 1}`;
    const own = lines.filter((l) => l.page === m.page && l.article === article && l.col >= m.col && l.col < m.col + m.k);
    if (own.length === 0) continue;
    const rows = own.map((l) => rowOf(g, l.y, l.size));
    out.push({ m, article, top: Math.min(...rows), bottom: Math.max(...rows) });
  }
  return out;
}

/** A module's line counts per column: every column but the last equal, the last equal or one short (a module continued overleaf ends at the foot: not weighed). */
function feetOf(counts: number[]): boolean {
  const first = counts[0];
  const last = counts[counts.length - 1];
  return counts.slice(0, -1).every((c) => c === first) && (last === first || last === first - 1);
}

/** Modules whose columns do not end on one grid line (but the last, one line short), from the display list. */
export function raggedFeet(dl: DisplayList, g: PageGrid): string[] {
  const lines = bodyLines(dl, g);
  const out: string[] = [];
  for (const box of modulesWithLines(dl, g, lines)) {
    const { m } = box;
    if (m.k < 2 || m.jumps) continue;
    const counts = Array.from({ length: m.k }, (_, c) => lines.filter((l) => l.page === m.page && l.article === box.article && l.col === m.col + c).length);
    if (!feetOf(counts)) out.push(`page ${m.page} ${box.article}: ${counts.join('/')}`);
  }
  return out;
}

/** The same from the PDF: body-size lines per column inside each module's box. */
export function raggedFeetInPdf(pdf: PdfPageText[], dl: DisplayList, g: PageGrid, margin = 0): string[] {
  const lines = bodyLines(dl, g);
  const out: string[] = [];
  for (const box of modulesWithLines(dl, g, lines)) {
    const { m } = box;
    if (m.k < 2 || m.jumps) continue;
    const page = pdf[m.page - 1];
    const yTop = g.top + box.top * g.row - 1;
    const yBottom = g.top + (box.bottom + 1) * g.row + 1;
    const counts = Array.from({ length: m.k }, (_, c) => {
      const x0 = g.colX[m.col + c] - 1;
      const x1 = g.colX[m.col + c] + g.measure;
      const ys = new Set<string>();
      for (const it of page.items) {
        const x = it.x - margin;
        const y = it.y - margin;
        if (Math.abs(it.size - g.body) > 0.05 || x < x0 || x >= x1 || y < yTop || y > yBottom) continue;
        ys.add(y.toFixed(1));
      }
      return ys.size;
    });
    if (!feetOf(counts)) out.push(`page ${m.page} ${box.article}: ${counts.join('/')}`);
  }
  return out;
}

/** Pages whose modules do not all have the same byline-to-body gap (rows between a byline and its first body line). */
export function unevenBylineGaps(dl: DisplayList, g: PageGrid): string[] {
  const lines = bodyLines(dl, g);
  const out: string[] = [];
  for (const page of dl.pages) {
    const gaps = new Map<string, number>();
    for (const it of page.items) {
      if (it.kind !== 'text' || !it.tag?.id.endsWith('-byline')) continue;
      const article = it.tag.id.split('-')[0];
      const first = lines.find((l) => l.page === page.number && l.article === article);
      if (!first) continue;
      const gap = Math.round(rowOf(g, first.y, first.size) - rowOf(g, it.y, it.size) - 1);
      gaps.set(article, Math.min(gaps.get(article) ?? Infinity, gap));
    }
    if (new Set(gaps.values()).size > 1) out.push(`page ${page.number}: ${[...gaps].map(([a, n]) => `${a} ${n}`).join(', ')}`);
  }
  return out;
}

/** The same from the PDF: for each byline (the author's name at the byline's size), the first body line under it in its column. */
export function unevenBylineGapsInPdf(pdf: PdfPageText[], authors: string[], g: PageGrid, bylineSize: number): string[] {
  const out: string[] = [];
  pdf.forEach((page, pi) => {
    const gaps: number[] = [];
    for (const it of page.items) {
      if (Math.abs(it.size - bylineSize) > 0.05 || !authors.some((a) => it.text.replace(/\s+/g, '').endsWith(a))) continue;
      const below = page.items
        .filter((b) => Math.abs(b.size - g.body) < 0.05 && b.y > it.y + 1 && b.x + b.width > it.x - g.measure && b.x < it.x + it.width)
        .sort((a, b) => a.y - b.y)[0];
      if (below) gaps.push(Math.round((below.y - it.y) / g.row - 1));
    }
    if (new Set(gaps).size > 1) out.push(`page ${pi + 1}: gaps ${gaps.join(', ')}`);
  });
  return out;
}

/** Continued parts whose header does not carry the article's title and 上接第N版. */
export function untitledContinuations(dl: DisplayList, titles: string[]): string[] {
  const out: string[] = [];
  for (const m of dl.modules ?? []) {
    if (!m.continued) continue;
    const id = `a${m.article + 1}-cont`;
    const text = dl.pages[m.page - 1].items
      .filter((it) => it.kind === 'text' && it.tag?.id === id)
      .map((it) => (it.kind === 'text' ? it.glyphs.toArray().map((gl) => gl.text).join('') : ''))
      .join('')
      .replace(/\s+/g, '');
    const title = titles[m.article].replace(/\s+/g, '');
    if (!text.includes(title) || !text.includes(`上接第${m.page - 1}版`)) out.push(`page ${m.page} a${m.article + 1}: "${text}"`);
  }
  return out;
}

/**
 * White holes: a module inside a band (not the page's last band) whose body ends more than
 * `most` rows above the band's deepest module (a module stacked above another in its slot aside).
 */
export function whiteHoles(dl: DisplayList, g: PageGrid, most = 2): string[] {
  const lines = bodyLines(dl, g);
  const boxes = modulesWithLines(dl, g, lines);
  const out: string[] = [];
  const lastBand = new Map<number, number>();
  for (const { m } of boxes) lastBand.set(m.page, Math.max(lastBand.get(m.page) ?? 0, m.band));
  for (const box of boxes) {
    const { m } = box;
    if (m.band === lastBand.get(m.page)) continue;
    const band = boxes.filter((b) => b.m.page === m.page && b.m.band === m.band);
    if (band.some((b) => b.m.col === m.col && b.m.row > m.row)) continue;
    const deepest = Math.max(...band.map((b) => b.bottom));
    if (deepest - box.bottom > most) out.push(`page ${m.page} band ${m.band} ${box.article}: ${deepest - box.bottom} rows above the band's foot`);
  }
  return out;
}

/** What the fill rules find: pages but the last under 95 % of the type area, and a last page neither 85 % full nor balanced (its last band's columns within `spread` rows). */
export function fillFindings(dl: DisplayList, g: PageGrid, spread = 2): string[] {
  const fill = pageFill(dl, g);
  const out = fill.slice(0, -1).flatMap((f, i) => (f < 0.95 ? [`page ${i + 1} filled ${f.toFixed(3)}`] : []));
  const last = fill[fill.length - 1];
  const bottoms = lastBandBottoms(dl, g, bodyLines(dl, g));
  const balanced = bottoms.length > 0 && Math.max(...bottoms) - Math.min(...bottoms) <= spread;
  if (last < 0.85 && !balanced) out.push(`last page filled ${last.toFixed(3)}, its last band's columns end at rows ${bottoms.join(',')}`);
  return out;
}

/** Each page's fill from the PDF: per column, the lowest body-size baseline's descent, over the type area (as pdf-audit's chars.page_fill). */
export function pdfFill(pdf: PdfPageText[], g: PageGrid, margin = 0): number[] {
  return pdf.map((page) => {
    const depth = new Array<number>(g.columns).fill(0);
    for (const it of page.items) {
      const y = it.y - margin;
      if (Math.abs(it.size - g.body) > 0.05 || y > g.top + g.typeHeight) continue;
      for (let c = 0; c < g.columns; c++) {
        if (it.x - margin >= g.colX[c] - 1 && it.x - margin < g.colX[c] + g.measure) {
          depth[c] = Math.max(depth[c], Math.min(g.typeHeight, y + (1 - EM_ASCENT) * it.size + (g.row - it.size) / 2 - g.top));
        }
      }
    }
    return depth.reduce((a, b) => a + b, 0) / (g.columns * g.typeHeight);
  });
}
