// `bulletin init` through the binary: the folder it creates checks clean, and
// it never overwrites anything (all or nothing).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, tempDir } from '../helpers/cli.js';

const CREATED = ['index.md', '01-zhang-ming.md', '.gitignore', '.github/workflows/bulletin.yml'];

describe('bulletin init', () => {
  it('creates a bulletin folder that passes check --strict', () => {
    const dir = join(tempDir(), 'issue');
    const r = runCli(['init', dir]);
    expect(r.code).toBe(0);
    for (const f of CREATED) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(r.stdout.trim().split('\n').sort()).toEqual(CREATED.map((f) => join(dir, f)).sort());
    const check = runCli(['check', dir, '--strict', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
  });

  it('creates a folder that builds, for the press too, with the example’s bold lead-ins parsed (no stray asterisks)', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    const pdf = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      expect(text.stdout.replace(/\s+/g, '')).toContain('压实责任是根本');
      expect(text.stdout).not.toContain('**');
    }
    expect(runCli(['build', dir, '-o', join(dir, 'press.pdf'), '--press']).code).toBe(0);
  });

  it('explains every index.md field with a comment and fills in today’s date', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    const text = readFileSync(join(dir, 'index.md'), 'utf8');
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

  it('writes a workflow that runs check and build and uploads the PDF', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
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

  it('defaults to ./content', () => {
    const cwd = tempDir();
    expect(runCli(['init'], { cwd }).code).toBe(0);
    expect(existsSync(join(cwd, 'content', 'index.md'))).toBe(true);
  });

  it('fills an existing folder that holds other files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect(runCli(['init', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'index.md'))).toBe(true);
  });

  it('refuses to overwrite an existing file, names it, and writes nothing at all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    const r = runCli(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, '.gitignore'));
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['.gitignore']);
  });

  it('refuses a second init into the same folder, leaving the edited files alone', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    writeFileSync(join(dir, 'index.md'), 'edited');
    const r = runCli(['init', dir]);
    expect(r.code).toBe(1);
    for (const f of CREATED) expect(r.stderr).toContain(join(dir, f));
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toBe('edited');
  });

  it('refuses when a file stands where a folder must go', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.github'), 'not a folder');
    const r = runCli(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, '.github'));
    expect(readdirSync(dir)).toEqual(['.github']);
  });

  it('refuses when DIR is a file', () => {
    const parent = tempDir();
    const file = join(parent, 'issue');
    writeFileSync(file, 'x');
    const r = runCli(['init', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    mkdirSync(join(parent, 'other'));
    expect(readdirSync(parent).sort()).toEqual(['issue', 'other']);
  });
});
