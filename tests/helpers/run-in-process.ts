// Runs the command line inside the test's own process: the program the binary
// runs (src/cli/main.ts), with its output captured and its exit code returned,
// without starting a Node for every call. Tests of rules, messages and exit
// codes use this; tests/e2e/ spawns the binary (runCli) for what only a real
// process shows: the start-up snapshot, a terminal, signals, pipes and devices,
// the installed command.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RunResult } from './cli.js';

export interface InProcessOptions {
  /** Working folder for the command (default: the test's). */
  cwd?: string;
  /** Environment variables set while the command runs. */
  env?: Record<string, string>;
}

/** Collects what the command writes to `stream` in `sink` (vitest's spy), and returns the way back. */
function capture(stream: NodeJS.WriteStream, sink: string[]): () => void {
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  });
  return () => spy.mockRestore();
}

/** Sets `env` on process.env and returns the way back. */
function withEnv(env: Record<string, string>): () => void {
  const before = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** `bulletin ARGS`, run in this process; the same result as runCli's. */
export async function runCommand(args: string[], options: InProcessOptions = {}): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const cwd = process.cwd();
  const restore = [capture(process.stdout, stdout), capture(process.stderr, stderr), withEnv(options.env ?? {})];
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(cwd);
    process.exitCode = undefined;
    for (const undo of restore.reverse()) undo();
  }
}
