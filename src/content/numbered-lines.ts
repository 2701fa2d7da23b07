// Lines numbered the Chinese way inside one paragraph: editors write
//
//   一、坚持问题导向
//   二、坚持系统观念
//
// on consecutive lines, meaning a list. CommonMark knows only `1.` and `1)`
// lists, so it reads those lines as one paragraph (and they would print run
// together: `一、坚持问题导向二、坚持系统观念`). A paragraph of two or more
// lines, each opening with the next number of one family (一、 （一） 1、
// （1） ①), becomes an ordered list, one item per line, each item the line as
// written (its number included: Chinese numbered items are set as
// paragraphs, the number part of the text). The list is marked
// `data.inlineNumbers`. Only lines whose text the source spells literally are
// split, so every node keeps exact positions.
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { HAN_NUM, hanNumber } from './han-number.js';
import { lineIndexAt, lineStarts } from './line-starts.js';

declare module 'mdast' {
  interface ListData {
    /** Each item's text begins with its number as written (numbered lines); nothing is added when printed. */
    inlineNumbers?: boolean;
  }
}

interface Family {
  pattern: RegExp;
  value: (s: string) => number | undefined;
}

const int = (s: string): number => Number.parseInt(s, 10);

const FAMILIES: Family[] = [
  { pattern: new RegExp(`^(${HAN_NUM})、`), value: hanNumber },
  { pattern: new RegExp(`^[（(](${HAN_NUM})[）)]`), value: hanNumber },
  { pattern: /^(\d{1,2})[、．](?!\d)/, value: int },
  { pattern: /^[（(](\d{1,2})[）)]/, value: int },
  { pattern: /^([\u2460-\u2473])/, value: (s) => s.codePointAt(0)! - 0x2460 + 1 },
];

type Point = { line: number; column: number; offset: number };

/** Replaces, throughout the tree, each paragraph of numbered lines by a list. */
export function listNumberedLines(tree: Root, source: string): void {
  // Most paragraphs have no line break at all: nothing to look at.
  if (!/\n[ \t]*(?:[一二三四五六七八九十（(\d\u2460-\u2473])/.test(source)) return;
  let starts: number[] | undefined;
  const pointOf = (offset: number): Point => {
    starts ??= lineStarts(source);
    const line = lineIndexAt(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1, offset };
  };
  const visit = (parent: Root | Nodes): void => {
    if (!('children' in parent)) return;
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === 'paragraph') {
        const list = numberedList(node, source, pointOf);
        if (list) children[i] = list;
      } else if (node.type !== 'table' && node.type !== 'heading') visit(node);
    }
  };
  visit(tree);
}

/** The paragraph's lines as a list, or undefined when they are not numbered lines. */
function numberedList(p: Paragraph, source: string, pointOf: (offset: number) => Point): List | undefined {
  const lines = splitLines(p.children, source, pointOf);
  if (!lines || lines.length < 2) return undefined;
  const first = lineText(lines[0]);
  for (const family of FAMILIES) {
    const m = family.pattern.exec(first);
    const start = m ? family.value(m[1]) : undefined;
    if (start === undefined) continue;
    const numbered = lines.every((line, k) => {
      const mk = family.pattern.exec(lineText(line));
      return mk !== null && family.value(mk[1]) === start + k;
    });
    if (!numbered) return undefined;
    const items: ListItem[] = lines.map((line) => {
      const position = { start: line[0].position!.start, end: line[line.length - 1].position!.end };
      const para: Paragraph = { type: 'paragraph', children: line, position };
      return { type: 'listItem', spread: false, checked: null, children: [para], position: { start: { ...position.start }, end: { ...position.end } } };
    });
    return { type: 'list', ordered: true, start, spread: false, children: items, data: { inlineNumbers: true }, position: p.position };
  }
  return undefined;
}

function lineText(line: PhrasingContent[]): string {
  const first = line[0];
  return first.type === 'text' ? first.value.trimStart() : '';
}

/**
 * The paragraph's inline nodes cut at its line breaks, or undefined when a
 * break is inside another node (`**…\n…**`) or in text the source does not
 * spell literally (escapes, entities, indentation removed), or a line is blank.
 */
function splitLines(children: PhrasingContent[], source: string, pointOf: (offset: number) => Point): PhrasingContent[][] | undefined {
  const lines: PhrasingContent[][] = [[]];
  for (const node of children) {
    if (node.type !== 'text' || !node.value.includes('\n')) {
      if (node.type !== 'text' && hasLineBreak(node)) return undefined;
      lines[lines.length - 1].push(node);
      continue;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || source.slice(start, end) !== node.value) return undefined;
    const value = node.value;
    for (let at = 0; at <= value.length; ) {
      const nl = value.indexOf('\n', at);
      const next = nl < 0 ? value.length : nl;
      // A CRLF's CR ends the line, it is not part of it.
      const lineEnd = next > at && value.charCodeAt(next - 1) === 13 ? next - 1 : next;
      if (lineEnd > at) lines[lines.length - 1].push(textNode(value.slice(at, lineEnd), pointOf(start + at), pointOf(start + lineEnd)));
      if (nl < 0) break;
      lines.push([]);
      at = nl + 1;
    }
  }
  return lines.every((l) => l.length > 0) ? lines : undefined;
}

function textNode(value: string, start: Point, end: Point): Text {
  return { type: 'text', value, position: { start, end } };
}

function hasLineBreak(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string' && node.value.includes('\n')) return true;
  return 'children' in node && (node.children as Nodes[]).some(hasLineBreak);
}
