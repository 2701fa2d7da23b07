// `bulletin import FILE.docx`: a Word document through mammoth (HTML with
// headings, bold, italics, lists, tables, links and images), then hast →
// mdast, so the article is written as Markdown the normal pipeline reads.
// The document's first paragraph is the title; the next one, if it is a
// byline (`单位职务 姓名`), gives author and role. Images are kept as files;
// a format the PDF cannot hold (EMF, WMF, TIFF…) is saved and reported, not
// placed.
import type * as Mammoth from 'mammoth';
import type { List, Root, RootContent, Table } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { lazyRequire } from '../io/lazy-require.js';
import { parseByline } from './byline.js';
import { hasNoteMark, noteHandlers } from './docx-notes.js';
import type { ImportedImage, ImportResult } from './imported.js';

// Loaded on first use: only `bulletin import` reads Word files.
const loadMammoth = lazyRequire<typeof Mammoth>('mammoth');

/** Image types the PDF renderer places (src/layout/image-size.ts reads their sizes). */
const PRINTABLE: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };
const OTHER_EXT: Record<string, string> = { 'image/gif': 'gif', 'image/x-emf': 'emf', 'image/x-wmf': 'wmf', 'image/tiff': 'tif', 'image/bmp': 'bmp', 'image/svg+xml': 'svg' };
const PLACEHOLDER = 'bulletin-import-image-';

/** A table whose first row is empty (Word tables rarely mark a header row): its second row is the header. */
function headerFromFirstRow(table: Table): void {
  const first = table.children[0];
  if (table.children.length > 1 && first && first.children.every((cell) => textOf(cell).trim() === '')) table.children.shift();
}

function tidy(nodes: RootContent[]): void {
  for (const node of nodes) {
    if (node.type === 'table') headerFromFirstRow(node);
    if ('children' in node) tidy(node.children as RootContent[]);
  }
}

/** Image nodes whose file cannot be printed are taken out of the body (the file is still saved). */
function dropImages(nodes: RootContent[], urls: Set<string>): RootContent[] {
  return nodes.filter((node) => {
    if (node.type === 'image' && urls.has(node.url)) return false;
    if ('children' in node) (node as { children: RootContent[] }).children = dropImages(node.children as RootContent[], urls);
    return !(node.type === 'paragraph' && node.children.length === 0);
  });
}

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  const mammoth = loadMammoth();
  const images: ImportedImage[] = [];
  const notes: string[] = [];
  const unprintable = new Set<string>();
  const convertImage = mammoth.images.imgElement(async (image) => {
    const placeholder = `${PLACEHOLDER}${images.length + 1}`;
    const ext = PRINTABLE[image.contentType] ?? OTHER_EXT[image.contentType] ?? 'bin';
    images.push({ placeholder, ext, data: await image.readAsBuffer() });
    if (!PRINTABLE[image.contentType]) {
      unprintable.add(placeholder);
      notes.push(`image ${images.length} is ${image.contentType}, which the PDF cannot hold: it is saved beside the article but not placed; convert it to PNG or JPEG and add \`![说明](file.png)\` where it goes.`);
    }
    return { src: placeholder };
  });
  const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage, externalFileAccess: false });
  // Image types are reported above, in the editor's terms.
  for (const m of messages) if (!/^Image of type/.test(m.message)) notes.push(`Word: ${m.message}`);
  const tree = toMdast(fromHtml(html, { fragment: true }), { handlers: noteHandlers() }) as Root;
  tree.children = dropImages(tree.children, unprintable);
  tidy(tree.children);
  const found = takeTitle(tree.children);
  if (!found) return { articles: [], notes: [...notes, 'the document has no text.'] };
  if (found.marked) notes.push('the title’s note marks are left out (front matter holds plain text); its notes are kept at the end of the article.');
  const [next, ...after] = found.rest.slice(found.at);
  const before = found.rest.slice(0, found.at);
  const byline = next && next.type === 'paragraph' ? parseByline(textOf(next), true) : undefined;
  const bodyBlocks = byline ? [...before, ...after] : found.rest;
  return {
    articles: [
      {
        title: found.title,
        author: byline?.author,
        role: byline?.role,
        body: { type: 'root', children: bodyBlocks },
        images,
        titleFrom: found.from,
        bylineFrom: byline ? `the paragraph under the title, “${textOf(next).trim()}”` : undefined,
      },
    ],
    notes,
  };
}

interface FoundTitle {
  title: string;
  /** Where it was read, for the editor. */
  from: string;
  /** Whether the title held note marks (left out of it). */
  marked: boolean;
  /** The document without the title: the blocks before it (pictures) first. */
  rest: RootContent[];
  /** Where in `rest` the title was. */
  at: number;
}

const plain = (node: RootContent) => textOf(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();

/**
 * The title: the first paragraph or heading with text, or the first item of
 * a list the text opens with. What comes before it without text (a picture)
 * stays in the body, in its place.
 */
function takeTitle(blocks: RootContent[]): FoundTitle | undefined {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'list') {
      const [item, ...items] = (block as List).children;
      if (!item || !plain(item)) continue;
      const list: List = { ...block, children: items };
      const rest = [...blocks.slice(0, i), ...(items.length > 0 ? [list] : []), ...blocks.slice(i + 1)];
      return { title: plain(item), from: 'the first list item', marked: hasNoteMark(item), rest, at: i };
    }
    if ((block.type === 'paragraph' || block.type === 'heading') && plain(block)) {
      const from = block.type === 'heading' ? 'the first heading' : 'the first paragraph';
      return { title: plain(block), from, marked: hasNoteMark(block), rest: [...blocks.slice(0, i), ...blocks.slice(i + 1)], at: i };
    }
  }
  return undefined;
}
