// The body of a file as mdast, without micromark for plain paragraphs.
//
// micromark spends about half a microsecond on every character (most of a
// cold build's load stage), yet almost every block of a bulletin is a
// paragraph of Chinese prose with no Markdown in it at all. Such a block —
// lines between blank lines, none indented, none opening a heading, list,
// quote, fence, HTML or setext underline, no inline markup character, no
// trailing space (hard break) — parses to one paragraph holding one text
// node whose value is the source itself; that node is built here.
//
// A body of plain blocks only needs no parser. Otherwise remark-parse reads
// the body once, with each plain block's lines cut down to `x` (so it still
// separates what is around it, costing nothing), and the real paragraphs
// replace those; the other nodes' offsets are moved back by what was cut
// (lines and columns are unchanged: only plain lines got shorter). Parsing
// each stretch between plain blocks separately instead cost a parser start-up
// per stretch: slower than the whole file when markup and prose alternate.
//
// A plain block is only taken as such when nothing before it can run across
// blank lines into it: after a fence or an HTML block (both can hold blank
// lines) every block is left as written. A lone CR (a line ending to
// micromark, not here) sends the whole body to remark-parse as it is.
// tests/content/plain-blocks.test.ts compares the result with the whole-file
// parse on fixed and generated files.
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

/** A plain block: where its text starts and ends (last line ending excluded), and its first and last line. */
interface PlainBlock {
  start: number;
  end: number;
  line: number;
  lastLine: number;
  lastLineStart: number;
}

/**
 * The tree of text[start…] (which starts at a line start, on 1-based `line`),
 * positions in file coordinates. `parse` is remark-parse without front matter.
 */
export function parseBody(text: string, start: number, line: number, parse: (s: string) => Root): Root {
  if (hasLoneCr(text, start)) return shifted(parse(text.slice(start)), line, start);
  const { plain, others } = plainBlocks(text, start, line);
  const end = endPoint(text, start, line);
  if (!others) return { type: 'root', children: plain.map((b) => paragraphOf(text, b)), position: { start: { line, column: 1, offset: start }, end } };
  if (plain.length === 0) return shifted(parse(text.slice(start)), line, start);
  // The body with plain lines cut to `x`, and where each cut block starts in it.
  let cut = '';
  let from = start;
  const cutStarts: number[] = [];
  // cutBefore[k]: characters the stubs before the k-th cut (cutBefore[k + 1] includes it).
  const cutBefore = [0];
  for (const b of plain) {
    cut += text.slice(from, b.start);
    cutStarts.push(cut.length);
    const s = stub(b);
    cut += s;
    cutBefore.push(cutBefore[cutBefore.length - 1] + (b.end - b.start - s.length));
    from = b.end;
  }
  cut += text.slice(from);
  const tree = parse(cut);
  const children: RootContent[] = [];
  let k = 0;
  for (const node of tree.children) {
    if (k < plain.length && node.position?.start.offset === cutStarts[k]) {
      // A stub that is not a paragraph of its own, or (below) one swallowed by
      // a block before it: the cut changed the parse, so the body is parsed as written.
      if (node.type !== 'paragraph') return shifted(parse(text.slice(start)), line, start);
      children.push(paragraphOf(text, plain[k++]));
    } else {
      moveBack(node, line - 1, start, cutStarts, cutBefore);
      children.push(node);
    }
  }
  if (k < plain.length) return shifted(parse(text.slice(start)), line, start);
  return { type: 'root', children, position: { start: { line, column: 1, offset: start }, end } };
}

/**
 * The plain blocks of the body, in order, and whether it has other blocks.
 * After a block that may hold blank lines (fence, HTML), none is plain.
 */
function plainBlocks(text: string, start: number, line: number): { plain: PlainBlock[]; others: boolean } {
  const plain: PlainBlock[] = [];
  let others = false;
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
    if (isPlainBlock(value)) {
      plain.push({ start: blockStart, end: valueEnd, line: blockLine, lastLine: n - 1, lastLineStart: lastStart });
      continue;
    }
    others = true;
    if (OPEN_ENDED.test(value)) break;
  }
  return { plain, others };
}

/** The block with every line cut to `x` (line endings as LF: micromark counts lines and columns the same either way). */
function stub(b: PlainBlock): string {
  return `x${'\nx'.repeat(b.lastLine - b.line)}`;
}

function paragraphOf(text: string, b: PlainBlock): Paragraph {
  return plainParagraph(
    text.slice(b.start, b.end),
    { line: b.line, column: 1, offset: b.start },
    { line: b.lastLine, column: b.end - b.lastLineStart + 1, offset: b.end },
  );
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

/** A CR not followed by LF in text[start…]. */
function hasLoneCr(text: string, start: number): boolean {
  for (let i = text.indexOf('\r', start); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
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

/** A tree of text[start…] parsed alone, positions moved to the file's (it starts at a line start: columns stay). */
function shifted(tree: Root, line: number, start: number): Root {
  const move = (p: { line: number; column: number; offset?: number }) => ({ line: p.line + line - 1, column: p.column, offset: (p.offset ?? 0) + start });
  const visit = (node: Root | RootContent): void => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return tree;
}

/**
 * Positions of a node of the cut body → the file's: lines move by `lines`;
 * offsets by `start` and by what the stubs before them cut (no node but the
 * stubs' own paragraphs starts or ends inside a stub).
 */
function moveBack(node: RootContent, lines: number, start: number, cutStarts: number[], cutBefore: number[]): void {
  const original = (offset: number): number => {
    // How many stubs start before the offset (binary search).
    let lo = 0;
    let hi = cutStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cutStarts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + cutBefore[lo] + start;
  };
  const visit = (n: RootContent): void => {
    const p = n.position;
    if (p) {
      p.start = { line: p.start.line + lines, column: p.start.column, offset: original(p.start.offset ?? 0) };
      p.end = { line: p.end.line + lines, column: p.end.column, offset: original(p.end.offset ?? 0) };
    }
    if ('children' in n) for (const child of n.children) visit(child as RootContent);
  };
  visit(node);
}
