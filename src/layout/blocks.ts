// An article's mdast body as layout blocks: paragraphs (body, list items,
// block quotes) as font-role spans, `##` subheadings, images with captions.
// One concern: reading the tree. Measuring and placing happen elsewhere.
import { resolve, dirname } from 'node:path';
import type { Content, PhrasingContent, Root } from 'mdast';

/** A stretch of text in one font role (`body`, `bold`, `kai`, `sans`). */
export interface RoleSpan {
  text: string;
  role: string;
}

export interface ParaBlock {
  kind: 'para';
  /** Structure role: 'P', 'LI', 'BlockQuote'. */
  tag: string;
  id: string;
  spans: RoleSpan[];
  /** First-line indent and the indent of the other lines, in ems. */
  indent: number;
  hanging: number;
  /** Left inset of the whole paragraph (block quotes, nested lists), in ems. */
  inset: number;
  /** Source line, for messages. */
  line: number;
}

export interface HeadingBlock {
  kind: 'heading';
  id: string;
  text: string;
  line: number;
}

export interface ImageBlock {
  kind: 'image';
  id: string;
  /** Absolute path of the image file. */
  path: string;
  caption: string;
  line: number;
}

export type Block = ParaBlock | HeadingBlock | ImageBlock;

/** Joins soft line breaks: none between CJK characters, one space between Latin words. */
export function joinLines(text: string): string {
  // Most text nodes hold no line break: skip the regular expression for them.
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + _m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

interface Ctx {
  prefix: string;
  baseDir: string;
  blocks: Block[];
  n: number;
}

function nextId(ctx: Ctx, kind: string): string {
  ctx.n += 1;
  return `${ctx.prefix}-${kind}${ctx.n}`;
}

function inline(nodes: PhrasingContent[], role: string, out: RoleSpan[], images: { path: string; alt: string }[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(out, joinLines(node.value), role);
        break;
      case 'strong':
        inline(node.children, 'bold', out, images);
        break;
      case 'emphasis':
        inline(node.children, role === 'bold' ? 'bold' : 'kai', out, images);
        break;
      case 'inlineCode':
        push(out, node.value, 'sans');
        break;
      case 'break':
        break;
      case 'image':
        images.push({ path: node.url, alt: node.alt ?? '' });
        break;
      default:
        if ('children' in node && Array.isArray(node.children)) inline(node.children as PhrasingContent[], role, out, images);
        else if ('value' in node && typeof node.value === 'string') push(out, joinLines(node.value), role);
    }
  }
}

function push(out: RoleSpan[], text: string, role: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.role === role) last.text += text;
  else out.push({ text, role });
}

function trimSpans(spans: RoleSpan[]): RoleSpan[] {
  if (spans.length === 0) return spans;
  // trimStart/trimEnd strip exactly what \s matches, without a regular expression's scan of every space run.
  spans[0].text = spans[0].text.trimStart();
  const last = spans[spans.length - 1];
  last.text = last.text.trimEnd();
  return spans.filter((s) => s.text !== '');
}

function block(node: Content, ctx: Ctx, opts: { tag: string; role: string; inset: number; marker?: string }): void {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'paragraph': {
      const spans: RoleSpan[] = [];
      const images: { path: string; alt: string }[] = [];
      if (opts.marker) spans.push({ text: opts.marker, role: opts.role });
      inline(node.children, opts.role, spans, images);
      const clean = trimSpans(spans);
      if (clean.length > 0 && clean.some((s) => s.text !== opts.marker)) {
        ctx.blocks.push({
          kind: 'para', tag: opts.tag, id: nextId(ctx, 'p'), spans: clean,
          indent: opts.marker ? 0 : 2, hanging: opts.marker ? 2 : 0, inset: opts.inset, line,
        });
      }
      for (const img of images) {
        ctx.blocks.push({ kind: 'image', id: nextId(ctx, 'fig'), path: resolve(ctx.baseDir, decodeURI(img.path)), caption: img.alt, line });
      }
      break;
    }
    case 'heading': {
      const spans: RoleSpan[] = [];
      inline(node.children, 'bold', spans, []);
      const text = trimSpans(spans).map((s) => s.text).join('');
      if (text) ctx.blocks.push({ kind: 'heading', id: nextId(ctx, 'h'), text, line });
      break;
    }
    case 'list': {
      let n = node.start ?? 1;
      for (const item of node.children) {
        const marker = node.ordered ? `${n}．` : '•　';
        n += 1;
        let first = true;
        for (const child of item.children) {
          block(child, ctx, { tag: 'LI', role: opts.role, inset: opts.inset, marker: first ? marker : undefined });
          first = false;
        }
      }
      break;
    }
    case 'blockquote':
      for (const child of node.children) block(child, ctx, { tag: 'BlockQuote', role: 'kai', inset: opts.inset + 2 });
      break;
    case 'code':
      ctx.blocks.push({ kind: 'para', tag: 'P', id: nextId(ctx, 'p'), spans: [{ text: node.value.replace(/\n/g, ' '), role: 'sans' }], indent: 0, hanging: 0, inset: opts.inset, line });
      break;
    default:
      // Front matter, thematic breaks, HTML: not part of the page.
      break;
  }
}

/** The blocks of a document body; ids are `${prefix}-p1`, `${prefix}-h2`, … in source order. */
export function blocksOf(tree: Root, prefix: string, file: string): Block[] {
  const ctx: Ctx = { prefix, baseDir: dirname(file), blocks: [], n: 0 };
  for (const node of tree.children) block(node, ctx, { tag: 'P', role: 'body', inset: 0 });
  return ctx.blocks;
}
