// An article measured for the page search: its body composed once at the
// column measure into a list of grid-row items with the column-break rules of
// TYPOGRAPHY.md §5 attached, and its header (headline, subtitle, byline) at
// each module width (header.ts). Module widths change only the header; the
// body is the same lines flowed into more or fewer columns.
import { BulletinError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FaceChain } from '../fonts/face.js';
import { composeParagraph, type ComposedLine, type ParagraphInput, type Span } from '../typeset/index.js';
import type { Block, HeadingBlock, ImageBlock, ParaBlock } from './blocks.js';
import { drawnItems, isDrawnBlock, type GridItem } from './drawn-blocks.js';
import type { StructureTag } from './display-list.js';
import type { LineLabel } from './draw.js';
import { captionLines } from './caption.js';
import { ArticleHeaders, type Header, type HeaderSize } from './header.js';
import { imageSize, type PixelSize } from './image-size.js';
import { typesetSpans, type RoleSpan } from './inline-spans.js';
import type { PageGrid } from './grid.js';
import type { Template } from '../design/template.js';
import { TEXT_ROLES } from './text-roles.js';
import type { SetLine, TextOrigin } from './text.js';
import { looseLineDiagnostics } from './loose-lines.js';

export type { Header, HeaderSize } from './header.js';

export interface Fonts {
  chain(role: string): FaceChain;
}

export type BodyItem =
  | { kind: 'line'; line: ComposedLine; size: number; inset: number; tag: StructureTag; rows: 1; label?: LineLabel }
  | { kind: 'heading'; line: ComposedLine; size: number; tag: StructureTag; rows: 1 }
  | { kind: 'image'; path: string; w: number; h: number; alt: string; tag: StructureTag; rows: number }
  | GridItem;

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
  /** The header of a continued part: its title and "（上接第N版）". */
  contHeader(k: number, fromPage: number): Header;
  /** Its size at a width, without setting its lines. */
  contHeaderSize(k: number): HeaderSize;
  /** The "（下转第N版）" line at the foot of a part that continues. */
  jumpLine(toPage: number): SetLine;
  /** The same body with the headers another environment sets (a copyfitting setting's template): the body is not composed again. */
  withHeaders(env: Env): PreparedArticle;
  /** The body's lines composition had to letter-space (`loose-line` warnings). */
  loose: Diagnostic[];
}

export interface ArticleSource {
  index: number;
  id: string;
  title: string;
  subtitle?: string;
  author?: string;
  role?: string;
  file: string;
  /** The file's text, to place messages inside its paragraphs (without it, at the paragraph's line). */
  text?: string;
  blocks: Block[];
}

/** What composing an article needs: the page grid, the template, the fonts, and the pixel sizes of pictures decoded before layout (by absolute path). */
export interface Env {
  grid: PageGrid;
  template: Template;
  fonts: Fonts;
  imageSizes?: ReadonlyMap<string, PixelSize>;
}

function spansOf(env: Env, spans: RoleSpan[]): Span[] {
  return typesetSpans(spans, (role) => env.fonts.chain(role));
}

/**
 * The items of a body as they are made, with where a column may begin: a
 * column may not begin with an item that must keep with the one before it
 * (the lines after a subheading, a caption after its picture).
 */
class BodyItems {
  readonly items: BodyItem[] = [];
  /** Letter-spaced lines found while composing. */
  readonly loose: Diagnostic[] = [];
  readonly breakBefore: boolean[] = [];
  /** Items still to come that keep with the one before them. */
  private keep = 0;

  add(item: BodyItem, canBreak: boolean): void {
    this.items.push(item);
    this.breakBefore.push(canBreak && this.keep === 0);
    if (this.keep > 0) this.keep -= 1;
  }

  /** The next `n` items keep with the one before them. */
  keepNext(n: number): void {
    this.keep = n;
  }
}

/** The file a body comes from: its name as shown, and its text when known. */
export interface BodySource {
  file: string;
  text?: string;
}

/** Composes the body blocks at the column measure into grid-row items. */
export function bodyItems(env: Env, blocks: Block[], source: BodySource): { items: BodyItem[]; breakBefore: boolean[]; loose: Diagnostic[] } {
  const out = new BodyItems();
  const file = source.file;
  for (const b of blocks) {
    if (isDrawnBlock(b)) {
      // Tables, notes, section breaks: drawn-blocks.ts.
      for (const d of drawnItems(env, b, file)) out.add(d.item, d.canBreak);
    } else if (b.kind === 'para') paragraphItems(env, { block: b, source }, out);
    else if (b.kind === 'heading') headingItems(env, b, out);
    else imageItems(env, { image: b, file }, out);
  }
  return { items: out.items, breakBefore: out.breakBefore, loose: out.loose };
}

