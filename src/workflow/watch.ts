// The watch loop, independent of what a build is: file events in, debounced
// and coalesced rebuilds out. A change during a build is not lost and does
// not start a second build at the same time: it triggers one more build
// after the current one, with every path that changed meanwhile.
import type * as Chokidar from 'chokidar';
import { lazyRequire } from '../io/lazy-require.js';
import { basename, resolve, sep } from 'node:path';

export interface WatchLoopOptions {
  /** Files and folders to watch (folders recursively). Missing ones are fine. */
  paths: string[];
  /** True for paths whose changes must not trigger a build (the output, temp files…). */
  ignored: (absPath: string) => boolean;
  /** Quiet time after the last event before building (editors write in bursts). */
  debounceMs: number;
  /** Runs one build; must not throw (it reports its own errors). */
  rebuild: (changed: string[]) => Promise<void>;
}

export interface WatchLoop {
  /** Adds paths to watch (e.g. a template that index.md started naming). */
  add(paths: string[]): void;
  /** Resolves after the current build, if any, has finished. */
  close(): Promise<void>;
  /** Resolves once the watcher has scanned the paths and reports changes. */
  ready: Promise<void>;
}

/** Files editors and tools write next to sources that are never inputs. */
export function isScratchFile(absPath: string): boolean {
  const name = basename(absPath);
  return (
    /\.tmp$/i.test(name) || // atomic-write temp files (ours: `.<name>.<pid>.tmp`)
    /\.sw[a-p]$/i.test(name) || // vim swap files
    name.endsWith('~') || // backups
    name === '4913' || // vim's probe file
    /^\.#/.test(name) || // emacs lock files
    /^#.*#$/.test(name) || // emacs auto-save
    name === '.DS_Store'
  );
}

/** True when `absPath` is inside a dot-folder or node_modules below one of the watched roots. */
export function inHiddenFolder(absPath: string, roots: string[]): boolean {
  for (const root of roots) {
    if (!absPath.startsWith(root + sep)) continue;
    const parts = absPath.slice(root.length + 1).split(sep);
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true;
  }
  return false;
}

// chokidar's CommonJS build, through the loader that also works from the start-up snapshot.
const loadChokidar = lazyRequire<typeof Chokidar>('chokidar');

export async function startWatchLoop(options: WatchLoopOptions): Promise<WatchLoop> {
  // Loaded here, not at the top: every other command would pay for it at start-up.
  const { watch } = loadChokidar();
  const roots = options.paths.map((p) => resolve(p));
  const skip = (p: string) => {
    const abs = resolve(p);
    return options.ignored(abs) || isScratchFile(abs) || inHiddenFolder(abs, roots);
  };
  const watcher: Chokidar.FSWatcher = watch(roots, { ignoreInitial: true, ignored: (p: string) => skip(p), persistent: true });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const drain = async () => {
    while (pending.size > 0 && !closed) {
      const changed = [...pending].sort();
      pending.clear();
      await options.rebuild(changed);
    }
  };
  const fire = () => {
    timer = undefined;
    if (running || closed) return; // the running loop picks the new paths up when it ends
    running = drain().finally(() => {
      running = undefined;
      // Events that arrived while the last build was finishing.
      if (pending.size > 0 && !closed) schedule();
    });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs);
  };
  watcher.on('all', (event, path) => {
    if (event === 'addDir' || closed) return;
    pending.add(resolve(path));
    schedule();
  });
  const ready = new Promise<void>((res) => watcher.once('ready', () => res()));
  return {
    ready,
    add(paths) {
      const fresh = paths.map((p) => resolve(p)).filter((p) => !roots.includes(p));
      if (fresh.length === 0) return;
      roots.push(...fresh);
      watcher.add(fresh);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
