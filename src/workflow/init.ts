// `bulletin init [DIR]`: a new bulletin project from templates/init/: the
// bulletin in DIR/content/, the CI workflow in DIR/.github/workflows/ (the
// only place GitHub reads it from), a .gitignore, and a package.json that
// depends on bulletin (init-package.ts) so that the workflow's `npm ci` works.
// All-or-nothing: every target is checked before anything is written, and
// each file is then created with the exclusive flag, so an existing file is
// never overwritten, not even one created between the check and the write.
import { existsSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { initTemplateDir } from './templates.js';
import { describeExisting, packageJsonText, type DependencySpec } from './init-package.js';

/**
 * Template names that npm would drop or that would act on the package itself
 * (npm never packs a `.gitignore`; a `.github/` folder there would be our own CI),
 * so they are stored under a `dot-` name and renamed on copy.
 */
export function targetName(templatePath: string): string {
  return templatePath
    .split('/')
    .map((part) => (part.startsWith('dot-') ? `.${part.slice(4)}` : part))
    .join('/');
}

export interface InitFile {
  /** Relative to the new folder, with `/` separators. */
  name: string;
  data: string | Uint8Array;
}

/** Template placeholders: the issue's year and date default to the day of `init` (the editor changes them). */
export function fillPlaceholders(text: string, today: Date): string {
  const y = String(today.getFullYear());
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const d = String(today.getDate()).padStart(2, '0');
  return text.replaceAll('{{year}}', y).replaceAll('{{date}}', `${y}-${m}-${d}`);
}

async function listTemplate(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listTemplate(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export async function initFiles(today: Date, templateDir = initTemplateDir()): Promise<InitFile[]> {
  const names = await listTemplate(templateDir);
  return Promise.all(
    names.map(async (n) => ({ name: targetName(n), data: fillPlaceholders(await readFile(join(templateDir, n), 'utf8'), today) })),
  );
}

export class InitConflict extends Error {
  readonly existing: string[];
  constructor(existing: string[]) {
    super(
      `${existing.length === 1 ? `${existing[0]} already exists` : `these files already exist: ${existing.join(', ')}`}; ` +
        'nothing was written. Choose an empty or new folder (`bulletin init DIR`), or move the file(s) away.',
    );
    this.name = 'InitConflict';
    this.existing = existing;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    // ENOTDIR: a file stands where a folder on the path should be; reported by the folder check.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw e;
  }
}

export interface InitOptions {
  today?: Date;
  show?: (abs: string) => string;
  /** The bulletin dependency for a new package.json (`--from`); without it none is written. */
  from?: DependencySpec;
}

export interface InitResult {
  /** The created paths (absolute, in template order). */
  written: string[];
  /** What the editor should know: the package.json found or not written, a dependency CI cannot reach. */
  notes: string[];
}

/** The package.json (and the tarball it points at) to write, and what to say about it. */
async function packageFiles(root: string, from: DependencySpec | undefined): Promise<{ files: InitFile[]; notes: string[] }> {
  if (existsSync(join(root, 'package.json'))) return { files: [], notes: [describeExisting(root, from).note] };
  if (!from) {
    return {
      files: [],
      notes: ['no package.json written: the CI workflow runs `npm ci`, which needs one that depends on bulletin. Run init with `--from PATH|URL` (the bulletin tarball from `npm pack`, or a git URL), or `npm install --save-exact PATH|URL` here.'],
    };
  }
  const files: InitFile[] = [{ name: 'package.json', data: packageJsonText(root, from.spec) }];
  if (from.copy) files.push({ name: from.copy.to, data: await readFile(from.copy.from) });
  return { files, notes: [from.warning, from.note].filter((n): n is string => n !== undefined) };
}

/** Creates the bulletin project. */
export async function initBulletin(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const root = resolve(dir);
  const show = options.show ?? ((abs: string) => abs);
  const extra = await packageFiles(root, options.from);
  const files = [...(await initFiles(options.today ?? new Date())), ...extra.files];
  const targets = files.map((f) => ({ ...f, abs: join(root, ...f.name.split('/')) }));
  const existing: string[] = [];
  for (const t of targets) if (await exists(t.abs)) existing.push(show(t.abs));
  // A file where a folder must go (e.g. a file named `.github`) blocks as well.
  for (const t of targets) {
    for (let d = dirname(t.abs); d.length > root.length && d.startsWith(root + sep); d = dirname(d)) {
      try {
        if (!(await lstat(d)).isDirectory() && !existing.includes(show(d))) existing.push(show(d));
      } catch {
        /* missing folders are created */
      }
    }
  }
  try {
    if (!(await lstat(root)).isDirectory()) existing.unshift(show(root));
  } catch {
    /* created below */
  }
  if (existing.length > 0) throw new InitConflict(existing);

  const written: string[] = [];
  try {
    for (const t of targets) {
      await mkdir(dirname(t.abs), { recursive: true });
      const handle = await open(t.abs, 'wx');
      written.push(t.abs);
      try {
        await handle.writeFile(t.data);
      } finally {
        await handle.close();
      }
    }
  } catch (e) {
    // Something appeared meanwhile or the disk failed: take back what this run wrote.
    for (const p of written) await unlink(p).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      const path = (e as NodeJS.ErrnoException).path;
      throw new InitConflict([path ? show(path) : show(root)]);
    }
    throw e;
  }
  return { written, notes: extra.notes };
}
