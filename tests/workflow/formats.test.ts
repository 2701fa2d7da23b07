// Output formats for CI through the binary: GitHub workflow-command
// annotations on stdout (where the runner reads them), JSON, exit codes.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { article, runCli, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

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
    expect(r.stdout).toMatch(new RegExp(`^::error file=[^\\n]*01-a\\.md,line=2,col=\\d+,title=yaml-syntax::front matter is not valid YAML`, 'm'));
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

  it('rejects an unknown format as a usage error', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const r = runCli(['check', dir, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/human, json or github/);
  });
});
