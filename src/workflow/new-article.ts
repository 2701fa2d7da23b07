// `bulletin new`: the next numbered article file with its front matter.
// The file is created with the exclusive flag, so an existing file (even one
// that appears between the listing and the write) is never overwritten.
import { open, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { authorSlug } from './slug.js';
import { nextArticleNumber } from './numbering.js';
import { placeholderParagraph } from '../content/placeholder.js';

export interface NewArticleOptions {
  dir: string;
  title: string;
  author: string;
  role?: string;
}

export interface NewArticle {
  /** Absolute path of the created file. */
  path: string;
  fileName: string;
}

/** Why a front-matter value cannot be used, or undefined. */
export function invalidValue(name: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined || value.trim() === '') return required ? `${name} must not be empty` : undefined;
  if (/[\r\n]/.test(value)) return `${name} must be one line`;
  return undefined;
}

/** `key: value` lines, quoted by the YAML library exactly when plain text would not read back as the same string. */
export function frontMatter(fields: Array<[string, string | undefined]>): string {
  const present: Record<string, string> = {};
  for (const [k, v] of fields) if (v !== undefined && v.trim() !== '') present[k] = v.trim();
  return `---\n${stringify(present, { lineWidth: 0 })}---\n`;
}

/**
 * The text of a new article: front matter, a comment on how to write the body
 * (not printed), and a placeholder paragraph, so the file builds at once;
 * `check` warns while the placeholder is there.
 */
export function articleText(options: Omit<NewArticleOptions, 'dir'>, number: number): string {
  return (
    frontMatter([
      ['title', options.title],
      ['author', options.author],
      ['role', options.role],
    ]) +
    '\n<!-- 在此写正文：段落之间空一行。可用 **加粗** 开头、## 小标题、列表和 ![图片说明](photo.jpg)。 -->\n\n' +
    placeholderParagraph(number) +
    '\n'
  );
}

export async function createArticle(options: NewArticleOptions): Promise<NewArticle> {
  const dir = resolve(options.dir);
  // No mkdir: a mistyped --dir must not quietly start a second bulletin.
  // Articles are files; a folder that happens to end in `.md` does not count.
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => e.name);
  const { prefix, value } = nextArticleNumber(names);
  const fileName = `${prefix}-${authorSlug(options.author)}.md`;
  const path = join(dir, fileName);
  // 'wx' fails with EEXIST instead of truncating an existing file.
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(articleText(options, value), 'utf8');
  } finally {
    await handle.close();
  }
  return { path, fileName };
}
