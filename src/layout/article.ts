// An article measured for the page search: its body composed once at the
// column measure into a list of grid-row items with the column-break rules of
// TYPOGRAPHY.md §5 attached, and its header (headline, subtitle, byline) set
// on demand for each module width. Module widths change only the header; the
// body is the same lines flowed into more or fewer columns.
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import type { FaceChain } from '../fonts/face.js';
import { composeParagraph, countLines, type ComposedLine, type Span } from '../typeset/index.js';
import type { Block } from './blocks.js';
import { drawnItems, isDrawnBlock, type GridItem } from './drawn-blocks.js';
import type { StructureTag } from './display-list.js';
import { breakHeadline, fitHeadline, prepareHeadline, type HeadlineBreak, type PreparedHeadline } from './headline.js';
import { imageSize } from './image-size.js';
import { rowsFor, spanWidth, type PageGrid } from './grid.js';
import type { Template } from './template.js';
import { lineWidth, setLine, type SetLine, type TextOrigin } from './text.js';

export interface Fonts {
  chain(role: string): FaceChain;
}

export type BodyItem =
  | { kind: 'line'; line: ComposedLine; size: number; inset: number; tag: StructureTag; rows: 1 }
  | { kind: 'heading'; line: ComposedLine; size: number; tag: StructureTag; rows: 1 }
  | { kind: 'image'; path: string; w: number; h: number; alt: string; tag: StructureTag; rows: number }
  | GridItem;

/** A header line placed in a module: `rows` grid rows starting `row` rows below the header's top. */
export interface HeaderLine {
  set: SetLine;
  color: 'accent' | 'text';
  row: number;
  rows: number;
  tag: StructureTag;
  align: 'center' | 'start' | 'end';
}

/** What the page search needs of a header: its height, and its headline's lines (for taste). */
export interface HeaderSize {
  rows: number;
  headlineLines: number;
}

export interface Header extends HeaderSize {
  lines: HeaderLine[];
}

/** A continued part's header ("（上接第N版）", with the title when it fits) is always one row. */
export const CONT_HEADER_ROWS = 1;
/** Sizes of the 上接 header and the 下转 line relative to the body (10.5 and 7.5 pt on a 9 pt body). */
export const CONT_HEADER_SCALE = 7 / 6;
export const JUMP_LINE_SCALE = 5 / 6;

export interface PreparedArticle {
  index: number;
  id: string;
  title: string;
  file: string;
  items: BodyItem[];
  /** Rows before item i (length items.length + 1). */
  pre: Int32Array;
  /** Whether a column may begin with item i (i = items.length: the end, always). */
  breakBefore: Uint8Array;
  /** The header's size at a width of k columns, without setting its lines. */
  headerSize(k: number): HeaderSize;
  header(k: number): Header;
  /** The header of a continued part: one row "（上接第N版）". */
  contHeader(k: number, fromPage: number): Header;
  /** The "（下转第N版）" line at the foot of a part that continues. */
  jumpLine(toPage: number): SetLine;
}

export interface ArticleSource {
  index: number;
  id: string;
  title: string;
  subtitle?: string;
  author?: string;
  role?: string;
  file: string;
  blocks: Block[];
}

export interface Env {
  grid: PageGrid;
  template: Template;
  fonts: Fonts;
}

function spansOf(env: Env, spans: { text: string; role: string }[]): Span[] {
  return spans.map((s) => ({ text: s.text, chain: env.fonts.chain(s.role) }));
}

