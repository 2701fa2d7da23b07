// The `bulletin` command line: commander wiring, exit codes, and the one
// place where errors become messages (never a stack trace for bad input).
// Run by src/cli.ts (the plain bundle) and src/snapshot.ts (the start-up snapshot).
import { Command, CommanderError } from 'commander';
import { BulletinError } from '../diagnostics/diagnostic.js';
import { EXIT_CONTENT, EXIT_INTERNAL, EXIT_USAGE, UsageError } from './exit.js';
import { formatDiagnostics, type OutputFormat } from './report.js';
import { register as registerBuild } from './build.js';
import { register as registerCheck } from './check.js';
import { register as registerFmt } from './fmt.js';
import { register as registerPreflight } from './preflight.js';
import { register as registerInit } from './init.js';
import { register as registerNew } from './new.js';
import { register as registerFonts } from './fonts.js';
import { register as registerImport } from './import.js';
import { register as registerPreview } from './preview.js';

declare const BULLETIN_VERSION: string;
export const VERSION = typeof BULLETIN_VERSION === 'string' ? BULLETIN_VERSION : '0.0.0-dev';

function makeProgram(): Command {
  const program = new Command('bulletin')
    .description('Compile a folder of Markdown commentary into a print-ready Chinese bulletin (PDF).')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `bulletin --help` for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  bulletin build                      build content/ into bulletin.pdf
  bulletin build my-issue -o out.pdf  build another folder
  bulletin check --json               report defects as JSON (exit 1 on errors)
  bulletin fmt --write                repair repeated and split paragraphs in place

Exit codes: 0 success, 1 content errors (reported as file:line:col), 2 usage errors.`,
    );
  registerBuild(program);
  registerCheck(program);
  registerFmt(program);
  registerPreflight(program);
  registerInit(program);
  registerNew(program);
  registerImport(program);
  registerPreview(program);
  registerFonts(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** The output format a failing command asked for, so fatal errors are printed the same way. */
function requestedFormat(argv: string[]): OutputFormat {
  if (argv.includes('--json')) return 'json';
  const i = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (i >= 0) {
    const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
    if (v === 'json' || v === 'github') return v;
  }
  return 'human';
}

export async function main(argv: string[]): Promise<number> {
  const program = makeProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; everything else commander rejects is a usage error
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`bulletin: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof BulletinError) {
      const format = requestedFormat(argv);
      const text = formatDiagnostics(e.diagnostics, format);
      // JSON is the program's result; GitHub reads workflow commands (annotations) from stdout only.
      if (format !== 'human') process.stdout.write(text + '\n');
      else process.stderr.write(text + '\n');
      return EXIT_CONTENT;
    }
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      `bulletin: internal error, please report: ${err?.message ?? String(e)}\n` +
        (process.env.BULLETIN_DEBUG ? `${err?.stack}\n` : 'This is a bug in bulletin, not in your files. Set BULLETIN_DEBUG=1 for the stack trace to include in the report.\n'),
    );
    return EXIT_INTERNAL;
  }
}

/**
 * Ends the process with `code` once the command is done. Left to itself, Node
 * would tear the heap down before exiting, after the PDF is written, for longer
 * the larger the bulletin (docs/performance.md, "Costs the code is shaped around"). Exiting is safe here:
 * `main` settles only when the command has finished (a watch session when it
 * is stopped). Output still waiting in a stream buffer (pipes are asynchronous
 * on some systems) is let drain instead, by a normal exit.
 */
export function exitWith(code: number): void {
  process.exitCode = code;
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}
