// `bulletin init` through the command line (run in-process): the project it creates checks clean,
// its package.json installs bulletin in the form asked for, and it never
// overwrites anything (all or nothing).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

const CREATED = ['content/index.md', 'content/01-zhang-ming.md', '.gitignore', '.github/workflows/bulletin.yml'];

describe('bulletin init', () => {
  it('creates a project whose content/ passes check --strict, and says a package.json needs --from', async () => {
    const dir = join(tempDir(), 'issue');
    const r = await runCommand(['init', dir]);
    expect(r.code).toBe(0);
    for (const f of CREATED) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(r.stdout.trim().split('\n').sort()).toEqual(CREATED.map((f) => join(dir, f)).sort());
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(r.stderr).toMatch(/no package\.json written.*--from/);
    const check = await runCommand(['check', join(dir, 'content'), '--strict', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
  });

  it('creates a folder that builds, for the press too, with the example’s bold lead-ins parsed (no stray asterisks)', async () => {
    const dir = tempDir();
    expect((await runCommand(['init', dir])).code).toBe(0);
    const pdf = join(dir, 'out.pdf');
    const r = await runCommand(['build', join(dir, 'content'), '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      expect(text.stdout.replace(/\s+/g, '')).toContain('压实责任是根本');
      expect(text.stdout).not.toContain('**');
    }
    expect((await runCommand(['build', join(dir, 'content'), '-o', join(dir, 'press.pdf'), '--press'])).code).toBe(0);
  });

  it('explains every index.md field with a comment and fills in today’s date', async () => {
    const dir = tempDir();
    expect((await runCommand(['init', dir])).code).toBe(0);
    const text = readFileSync(join(dir, 'content', 'index.md'), 'utf8');
    const yaml = text.split('---\n')[1];
    const lines = yaml.split('\n');
    for (const key of ['title', 'subtitle', 'issue', 'date', 'publisher', 'template']) {
      const at = lines.findIndex((l) => l.startsWith(`${key}:`));
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1].startsWith('#'), `${key} has a comment above it`).toBe(true);
    }
    expect(text).not.toContain('{{');
    const meta = parse(yaml) as Record<string, unknown>;
    expect(String(meta.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('writes a workflow that runs check and build and uploads the PDF', async () => {
    const dir = tempDir();
    expect((await runCommand(['init', dir])).code).toBe(0);
    const wf = parse(readFileSync(join(dir, '.github/workflows/bulletin.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ run?: string; uses?: string }> }>;
    };
    const steps = Object.values(wf.jobs)[0].steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toMatch(/bulletin check .*--format github/);
    expect(runs).toMatch(/bulletin build .*--press/);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\*\.pdf$/m);
  });

  it('says in index.md how many columns each built-in template sets', async () => {
    const dir = tempDir();
    expect((await runCommand(['init', dir])).code).toBe(0);
    const comment = readFileSync(join(dir, 'content', 'index.md'), 'utf8').split('\n').find((l) => l.startsWith('# 版式'))!;
    const han = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    for (const name of ['newspaper', 'a4']) {
      const said = new RegExp(`${name}：[^；）]*?([一二三四五六七八九十])栏`).exec(comment);
      expect(said, `${name} in: ${comment}`).not.toBeNull();
      const yaml = parse(readFileSync(join(ROOT, 'templates', `${name}.yaml`), 'utf8')) as { grid?: { columns?: number } };
      const columns = yaml.grid?.columns ?? (parse(readFileSync(join(ROOT, 'templates', 'newspaper.yaml'), 'utf8')) as { grid: { columns: number } }).grid.columns;
      expect(han.indexOf(said![1]), name).toBe(columns);
    }
  });

  it('defaults to the current folder, the bulletin in ./content', async () => {
    const cwd = tempDir();
    expect((await runCommand(['init'], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'content', 'index.md'))).toBe(true);
    expect(existsSync(join(cwd, '.github', 'workflows', 'bulletin.yml'))).toBe(true);
  });

  it('writes a package.json that depends on a tarball outside the folder through a copy in vendor/', async () => {
    const parent = tempDir();
    const tarball = join(parent, 'bulletin-9.9.9.tgz');
    writeFileSync(tarball, 'not really a tarball');
    const dir = join(parent, 'news');
    const r = await runCommand(['init', dir, '--from', tarball]);
    expect(r.code, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ bulletin: 'file:vendor/bulletin-9.9.9.tgz' });
    expect(pkg.allowScripts).toBeUndefined(); // a packed bulletin has no install script to approve
    expect(pkg.private).toBe(true);
    expect(pkg.scripts.build).toMatch(/^bulletin build content/);
    expect(readFileSync(join(dir, 'vendor', 'bulletin-9.9.9.tgz'), 'utf8')).toBe('not really a tarball');
    expect(r.stderr).toMatch(/npm install/);
  });

  it('writes a git or https URL as given (a git one with its prepare approved), and a tarball inside the folder by its relative path', async () => {
    const url = 'git+https://example.org/team/bulletin.git#v0.1.0';
    const a = tempDir();
    const r = await runCommand(['init', a, '--from', url]);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(a, 'package.json'), 'utf8'));
    expect(pkg.dependencies.bulletin).toBe(url);
    // npm 11 asks the project to approve a git dependency's prepare (its build): approved for the repository named.
    expect(pkg.allowScripts).toEqual({ 'git+https://example.org/team/bulletin.git': true });
    expect(r.stderr).toMatch(/allowScripts/);
    const remote = tempDir();
    expect((await runCommand(['init', remote, '--from', 'https://example.org/bulletin-0.1.0.tgz'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(remote, 'package.json'), 'utf8')).allowScripts).toBeUndefined();
    const b = tempDir();
    writeFileSync(join(b, 'bulletin-1.0.0.tgz'), 'x');
    expect((await runCommand(['init', '--from', './bulletin-1.0.0.tgz'], { cwd: b })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(b, 'package.json'), 'utf8')).dependencies.bulletin).toBe('file:bulletin-1.0.0.tgz');
    expect(existsSync(join(b, 'vendor'))).toBe(false);
  });

  it('rejects a --from that names nothing, as a usage error, writing nothing', async () => {
    const dir = tempDir();
    const r = await runCommand(['init', dir, '--from', join(dir, 'missing.tgz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from .*no such file/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing package.json alone and says whether CI can install bulletin from it', async () => {
    const dir = tempDir();
    const mine = JSON.stringify({ dependencies: { bulletin: 'file:../elsewhere/bulletin-0.1.0.tgz' } });
    writeFileSync(join(dir, 'package.json'), mine);
    const r = await runCommand(['init', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(mine);
    expect(r.stderr).toMatch(/outside this folder: CI cannot reach it/);
    const other = tempDir();
    writeFileSync(join(other, 'package.json'), JSON.stringify({ dependencies: { bulletin: 'file:bulletin-0.1.0.tgz' } }));
    const ok = await runCommand(['init', other]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/already depends on bulletin \(file:bulletin-0\.1\.0\.tgz\)/);
    expect(ok.stderr).not.toMatch(/allowScripts/);
    // A git dependency npm installed: init says how to approve its prepare script.
    const git = tempDir();
    writeFileSync(join(git, 'package.json'), JSON.stringify({ dependencies: { bulletin: 'github:team/bulletin#v0.1.0' } }));
    const g = await runCommand(['init', git]);
    expect(g.code).toBe(0);
    expect(g.stderr).toContain('"allowScripts": {"github:team/bulletin": true}');
  });

  it('fills an existing folder that holds other files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect((await runCommand(['init', dir])).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'content', 'index.md'))).toBe(true);
  });

  it('refuses to overwrite an existing file, names it, and writes nothing at all', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    const r = await runCommand(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, '.gitignore'));
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['.gitignore']);
  });

  it('refuses a second init into the same folder, leaving the edited files alone', async () => {
    const dir = tempDir();
    expect((await runCommand(['init', dir])).code).toBe(0);
    writeFileSync(join(dir, 'content', 'index.md'), 'edited');
    const r = await runCommand(['init', dir]);
    expect(r.code).toBe(1);
    for (const f of CREATED) expect(r.stderr).toContain(join(dir, f));
    expect(readFileSync(join(dir, 'content', 'index.md'), 'utf8')).toBe('edited');
  });

  it('refuses when a file stands where a folder must go', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.github'), 'not a folder');
    const r = await runCommand(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, '.github'));
    expect(readdirSync(dir)).toEqual(['.github']);
  });

  it('refuses when DIR is a file', async () => {
    const parent = tempDir();
    const file = join(parent, 'issue');
    writeFileSync(file, 'x');
    const r = await runCommand(['init', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    mkdirSync(join(parent, 'other'));
    expect(readdirSync(parent).sort()).toEqual(['issue', 'other']);
  });
});