/** Composes the body blocks at the column measure into grid-row items. */
export function bodyItems(env: Env, blocks: Block[], file: string): { items: BodyItem[]; breakBefore: boolean[] } {
  const { grid, template } = env;
  const items: BodyItem[] = [];
  const breakBefore: boolean[] = [];
  let keep = 0;
  const add = (item: BodyItem, canBreak: boolean) => {
    items.push(item);
    breakBefore.push(canBreak && keep === 0);
    if (keep > 0) keep -= 1;
  };
  for (const b of blocks) {
    if (isDrawnBlock(b)) {
      // Tables, notes, section breaks: drawn-blocks.ts.
      for (const d of drawnItems(env, b, file)) add(d.item, d.canBreak);
    } else if (b.kind === 'para') {
      const inset = b.inset * grid.body;
      const lines = composeParagraph({
        spans: spansOf(env, b.spans), size: grid.body, measure: grid.measure - inset,
        indent: b.indent, hangingIndent: b.hanging, scheme: template.punctuation,
      });
      const n = lines.length;
      // One tag object for the paragraph's lines (render compares tags by id).
      const tag: StructureTag = { role: b.tag, id: b.id };
      lines.forEach((line, j) => {
        // No widows or orphans: at least two lines of a paragraph on each side of a column break.
        const ok = j === 0 || (j >= 2 && n - j >= 2);
        add({ kind: 'line', line, size: grid.body, inset, tag, rows: 1 }, ok);
      });
    } else if (b.kind === 'heading') {
      const size = template.sizes.subheading;
      const lines = composeParagraph({
        spans: [{ text: b.text, chain: env.fonts.chain('bold') }], size, measure: grid.measure, indent: 0, align: 'start', scheme: template.punctuation,
      });
      const tag: StructureTag = { role: 'H3', id: b.id };
      lines.forEach((line, j) => add({ kind: 'heading', line, size, tag, rows: 1 }, j === 0));
      // A subheading keeps with the two lines that follow it.
      keep = 2;
    } else {
      const px = readImage(b.path, { file, line: b.line });
      const w = grid.measure;
      let h = (w * px.height) / Math.max(1, px.width);
      const maxH = grid.row * Math.floor(grid.rows * 0.6);
      const scale = h > maxH ? maxH / h : 1;
      h *= scale;
      const rows = Math.max(2, Math.ceil(h / grid.row - 1e-9));
      add({ kind: 'image', path: b.path, w: w * scale, h, alt: b.caption, tag: { role: 'Figure', id: b.id }, rows }, true);
      if (b.caption) {
        const lines = composeParagraph({
          spans: [{ text: b.caption, chain: env.fonts.chain('kai') }], size: template.sizes.caption, measure: grid.measure, indent: 0,
          align: 'start', scheme: template.punctuation,
        });
        const tag: StructureTag = { role: 'Caption', id: `${b.id}-caption` };
        // The caption stays with its picture.
        for (const line of lines) {
          keep = 1;
          add({ kind: 'line', line, size: template.sizes.caption, inset: 0, tag, rows: 1 }, false);
        }
      }
    }
  }
  return { items, breakBefore };
}

function readImage(path: string, at: TextOrigin): { width: number; height: number } {
  let size;
  try {
    size = imageSize(path);
  } catch (e) {
    throw new BulletinError(diagnostic({ file: at.file, line: at.line, column: 1 }, 'error', 'image-missing',
      `image not found or unreadable: ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Paths are relative to the article file.`));
  }
  if (!size || size.width === 0 || size.height === 0) {
    throw new BulletinError(diagnostic({ file: at.file, line: at.line, column: 1 }, 'error', 'image-format',
      `unsupported image ${path}: use a PNG or JPEG file.`));
  }
  return size;
}

/** Wraps a one-line text set in `chain` into lines no wider than `measure` (bylines in narrow modules). */
function wrapPlain(text: string, chain: FaceChain, size: number, measure: number, width = lineWidth(text, chain, size)): string[] {
  if (width <= measure) return [text];
  const lines = composeParagraph({ spans: [{ text, chain }], size, measure, indent: 0, align: 'start' });
  return lines.map((l) => l.text.trim());
}

