// `bulletin import FILE.docx`: a Word document through mammoth (HTML with
// headings, bold, italics, lists, tables, links and images), then hast →
// mdast, so the article is written as Markdown the normal pipeline reads.
// The document's first paragraph is the title; the next one, if it is a
// byline (`单位职务 姓名`), gives author and role. Images are kept as files;
// a format the PDF cannot hold (EMF, WMF, TIFF…) is saved and reported, not
// placed.
import type * as Mammoth from 'mammoth';
import type { Root, RootContent, Table } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toString } from 'mdast-util-to-string';
import { lazyRequire } from '../io/lazy-require.js';
import { parseByline } from './byline.js';
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
  if (table.children.length > 1 && first && first.children.every((cell) => toString(cell).trim() === '')) table.children.shift();
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
  const tree = toMdast(fromHtml(html, { fragment: true })) as Root;
  tree.children = dropImages(tree.children, unprintable);
  tidy(tree.children);
  const [first, second, ...rest] = tree.children;
  if (!first) return { articles: [], notes: [...notes, 'the document has no text.'] };
  const byline = second && second.type === 'paragraph' ? parseByline(toString(second), true) : undefined;
  const body: Root = { type: 'root', children: byline ? rest : [second, ...rest].filter((n) => n !== undefined) };
  return {
    articles: [
      {
        title: toString(first).replace(/\s+/g, ' ').trim(),
        author: byline?.author,
        role: byline?.role,
        body,
        images,
        titleFrom: 'the first paragraph',
        bylineFrom: byline ? `the second paragraph, “${toString(second).trim()}”` : undefined,
      },
    ],
    notes,
  };
}
