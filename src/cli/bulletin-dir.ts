// The bulletin folder of a command: the one given, else the one found from the
// working directory (src/workflow/find-bulletin.ts), else an error that says
// where it looked.
import { resolve } from 'node:path';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/read-source.js';
import { findBulletin, type BulletinSearch } from '../workflow/find-bulletin.js';

/** What `[dir]` means when it is left out, for the commands' help. */
export const DIR_HELP = 'bulletin folder (default: the nearest folder upward with index.md, else content/ in the project)';

function listed(folders: string[]): string {
  if (folders.length === 1) return folders[0];
  if (folders.length <= 3) return `${folders.slice(0, -1).join(', ')} and ${folders[folders.length - 1]}`;
  return `${folders[0]}, ${folders[1]} and the ${folders.length - 2} folders above up to ${folders[folders.length - 1]}`;
}

export function notFoundMessage(search: BulletinSearch): string {
  const where = `looked for an index.md with front matter (a \`title:\` line) in ${listed(search.searched)} and in a content/ folder of each`;
  const root = search.projectRoot
    ? `, and for content/ in the project root ${search.projectRoot}, which has none`
    : '; no project root (a folder with package.json or .git) was on the way';
  return `no bulletin folder found: ${where}${root}. Give the folder (e.g. \`bulletin build DIR\`), run the command inside it, or create one with \`bulletin init\`.`;
}

/** The absolute bulletin folder for a command's `[dir]` argument (or `--dir`). */
export function bulletinDir(given: string | undefined, cwd: string = process.cwd()): string {
  if (given !== undefined) return resolve(cwd, given);
  const search = findBulletin(cwd);
  if (search.dir) return search.dir;
  throw new BulletinError(diagnostic({ file: shownDir(cwd, cwd), line: 0, column: 0 }, 'error', 'no-bulletin', notFoundMessage(search)));
}

/** How a command names its bulletin folder in status lines: as given, or as found. */
export function shownDir(dir: string, cwd: string = process.cwd()): string {
  return resolve(dir) === resolve(cwd) ? '.' : displayPath(resolve(dir), cwd);
}