/** How many lines wrapPlain makes (without placing their glyphs). */
function wrapCount(text: string, chain: FaceChain, size: number, measure: number, width = lineWidth(text, chain, size)): number {
  if (width <= measure) return 1;
  return countLines({ spans: [{ text, chain }], size, measure, indent: 0, align: 'start' });
}

export function prepareArticle(env: Env, src: ArticleSource): PreparedArticle {
  const { grid, template, fonts } = env;
  const { items, breakBefore } = bodyItems(env, src.blocks, src.file);
  const pre = new Int32Array(items.length + 1);
  for (let i = 0; i < items.length; i++) pre[i + 1] = pre[i] + items[i].rows;
  const bb = new Uint8Array(items.length + 1);
  for (let i = 0; i < items.length; i++) bb[i] = breakBefore[i] ? 1 : 0;
  bb[items.length] = 1;
  const sizes = template.sizes;

  // The page search asks for every article's header height at every width,
  // but only the modules it places are drawn: the height comes from line
  // counts alone, and what goes on which line is planned, and set into
  // glyphs, only when a header is drawn.
  interface PlannedLine {
    text: string;
    chain: FaceChain;
    size: number;
    row: number;
    rows: number;
    tag: StructureTag;
  }
  interface HeaderPlan extends HeaderSize {
    lines: PlannedLine[];
  }
  let headline: PreparedHeadline | undefined;
  // The headline broken at each width (the search's sizes and the drawn lines share it).
  const headlines = new Map<number, HeadlineBreak>();
  const headlineAt = (k: number): HeadlineBreak => {
    let hb = headlines.get(k);
    if (!hb) {
      const heavy = fonts.chain('heavy');
      headline ??= prepareHeadline(src.title, heavy);
      hb = breakHeadline(headline, heavy, sizes.headline.min, sizes.headline.max, spanWidth(grid, k));
      headlines.set(k, hb);
    }
    return hb;
  };
  // Natural widths of the subtitle and byline, the same at every width: measured once.
  let subtitleWidth: number | undefined;
  let bylineWidth: number | undefined;
  const bylineText = (): string => [src.role, src.author].filter(Boolean).join(' ');

  // The size at a width, from line counts: the search asks for every width, and the subtitle
  // and byline are composed into lines (glyphs placed) only for the headers drawn.
  const headerSizes = new Map<number, HeaderSize>();
  const headerSize = (k: number): HeaderSize => {
    const cached = headerSizes.get(k);
    if (cached) return cached;
    const measure = spanWidth(grid, k);
    // The headline's size and number of lines only: its lines are joined for the headers drawn.
    headline ??= prepareHeadline(src.title, fonts.chain('heavy'));
    const hb = fitHeadline(headline, sizes.headline.min, sizes.headline.max, measure);
    let rows = hb.lines * rowsFor(grid, hb.size, 1.25);
    if (src.subtitle) {
      const body = fonts.chain('body');
      subtitleWidth ??= lineWidth(src.subtitle, body, sizes.subtitle);
      rows += wrapCount(src.subtitle, body, sizes.subtitle, measure, subtitleWidth) * rowsFor(grid, sizes.subtitle, 1.1);
    }
    if (src.author || src.role) {
      const kai = fonts.chain('kai');
      bylineWidth ??= lineWidth(bylineText(), kai, sizes.byline);
      const lines = bylineWidth <= measure ? 1 : (src.role ? wrapCount(src.role, kai, sizes.byline, measure) : 0) + (src.author ? 1 : 0);
      rows += lines * rowsFor(grid, sizes.byline, 1.1);
    }
    const size: HeaderSize = { rows, headlineLines: hb.lines };
    headerSizes.set(k, size);
    return size;
  };

  /** What goes on which line of the header at a width, and how many rows that takes (for the headers drawn). */
  const plan = (k: number): HeaderPlan => {
    const measure = spanWidth(grid, k);
    const lines: PlannedLine[] = [];
    let row = 0;
    const heavy = fonts.chain('heavy');
    const hb = headlineAt(k);
    const hRows = rowsFor(grid, hb.size, 1.25);
    const hTag: StructureTag = { role: 'H2', id: `${src.id}-title` };
    for (const text of hb.lines) {
      lines.push({ text, chain: heavy, size: hb.size, row, rows: hRows, tag: hTag });
      row += hRows;
    }
    if (src.subtitle) {
      const body = fonts.chain('body');
      const sTag: StructureTag = { role: 'P', id: `${src.id}-subtitle` };
      subtitleWidth ??= lineWidth(src.subtitle, body, sizes.subtitle);
      for (const text of wrapPlain(src.subtitle, body, sizes.subtitle, measure, subtitleWidth)) {
        const r = rowsFor(grid, sizes.subtitle, 1.1);
        lines.push({ text, chain: body, size: sizes.subtitle, row, rows: r, tag: sTag });
        row += r;
      }
    }
    if (src.author || src.role) {
      const kai = fonts.chain('kai');
      const bTag: StructureTag = { role: 'P', id: `${src.id}-byline` };
      const r = rowsFor(grid, sizes.byline, 1.1);
      const one = bylineText();
      // Role then name, the name set apart by a one-em gap; on two lines when it does not fit.
      bylineWidth ??= lineWidth(one, kai, sizes.byline);
      const texts = bylineWidth <= measure
        ? [one]
        : [...(src.role ? wrapPlain(src.role, kai, sizes.byline, measure) : []), ...(src.author ? [src.author] : [])];
      for (const text of texts) {
        lines.push({ text, chain: kai, size: sizes.byline, row, rows: r, tag: bTag });
        row += r;
      }
    }
    // The search placed the module by headerSize: the lines must take exactly those rows.
    if (row !== headerSize(k).rows) throw new Error(`layout: the header of "${src.title}" takes ${row} rows, its size said ${headerSize(k).rows}`);
    return { rows: row, headlineLines: hb.lines.length, lines };
  };

  const headers = new Map<number, Header>();
  const header = (k: number): Header => {
    const cached = headers.get(k);
    if (cached) return cached;
    const p = plan(k);
    const lines: HeaderLine[] = p.lines.map((l) => ({
      set: setLine(l.text, l.chain, l.size), color: 'text', row: l.row, rows: l.rows, tag: l.tag, align: 'center',
    }));
    const h: Header = { rows: p.rows, lines, headlineLines: p.headlineLines };
    headers.set(k, h);
    return h;
  };

  const contHeaders = new Map<number, Header>();
  const contHeader = (k: number, fromPage: number): Header => {
    const ck = fromPage * 64 + k;
    const hit = contHeaders.get(ck);
    if (hit) return hit;
    const bold = fonts.chain('bold');
    const mark = `（上接第${fromPage}版）`;
    const withTitle = `${src.title.replace(/\s+/g, ' ')} ${mark}`;
    // Set a size above the body (五号 over 小五): it reads as a small headline, not a line of text.
    const size = CONT_HEADER_SCALE * grid.body;
    const text = lineWidth(withTitle, bold, size) <= spanWidth(grid, k) ? withTitle : mark;
    const h: Header = {
      rows: CONT_HEADER_ROWS,
      headlineLines: 0,
      lines: [{ set: setLine(text, bold, size), color: 'text', row: 0, rows: 1, tag: { role: 'Artifact', id: `${src.id}-cont` }, align: 'start' }],
    };
    contHeaders.set(ck, h);
    return h;
  };

  // A size below the body (六号 under 小五), as newspapers set their jump lines: a note, not text.
  const jumpLine = (toPage: number): SetLine => setLine(`（下转第${toPage}版）`, fonts.chain('kai'), JUMP_LINE_SCALE * grid.body);

  return { index: src.index, id: src.id, title: src.title, file: src.file, items, pre, breakBefore: bb, headerSize, header, contHeader, jumpLine };
}
