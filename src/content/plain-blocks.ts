// The body of a file as mdast, without micromark for plain paragraphs.
//
// micromark spends about half a microsecond on every character (most of a
// cold build's load stage), yet almost every block of a bulletin is a
// paragraph of Chinese prose with no Markdown in it at all. Such a block —
// lines between blank lines, none indented, none opening a heading, list,
// quote, fence, HTML or setext underline, no inline markup character, no
// trailing space (hard break) — parses to one paragraph holding one text
// node whose value is the source itself; that node is built here. Every other
// block, with the blank lines after it, goes through remark-parse as a
// "stretch" and its positions are moved to where it sits in the file.
//
// Cutting the body into stretches is only sound when no construct reaches
// across the blank lines into a plain block: a fence or an HTML block (both
// can hold blank lines) in a stretch sends everything after it to
// remark-parse too, and a link definition (`[a]: url`, which any paragraph
// may refer to) or a lone CR (a line ending to micromark) anywhere sends the
// whole body. tests/content/plain-blocks.test.ts compares the result with the
// whole-file parse on fixed and generated files.
import type { Paragraph, Root, RootContent, Text } from 'mdast';

type Point = { line: number; column: number; offset: number };

/** Opens a block, or could (`1.` list, indented code, setext `=`/`-` underline, table pipe). */
const BLOCK_START = /^(?:[ \t#>+*=_`~<[|-]|\d{1,9}[.)])/m;
/** Characters with a meaning inside a paragraph (escape, code, emphasis, link, HTML, entity), and tabs and NULs (changed by micromark). */
const INLINE_SPECIAL = /[\\`*_[<&\t\0]/;
/** Trailing spaces: a hard break, or dropped. */
const TRAILING_SPACE = / \r?$/m;
/** What can hold blank lines and so run into the blocks after it. */
const OPEN_ENDED = /```|~~~|</;

/** Whether the block (its lines, without the last line ending) parses to one paragraph with its text as written. */
export function isPlainBlock(block: string): boolean {
  return !INLINE_SPECIAL.test(block) && !BLOCK_START.test(block) && !TRAILING_SPACE.test(block);
}

/**
 * The tree of text[start…] (which starts at a line start, on 1-based `line`),
 * positions in file coordinates. `parse` is remark-parse without front matter.
 */
export function parseBody(text: string, start: number, line: number, parse: (s: string) => Root): Root {
  const body = text.slice(start);
  if (hasLoneCr(body) || body.includes(']:')) return stretch(body, start, line, parse);
  const children: RootContent[] = [];
  // The stretch waiting for remark-parse: offset and line of its first block, or -1.
  let pending = -1;
  let pendingLine = 0;
  let at = start;
  let n = line;
  while (at < text.length) {
    // One block: non-blank lines up to a blank line or the end.
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    if (isBlank(text, at, lineEnd)) {
      at = lineEnd + 1;
      n++;
      continue;
    }
    const blockStart = at;
    const blockLine = n;
    let lastStart = at;
    let lastEnd = lineEnd;
    at = lineEnd + 1;
    n++;
    while (at < text.length) {
      const next = text.indexOf('\n', at);
      const end = next < 0 ? text.length : next;
      if (isBlank(text, at, end)) break;
      lastStart = at;
      lastEnd = end;
      at = end + 1;
      n++;
    }
    const valueEnd = text.charCodeAt(lastEnd - 1) === 13 ? lastEnd - 1 : lastEnd;
    const value = text.slice(blockStart, valueEnd);
    if (!isPlainBlock(value)) {
      if (pending < 0) {
        pending = blockStart;
        pendingLine = blockLine;
      }
      if (OPEN_ENDED.test(value)) break;
      continue;
    }
    if (pending >= 0) {
      children.push(...stretch(text.slice(pending, blockStart), pending, pendingLine, parse).children);
      pending = -1;
    }
    const blockEnd = { line: n - 1, column: valueEnd - lastStart + 1, offset: valueEnd };
    children.push(plainParagraph(value, { line: blockLine, column: 1, offset: blockStart }, blockEnd));
  }
  if (pending >= 0) children.push(...stretch(text.slice(pending), pending, pendingLine, parse).children);
  return { type: 'root', children, position: { start: { line, column: 1, offset: start }, end: endPoint(text, start, line) } };
}

/** A paragraph of one text node, as mdast-util-from-markdown builds it (separate position objects). */
function plainParagraph(value: string, start: Point, end: Point): Paragraph {
  const text: Text = { type: 'text', value, position: { start: { ...start }, end: { ...end } } };
  return { type: 'paragraph', children: [text], position: { start, end } };
}

/** Only spaces and tabs (and the CR of a CRLF) on the line. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && !(c === 13 && i === to - 1)) return false;
  }
  return true;
}

function hasLoneCr(s: string): boolean {
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) if (s.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** Where the text ends (the root's end), counting lines from `line` at `start`. */
function endPoint(text: string, start: number, line: number): Point {
  let n = line;
  let lineStart = start;
  for (let i = text.indexOf('\n', start); i >= 0; i = text.indexOf('\n', i + 1)) {
    n++;
    lineStart = i + 1;
  }
  return { line: n, column: text.length - lineStart + 1, offset: text.length };
}

/** remark-parse on a slice starting at a line start, positions moved to the file's. */
function stretch(slice: string, offset: number, line: number, parse: (s: string) => Root): Root {
  const tree = parse(slice);
  shift(tree, line - 1, offset);
  return tree;
}

/** Moves every position by whole lines (the slice starts at a line start: columns stay). */
function shift(node: Root | RootContent, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start = { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset };
    p.end = { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children) shift(child as RootContent, lines, offset);
}
