// `bulletin check [DIR]`: load, validate and lint the bulletin; print findings.
import type { Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadBulletin } from '../content/load.js';
import { analyseBulletin } from '../clean/index.js';
import { formatDiagnostics, summary, type OutputFormat } from './report.js';
import { EXIT_CONTENT, UsageError } from './exit.js';

export function parseFormat(value: string | undefined, json: boolean | undefined): OutputFormat {
  if (json) return 'json';
  const f = value ?? 'human';
  if (f !== 'human' && f !== 'json' && f !== 'github') throw new UsageError(`--format must be human, json or github (got "${f}")`);
  return f;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('report content errors, defects (repeats, splits, near-duplicates) and lint warnings; changes nothing')
    .argument('[dir]', 'bulletin directory', 'content')
    .option('--json', 'print {"diagnostics":[…]} as JSON on stdout')
    .option('--format <format>', 'human | json | github (workflow annotations)')
    .option('--strict', 'exit 1 on warnings too (for CI)')
    .action(async (dir: string, opts: { json?: boolean; format?: string; strict?: boolean }) => {
      const format = parseFormat(opts.format, opts.json);
      const { bulletin, diagnostics: loadFindings } = await loadBulletin(dir);
      const diagnostics = [...loadFindings, ...analyseBulletin(bulletin).diagnostics];
      const failed = hasErrors(diagnostics) || (opts.strict === true && diagnostics.some((d) => d.severity === 'warning'));
      if (format === 'human') {
        if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
        process.stderr.write(`${dir}: ${bulletin.articles.length} articles, ${summary(diagnostics)}\n`);
      } else if (diagnostics.length > 0 || format === 'json') {
        process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
      }
      if (failed) process.exitCode = EXIT_CONTENT;
    });
}
