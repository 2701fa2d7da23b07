// `bulletin fmt [DIR] [--write]`: the cleaning rules applied to the sources.
// Without --write: the unified diff on stdout, the changes listed on stderr.
// Near-duplicates and lint findings are never changed here (see `check`).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadBulletin } from '../content/load.js';
import { planFormatting } from '../clean/format.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { formatDiagnostics } from './report.js';
import { bulletinDir, DIR_HELP, shownDir } from './bulletin-dir.js';
import { collectValues } from './check.js';
import { realPath } from '../io/file-identity.js';
import { bulletinRoots } from '../io/roots.js';

const BOM = [0xef, 0xbb, 0xbf];
const startsWithBom = (b: Uint8Array): boolean => BOM.every((x, i) => b[i] === x);

/** The new bytes with the byte-order mark the file on disk has (whatever the decoder reported). */
async function withOriginalBom(path: string, bytes: Uint8Array): Promise<Uint8Array> {
  const original = await readFile(path);
  if (!startsWithBom(original) || startsWithBom(bytes)) return bytes;
  const out = new Uint8Array(bytes.length + 3);
  out.set(BOM, 0);
  out.set(bytes, 3);
  return out;
}

export function register(program: Command): void {
  program
    .command('fmt')
    .description('repair repeated and split paragraphs in the Markdown sources (a diff; --write to apply)')
    .argument('[dir]', DIR_HELP)
    .option('--write', 'rewrite the files in place (atomically)')
    .option('--root <dir>', 'also read articles that are symbolic links into DIR; repeatable', collectValues)
    .action(async (given: string | undefined, opts: { write?: boolean; root?: string[] }) => {
      const dir = bulletinDir(given);
      const { bulletin, diagnostics } = await loadBulletin(dir, { roots: bulletinRoots({ dir, extra: opts.root }).content });
      if (diagnostics.length > 0) process.stderr.write(formatDiagnostics(diagnostics, 'human') + '\n');
      const plan = planFormatting(bulletin);
      // Articles that only repeat others are not emptied in the sources (they would no longer build): said, and left.
      if (plan.untouched.length > 0) process.stderr.write(formatDiagnostics(plan.untouched, 'human') + '\n');
      if (plan.edits.length === 0) {
        process.stderr.write(`${shownDir(dir)}: nothing to change\n`);
        return;
      }
      if (!opts.write) {
        process.stdout.write(plan.edits.map((e) => e.diff).join(''));
        if (plan.applied.length > 0) process.stderr.write(formatDiagnostics(plan.applied, 'human') + '\n');
        process.stderr.write(`${plan.edits.length} file(s) would change; run with --write to apply\n`);
        return;
      }
      // An article that is a symbolic link is rewritten where it leads, so the link stays.
      for (const edit of plan.edits) await writeFileAtomic(realPath(edit.absPath), await withOriginalBom(edit.absPath, edit.bytes));
      if (plan.applied.length > 0) process.stderr.write(formatDiagnostics(plan.applied, 'human') + '\n');
      process.stderr.write(`${plan.edits.length} file(s) rewritten\n`);
    });
}
