// Markdown → mdast with positions, front matter kept as a `yaml` node.
// One processor per process: building it costs more than parsing a file.
//
// micromark costs the same per character whatever the text is, and the front
// matter is about a tenth of an article's characters: when the block is in
// its plain form (`---` lines, LF or CRLF endings, a body after it), it is cut off
// here and only the body is parsed (plain-blocks.ts: plain paragraphs
// directly, the rest through remark-parse), with positions where the body
// sits in the file. The tree is the one the whole-file parse gives
// (tests/content/parse.test.ts compares them); any other file is parsed whole.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { FrontMatterBlock } from './front-matter.js';
import { parseBody } from './plain-blocks.js';

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
  const parser = bodyOnly;
  const tree = parseBody(text, split.bodyStart, split.bodyLine, (s) => parser.parse(s) as Root);
  const yaml: Yaml = {
    type: 'yaml',
    value: text.slice(split.valueStart, split.valueEnd),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: split.bodyLine - 1, column: 4, offset: split.fenceEnd } },
  };
  tree.children.unshift(yaml);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position!.end };
  return tree;
}

interface Split {
  /** The YAML between the fences. */
  valueStart: number;
  valueEnd: number;
  /** Offset just after the closing `---`. */
  fenceEnd: number;
  /** Offset and 1-based line of the first character after the closing fence's line. */
  bodyStart: number;
  bodyLine: number;
}

/**
 * The plain form only: `---` alone on the first line, a non-empty block
 * whose lines all end as the first does (LF or CRLF), no other fence-like
 * line (`---` followed by spaces would close it for micromark), `---` alone
 * closing it, then a body with text.
 */
export function splitFrontMatter(text: string): Split | undefined {
  const eol = text.startsWith('---\n') ? '\n' : text.startsWith('---\r\n') ? '\r\n' : undefined;
  if (!eol) return undefined;
  const open = 3 + eol.length;
  let line = 2;
  for (let at = open; at < text.length; line++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    const end = nl - eol.length + 1;
    if (text.startsWith('---', at)) {
      if (end !== at + 3 || at === open) return undefined;
      const bodyStart = nl + 1;
      if (text.slice(bodyStart).trim() === '') return undefined;
      if (!endsAllLines(text, bodyStart, eol)) return undefined;
      return { valueStart: open, valueEnd: at - eol.length, fenceEnd: end, bodyStart, bodyLine: line + 1 };
    }
    at = nl + 1;
  }
  return undefined;
}

/** True when every line ending in text[0, end) is `eol` and no other CR is there. */
function endsAllLines(text: string, end: number, eol: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) {
    if (eol === '\n' || text.charCodeAt(i + 1) !== 10) return false;
  }
  if (eol === '\r\n') for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return false;
  return true;
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
