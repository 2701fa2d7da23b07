// `bulletin fonts [DIR]`: which font each role uses and why (built-in, a
// fonts.yaml, the template), each face's names, licence, glyph count and
// OpenType features, and how the bulletin's characters are covered. It
// changes nothing and exits 0 even when characters are missing (`check` and
// `build` report those as errors).
import type { Command } from 'commander';
import { loadBulletin } from '../content/load.js';
import { loadDesign } from '../design/design.js';
import { collectText } from '../fonts/collect-text.js';
import { describeFonts, formatListing } from '../fonts/listing.js';
import { printedTextRoles } from '../layout/text-roles.js';
import { bulletinDir, DIR_HELP, shownDir } from './bulletin-dir.js';
import { bulletinRoots } from '../io/roots.js';
import { collectValues } from './check.js';

export function register(program: Command): void {
  program
    .command('fonts')
    .description('list the fonts of each role (chains, names, licences, features) and the bulletin’s character coverage')
    .argument('[dir]', DIR_HELP)
    .option('--json', 'print the listing as JSON on stdout')
    .option('--template <name>', 'template whose `fonts` map to apply (default: the one index.md names)')
    .option('--root <dir>', 'also let the bulletin read files from DIR; repeatable', collectValues)
    .action(async (given: string | undefined, opts: { json?: boolean; template?: string; root?: string[] }) => {
      const dir = bulletinDir(given);
      const roots = bulletinRoots({ dir, extra: opts.root, cliTemplate: opts.template });
      const { bulletin } = await loadBulletin(dir, { roots: roots.content });
      // Exactly the build's fonts: the same function chooses them.
      const { fonts: set, template } = loadDesign(bulletin, opts.template, roots.design);
      // The bulletin's text in the roles layout sets it in.
      const listing = await describeFonts(set, collectText(bulletin, printedTextRoles(template)));
      process.stdout.write((opts.json ? JSON.stringify(listing, null, 2) : formatListing(listing, `Fonts for ${shownDir(dir)}`)) + '\n');
    });
}
