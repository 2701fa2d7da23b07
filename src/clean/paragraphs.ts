// Paragraph extraction: every body paragraph's plain text, normalised text
// and source offsets, computed once and shared by all rules. A paragraph's
// plain text is what a reader sees (emphasis markers, link targets and images
// dropped); `map` gives the source offset of each of its characters, so a
// finding inside a paragraph points at its exact line and column.
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Bulletin, SourceFile } from '../content/types.js';
import type { SourcePoint } from '../diagnostics/diagnostic.js';
import { STANDALONE_LINE_MAX } from './config.js';
import { hasPunctuation, normalise } from './text.js';
import { lineIndexAt, lineStarts } from '../content/line-starts.js';

export interface Doc {
  /** 0 for index.md, then the articles in order. */
  id: number;
  source: SourceFile;
  tree: Root;
  lineStarts: number[];
}

export interface Para {
  doc: number;
  /** Index in the root's children, or -1 for a paragraph nested in a list or quote. */
  child: number;
  node: Paragraph;
  start: number;
  end: number;
  plain: string;
  /** Source offset of each character of `plain`. */
  map: Int32Array;
  norm: string;
  /** Not prose — only images, or a pipe table (CommonMark reads one as a paragraph): never joined, compared, removed or linted. */
  opaque: boolean;
  /** The whole paragraph is one bold or italic run: a heading typed as a paragraph. */
  wholeEmphasis: boolean;
  /** Short (STANDALONE_LINE_MAX at most), one phrase, no punctuation: `安全第一`, or the head of a paragraph cut early (`萱洲`). */
  shortLine: boolean;
  /** A heading-like line: whole emphasis, short with no punctuation at all (a slogan such as `安全第一`), or a numbered title (`（二）工作措施`). */
  standalone: boolean;
}

export function docsOf(bulletin: Bulletin): Doc[] {
  return [bulletin.index, ...bulletin.articles].map((d, id) => ({
    id,
    source: d.source,
    tree: d.tree,
    lineStarts: lineStarts(d.source.text),
  }));
}

/** 1-based line and column of a source offset. */
export function pointAt(doc: Doc, offset: number): SourcePoint {
  const line = lineIndexAt(doc.lineStarts, offset);
  return { file: doc.source.path, line: line + 1, column: offset - doc.lineStarts[line] + 1 };
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

export function extractParagraph(doc: Doc, node: Paragraph, child: number): Para {
  const src = doc.source.text;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  const { plain, map, images } = only?.type === 'text' ? oneText(src, only) : segments(src, node.children);
  const norm = normalise(plain);
  // One text node is never a whole emphasis run (and most paragraphs are one text node).
  const wholeEmphasis = only?.type !== 'text' && isWholeEmphasis(node);
  return {
    doc: doc.id,
    child,
    node,
    start: startOf(node),
    end: endOf(node),
    plain,
    map,
    norm,
    opaque: (images > 0 && norm.length === 0) || isPipeTable(src.slice(startOf(node), endOf(node))),
    wholeEmphasis,
    shortLine: norm.length > 0 && norm.length <= STANDALONE_LINE_MAX && !hasPunctuation(norm) && !/\S\s+\S/.test(plain),
    standalone: wholeEmphasis || headingLike(norm),
  };
}

interface Extracted {
  plain: string;
  /** Source offset of each character of `plain`. */
  map: Int32Array;
  images: number;
}

/** A paragraph that is one text node: the general walk below without its lists. */
function oneText(src: string, n: Text): Extracted {
  const s = startOf(n);
  const map = new Int32Array(n.value.length);
  // As in segments: exact offsets when the source spells the value literally.
  if (src.slice(s, endOf(n)) === n.value) countFrom(map, 0, n.value.length, s);
  else map.fill(s);
  return { plain: n.value, map, images: 0 };
}

function segments(src: string, children: PhrasingContent[]): Extracted {
  // Segments of text, each with the source offset of its first character
  // (or -exact: every character at the node's start, when the source spells it differently).
  const values: string[] = [];
  const bases: number[] = [];
  const exact: boolean[] = [];
  let images = 0;
  const walk = (nodes: PhrasingContent[]): void => {
    for (const n of nodes) {
      const s = startOf(n);
      if (n.type === 'text' || n.type === 'inlineCode') {
        const v = n.value;
        const slice = src.slice(s, endOf(n));
        // Exact mapping when the source spells the value literally; otherwise
        // (escapes, entities) every character points at the node's start.
        const at = slice === v ? 0 : n.type === 'inlineCode' ? slice.indexOf(v) : -1;
        values.push(v);
        bases.push(at >= 0 ? s + at : s);
        exact.push(at >= 0);
      } else if (n.type === 'break') {
        values.push('\n');
        bases.push(s);
        exact.push(true);
      } else if (n.type === 'image' || n.type === 'imageReference') {
        images++;
      } else if ('children' in n) {
        walk(n.children as PhrasingContent[]);
      }
    }
  };
  walk(children);
  const plain = values.length === 1 ? values[0] : values.join('');
  const map = new Int32Array(plain.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const n = values[i].length;
    if (exact[i]) countFrom(map, k, n, bases[i]);
    else map.fill(bases[i], k, k + n);
    k += n;
  }
  return { plain, map, images };
}

function isWholeEmphasis(node: Paragraph): boolean {
  const visible = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return visible.length === 1 && (visible[0].type === 'strong' || visible[0].type === 'emphasis');
}

/** `（二）`, `一、`, `1.`, `（1）`, `第一章` opening a numbered heading. */
const HEADING_NUMBER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|第[一二三四五六七八九十\d]{1,3}[章节部分篇])/;

/**
 * A line that reads as a heading, a slogan or a note: short and without
 * punctuation (`安全第一`), a numbered heading (`（二）工作措施`, `一、总体要求`)
 * whose title has no punctuation, or a line wholly in brackets.
 */
function headingLike(norm: string): boolean {
  if (norm.length === 0) return false;
  // A line wholly in brackets is a note or a credit: （记者 张三 通讯员 李四）.
  if (/^[（(][^（()）]*[）)]$/.test(norm)) return true;
  if (norm.length <= STANDALONE_LINE_MAX && !hasPunctuation(norm)) return true;
  const marker = HEADING_NUMBER.exec(norm);
  if (!marker) return false;
  const title = norm.slice(marker[0].length);
  return title.length > 0 && title.length <= 2 * STANDALONE_LINE_MAX && !hasPunctuation(title);
}

/** map[at…at + n) = from, from + 1, … */
function countFrom(map: Int32Array, at: number, n: number, from: number): void {
  for (let j = 0; j < n; j++) map[at + j] = from + j;
}

/** A GFM pipe table: a row of cells over a delimiter row (`| --- | :---: |`). */
function isPipeTable(source: string): boolean {
  return source.includes('|') && /\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*(\r?\n|$)/.test(source);
}

/** Paragraphs nested in lists and block quotes: linted, never joined or removed. */
export function nestedParagraphs(doc: Doc): Para[] {
  const out: Para[] = [];
  const visit = (node: RootContent | Root, top: boolean): void => {
    if (node.type === 'paragraph' && !top) out.push(extractParagraph(doc, node, -1));
    if ('children' in node && (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root')) {
      for (const c of node.children as RootContent[]) visit(c, node.type === 'root');
    }
  };
  visit(doc.tree, false);
  return out;
}
