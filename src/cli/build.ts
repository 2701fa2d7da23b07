// `bulletin build [DIR] [-o FILE]`: the whole pipeline, IO at both ends:
// the output path is checked before any work, the PDF written atomically.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { compile, type CompileOptions } from '../pipeline/compile.js';
import { unwritableReason, writeFileAtomic } from '../io/write-atomic.js';
import { renderPngs } from '../io/png.js';
import { collectValues, parseFormat } from './check.js';
import { formatDiagnostics, type OutputFormat } from './report.js';
import { createProgress } from './progress.js';
import { startedFrom } from '../io/module-url.js';
import { bulletinDir, DIR_HELP, shownDir } from './bulletin-dir.js';
import { parseDpi } from './dpi.js';
import { pressArgument } from './press-option.js';
import { pressStandard, type PressStandard } from '../render/standards.js';
import { parsePages } from './pages-option.js';
import { fitSummary } from '../pipeline/fit-report.js';

export interface BuildCliOptions {
  output: string;
  template?: string;
  clean: boolean;
  /** `--press` (true) or `--press=STANDARD`. */
  press?: boolean | string;
  marks?: boolean;
  outputCondition?: string;
  outputProfile?: string;
  allowMissingGlyphs?: boolean;
  png?: string;
  /** Resolution of the --png images (`--dpi N`, default 150). */
  dpi?: string;
  watch?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  format?: string;
  root?: string[];
  /** `--pages N`, as given. */
  pages?: string;
  allowOverset?: boolean;
}

export function compileOptions(dir: string, o: BuildCliOptions): CompileOptions {
  return {
    dir,
    template: o.template,
    clean: o.clean,
    press: pressOption(o.press),
    marks: o.marks,
    outputCondition: o.outputCondition,
    outputProfile: o.outputProfile,
    allowMissingGlyphs: o.allowMissingGlyphs,
    outputName: o.output,
    roots: o.root,
    outputs: { pdf: o.output, pngDir: o.png },
    pages: parsePages(o.pages),
    allowOverset: o.allowOverset,
  };
}

/** `--press[=STANDARD]` as a standard (press-option.ts has taken back a folder it swallowed). */
function pressOption(value: boolean | string | undefined): PressStandard | undefined {
  return pressStandard(value);
}

/** Throws a BulletinError when the output cannot be written: fail before any work. */
export async function assertWritable(output: string): Promise<void> {
  const why = await unwritableReason(resolve(output));
  if (why) {
    throw new BulletinError(diagnostic({ file: output, line: 0, column: 0 }, 'error', 'output-unwritable',
      `cannot write the PDF: ${why}. Choose another path with -o FILE.`));
  }
}

export function register(program: Command): void {
  program
    .command('build')
    .description('typeset the bulletin into a PDF (cleaning repeated and split paragraphs in memory)')
    .argument('[dir]', DIR_HELP)
    .option('-o, --output <file>', 'PDF to write', 'bulletin.pdf')
    .option('-t, --template <name|path>', 'template: newspaper, a4, or a template file (default: index.md `template:`)')
    .option('--no-clean', 'typeset the text exactly as written (no removal of repeats, no joins)')
    .option('--press [standard]', 'print-ready PDF with a 3 mm bleed, TrimBox/BleedBox and OutputIntent: PDF/X-1a:2001 (PDF 1.3, CMYK only); =x1a-2003 (PDF 1.4); =x4 (PDF/X-4, PDF 1.6: ICC colour and transparency kept)')
    .option('--marks', 'crop marks outside the bleed (with --press)')
    .option('--output-condition <id>', 'registered printing condition for the OutputIntent', 'FOGRA39')
    .option('--output-profile <file.icc>', 'CMYK ICC profile to embed in the OutputIntent')
    .option('--allow-missing-glyphs', 'report characters no font covers as warnings and draw the fallback')
    .option('--root <dir>', 'also let the bulletin read files (images, templates, fonts) from DIR; repeatable', collectValues)
    .option('--pages <n>', 'the page count to fit the copy to (default: index.md `pages:`); copy that cannot fit fails with `overset`')
    .option('--allow-overset', 'copy that does not fit the page count goes on onto more pages (下转/上接) with a warning')
    .option('--png <dir>', 'also render every page to DIR/page-N.png for review (needs pdftoppm)')
    .option('--dpi <n>', 'resolution of the --png images, in dots per inch', '150')
    .option('-w, --watch', 'rebuild on every change to the content, templates or fonts')
    .option('-q, --quiet', 'print only errors and a one-line summary')
    .option('-v, --verbose', 'print every finding and the time of each stage')
    .option('--json', 'print diagnostics as JSON on stdout')
    .option('--format <format>', 'human | json | github (workflow annotations)')
    .addHelpText('after', '\nExamples:\n  bulletin build\n  bulletin build content -o issue-6.pdf --press --marks\n  bulletin build --watch')
    .action(async (folder: string | undefined, o: BuildCliOptions) => {
      const press = pressArgument(o.press, folder);
      const given = press.positional;
      o.press = press.standard ?? press.press;
      const format = parseFormat(o.format, o.json);
      parseDpi(o.dpi);
      parsePages(o.pages);
      const dir = bulletinDir(given);
      await assertWritable(o.output);
      if (o.watch) {
        const { runWatch } = await import('./watch.js');
        await runWatch({ dir, cli: o, format, compile: compileOptions(dir, o) });
        return;
      }
      await buildOnce(dir, o, format);
    });
}

export async function buildOnce(dir: string, o: BuildCliOptions, format: OutputFormat): Promise<void> {
  const started = performance.now();
  const progress = createProgress({ quiet: o.quiet });
  progress.update(`building ${shownDir(dir)}…`);
  const result = await compile(compileOptions(dir, o)).finally(() => progress.clear());
  await writeFileAtomic(resolve(o.output), result.pdf);
  const ms = Math.round(performance.now() - started);
  const out = process.stderr;
  if (format === 'human') {
    if (o.quiet) {
      if (result.applied.length > 0) out.write(`cleaned: ${result.applied.length} removal(s) or join(s) (run \`bulletin check ${shownDir(dir)}\` for details)\n`);
    } else {
      if (result.applied.length > 0) out.write(formatDiagnostics(result.applied, 'human') + '\n');
      const notes = o.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== 'info');
      if (notes.length > 0) out.write(formatDiagnostics(notes, 'human') + '\n');
      const fitted = result.fit && fitSummary(result.fit);
      if (fitted && !o.verbose) out.write(`${fitted}\n`);
    }
    if (o.verbose) out.write(`timings (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    if (o.verbose) out.write(`started from: ${startedFrom()}\n`);
    out.write(`${o.output}: ${result.pages} page${result.pages === 1 ? '' : 's'}, ${result.bulletin.articles.length} articles, ${(result.pdf.length / 1024).toFixed(0)} KB in ${ms} ms\n`);
  } else {
    const all = [...result.applied, ...result.diagnostics];
    if (format === 'json') {
      process.stdout.write(JSON.stringify({ output: o.output, pages: result.pages, bytes: result.pdf.length, ms, timings: result.timings, diagnostics: JSON.parse(formatDiagnostics(all, 'json')).diagnostics }, null, 2) + '\n');
    } else if (all.length > 0) process.stdout.write(formatDiagnostics(all, format) + '\n');
  }
  if (o.png) {
    const files = await renderPngs(resolve(o.output), resolve(o.png), parseDpi(o.dpi));
    if (format === 'human' && !o.quiet) out.write(`${files.length} page image(s) in ${o.png}\n`);
  }
}
