// An article's mdast body as layout blocks: paragraphs (body, list items,
// block quotes, the text of raw HTML) as font-role spans, subheadings,
// images with captions, tables, section breaks, and the article's notes at
// its end. One concern: reading the tree. Measuring and placing happen
// elsewhere (article.ts, table.ts, notes.ts).
import { dirname } from 'node:path';
import { imagePath } from '../images/locate.js';
import type { Content, Root, TableCell } from 'mdast';
import { htmlText, isHtmlComment } from '../content/html-text.js';
import { DEFAULT_MARKUP_STYLE, definitionsOf, inlineSegments, type InlineEnv, type MarkupStyle, type RoleSpan } from './inline-spans.js';
import { NoteList } from './note-list.js';
import { TEXT_ROLES } from './text-roles.js';
import type { StructureParent } from './display-list.js';

export type { MarkupStyle, RoleSpan } from './inline-spans.js';

/** Where a block sits in the structure tree: the elements around it, outermost first (Art, BlockQuote, L, LI, LBody…). */
interface Placed {
  parents: readonly StructureParent[];
}

export interface ParaBlock extends Placed {
  kind: 'para';
  /** Structure role: 'P', or 'Note' for the lead's notes. */
  tag: string;
  /** A list item's marker at the start of its first line (`1．`), tagged Lbl inside the item. */
  label?: string;
  /** Shared by the segments of a paragraph cut by hard line breaks (one structure element). */
  id: string;
  spans: RoleSpan[];
  /** First-line indent and the indent of the other lines, in ems. */
  indent: number;
  hanging: number;
  /** Left inset of the whole paragraph (block quotes, nested lists), in ems. */
  inset: number;
  /** Source line, for messages. */
  line: number;
  /** UTF-16 offset in the file where the paragraph's text starts, for messages placed inside it. */
  offset?: number;
}

export interface HeadingBlock extends Placed {
  kind: 'heading';
  id: string;
  text: string;
  /** 2 for `##`, 3 for `###`, … */
  depth: number;
  line: number;
}

export interface ImageBlock extends Placed {
  kind: 'image';
  id: string;
  /** Absolute path of the image file. */
  path: string;
  caption: string;
  line: number;
}

export type CellAlign = 'left' | 'right' | 'center' | null;

export interface TableBlock extends Placed {
  kind: 'table';
  id: string;
  /** Per column, as the delimiter row says (`:---`, `---:`, `:---:`), null when it says nothing. */
  align: CellAlign[];
  /** Rows of cells (the first row is the header), each cell its spans. */
  rows: RoleSpan[][][];
  line: number;
}

export interface NotesBlock extends Placed {
  kind: 'notes';
  id: string;
  notes: { marker: string; spans: RoleSpan[] }[];
  line: number;
}

/** A thematic break (`***`, `---`): a short rule between two parts of an article. */
export interface BreakBlock extends Placed {
  kind: 'break';
  id: string;
  line: number;
}

export type Block = ParaBlock | HeadingBlock | ImageBlock | TableBlock | NotesBlock | BreakBlock;

interface Ctx {
  prefix: string;
  baseDir: string;
  blocks: Block[];
  n: number;
  env: InlineEnv;
}

function nextId(ctx: Ctx, kind: string): string {
  ctx.n += 1;
  return `${ctx.prefix}-${kind}${ctx.n}`;
}

function trimSpans(spans: RoleSpan[]): RoleSpan[] {
  if (spans.length === 0) return spans;
  // trimStart/trimEnd strip exactly what \s matches, without a regular expression's scan of every space run.
  spans[0].text = spans[0].text.trimStart();
  const last = spans[spans.length - 1];
  last.text = last.text.trimEnd();
  return spans.filter((s) => s.text !== '');
}

interface Place {
  role: string;
  parents: readonly StructureParent[];
  inset: number;
  /** A list item's marker (`1．`, `・`), set before its first paragraph in the list's marker box. */
  marker?: string;
  /** The list's marker box, ems: the hanging indent of its items' lines (0: not in a list). */
  box?: number;
}

