// Output formats for CI through the binary: GitHub workflow-command
// annotations on stdout (where the runner reads them), JSON, exit codes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { article, BIN, copySample, runCli, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

const MISSPELT = `---\ntitle: 标题\nauthor: 张三\nrloe: 某单位负责人\n---\n\n这是正文的第一段，讲述安全生产的重要意义。\n`;
const BROKEN_YAML = `---\ntitle: 标题: 副题\nauthor: 张三\n---\n\n正文。\n`;

describe('check --format github', () => {
  it('prints a warning annotation with file, line, column and rule on stdout', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': MISSPELT });
    const r = runCli(['check', dir, '--format', 'github']);
    expect(r.code).toBe(0);
    const file = join(dir, '01-a.md');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=[^,]+,line=4,col=1,title=unknown-key::unknown front-matter key `rloe`/);
    // Property values escape `:` and `,` (the runner splits on them).
    expect(lines[0]).toContain(`file=${file.replace(/:/g, '%3A').replace(/,/g, '%2C')},`);
    expect(lines[0]).toContain('Did you mean `role`?');
  });

  it('fails with --strict on that warning', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': MISSPELT });
    expect(runCli(['check', dir, '--format', 'github', '--strict']).code).toBe(1);
  });

  it('prints error annotations on stdout when loading fails, exit 1', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': BROKEN_YAML, '02-b.md': article() });
    const r = runCli(['check', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=[^\n]*01-a\.md,line=2,col=\d+,title=yaml-syntax::front matter is not valid YAML/m);
    expect(r.stderr).not.toContain('::error');
  });

  it('escapes newlines and percent signs in messages so one finding stays one command', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': `---\ntitle: 标题\nauthor: 张三\n"50%\\nx": 1\n---\n\n正文。\n` });
    const r = runCli(['check', dir, '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('50%25%0Ax');
  });

  it('prints nothing for a clean bulletin', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const r = runCli(['check', dir, '--format', 'github']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('--quiet prints only what fails the check; --verbose adds timings', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': MISSPELT });
    const quiet = runCli(['check', dir, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    const strict = runCli(['check', dir, '--quiet', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/01-a\.md:4:1\s+warning\s+.*\[unknown-key\]/);
    const verbose = runCli(['check', dir, '--verbose']);
    expect(verbose.stdout).toMatch(/\[unknown-key\]/);
    expect(verbose.stderr).toMatch(/^timings \(ms\): load \d+, analyse \d+$/m);
    expect(verbose.stderr).toMatch(/1 articles, 0 errors, 1 warning/);
  });

  it('rejects an unknown format as a usage error', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const r = runCli(['check', dir, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/human, json or github/);
  });
});

describe('build output formats', () => {
  it('--format github: one annotation per finding on stdout, the status line on stderr', () => {
    const dir = copySample();
    const out = join(dirname(dir), 'out.pdf');
    const r = runCli(['build', dir, '-o', out, '--format', 'github']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^,]+\.md,line=\d+,col=\d+,title=[a-z-]+::\S/);
    // The sample's known defects (CONTENT.md) are among them.
    expect(r.stdout).toMatch(/^::warning file=[^\n]*05-liao-zhiwei\.md,line=19,col=1,title=exact-duplicate::/m);
    expect(r.stdout).toMatch(/title=split-paragraph::/);
    expect(r.stdout).toMatch(/title=near-duplicate::/);
    expect(r.stderr).not.toContain('::');
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('--format github: a content error fails the build with an ::error annotation and writes no PDF', () => {
    const dir = copySample();
    writeFileSync(join(dir, '03-huang-anping.md'), '---\ntitle: [未闭合\nauthor: 黄安平\n---\n\n正文。\n');
    const out = join(dirname(dir), 'out.pdf');
    const r = runCli(['build', dir, '-o', out, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=[^\n]*03-huang-anping\.md,line=\d+,col=\d+,title=yaml-syntax::/m);
    expect(existsSync(out)).toBe(false);
  });

  it('--format json: the findings and the result as one JSON document on stdout', () => {
    const dir = copySample();
    const out = join(dirname(dir), 'out.pdf');
    const r = runCli(['build', dir, '-o', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { pages: number; diagnostics: Array<{ rule: string; file: string; line: number }> };
    expect(doc.pages).toBeGreaterThan(0);
    expect(doc.diagnostics.map((d) => d.rule)).toContain('exact-duplicate');
  });

  it('rejects an unknown format before building', () => {
    const dir = copySample();
    const out = join(dirname(dir), 'out.pdf');
    const r = runCli(['build', dir, '-o', out, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('progress, --quiet, --verbose', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  /** Runs the binary on a pseudo-terminal (util-linux `script`), as an editor would see it. */
  const onTerminal = (args: string[]) =>
    spawnSync('script', ['-qec', [BIN, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, CI: '', TERM: 'xterm' },
      timeout: 120_000,
    });

  it('prints no progress line when stderr is not a terminal', () => {
    const dir = copySample();
    const r = runCli(['build', dir, '-o', join(dirname(dir), 'out.pdf')]);
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a terminal's escape sequence is what is looked for.
    expect(r.stderr).not.toMatch(/\r|\x1b\[/);
    expect(r.stderr).toMatch(/out\.pdf: \d+ pages?, 7 articles/);
  });

  it.runIf(hasScript)('shows a progress line on a terminal, erased before the report, and none with --quiet', () => {
    const dir = copySample();
    const tty = onTerminal(['build', dir, '-o', join(dirname(dir), 'out.pdf')]);
    expect(tty.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a terminal's escape sequence is what is looked for.
    expect(tty.stdout).toMatch(/\r\x1b\[2Kbuilding .*…\r\x1b\[2K/);
    const quiet = onTerminal(['build', dir, '-o', join(dirname(dir), 'out2.pdf'), '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('\x1b[');
  });

  it('--quiet prints a one-line cleaning summary instead of every finding; --verbose adds stage timings', () => {
    const dir = copySample();
    const quiet = runCli(['build', dir, '-o', join(dirname(dir), 'q.pdf'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/\[exact-duplicate\]/);
    expect(quiet.stderr).toMatch(/^cleaned: \d+ removal/m);
    const verbose = runCli(['build', dir, '-o', join(dirname(dir), 'v.pdf'), '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/\[exact-duplicate\]/);
    expect(verbose.stderr).toMatch(/^timings \(ms\): load [\d.]+, clean [\d.]+/m);
  });
});
