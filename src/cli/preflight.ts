// `bulletin preflight FILE.pdf [--press] [--pages N] [--json]`: reads a written
// PDF back and checks what render promises (fonts, boxes, colour, PDF/X
// markers). Exit 1 when anything fails. Works on any PDF, not only ours.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BulletinError, diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { preflight } from '../render/preflight.js';
import { pressArgument } from './press-option.js';
import { EXIT_CONTENT, UsageError } from './exit.js';
import { formatDiagnostics, summary, type OutputFormat } from './report.js';

export function register(program: Command): void {
  program
    .command('preflight')
    .description('check a PDF from its bytes against the standard it claims (PDF/X-1a:2001, PDF/X-1a:2003, PDF/X-4), and bulletin\'s own promises (fonts embedded and subset, ToUnicode, page boxes)')
    .argument('[file]', 'PDF file to check')
    .option('--press [standard]', 'expect print-ready output: a PDF/X claim (any, or exactly x1a-2001, x1a-2003, x4), checked against every rule of that standard')
    .option('--pages <n>', 'expected number of pages')
    .option('--json', 'print {"diagnostics":[…]} as JSON on stdout')
    .action((given: string | undefined, opts: { press?: boolean | string; pages?: string; json?: boolean }) => {
      const { press, standard, positional: file } = pressArgument(opts.press, given);
      if (file === undefined) throw new UsageError('give the PDF to check: bulletin preflight FILE.pdf [--press[=STANDARD]]');
      const format: OutputFormat = opts.json ? 'json' : 'human';
      let pages: number | undefined;
      if (opts.pages !== undefined) {
        pages = Number(opts.pages);
        if (!Number.isInteger(pages) || pages < 1) throw new UsageError(`--pages must be a positive whole number (got "${opts.pages}")`);
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
        throw new BulletinError(diagnostic({ file, line: 0, column: 0 }, 'error', 'pdf-unreadable', `cannot read ${file}: ${reason}`));
      }
      const diagnostics = preflight(bytes, { press, standard, pages, file });
      if (format === 'json') process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
      else {
        if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
        process.stderr.write(`${file}: ${press ? 'press' : 'screen'} preflight, ${summary(diagnostics)}\n`);
      }
      if (hasErrors(diagnostics)) process.exitCode = EXIT_CONTENT;
    });
}
