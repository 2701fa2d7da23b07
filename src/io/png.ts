// Page images for review (`build --png DIR`): poppler's pdftoppm renders the
// PDF we wrote, so what a reviewer sees is exactly what was printed. It
// renders into a new folder inside DIR, and each page is then renamed into
// place: a DIR/page-N.png that is a symbolic link is replaced, never written
// through to where it leads.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';

const run = promisify(execFile);

/** Renders every page of `pdf` to `dir/page-N.png` at `dpi` and returns the files. */
export async function renderPngs(pdf: string, dir: string, dpi: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const scratch = await mkdtemp(join(dir, '.bulletin-png-'));
  try {
    try {
      await run('pdftoppm', ['-r', String(dpi), '-png', pdf, join(scratch, 'page')]);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new BulletinError(diagnostic({ file: pdf, line: 0, column: 0 }, 'error', 'png-failed',
        code === 'ENOENT'
          ? 'cannot render page images: pdftoppm is not installed. Install poppler-utils (Debian/Ubuntu: `apt-get install poppler-utils`, macOS: `brew install poppler`).'
          : `pdftoppm failed: ${(e as Error).message}`));
    }
    // pdftoppm pads page numbers by the page count's width: page-1.png or page-01.png.
    const names = (await readdir(scratch)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    for (const name of names) await rename(join(scratch, name), join(dir, name));
    return names.map((f) => join(dir, f));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