function paragraphItems(env: Env, para: { block: ParaBlock; source: BodySource }, out: BodyItems): void {
  const { grid, template } = env;
  const b = para.block;
  // Quotes inside quotes indent 2 ems a level, at most a third of the column: deeper, the lines would have no room.
  const inset = Math.min(b.inset, Math.floor(grid.measureEms / 3)) * grid.body;
  const input: ParagraphInput = {
    spans: spansOf(env, b.spans), size: grid.body, measure: grid.measure - inset,
    indent: b.indent, hangingIndent: b.hanging, scheme: template.punctuation,
  };
  const lines = composeParagraph(input);
  out.loose.push(...looseOf(input, lines, para));
  const n = lines.length;
  // One tag object for the paragraph's lines (render compares tags by id).
  const tag: StructureTag = { role: b.tag, id: b.id, parents: b.parents };
  // A list item's marker is its label, in the item (L > LI > Lbl), beside the body (LBody) the paragraph is in.
  const label: LineLabel | undefined = b.label
    ? { tag: { role: 'Lbl', id: `${b.id}-lbl`, parents: b.parents.slice(0, -1) }, chars: Array.from(b.label).length }
    : undefined;
  lines.forEach((line, j) => {
    // No widows or orphans: at least two lines of a paragraph on each side of a column break.
    const ok = j === 0 || (j >= 2 && n - j >= 2);
    out.add({ kind: 'line', line, size: grid.body, inset, tag, rows: 1, ...(j === 0 && label ? { label } : {}) }, ok);
  });
}

/** The paragraph's letter-spaced lines, placed in its file (at its first line when the file's text or the paragraph's offset is unknown). */
function looseOf(input: ParagraphInput, lines: ComposedLine[], para: { block: ParaBlock; source: BodySource }): Diagnostic[] {
  const { block: b, source } = para;
  const skip = b.label ? `${b.label}\t`.length : 0;
  const text = source.text !== undefined && b.offset !== undefined ? source.text : '\n'.repeat(Math.max(0, b.line - 1));
  const from = source.text !== undefined && b.offset !== undefined ? b.offset : text.length;
  return looseLineDiagnostics(input, lines, { file: source.file, text, from, skip });
}

function headingItems(env: Env, b: HeadingBlock, out: BodyItems): void {
  const { grid, template } = env;
  const size = template.sizes.subheading;
  const lines = composeParagraph({
    spans: [{ text: b.text, chain: env.fonts.chain(TEXT_ROLES.subheading) }], size, measure: grid.measure, indent: 0, align: 'start', scheme: template.punctuation,
  });
  const tag: StructureTag = { role: 'H3', id: b.id, parents: b.parents };
  for (const [j, line] of lines.entries()) out.add({ kind: 'heading', line, size, tag, rows: 1 }, j === 0);
  // A subheading keeps with the two lines that follow it.
  out.keepNext(2);
}

/** A picture the column's width (at most 60 % of a page's rows), and its caption, which stays with it. */
function imageItems(env: Env, placed: { image: ImageBlock; file: string }, out: BodyItems): void {
  const { grid, template } = env;
  const b = placed.image;
  const px = readImage(env, b.path, { file: placed.file, line: b.line });
  const w = grid.measure;
  let h = (w * px.height) / Math.max(1, px.width);
  const maxH = grid.row * Math.floor(grid.rows * 0.6);
  const scale = h > maxH ? maxH / h : 1;
  h *= scale;
  const rows = Math.max(2, Math.ceil(h / grid.row - 1e-9));
  out.add({ kind: 'image', path: b.path, w: w * scale, h, alt: b.caption, tag: { role: 'Figure', id: b.id, parents: b.parents }, rows }, true);
  if (!b.caption) return;
  const size = template.sizes.caption;
  const lines = captionLines({ text: b.caption, chain: env.fonts.chain(TEXT_ROLES.caption), size, measure: grid.measure, scheme: template.punctuation });
  // The caption belongs to its figure (Figure > Caption).
  const tag: StructureTag = { role: 'Caption', id: `${b.id}-caption`, parents: [...b.parents, { role: 'Figure', id: b.id }] };
  for (const line of lines) {
    out.keepNext(1);
    out.add({ kind: 'line', line, size, inset: 0, tag, rows: 1 }, false);
  }
}

/** A picture's pixel size: decoded before layout (env.imageSizes), else read from its file's header. */
function readImage(env: Env, path: string, at: TextOrigin): PixelSize {
  let size: PixelSize | undefined;
  try {
    size = env.imageSizes?.get(path) ?? imageSize(path);
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

export function prepareArticle(env: Env, src: ArticleSource): PreparedArticle {
  const { items, breakBefore, loose } = bodyItems(env, src.blocks, { file: src.file, text: src.text });
  const pre = new Int32Array(items.length + 1);
  for (let i = 0; i < items.length; i++) pre[i + 1] = pre[i] + items[i].rows;
  const bb = new Uint8Array(items.length + 1);
  for (let i = 0; i < items.length; i++) bb[i] = breakBefore[i] ? 1 : 0;
  bb[items.length] = 1;
  const headed = (e: Env): PreparedArticle => {
    const headers = new ArticleHeaders(e, src);
    return {
      index: src.index, id: src.id, title: src.title, file: src.file, items, pre, breakBefore: bb,
      headerSize: (k) => headers.size(k),
      header: (k) => headers.header(k),
      contHeader: (k, fromPage) => headers.continuedHeader(k, fromPage),
      contHeaderSize: (k) => headers.continuedSize(k),
      jumpLine: (toPage) => headers.jumpLine(toPage),
      withHeaders: headed,
      loose,
    };
  };
  return headed(env);
}
