// `bulletin import FILE… [--dir DIR]`: Word documents and pasted text as the
// next numbered articles. The guessed title, author and role are printed for
// the editor to confirm; then the cleaning rules report the new files' paste
// defects, as `check` would.
import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { BulletinError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/read-source.js';
import { loadBulletin } from '../content/load.js';
import { analyseBulletin } from '../clean/index.js';
import type { ImportedArticle, ImportResult } from '../import/imported.js';
import { decodeText, importText } from '../import/text.js';
import { articleNames, ImportConflict, planArticles, writePlanned, type PlannedArticle } from '../import/write-articles.js';
import { invalidValue } from '../workflow/new-article.js';
import { bulletinDir } from './bulletin-dir.js';
import { EXIT_CONTENT, UsageError } from './exit.js';
import { formatDiagnostics, summary } from './report.js';

interface ImportOptions {
  dir?: string;
  author?: string;
  role?: string;
  title?: string;
}

/** Larger than any contribution; a bigger file is refused before it is read into memory. */
const MAX_BYTES = 64 * 1024 * 1024;

function fail(file: string, message: string): never {
  throw new BulletinError(diagnostic({ file, line: 0, column: 0 }, 'error', 'import-failed', message));
}

async function readInput(path: string): Promise<Buffer> {
  const shown = displayPath(resolve(path));
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) fail(shown, 'is not a file.');
    size = info.size;
  } catch (e) {
    if (e instanceof BulletinError) throw e;
    fail(shown, 'not found: give the path of a .docx or .txt file.');
  }
  if (size > MAX_BYTES) fail(shown, `is ${Math.round(size / 1048576)} MB, more than a contribution can be (${MAX_BYTES / 1048576} MB).`);
  return readFile(path);
}

async function importFile(path: string): Promise<ImportResult> {
  const shown = displayPath(resolve(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.doc') fail(shown, 'is a Word 97–2003 document: open it in Word or LibreOffice and save it as .docx, then import that.');
  if (ext !== '.docx' && ext !== '.txt' && ext !== '.text') throw new UsageError(`${shown}: import reads .docx and .txt files (got ${ext || 'no extension'})`);
  const bytes = await readInput(path);
  if (ext === '.docx') {
    const { importDocx } = await import('../import/docx.js');
    try {
      return await importDocx(bytes);
    } catch (e) {
      fail(shown, `cannot be read as a Word document (${(e as Error)?.message ?? String(e)}). Save it again from Word as .docx.`);
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded) fail(shown, 'is neither UTF-8 nor GB18030 text: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).');
  const result = importText(decoded.text);
  if (decoded.encoding) result.notes.unshift(`read as ${decoded.encoding} (not UTF-8).`);
  return result;
}

/** --title, --author and --role apply to a single article and fill what the file did not say. */
function applyOverrides(articles: ImportedArticle[], o: ImportOptions, files: string[]): void {
  const given = o.title !== undefined || o.author !== undefined || o.role !== undefined;
  if (given && articles.length !== 1) throw new UsageError(`--title, --author and --role apply to one article, and the import makes ${articles.length}`);
  const problem = invalidValue('--title', o.title, false) ?? invalidValue('--author', o.author, false) ?? invalidValue('--role', o.role, false);
  if (problem) throw new UsageError(problem);
  for (const a of articles) {
    if (o.title) [a.title, a.titleFrom] = [o.title.trim(), '--title'];
    if (o.author) [a.author, a.role, a.bylineFrom] = [o.author.trim(), o.role?.trim() ?? a.role, '--author'];
    else if (o.role) a.role = o.role.trim();
  }
  const missing = articles.filter((a) => !a.author);
  if (missing.length > 0) {
    fail(displayPath(resolve(files[0])),
      `no byline found under the title “${missing[0].title}” (a line \`单位职务 姓名\`, or the author’s name alone): give the author with --author 姓名 [--role 职务]; nothing was written.`);
  }
}

function describe(p: PlannedArticle): string {
  const a = p.article;
  const who = `author ${a.author}${a.role ? `, role ${a.role}` : ''}`;
  const from = a.bylineFrom === '--author' ? '' : ` (guessed from ${a.bylineFrom})`;
  return `${p.fileName}: title “${a.title}” (from ${a.titleFrom}), ${who}${from}${from ? ': check them' : ''}`;
}

/** The new files' findings, as `check` reports them; the whole bulletin's problems are `check`'s to show. */
async function newFindings(dir: string, written: string[]): Promise<Diagnostic[]> {
  const shown = new Set(written.map((p) => displayPath(p)));
  try {
    const { bulletin, diagnostics } = await loadBulletin(dir);
    return [...diagnostics, ...analyseBulletin(bulletin).diagnostics].filter((d) => shown.has(d.file));
  } catch (e) {
    if (e instanceof BulletinError) return e.diagnostics.filter((d) => shown.has(d.file));
    throw e;
  }
}

export function register(program: Command): void {
  program
    .command('import')
    .description('turn Word documents (.docx) and pasted text (.txt; a page’s several pieces become several articles) into the next numbered articles')
    .argument('<files...>', 'the .docx and .txt files to import')
    .option('-d, --dir <dir>', 'bulletin folder (default: the nearest folder upward with index.md, else content/ in the project)')
    .option('-a, --author <name>', 'the author, when the file has no byline (one article only)')
    .option('-r, --role <role>', 'the author’s affiliation and position (one article only)')
    .option('-t, --title <title>', 'the headline, instead of the first line (one article only)')
    .addHelpText('after', '\nExamples:\n  bulletin import 投稿/胡小刚.docx\n  bulletin import 版面文字.txt --dir content\n  bulletin import 来稿.txt --author 张三 --role 某某局局长')
    .action(async (files: string[], o: ImportOptions) => {
      const dir = bulletinDir(o.dir);
      const results: ImportResult[] = [];
      for (const f of files) results.push(await importFile(f));
      const articles = results.flatMap((r) => r.articles);
      if (articles.length === 0) fail(displayPath(resolve(files[0])), 'holds no text to import.');
      applyOverrides(articles, o, files);
      let written: string[];
      let planned: PlannedArticle[];
      try {
        planned = planArticles(await articleNames(dir), articles);
        written = await writePlanned(dir, planned);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (e instanceof ImportConflict) process.stderr.write(`bulletin import: ${e.message}\n`);
        else if (code === 'ENOENT' || code === 'ENOTDIR') process.stderr.write(`bulletin import: ${displayPath(dir)} is not a bulletin folder: give one with --dir, or create one with \`bulletin init\`.\n`);
        else throw e;
        process.exitCode = EXIT_CONTENT;
        return;
      }
      process.stdout.write(written.filter((p) => p.endsWith('.md')).map((p) => displayPath(p)).join('\n') + '\n');
      const err = process.stderr;
      for (const p of planned) err.write(`${describe(p)}\n`);
      for (const [i, r] of results.entries()) {
        for (const n of r.notes) err.write(`note: ${basename(files[i])}: ${n}\n`);
      }
      const findings = await newFindings(dir, written);
      if (findings.length > 0) err.write(formatDiagnostics(findings, 'human') + '\n');
      err.write(`imported ${planned.length} article${planned.length === 1 ? '' : 's'}; in them: ${summary(findings)}. \`bulletin fmt --write\` repairs repeated and split paragraphs; \`bulletin check\` lists everything.\n`);
    });
}