/**
 * The bullet of an unordered list: the full-width CJK middle dot ・, a dot a
 * fifth of an em across (the faces' own • is a tenth). Not the 间隔号 ·,
 * which readers and checkers take for a mark that may not start a line.
 */
const BULLET = '・';

/**
 * The box every marker of a list is set in: whole ems (so the items' lines
 * stay on the character grid) at least as wide as its widest marker, counted
 * before the fonts are known: a full-width character one em, any other 0.6 em
 * (more than a digit of the body faces). The text after the box starts at
 * the same x in every item (typeset/list-marker.ts).
 */
export function markerBox(markers: readonly string[]): number {
  let widest = 0;
  for (const m of markers) {
    let w = 0;
    for (const ch of m) {
      const cp = ch.codePointAt(0)!;
      w += cp >= 0x2e80 ? 1 : 0.6;
    }
    widest = Math.max(widest, w);
  }
  return Math.max(1, Math.ceil(widest - 1e-9));
}

/** A paragraph's segments (cut at hard line breaks) as blocks sharing one id. */
function paragraph(segments: RoleSpan[][], ctx: Ctx, place: Place, at: { line: number; offset?: number }): void {
  const { line, offset } = at;
  const id = nextId(ctx, 'p');
  let first = true;
  for (const segment of segments) {
    const spans = trimSpans(segment);
    if (spans.length === 0) continue;
    // The marker, then a tab that takes it to the item's text (typeset/list-marker.ts); the marker is the item's label.
    const marked = first && place.marker !== undefined;
    if (marked) spans.unshift({ text: `${place.marker}\t`, role: place.role });
    // In a list every line but the marker's starts at the box, also after a hard break; elsewhere the indent is two ems.
    const box = place.box ?? 0;
    const indent = box > 0 ? (marked ? 0 : box) : 2;
    const label = marked ? { label: place.marker } : {};
    const source = offset !== undefined ? { offset } : {};
    ctx.blocks.push({ kind: 'para', tag: 'P', id, spans, indent, hanging: box, inset: place.inset, line, parents: place.parents, ...label, ...source });
    first = false;
  }
}

function block(node: Content, ctx: Ctx, place: Place): void {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'paragraph': {
      const images = ctx.env.images.length;
      paragraph(inlineSegments(node.children, place.role, ctx.env), ctx, place, { line, offset: node.position?.start.offset });
      for (const img of ctx.env.images.splice(images)) {
        ctx.blocks.push({ kind: 'image', id: nextId(ctx, 'fig'), path: imagePath(ctx.baseDir, img.path), caption: img.alt, line, parents: place.parents });
      }
      break;
    }
    case 'heading': {
      const text = inlineSegments(node.children, TEXT_ROLES.subheading, ctx.env).flat().map((s) => s.text).join('').trim();
      if (text) ctx.blocks.push({ kind: 'heading', id: nextId(ctx, 'h'), text, depth: node.depth, line, parents: place.parents });
      break;
    }
    case 'list': {
      const start = node.start ?? 1;
      const list = [...place.parents, { role: 'L', id: nextId(ctx, 'l') }];
      // Numbered lines (一、 二、) keep their numbers in the text: set as paragraphs.
      const markers = node.data?.inlineNumbers ? undefined : node.children.map((_, k) => (node.ordered ? `${start + k}．` : BULLET));
      const box = markers ? markerBox(markers) : 0;
      node.children.forEach((entry, k) => {
        // L > LI > (Lbl, LBody): the marker is the item's label, its paragraphs its body.
        const li = { role: 'LI', id: nextId(ctx, 'li') };
        const item = [...list, li, { role: 'LBody', id: `${li.id}-body` }];
        let first = true;
        for (const child of entry.children) {
          // A list inside an item is set under the item's text.
          if (child.type === 'list') block(child, ctx, { role: place.role, inset: place.inset + box, parents: item });
          else block(child, ctx, { role: place.role, inset: place.inset, marker: first ? markers?.[k] : undefined, box, parents: item });
          first = false;
        }
      });
      break;
    }
    case 'blockquote': {
      const quote = [...place.parents, { role: 'BlockQuote', id: nextId(ctx, 'q') }];
      for (const child of node.children) block(child, ctx, { role: TEXT_ROLES.blockquote, inset: place.inset + 2, parents: quote });
      break;
    }
    case 'code':
      ctx.blocks.push({ kind: 'para', tag: 'P', id: nextId(ctx, 'p'), spans: [{ text: node.value.replace(/\n/g, ' '), role: TEXT_ROLES.code }], indent: 0, hanging: 0, inset: place.inset, line, parents: place.parents });
      break;
    case 'html': {
      // Raw HTML is not typeset, but its text is the editor's: kept without the tags.
      if (isHtmlComment(node.value)) break;
      const text = htmlText(node.value);
      if (text) paragraph(text.split('\n').map((t) => [{ text: t, role: place.role }]), ctx, place, { line });
      break;
    }
    case 'table':
      ctx.blocks.push({
        kind: 'table', id: nextId(ctx, 't'), align: node.align ?? [], line, parents: place.parents,
        rows: node.children.map((row, r) => row.children.map((cell) => cellSpans(cell, r === 0 ? TEXT_ROLES.tableHeader : place.role, ctx))),
      });
      break;
    case 'thematicBreak':
      ctx.blocks.push({ kind: 'break', id: nextId(ctx, 'hr'), line, parents: place.parents });
      break;
    default:
      // Front matter, definitions and footnote definitions (printed as the notes): not set here.
      break;
  }
}

