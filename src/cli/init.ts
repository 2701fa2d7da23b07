// `bulletin init [DIR]`: start a new bulletin folder that checks and builds as is.
import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { displayPath } from '../content/read-source.js';
import { InitConflict, initBulletin } from '../workflow/init.js';
import { EXIT_CONTENT } from './exit.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('create a new bulletin folder: index.md (every field explained), an example article, .gitignore, a CI workflow')
    .argument('[dir]', 'folder to create or fill', 'content')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (dir: string, opts: { quiet?: boolean }) => {
      let created: string[];
      try {
        created = await initBulletin(dir, { show: (p) => displayPath(p) });
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
      process.stdout.write(created.map((p) => displayPath(p)).join('\n') + '\n');
      const d = relative(process.cwd(), resolve(dir)) === '' ? '.' : displayPath(resolve(dir));
      process.stderr.write(
        `created a bulletin in ${d}. Next: edit ${d === '.' ? '' : `${d}/`}index.md, add articles with ` +
          `\`bulletin new "标题" --author 姓名 --dir ${d}\`, then \`bulletin check ${d}\` and \`bulletin build ${d}\`.\n`,
      );
    });
}
