// Loading a bulletin directory (docs/design/CONTENT.md): index.md plus one article per
// *.md file, ordered by file name. Collects every file's problems before
// failing, so an editor fixes them in one pass.
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { BulletinError, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseArticleMeta, parseIssueMeta } from './front-matter.js';
import { sortFileNames } from './file-order.js';
import { frontMatterOf, hasBody, parseMarkdown } from './parse.js';
import { deepLine, deepNode } from './nesting.js';
import { displayPath, readSourceSync } from './read-source.js';
import type { Root } from 'mdast';
import type { Article, Bulletin, IndexDocument, SourceFile } from './types.js';
import { realPath } from '../io/file-identity.js';
import { insideRoots, ROOT_ADVICE } from '../io/roots.js';

export interface Loaded {
  bulletin: Bulletin;
  /** Warnings (errors are thrown as a BulletinError). */
  diagnostics: Diagnostic[];
}

/** The Markdown files of a bulletin directory, index first then articles in order. */
export interface ContentFiles {
  index: string | undefined;
  articles: string[];
  /** Entries named *.md that are not read: links leading out of the root or nowhere, folders, devices. */
  diagnostics: Diagnostic[];
}

export async function listContentFiles(dir: string, roots?: readonly string[]): Promise<ContentFiles> {
  const abs = resolve(dir);
  const shown = displayPath(abs);
  let info: Stats;
  try {
    info = await stat(abs);
  } catch {
    throw new BulletinError(diagnostic({ file: shown, line: 0, column: 0 }, 'error', 'no-bulletin',
      `bulletin directory not found. Give the folder that holds index.md and the article files (\`bulletin build DIR\`), or create one with \`bulletin init ${dir}\`.`));
  }
  if (!info.isDirectory()) {
    throw new BulletinError(diagnostic({ file: shown, line: 0, column: 0 }, 'error', 'no-bulletin',
      'is a file, not a bulletin directory. Give the folder that holds index.md and the article files.'));
  }
  const entries = await readdir(abs, { withFileTypes: true });
  const diagnostics: Diagnostic[] = [];
  const md: string[] = [];
  for (const e of entries) {
    if (!e.name.toLowerCase().endsWith('.md')) continue;
    if (e.isFile()) md.push(e.name);
    else {
      const refused = await refusedEntry(childPath(abs, e.name), e.isSymbolicLink(), roots ?? [realPath(abs)]);
      if (refused) diagnostics.push(refused);
      else md.push(e.name);
    }
  }
  if (md.length === 0 && diagnostics.length === 0) {
    throw new BulletinError(diagnostic({ file: shown, line: 0, column: 0 }, 'error', 'empty-bulletin',
      'the bulletin directory has no Markdown files. Add index.md (masthead and lead) and one .md file per article.'));
  }
  const index = md.find((n) => n === 'index.md');
  const articles = sortFileNames(md.filter((n) => n !== 'index.md')).map((n) => childPath(abs, n));
  return { index: index && childPath(abs, index), articles, diagnostics };
}

/**
 * Why a *.md entry that is not a plain file is not read, or undefined when it
 * is read: a symbolic link to a file inside the root is an article like any
 * other; a link out of the root or to nothing is an error, and a folder or a
 * device named *.md is skipped with a warning (never silently).
 */
async function refusedEntry(path: string, isLink: boolean, roots: readonly string[]): Promise<Diagnostic | undefined> {
  const at = { file: displayPath(path), line: 0, column: 0 };
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return diagnostic(at, 'error', 'broken-link', 'is a symbolic link to a file that does not exist: point it at an article, or remove it.');
  }
  if (!info.isFile()) {
    return diagnostic(at, 'warning', 'not-a-file', `is ${info.isDirectory() ? 'a folder' : 'not a regular file'}, not an article: it is skipped. Rename it so that its name does not end in .md.`);
  }
  if (isLink && !insideRoots(path, roots)) {
    return diagnostic(at, 'error', 'outside-root',
      `is a symbolic link to ${realPath(path)}, outside the bulletin folder: ${ROOT_ADVICE}.`);
  }
  return undefined;
}

/**
 * join(dir, name) for a resolved directory and a name read from it (no
 * separator in it, not `.` or `..`): nothing to normalise, and joining
 * hundreds of paths one by one showed in a cold build's profile.
 */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

