// A GFM table set in the column measure as a three-line table (三线表): a
// rule above the header row, a thin one under it, a rule under the last row,
// no vertical rules. Columns are whole ems wide with one em between them, so
// CJK cells stay on the character grid; a cell too long for its column wraps
// inside it. The header row is bold; a column of numbers (`1,204`, `98.5%`,
// `12万元`) is set flush right, unless the delimiter row says otherwise.
// A table whose columns cannot fit even wrapped is an error naming it.
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { composeParagraph, countLines, measureSpans, type ComposedLine, type Span } from '../typeset/index.js';
import type { CellAlign, RoleSpan, TableBlock } from './blocks.js';
import { decorate } from './decorations.js';
import { typesetSpans } from './inline-spans.js';
import { baselineAt, type DrawEnv, type GridItem, type GridRule, type GridText, type PlacedItem } from './grid-item.js';

/** Ems between two columns. */
const GAP = 1;
/** A table of at most this many rows is kept in one column; a longer one breaks between rows, its header kept with the first. */
const WHOLE_ROWS = 12;

const NUMBER = /^[-+−±]?\d[\d,，]*(?:[.．]\d+)?\s*(?:%|％|‰|\p{Script=Han}{1,3})?$/u;
const NO_VALUE = /^(?:[-—–－/／]*|无)$/;

/** A long Latin word, number or URL in a cell: what its column cannot be narrower than. */
const UNBREAKABLE = /[\x21-\x7e]+/g;

interface Cell {
  spans: Span[];
  source: RoleSpan[];
  text: string;
  /** Natural width on one line and the least width it can wrap to, ems. */
  natural: number;
  least: number;
  /** Lines at a width in ems, as counted (linesAt). */
  counts?: Map<number, number>;
}

function cellOf(env: DrawEnv, spans: RoleSpan[] | undefined): Cell {
  const source = spans ?? [];
  const size = env.grid.body;
  const chained: Span[] = typesetSpans(source, (role) => env.fonts.chain(role));
  const text = source.map((s) => s.text).join('');
  if (text.trim() === '') return { spans: [], source: [], text: '', natural: 0, least: 0 };
  const natural = Math.ceil(measureSpans(chained, size, env.template.punctuation) / size - 1e-6);
  // Two characters at least (a mark may not start a line); a word of Latin letters or digits whole.
  let least = Math.min(natural, 2);
  const chain = chained[0].chain;
  for (const word of text.match(UNBREAKABLE) ?? []) {
    least = Math.max(least, Math.ceil(measureSpans([{ text: word, chain }], size) / size - 1e-6));
  }
  return { spans: chained, source, text, natural, least: Math.min(least, natural) };
}

/** Per column: numbers flush right, as the delimiter row asks otherwise. */
function alignments(b: TableBlock, cells: Cell[][], cols: number): CellAlign[] {
  return Array.from({ length: cols }, (_, c) => {
    const given = b.align[c];
    if (given) return given;
    const body = cells.slice(1).map((row) => row[c].text.trim()).filter((t) => !NO_VALUE.test(t));
    return body.length > 0 && body.every((t) => NUMBER.test(t)) ? 'right' : 'left';
  });
}

/** Lines of a cell at a width, counted once per width (the width search asks again and again). */
function linesAt(env: DrawEnv, cell: Cell, ems: number): number {
  if (cell.spans.length === 0) return 1;
  if (ems >= cell.natural) return 1;
  cell.counts ??= new Map();
  let n = cell.counts.get(ems);
  if (n === undefined) {
    n = countLines({ spans: cell.spans, size: env.grid.body, measure: ems * env.grid.body, indent: 0, align: 'start', scheme: env.template.punctuation });
    cell.counts.set(ems, n);
  }
  return n;
}

/** Rows the table takes with these column widths. */
function heightAt(env: DrawEnv, cells: Cell[][], widths: number[]): number {
  let rows = 0;
  for (const row of cells) rows += Math.max(...row.map((cell, c) => linesAt(env, cell, widths[c])));
  return rows;
}

/**
 * Column widths in ems that fill the measure: natural widths, and where they
 * do not fit, an em at a time taken from the column whose narrowing adds the
 * fewest rows to the table (the wider one on a tie); undefined when even the
 * least widths do not fit.
 */
