// Markdown → mdast with positions, front matter kept as a `yaml` node.
// One processor per process: building it costs more than parsing a file.
//
// micromark costs the same per character whatever the text is, and the front
// matter is about a tenth of an article's characters: when the block is in
// its plain form (`---` lines, LF endings, a body after it), it is cut off
// here and only the body goes through remark-parse; the body's positions are
// then moved to where the body sits in the file. The tree is the one the
// whole-file parse gives (tests/content/parse.test.ts compares them); any
// other file is parsed whole.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, Yaml } from 'mdast';
import type { FrontMatterBlock } from './front-matter.js';

let whole: Processor<Root> | undefined;
let bodyOnly: Processor<Root> | undefined;

/** The whole file through remark-parse and remark-frontmatter: the parser of record. */
export function parseWhole(text: string): Root {
  whole ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return whole.parse(text) as Root;
}

export function parseMarkdown(text: string): Root {
  const split = splitFrontMatter(text);
  if (!split) return parseWhole(text);
  // Without remark-frontmatter: a body opening with `---` lines is not front matter.
  bodyOnly ??= unified().use(remarkParse) as unknown as Processor<Root>;
  const tree = bodyOnly.parse(text.slice(split.bodyStart)) as Root;
  shift(tree, split.bodyLine - 1, split.bodyStart);
  const yaml: Yaml = {
    type: 'yaml',
    value: text.slice(split.valueStart, split.valueEnd),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: split.bodyLine - 1, column: 4, offset: split.bodyStart - 1 } },
  };
  tree.children.unshift(yaml);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position!.end };
  return tree;
}

interface Split {
  /** The YAML between the fences. */
  valueStart: number;
  valueEnd: number;
  /** Offset and 1-based line of the first character after the closing fence's line. */
  bodyStart: number;
  bodyLine: number;
}

/**
 * The plain form only: `---` alone on the first line, a non-empty block with
 * LF endings and no other fence-like line (`---` followed by spaces would
 * close it for micromark), `---` alone closing it, then a body with text.
 */
export function splitFrontMatter(text: string): Split | undefined {
  if (!text.startsWith('---\n')) return undefined;
  let line = 2;
  for (let at = 4; at < text.length; line++) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    if (text.startsWith('---', at)) {
      if (eol !== at + 3 || at === 4 || eol === text.length) return undefined;
      const bodyStart = eol + 1;
      if (text.slice(bodyStart).trim() === '') return undefined;
      if (text.lastIndexOf('\r', at) >= 0) return undefined;
      return { valueStart: 4, valueEnd: at - 1, bodyStart, bodyLine: line + 1 };
    }
    at = eol + 1;
  }
  return undefined;
}

/** Moves every position of the body's tree by whole lines (the body starts at a line start: columns stay). */
function shift(node: Nodes, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start = { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset };
    p.end = { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children) shift(child as Nodes, lines, offset);
}

/** The front-matter block of a parsed file, if it starts with one. */
export function frontMatterOf(tree: Root): FrontMatterBlock | undefined {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return undefined;
  const yaml = first as Yaml;
  return { value: yaml.value, firstLine: (yaml.position?.start.line ?? 1) + 1 };
}

/** True when the file has nothing but front matter (and blank lines or HTML comments). */
export function hasBody(tree: Root): boolean {
  return tree.children.some((n) => n.type !== 'yaml' && !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())));
}
