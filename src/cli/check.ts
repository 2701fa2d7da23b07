// `bulletin check [DIR]`: load, validate and lint the bulletin; print findings.
import type { Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadBulletin } from '../content/load.js';
import { analyseBulletin } from '../clean/index.js';
import { formatDiagnostics, summary, type OutputFormat } from './report.js';
import { EXIT_CONTENT, UsageError } from './exit.js';
import { bulletinDir, DIR_HELP, shownDir } from './bulletin-dir.js';
import { bulletinRoots } from '../io/roots.js';
import { locateImages } from '../images/prepare.js';
import { fitFindings } from '../pipeline/fit-check.js';
import { parsePages } from './pages-option.js';

/** Collects a repeatable option's values (`--root A --root B`). */
export function collectValues(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFormat(value: string | undefined, json: boolean | undefined): OutputFormat {
  if (json) return 'json';
  const f = value ?? 'human';
  if (f !== 'human' && f !== 'json' && f !== 'github') throw new UsageError(`--format must be human, json or github (got "${f}")`);
  return f;
}

interface CheckCliOptions {
  json?: boolean;
  format?: string;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  root?: string[];
  pages?: string;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('report content errors, defects (repeats, splits, near-duplicates) and lint warnings; changes nothing')
    .argument('[dir]', DIR_HELP)
    .option('--json', 'print {"diagnostics":[…]} as JSON on stdout')
    .option('--format <format>', 'human | json | github (workflow annotations)')
    .option('--strict', 'exit 1 on warnings too (for CI)')
    .option('-q, --quiet', 'print only what fails the check (errors; with --strict, warnings too)')
    .option('-v, --verbose', 'also print the time of each stage')
    .option('--root <dir>', 'also let the bulletin read files (images, linked articles) from DIR; repeatable', collectValues)
    .option('--pages <n>', 'check that the copy fits this many pages (default: index.md `pages:`)')
    .action(async (given: string | undefined, opts: CheckCliOptions) => {
      const format = parseFormat(opts.format, opts.json);
      const pages = parsePages(opts.pages);
      const dir = bulletinDir(given);
      const t0 = performance.now();
      const allRoots = bulletinRoots({ dir, extra: opts.root });
      const roots = allRoots.content;
      const { bulletin, diagnostics: loadFindings } = await loadBulletin(dir, { roots });
      const t1 = performance.now();
      // Images are located (inside the roots, there) but not decoded: \`build\` decodes them.
      const located = locateImages(bulletin, roots).diagnostics;
      const all = [...loadFindings, ...located, ...analyseBulletin(bulletin).diagnostics];
      // With a page count, the copy is fitted as the build would (an overset is an error here too).
      if (!hasErrors(all)) all.push(...fitFindings(bulletin, { pages, designRoots: allRoots.design }));
      const t2 = performance.now();
      const failed = hasErrors(all) || (opts.strict === true && all.some((d) => d.severity === 'warning'));
      const diagnostics = opts.quiet ? all.filter((d) => d.severity === 'error' || (opts.strict === true && d.severity === 'warning')) : all;
      if (format === 'human') {
        if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
        if (opts.verbose) process.stderr.write(`timings (ms): load ${Math.round(t1 - t0)}, analyse ${Math.round(t2 - t1)}\n`);
        if (!opts.quiet) process.stderr.write(`${shownDir(dir)}: ${bulletin.articles.length} articles, ${summary(all)}\n`);
      } else if (diagnostics.length > 0 || format === 'json') {
        process.stdout.write(formatDiagnostics(diagnostics, format) + '\n');
      }
      if (failed) process.exitCode = EXIT_CONTENT;
    });
}
