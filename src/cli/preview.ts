// `bulletin preview [DIR] [--port N]`: the pages in the browser, rebuilt on
// every save, beside the diagnostics (src/preview/). Runs until Ctrl-C.
import type { Command } from 'commander';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { bulletinDir, DIR_HELP, shownDir } from './bulletin-dir.js';
import { UsageError } from './exit.js';

/** The port tried first when none is given; another free one is taken when it is busy. */
export const DEFAULT_PORT = 4747;

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new UsageError(`--port must be a number from 1 to 65535 (got "${value}")`);
  return n;
}

export function register(program: Command): void {
  program
    .command('preview')
    .description('show the pages in your browser, updated on every save, beside the list of diagnostics (127.0.0.1 only)')
    .argument('[dir]', DIR_HELP)
    .option('-p, --port <n>', `port on 127.0.0.1 (default ${DEFAULT_PORT}, or a free one when it is taken)`)
    .option('-t, --template <name|path>', 'template: newspaper, a4, or a template file (default: index.md `template:`)')
    .addHelpText('after', '\nExamples:\n  bulletin preview\n  bulletin preview content --port 8080')
    .action(async (given: string | undefined, o: { port?: string; template?: string }) => {
      const port = parsePort(o.port);
      const dir = bulletinDir(given);
      const { startSession } = await import('../preview/session.js');
      const { startServer } = await import('../preview/server.js');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const session = await startSession({ dir, template: o.template, log });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(session, port ?? DEFAULT_PORT);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
        if (port !== undefined) {
          await session.close();
          throw new BulletinError(diagnostic({ file: `127.0.0.1:${port}`, line: 0, column: 0 }, 'error', 'port-in-use',
            `port ${port} is in use: choose another with --port N, or leave --port out for any free one.`));
        }
        server = await startServer(session, 0);
      }
      // The URL on stdout, alone on its line (for scripts); the rest on stderr.
      process.stdout.write(`${server.url}\n`);
      log(`previewing ${shownDir(dir)} at ${server.url} (Ctrl-C to stop)`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void Promise.all([server.close(), session.close()]).then(() => done(), () => done());
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
