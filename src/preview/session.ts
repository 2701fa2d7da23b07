// The preview's builds: compile() on start and after every saved change (the
// watch loop of src/workflow/watch.ts), in one process so fonts and caches
// stay warm. The last good PDF is kept while a file is broken; the state
// says which build the diagnostics belong to and whether it succeeded.
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { BulletinError, diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compile } from '../pipeline/compile.js';
import { packageRoot } from '../io/package-root.js';
import { startWatchLoop, type WatchLoop } from '../workflow/watch.js';
import { placeFinder, type Place } from './places.js';

export interface ShownDiagnostic extends Diagnostic {
  /** Where it is on the last good pages, when the file is printed. */
  place?: Place;
}

export interface PreviewState {
  /** Counts builds, finished or failed: the page asks again when it changes. */
  version: number;
  /** True when the last build succeeded; false keeps the pages of `pdfVersion`. */
  ok: boolean;
  /** The build whose PDF is served (0: none yet). */
  pdfVersion: number;
  pages: number;
  /** Milliseconds the last build took. */
  ms: number;
  diagnostics: ShownDiagnostic[];
}

export interface PreviewSession {
  state(): PreviewState;
  pdf(): Buffer | undefined;
  /** Called after every build. */
  onBuild(listener: (state: PreviewState) => void): void;
  close(): Promise<void>;
}

export interface SessionOptions {
  dir: string;
  template?: string;
  debounceMs?: number;
  /** A status line for the terminal. */
  log?: (line: string) => void;
}

function templateFolder(spec: string | undefined, dir: string): string | undefined {
  if (!spec || (!/[\\/]/.test(spec) && !/\.ya?ml$/i.test(spec))) return undefined;
  return dirname(isAbsolute(spec) ? spec : resolve(dir, spec));
}

export async function startSession(options: SessionOptions): Promise<PreviewSession> {
  const dir = resolve(options.dir);
  const log = options.log ?? (() => undefined);
  let state: PreviewState = { version: 0, ok: false, pdfVersion: 0, pages: 0, ms: 0, diagnostics: [] };
  let pdf: Buffer | undefined;
  let place: ((d: Diagnostic) => Place | undefined) | undefined;
  const listeners: ((s: PreviewState) => void)[] = [];
  let loop: WatchLoop | undefined;
  const watchedTemplates = new Set<string>();

  const build = async (): Promise<void> => {
    const t0 = performance.now();
    const version = state.version + 1;
    try {
      // Never the press PDF: its bleed would shift the page against the places (points from the trimmed page).
      const result = await compile({ dir, template: options.template, press: false });
      pdf = result.pdf;
      place = placeFinder(result.bulletin, result.display);
      const list = sortDiagnostics([...result.applied, ...result.diagnostics]);
      state = { version, ok: true, pdfVersion: version, pages: result.pages, ms: Math.round(performance.now() - t0), diagnostics: list.map((d) => ({ ...d, place: place?.(d) })) };
      log(`built ${result.pages} page${result.pages === 1 ? '' : 's'} in ${state.ms} ms`);
      const folder = templateFolder(options.template ?? result.bulletin.index.meta.template, dir);
      if (folder && !watchedTemplates.has(folder)) {
        watchedTemplates.add(folder);
        loop?.add([folder]);
      }
    } catch (e) {
      const list =
        e instanceof BulletinError
          ? sortDiagnostics(e.diagnostics)
          : [diagnostic({ file: '', line: 0, column: 0 }, 'error', 'internal-error', `internal error: ${(e as Error)?.message ?? String(e)}`)];
      // The pages shown are the last good ones: places still point into them where the text has not moved.
      state = { ...state, version, ok: false, ms: Math.round(performance.now() - t0), diagnostics: list.map((d) => ({ ...d, place: place?.(d) })) };
      log(`not updated: ${list.filter((d) => d.severity === 'error').length} error(s); the last good pages stay`);
    }
    for (const l of listeners) l(state);
  };

  await build();
  const root = packageRoot();
  const initDir = join(root, 'templates', 'init');
  loop = await startWatchLoop({
    paths: [dir, join(root, 'templates'), join(root, 'fonts'), ...watchedTemplates],
    debounceMs: options.debounceMs ?? 60,
    // A PDF written next to the sources (by a build in another terminal) is no input; nor are init's starter files.
    ignored: (p) => /\.pdf$/i.test(p) || p === initDir || p.startsWith(initDir + sep),
    rebuild: () => build(),
  });
  await loop.ready;
  return {
    state: () => state,
    pdf: () => pdf,
    onBuild: (l) => listeners.push(l),
    close: () => loop!.close(),
  };
}
