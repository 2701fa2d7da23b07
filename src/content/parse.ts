// Markdown → mdast with positions, front matter kept as a `yaml` node.
// One processor per process: building it costs more than parsing a file.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { FrontMatterBlock } from './front-matter.js';

let processor: Processor<Root> | undefined;

export function parseMarkdown(text: string): Root {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return processor.parse(text) as Root;
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
