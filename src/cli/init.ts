// `bulletin init [DIR]`: start a new bulletin project that checks and builds
// as is, locally and in CI.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { displayPath } from '../content/read-source.js';
import { InitConflict, initBulletin, type InitResult } from '../workflow/init.js';
import { dependencyFrom, type DependencySpec } from '../workflow/init-package.js';
import { EXIT_CONTENT, UsageError } from './exit.js';
import { shownDir } from './bulletin-dir.js';

function nextSteps(root: string, result: InitResult, installs: boolean): string {
  const d = shownDir(root);
  const steps = [
    ...(d === '.' ? [] : [`cd ${d}`]),
    ...(installs ? ['npm install                      installs bulletin and writes package-lock.json (commit both)'] : []),
    'npx bulletin preview             the page in your browser, updated as you save',
    'npx bulletin new "标题" --author 姓名   the next article (or `npx bulletin import FILE.docx`)',
    'npx bulletin check && npx bulletin build',
  ];
  const notes = result.notes.map((n) => `note: ${n}\n`).join('');
  return `${notes}created a bulletin in ${d === '.' ? 'this folder' : d}: the articles go in ${d === '.' ? '' : `${d}/`}content/. Next:\n${steps.map((s) => `  ${s}`).join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('create a new bulletin project: content/ (index.md with every field explained, an example article), package.json, .gitignore, a CI workflow')
    .argument('[dir]', 'project folder to create or fill', '.')
    .option('--from <path|url>', 'where package.json installs bulletin from: a tarball from `npm pack` (copied into vendor/ when outside DIR), a folder, or a git or https URL')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', '\nExamples:\n  bulletin init news --from ./bulletin-0.1.0.tgz\n  bulletin init news --from git+https://example.org/bulletin.git#v0.1.0\n  npm install ./bulletin-0.1.0.tgz && npx bulletin init')
    .action(async (dir: string, opts: { from?: string; quiet?: boolean }) => {
      const root = resolve(dir);
      let from: DependencySpec | undefined;
      if (opts.from !== undefined) {
        const found = dependencyFrom(opts.from, root);
        if (typeof found === 'string') throw new UsageError(found);
        from = found;
      }
      let result: InitResult;
      try {
        result = await initBulletin(root, { show: (p) => displayPath(p), from });
      } catch (e) {
        if (e instanceof InitConflict) {
          process.stderr.write(`bulletin init: ${e.message}\n`);
          process.exitCode = EXIT_CONTENT;
          return;
        }
        throw e;
      }
      if (opts.quiet) return;
      // Paths on stdout (one per line, for scripts); the next steps on stderr.
      process.stdout.write(result.written.map((p) => displayPath(p)).join('\n') + '\n');
      process.stderr.write(nextSteps(root, result, result.written.some((p) => p === resolve(root, 'package.json'))));
    });
}
