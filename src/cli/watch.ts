// `bulletin build --watch`: build, then rebuild on every change to the
// content, templates or fonts, in one process, so fonts and the pipeline's
// caches stay warm between builds. The PDF is replaced only by a complete,
// successful build: a broken file is reported and the last good PDF stays.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { BulletinError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/read-source.js';
import { compile, type CompileOptions } from '../pipeline/compile.js';
import { packageRoot } from '../io/package-root.js';
import { renderPngs } from '../io/png.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { startWatchLoop } from '../workflow/watch.js';
import { formatDiagnostics, summary, type OutputFormat } from './report.js';
import { createProgress } from './progress.js';
import { parseDpi } from './dpi.js';

/** The build command's options that decide what a rebuild prints and writes. */
export interface WatchCliOptions {
  output: string;
  template?: string;
  png?: string;
  dpi?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export interface WatchOptions {
  /** Bulletin directory. */
  dir: string;
  /** The build command's options that watching reads. */
  cli: WatchCliOptions;
  /** The pipeline's options for each build (the build command's, from compileOptions). */
  compile: CompileOptions;
  format?: OutputFormat;
  /** Quiet time after the last file event before rebuilding. */
  debounceMs?: number;
  /** Stops watching when aborted (besides Ctrl-C / SIGTERM). */
  signal?: AbortSignal;
}

const DEFAULT_DEBOUNCE_MS = 60;

/** Built-in template names never point at a file the editor changes. */
function templateFolder(spec: string | undefined, bulletinDir: string): string | undefined {
  if (!spec || (!/[\\/]/.test(spec) && !/\.ya?ml$/i.test(spec))) return undefined;
  return dirname(isAbsolute(spec) ? spec : resolve(bulletinDir, spec));
}

function describeChange(changed: string[]): string {
  if (changed.length === 0) return '';
  const first = displayPath(changed[0]);
  return changed.length === 1 ? ` after a change to ${first}` : ` after changes to ${first} and ${changed.length - 1} more`;
}

/**
 * Builds `options.dir` into `options.output`, then watches and rebuilds until
 * SIGINT/SIGTERM or `options.signal`. Resolves when watching has stopped.
 * Status lines go to stderr (`built …`, `watching …`, `rebuilt … in N ms`, `… not updated`);
 * diagnostics go to stderr in the human format, to stdout as JSON or GitHub
 * workflow commands.
 */
export async function runWatch(options: WatchOptions): Promise<void> {
  const format = options.format ?? 'human';
  const { cli, debounceMs, signal } = options;
  const dir = resolve(options.dir);
  const output = resolve(cli.output);
  const shownOut = displayPath(output);
  const progress = createProgress({ quiet: cli.quiet });
  const status = (line: string) => {
    progress.clear();
    process.stderr.write(line + '\n');
  };
  let lastPrinted: string | undefined;
  // As `build` prints them: --quiet errors only, --verbose notes too.
  const printDiagnostics = (list: Diagnostic[]) => {
    const shown = cli.quiet ? list.filter((d) => d.severity === 'error') : cli.verbose ? list : list.filter((d) => d.severity !== 'info');
    if (format === 'human') {
      if (shown.length === 0) {
        lastPrinted = undefined;
        return;
      }
      const text = formatDiagnostics(shown, 'human');
      // The same findings after every save are noise: say they are unchanged.
      if (text === lastPrinted) status(`  (${summary(shown)}, as before)`);
      else status(text);
      lastPrinted = text;
    } else if (shown.length > 0 || format === 'json') {
      progress.clear();
      process.stdout.write(formatDiagnostics(shown, format) + '\n');
    }
  };

  let builds = 0;
  let loop: Awaited<ReturnType<typeof startWatchLoop>> | undefined;
  const extraWatched = new Set<string>();

  const build = async (changed: string[]) => {
    const first = builds++ === 0;
    progress.update(first ? 'building…' : 'rebuilding…');
    const t0 = performance.now();
    try {
      const result = await compile(options.compile);
      if (result.pdf.length === 0) throw new Error('the build produced an empty PDF');
      await writeFileAtomic(output, result.pdf);
      const took = Math.round(performance.now() - t0);
      printDiagnostics([...result.applied, ...result.diagnostics]);
      const pages = `${result.pages} page${result.pages === 1 ? '' : 's'}`;
      if (first) status(`built ${shownOut} (${pages}) in ${took} ms`);
      else status(`rebuilt ${shownOut} (${pages}) in ${took} ms${describeChange(changed)}`);
      if (cli.verbose) status(`  ${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
      if (cli.png) {
        // The PDF is already written: a failure here is reported on its own, not as a failed build.
        try {
          const files = await renderPngs(output, resolve(cli.png), parseDpi(cli.dpi));
          if (!cli.quiet) status(`  ${files.length} page image(s) in ${displayPath(resolve(cli.png))}`);
        } catch (e) {
          status(`  page images not rendered: ${(e as Error)?.message ?? String(e)}`);
        }
      }
      const folder = templateFolder(cli.template ?? result.bulletin.index.meta.template, dir);
      if (folder && !extraWatched.has(folder)) {
        extraWatched.add(folder);
        loop?.add([folder]);
      }
    } catch (e) {
      const took = Math.round(performance.now() - t0);
      if (e instanceof BulletinError) printDiagnostics(e.diagnostics);
      else status(`bulletin: internal error, please report: ${(e as Error)?.message ?? String(e)}${process.env.BULLETIN_DEBUG ? `\n${(e as Error)?.stack}` : ''}`);
      lastPrinted = undefined;
      const n = e instanceof BulletinError ? e.diagnostics.filter((d) => d.severity === 'error').length : 0;
      const errors = e instanceof BulletinError ? `${n} error${n === 1 ? '' : 's'}` : 'internal error';
      status(`${shownOut} not updated (${errors}${describeChange(changed)}, ${took} ms); ${existsSync(output) ? 'the last good PDF is kept' : 'no PDF written yet'}.`);
    }
  };

  await build([]);

  const root = packageRoot();
  const initDir = resolve(root, 'templates', 'init');
  const inside = (folder: string, p: string) => {
    const r = relative(folder, p);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const paths = [dir, resolve(root, 'templates'), resolve(root, 'fonts'), ...extraWatched];
  loop = await startWatchLoop({
    paths,
    debounceMs: debounceMs ?? DEFAULT_DEBOUNCE_MS,
    // The output (and its temp file) may sit inside the bulletin folder; init's starter files are not inputs.
    ignored: (p) => p === output || inside(initDir, p),
    rebuild: build,
  });
  // Only now are changes seen: an editor (or a test) may start saving after this line.
  await loop.ready;
  status(`watching ${displayPath(dir)} for changes (Ctrl-C to stop)`);

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      progress.clear();
      void loop!.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}