function columnWidths(env: DrawEnv, cells: Cell[][], cols: number, room: number): number[] | undefined {
  const natural = Array.from({ length: cols }, (_, c) => Math.max(1, ...cells.map((row) => row[c].natural)));
  const least = Array.from({ length: cols }, (_, c) => Math.max(1, ...cells.map((row) => row[c].least)));
  const widths = natural.slice();
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > room) {
    let best = -1;
    let bestHeight = Infinity;
    for (let c = 0; c < cols; c++) {
      if (widths[c] <= least[c]) continue;
      widths[c] -= 1;
      const h = heightAt(env, cells, widths);
      widths[c] += 1;
      if (h < bestHeight || (h === bestHeight && widths[c] > widths[best])) {
        best = c;
        bestHeight = h;
      }
    }
    if (best < 0) return undefined;
    widths[best] -= 1;
    total -= 1;
  }
  // What is left is shared out, so the table's rules run the whole measure.
  for (let c = 0; total < room; c = (c + 1) % cols, total++) widths[c] += 1;
  return widths;
}

export function tableItems(env: DrawEnv, b: TableBlock, file: string): PlacedItem[] {
  const { grid, template } = env;
  const size = grid.body;
  const cols = Math.max(1, ...b.rows.map((r) => r.length));
  const cells = b.rows.map((row) => Array.from({ length: cols }, (_, c) => cellOf(env, row[c])));
  const room = grid.measureEms - (cols - 1) * GAP;
  const widths = columnWidths(env, cells, cols, room);
  if (!widths) {
    const least = cells[0].map((_, c) => Math.max(1, ...cells.map((row) => row[c].least))).reduce((a, w) => a + w, 0) + (cols - 1) * GAP;
    throw new BulletinError(diagnostic({ file, line: b.line, column: 1 }, 'error', 'table-too-wide',
      `the table (${cols} columns) needs at least ${least} ems, and a column of this template holds ${grid.measureEms}: use fewer columns, shorter headers or words, or split it into two tables.`));
  }
  const align = alignments(b, cells, cols);
  const xs: number[] = [];
  for (let c = 0, x = 0; c < cols; x += widths[c] + GAP, c++) xs.push(x * size);
  const outer = Math.max(0.25, 1.5 * template.rules.thin);
  const inner = Math.max(0.25, 0.5 * template.rules.thin);
  const placed = cells.map((row, r) => {
    const texts: GridText[] = [];
    let rows = 1;
    row.forEach((cell, c) => {
      if (cell.spans.length === 0) return;
      const w = widths[c] * size;
      const lines = composeParagraph({ spans: cell.spans, size, measure: w, indent: 0, align: 'start', scheme: template.punctuation });
      rows = Math.max(rows, lines.length);
      const decorations = decorate(lines, cell.source);
      // Table > TR > TH (the header row) or TD.
      const tag = { role: r === 0 ? 'TH' : 'TD', id: `${b.id}-r${r}c${c}`, parents: [...b.parents, { role: 'Table', id: b.id }, { role: 'TR', id: `${b.id}-r${r}` }] };
      lines.forEach((line: ComposedLine, k) => {
        const shift = align[c] === 'right' ? w - line.width : align[c] === 'center' ? (w - line.width) / 2 : 0;
        texts.push({ line, x: xs[c] + Math.max(0, shift), baseline: baselineAt(k, grid.row, size), size, tag, decoration: decorations[k] });
      });
    });
    const rules: GridRule[] = [];
    const rule = (y: number, width: number) => rules.push({ x1: 0, x2: grid.measure, y, width });
    if (r === 0) rule(outer / 2, outer);
    if (r === 0 && cells.length > 1) rule(rows * grid.row, inner);
    if (r === cells.length - 1) rule(rows * grid.row - outer / 2, outer);
    const item: GridItem = { kind: 'grid', rows, tag: { role: 'Artifact', id: `${b.id}-r${r}` }, texts, rules };
    return { item, canBreak: r === 0 };
  });
  const total = placed.reduce((n, p) => n + p.item.rows, 0);
  // A longer table may break between rows; its header row stays with the first row under it.
  if (total > WHOLE_ROWS) {
    for (const [r, p] of placed.entries()) p.canBreak = r !== 1;
  }
  return placed;
}
