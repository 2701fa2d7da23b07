// Imported text as Markdown for the normal pipeline: mdast trees written with
// remark-stringify and the writing side of the parser's extensions (GFM,
// CJK-friendly emphasis and strikethrough), as `fmt` writes, so that what is
// written reads back as the same tree: pasted `*` or `#` stay text, and a
// bold lead-in ending in `。` is written `**一是。**`, not escaped.
import { unified, type Processor } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/serializeOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/serializeOnly';
import type { Root } from 'mdast';
import type { Line } from './pieces.js';

let processor: Processor<undefined, undefined, undefined, Root, string> | undefined;

export function toMarkdown(tree: Root): string {
  processor ??= unified()
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' })
    .use(remarkGfm, { singleTilde: false })
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyStrikethrough) as unknown as Processor<undefined, undefined, undefined, Root, string>;
  return processor.stringify(tree);
}

/** One paragraph per line, each as plain text. */
export function paragraphsTree(lines: Line[]): Root {
  return { type: 'root', children: lines.map((l) => ({ type: 'paragraph', children: [{ type: 'text', value: l.text }] })) };
}
