// Poppler, as a reader's tools see a PDF: pdftotext's text (what copy-paste
// gives) and pdftoppm's pixels (what the page looks like). Undefined where
// poppler is missing; .ci/run installs it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

function saved(pdf: Uint8Array): string {
  const file = join(tempDir(), 'read.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext's text of the whole document (its default reading order), with `args` such as `-raw`. */
export function pdftotext(pdf: Uint8Array, args: string[] = []): string | undefined {
  const r = spawnSync('pdftotext', [...args, saved(pdf), '-'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : undefined;
}

/** A grey image of part of a page: width × height pixels, one byte each (0 black, 255 white), row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders the box (pt from the page's top-left corner) of page `page` at `dpi`, in grey. */
export function renderGrey(pdf: Uint8Array, page: number, dpi: number, box: { x: number; y: number; w: number; h: number }): GreyImage | undefined {
  const px = (pt: number): number => Math.round((pt * dpi) / 72);
  const args = ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-x', String(px(box.x)), '-y', String(px(box.y)), '-W', String(px(box.w)), '-H', String(px(box.h)), saved(pdf)];
  const r = spawnSync('pdftoppm', args, { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  // A binary PGM: "P5\n<w> <h>\n<max>\n" then the bytes.
  const out = r.stdout as Buffer;
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(out.subarray(0, 64).toString('latin1'));
  if (!header) return undefined;
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: out.subarray(header[0].length, header[0].length + width * height) };
}
