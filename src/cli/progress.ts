// A one-line progress indicator on stderr for long builds. Only on a terminal:
// in CI logs and pipes a line rewritten with `\r` is noise, so it is silent there
// and with --quiet. It never touches stdout (which carries JSON or the report).

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export interface Progress {
  /** Show what is happening now, e.g. `composing 3/7`. */
  update(label: string, done?: number, total?: number): void;
  /** Erase the line (before printing anything else, and at the end). */
  clear(): void;
  readonly active: boolean;
}

/** Repaints at most this often, so a fast loop of updates costs nothing. */
const MIN_INTERVAL_MS = 80;

export function createProgress(options: { quiet?: boolean; stream?: ProgressSink; now?: () => number } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const active = !options.quiet && stream.isTTY === true && process.env.TERM !== 'dumb' && !process.env.CI;
  const now = options.now ?? (() => performance.now());
  let shown = false;
  let last = -Infinity;
  return {
    active,
    update(label: string, done?: number, total?: number) {
      if (!active) return;
      const t = now();
      const final = done !== undefined && total !== undefined && done >= total;
      if (t - last < MIN_INTERVAL_MS && !final) return;
      last = t;
      let text = label;
      if (done !== undefined && total !== undefined && total > 0) {
        const width = 20;
        const filled = Math.round((Math.min(done, total) / total) * width);
        text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
      }
      const max = Math.max(10, (stream.columns || 80) - 1); // 0 on a pty without a size
      if (text.length > max) text = text.slice(0, max - 1) + '…';
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    clear() {
      if (!active || !shown) return;
      stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
