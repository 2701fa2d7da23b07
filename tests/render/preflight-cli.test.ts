// `bulletin preflight FILE.pdf [--press] [--pages N] [--json]`, driven through
// commander as the CLI does (the command alone, so it is tested even when
// other commands are mid-change).
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/preflight.js';
import { renderPdf } from '../../src/render/index.js';
import { list, run, tempPdf } from './fixtures.js';

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const program = new Command('bulletin').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('bulletin preflight', () => {
  it('takes --press before the file, --press=STANDARD for the standard the file must claim, and refuses an unknown one', async () => {
    const file = tempPdf(await renderPdf(list([[run('安全生产大家谈', 50, 100)]]), { press: true }), 'x1a.pdf');
    expect((await cli(['preflight', '--press', file])).exitCode).toBe(0);
    expect((await cli(['preflight', '--press=x1a-2001', file])).exitCode).toBe(0);
    const other = await cli(['preflight', '--press=x4', file, '--json']);
    expect(other.exitCode).toBe(1);
    expect(JSON.parse(other.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['pdfx-standard']);
    await expect(cli(['preflight', '--press=x9', file])).rejects.toThrow(/--press=x9 is not a standard/);
  });

  it('exits 0 on a good press PDF and 1 with --json findings on a screen PDF checked as press', async () => {
    const l = list([[run('安全生产大家谈', 50, 100)]]);
    const press = tempPdf(await renderPdf(l, { press: true }), 'press.pdf');
    const screen = tempPdf(await renderPdf(l), 'screen.pdf');

    const ok = await cli(['preflight', press, '--press', '--pages', '1']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toContain('press preflight, 0 errors, 0 warnings');

    const bad = await cli(['preflight', screen, '--press', '--json']);
    expect(bad.exitCode).toBe(1);
    const json = JSON.parse(bad.stdout) as { diagnostics: { rule: string; file: string; line: number }[] };
    expect(json.diagnostics.map((d) => d.rule)).toContain('pdfx-version-missing');
    expect(json.diagnostics.find((d) => d.rule === 'pdfx-version-missing')).toMatchObject({ file: screen, line: 0 });

    const asScreen = await cli(['preflight', screen]);
    expect(asScreen.exitCode).toBe(0);
  });
});
