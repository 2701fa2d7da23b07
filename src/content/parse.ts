// Markdown → mdast with positions, front matter kept as a `yaml` node. One
// parser for every file (docs/design/CONTENT.md): remark-parse with remark-frontmatter,
// GFM (tables, footnotes, strikethrough, autolinks) and CJK-friendly
// emphasis and strikethrough, so that `**一是。**正文` is bold as a Chinese
// editor means it. Lines numbered 一、 二、 in one paragraph become a list
// (numbered-lines.ts). One processor per process: building it costs more
// than parsing a file.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly';
import type { Root, Yaml } from 'mdast';
import type { FrontMatterBlock } from './front-matter.js';
import { listNumberedLines } from './numbered-lines.js';
import { deepNode } from './nesting.js';

let processor: Processor<Root> | undefined;

/**
 * `~` alone is not strikethrough: Chinese text writes ranges with it
 * (`3~5天`), and two of them in a paragraph would strike the text between.
 */
const GFM_OPTIONS = { singleTilde: false };

function parser(): Processor<Root> {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm, GFM_OPTIONS)
    // After remark-gfm, as both packages require.
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyStrikethrough, GFM_OPTIONS) as unknown as Processor<Root>;
  return processor;
}

/**
 * Trees already parsed, by file text: `--watch` reloads every file of the
 * bulletin on each save, and only the edited one is new text. Callers only
 * read the trees (cleaning builds new ones). Bounded, for long sessions.
 */
const parses = new Map<string, Root>();
const PARSES_LIMIT = 2048;

export function parseMarkdown(text: string): Root {
  let tree = parses.get(text);
  if (!tree) {
    tree = parser().parse(text) as Root;
    // listNumberedLines recurses: a tree too deep for it is load's error (nesting.ts), kept as parsed.
    if (!deepNode('', tree)) listNumberedLines(tree, text);
    if (parses.size >= PARSES_LIMIT) parses.clear();
    parses.set(text, tree);
  }
  return tree;
}

/** The front-matter block of a parsed file, if it starts with one. */
export function frontMatterOf(tree: Root): FrontMatterBlock | undefined {
  const first = tree.children[0];
  if (first?.type !== 'yaml') return undefined;
  const yaml = first as Yaml;
  return { value: yaml.value, firstLine: (yaml.position?.start.line ?? 1) + 1 };
}

/** True when the file has nothing but front matter (and blank lines or HTML comments). */
export function hasBody(tree: Root): boolean {
  return tree.children.some((n) => n.type !== 'yaml' && !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())));
}