export interface LoadOptions {
  /** Real paths of the folders articles may lead to through symbolic links (default: the bulletin folder). */
  roots?: readonly string[];
}

export async function loadBulletin(dir: string, options: LoadOptions = {}): Promise<Loaded> {
  const abs = resolve(dir);
  const files = await listContentFiles(dir, options.roots);
  const diagnostics: Diagnostic[] = [...files.diagnostics];
  if (!files.index) {
    diagnostics.push(diagnostic({ file: displayPath(join(abs, 'index.md')), line: 0, column: 0 }, 'error', 'no-index',
      'missing index.md: create it with front matter giving at least `title:` (the column name) and the lead paragraph as its body.'));
  }
  if (files.articles.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push(diagnostic({ file: displayPath(abs), line: 0, column: 0 }, 'error', 'no-articles',
      'the bulletin has no articles: add one .md file per article (front matter with `title:` and `author:`, then the text).'));
  }
  // Read every file even when one fails, so all problems are reported together.
  // Synchronously, in order (readSourceSync says why), so problems come in file order too.
  const sources = [files.index, ...files.articles].map((p) => {
    if (!p) return undefined;
    try {
      return readSourceSync(p);
    } catch (e) {
      if (e instanceof BulletinError) {
        diagnostics.push(...e.diagnostics);
        return undefined;
      }
      throw e;
    }
  });
  const [indexSource, ...articleSources] = sources;
  const index = indexSource ? loadIndex(indexSource, diagnostics) : undefined;
  const articles: Article[] = [];
  for (const source of articleSources) {
    if (!source) continue;
    const article = loadArticle(source, diagnostics);
    if (article) articles.push(article);
  }
  if (hasErrors(diagnostics) || !index) throw new BulletinError(diagnostics);
  return { bulletin: { dir: abs, index, articles }, diagnostics };
}

/** The file's tree, or undefined (and the error) when it nests too deep to be read (nesting.ts). */
function parsedTree(source: SourceFile, diagnostics: Diagnostic[]): Root | undefined {
  const line = deepLine(source.path, source.text);
  const tree = line ? undefined : parseMarkdown(source.text);
  const deep = line ?? (tree && deepNode(source.path, tree));
  if (deep) diagnostics.push(deep);
  return deep ? undefined : tree;
}

function loadIndex(source: SourceFile, diagnostics: Diagnostic[]): IndexDocument | undefined {
  const tree = parsedTree(source, diagnostics);
  if (!tree) return undefined;
  const { meta, diagnostics: found } = parseIssueMeta(source.path, frontMatterOf(tree));
  diagnostics.push(...withFrontMatterHint(found, source.text));
  return meta ? { source, meta, tree } : undefined;
}

function loadArticle(source: SourceFile, diagnostics: Diagnostic[]): Article | undefined {
  const tree = parsedTree(source, diagnostics);
  if (!tree) return undefined;
  const { meta, diagnostics: found } = parseArticleMeta(source.path, frontMatterOf(tree));
  diagnostics.push(...withFrontMatterHint(found, source.text));
  if (!hasBody(tree)) {
    const end = tree.children[0]?.position?.end.line ?? 1;
    diagnostics.push(diagnostic({ file: source.path, line: end, column: 1 }, 'error', 'empty-body',
      'the article has no text after its front matter: add the body, or remove the file.'));
    return undefined;
  }
  return meta ? { source, meta, tree } : undefined;
}

/**
 * When no front matter was found, says why if the file shows it: a block
 * opened by `---` and never closed (the text would become a heading), or
 * `key: value` lines without the `---` fences.
 */
function withFrontMatterHint(found: Diagnostic[], text: string): Diagnostic[] {
  return found.map((d) => {
    if (d.rule !== 'front-matter-missing' || d.line !== 1) return d;
    const lines = text.split(/\r?\n/);
    if (lines[0]?.trim() === '---' && !lines.slice(1).some((l) => l.trim() === '---' || l.trim() === '...')) {
      return { ...d, message: 'the front matter opened by `---` on line 1 is never closed: add a line `---` after its last `key: value` line, before the text.' };
    }
    if (/^\s*[A-Za-z_][\w-]*\s*:/.test(lines[0] ?? '')) {
      return { ...d, message: 'the file starts with `key: value` lines but no `---` fences: put a line `---` before and after the front matter.' };
    }
    return d;
  });
}
