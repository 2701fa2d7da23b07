// `bulletin fonts [DIR]`: which font each role uses and why (built-in, a
// fonts.yaml, the template), each face's names, licence, glyph count and
// OpenType features, and how the bulletin's characters are covered. It
// changes nothing and exits 0 even when characters are missing (`check` and
// `build` report those as errors).
import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { loadBulletin } from '../content/load.js';
import { loadFontSet } from '../fonts/font-set.js';
import { collectText } from '../fonts/collect-text.js';
import { describeFonts, formatListing } from '../fonts/listing.js';

/** The fonts/ folders for a bulletin, lowest priority first: the project's (working directory), then the bulletin's. */
export function fontSearchDirs(bulletinDir: string, projectDir: string = process.cwd()): string[] {
  return [...new Set([join(resolve(projectDir), 'fonts'), join(resolve(bulletinDir), 'fonts')])];
}

export function register(program: Command): void {
  program
    .command('fonts')
    .description('list the fonts of each role (chains, names, licences, features) and the bulletin’s character coverage')
    .argument('[dir]', 'bulletin directory', 'content')
    .option('--json', 'print the listing as JSON on stdout')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const { bulletin } = await loadBulletin(dir);
      const set = loadFontSet({ searchDirs: fontSearchDirs(bulletin.dir) });
      const listing = await describeFonts(set, collectText(bulletin));
      process.stdout.write((opts.json ? JSON.stringify(listing, null, 2) : formatListing(listing, `Fonts for ${dir}`)) + '\n');
    });
}
