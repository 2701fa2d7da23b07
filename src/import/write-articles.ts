// Imported articles as the next numbered files of a bulletin folder
// (`NN-<author-in-pinyin>.md`, as `bulletin new` names them), their images
// beside them (`NN-<slug>-K.ext`). All or nothing: every name is checked
// before anything is written, each file is created with the exclusive flag
// (never overwriting one that appears meanwhile), and what this run wrote is
// taken back if a write fails.
import { open, readdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Image, Root } from 'mdast';
import { frontMatter } from '../workflow/new-article.js';
import { nextArticleNumber } from '../workflow/numbering.js';
import { authorSlug } from '../workflow/slug.js';
import type { ImportedArticle } from './imported.js';
import { toMarkdown } from './markdown.js';

export interface PlannedFile {
  /** File name inside the bulletin folder. */
  name: string;
  data: string | Uint8Array;
}

export interface PlannedArticle {
  article: ImportedArticle;
  /** The article's Markdown file name. */
  fileName: string;
  files: PlannedFile[];
}

function renameImages(tree: Root, names: Map<string, string>): void {
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'image') {
      const image = node as Image;
      image.url = names.get(image.url) ?? image.url;
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child);
  };
  walk(tree);
}

/** File names and contents for `articles`, numbered after the Markdown files in `existing`. */
export function planArticles(existing: readonly string[], articles: ImportedArticle[]): PlannedArticle[] {
  const { prefix, value } = nextArticleNumber(existing);
  return articles.map((article, k) => {
    const stem = `${String(value + k).padStart(prefix.length, '0')}-${authorSlug(article.author ?? '')}`;
    const names = new Map(article.images.map((img, i) => [img.placeholder, `${stem}-${i + 1}.${img.ext}`]));
    renameImages(article.body, names);
    const head = frontMatter([
      ['title', article.title],
      ['author', article.author],
      ['role', article.role],
    ]);
    const fileName = `${stem}.md`;
    const images = article.images.map((img) => ({ name: names.get(img.placeholder)!, data: img.data }));
    return { article, fileName, files: [{ name: fileName, data: `${head}\n${toMarkdown(article.body)}` }, ...images] };
  });
}

export class ImportConflict extends Error {
  constructor(readonly existing: string[]) {
    super(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`);
    this.name = 'ImportConflict';
  }
}

/** Writes the planned files into `dir` (which must exist); returns their absolute paths. */
export async function writePlanned(dir: string, planned: PlannedArticle[]): Promise<string[]> {
  const root = resolve(dir);
  const files = planned.flatMap((p) => p.files);
  const present = new Set(await readdir(root));
  const clashes = files.filter((f) => present.has(f.name)).map((f) => join(root, f.name));
  if (clashes.length > 0) throw new ImportConflict(clashes);
  const written: string[] = [];
  try {
    for (const f of files) {
      const path = join(root, f.name);
      const handle = await open(path, 'wx');
      written.push(path);
      try {
        await handle.writeFile(f.data);
      } finally {
        await handle.close();
      }
    }
  } catch (e) {
    for (const p of written) await unlink(p).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportConflict([(e as NodeJS.ErrnoException).path ?? root]);
    throw e;
  }
  return written;
}

/** The Markdown file names already in `dir` (for numbering). */
export async function articleNames(dir: string): Promise<string[]> {
  return (await readdir(resolve(dir), { withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => e.name);
}
