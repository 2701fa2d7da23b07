// Page images for review (`build --png DIR`): poppler's pdftoppm renders the
// PDF we wrote, so what a reviewer sees is exactly what was printed.
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';

const run = promisify(execFile);

/** Renders every page of `pdf` to `dir/page-N.png` at `dpi` and returns the files. */
export async function renderPngs(pdf: string, dir: string, dpi: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  try {
    await run('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BulletinError(diagnostic({ file: pdf, line: 0, column: 0 }, 'error', 'png-failed',
      code === 'ENOENT'
        ? 'cannot render page images: pdftoppm is not installed. Install poppler-utils (Debian/Ubuntu: `apt-get install poppler-utils`, macOS: `brew install poppler`).'
        : `pdftoppm failed: ${(e as Error).message}`));
  }
  // pdftoppm pads page numbers by the page count's width: page-1.png or page-01.png.
  return (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort().map((f) => join(dir, f));
}