/** A table cell's spans (hard breaks inside a cell, `<br>`, become spaces). */
function cellSpans(cell: TableCell, role: string, ctx: Ctx): RoleSpan[] {
  const segments = inlineSegments(cell.children, role, ctx.env);
  return trimSpans(segments.flatMap((s, k) => (k > 0 ? [{ text: ' ', role }, ...s] : s)));
}

/** The article's notes: footnotes and link URLs, in the order first referred to, then definitions nothing refers to. */
function notesBlock(ctx: Ctx, line: number, parents: readonly StructureParent[]): NotesBlock | undefined {
  const list = ctx.env.notes;
  list.unreferenced();
  if (list.notes.length === 0) return undefined;
  const notes: NotesBlock['notes'] = [];
  // A note may refer to another note: the list grows while it is read.
  for (let i = 0; i < list.notes.length; i++) {
    const { marker, content } = list.notes[i];
    if (content.kind === 'url') {
      notes.push({ marker, spans: [{ text: content.url, role: TEXT_ROLES.note }] });
      continue;
    }
    const spans: RoleSpan[] = [];
    for (const child of content.definition.children) {
      if (child.type === 'paragraph') for (const s of inlineSegments(child.children, TEXT_ROLES.note, ctx.env)) spans.push(...s);
    }
    notes.push({ marker, spans: trimSpans(spans) });
  }
  return { kind: 'notes', id: nextId(ctx, 'notes'), notes, line, parents };
}

/**
 * The blocks of a document body; ids are `${prefix}-p1`, `${prefix}-h2`, … in
 * source order. `container` is the element they all sit in (an article's Art,
 * the lead's Sect).
 */
export function blocksOf(tree: Root, prefix: string, file: string, style: MarkupStyle = DEFAULT_MARKUP_STYLE, container?: StructureParent): Block[] {
  const env: InlineEnv = { style, notes: new NoteList(tree), definitions: definitionsOf(tree), images: [] };
  const ctx: Ctx = { prefix, baseDir: dirname(file), blocks: [], n: 0, env };
  const parents = container ? [container] : [];
  for (const node of tree.children) block(node, ctx, { role: TEXT_ROLES.body, inset: 0, parents });
  const notes = notesBlock(ctx, tree.position?.end.line ?? 0, parents);
  if (notes) ctx.blocks.push(notes);
  return ctx.blocks;
}
