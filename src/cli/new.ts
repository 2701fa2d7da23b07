// `bulletin new "标题" --author 姓名`: the next numbered article file.
import type { Command } from 'commander';
import { displayPath } from '../content/read-source.js';
import { createArticle, invalidValue } from '../workflow/new-article.js';
import { EXIT_CONTENT, UsageError } from './exit.js';
import { bulletinDir } from './bulletin-dir.js';

export function register(program: Command): void {
  program
    .command('new')
    .description('create the next numbered article file (NN-<author-in-pinyin>.md) with its front matter; prints its path')
    .argument('<title>', 'the headline, e.g. "以默默无闻的坚持 防止发生惊天动地的事"')
    .requiredOption('-a, --author <name>', 'the author’s name, e.g. 胡小刚')
    .option('-r, --role <role>', 'the author’s affiliation and position')
    .option('-d, --dir <dir>', 'bulletin folder (default: the nearest folder upward with index.md, else content/ in the project)')
    .action(async (title: string, opts: { author: string; role?: string; dir?: string }) => {
      const problem =
        invalidValue('the title', title, true) ?? invalidValue('--author', opts.author, true) ?? invalidValue('--role', opts.role, false);
      if (problem) throw new UsageError(problem);
      const dir = bulletinDir(opts.dir);
      try {
        const { path } = await createArticle({ dir, title, author: opts.author, role: opts.role });
        process.stdout.write(displayPath(path) + '\n');
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EEXIST' || err.code === 'ENOTDIR' || err.code === 'EACCES' || err.code === 'ENOENT') {
          const what =
            err.code === 'EEXIST'
              ? 'already exists; nothing was written'
              : err.code === 'ENOTDIR'
                ? 'is not a folder'
                : err.code === 'ENOENT'
                  ? 'does not exist: give the bulletin folder with --dir, or create one with `bulletin init`'
                  : 'is not writable';
          process.stderr.write(`bulletin new: ${displayPath(err.path ?? dir)} ${what}.\n`);
          process.exitCode = EXIT_CONTENT;
          return;
        }
        throw e;
      }
    });
}
