// The press colour rules, confirmed on the plates: Ghostscript's tiffsep
// device separates a --press --marks build of the sample into one greyscale
// TIFF per process ink (0 = full ink), and the test looks where the display
// list put things: crop marks on all four plates (registration colour),
// body text on the black plate alone, the running head on magenta and
// yellow alone (two inks at 100 %, no black tint).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/compile.js';
import { PT_PER_MM } from '../../src/render/boxes.js';
import type { DisplayList, TextRun } from '../../src/layout/display-list.js';
import { SAMPLE, tempDir } from '../helpers/cli.js';

const DPI = 100;
const PLATES = ['Cyan', 'Magenta', 'Yellow', 'Black'] as const;
type Plate = (typeof PLATES)[number];

interface Raster {
  data: Buffer;
  width: number;
  channels: number;
}

async function separate(pdf: Uint8Array, page: number): Promise<Record<Plate, Raster>> {
  const dir = tempDir('bulletin-sep-');
  const file = join(dir, 'press.pdf');
  writeFileSync(file, pdf);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiffsep', `-r${DPI}`, `-dFirstPage=${page}`, `-dLastPage=${page}`,
    `-sOutputFile=${join(dir, 'p.tif')}`, file]);
  const out = {} as Record<Plate, Raster>;
  for (const plate of PLATES) {
    const { data, info } = await sharp(join(dir, `p(${plate}).tif`)).raw().toBuffer({ resolveWithObject: true });
    out[plate] = { data, width: info.width, channels: info.channels };
  }
  return out;
}

/**
 * Pixels with ink in a box given in points from the sheet's top-left corner:
 * at least half ink, or with `trace` any ink at all (a 10 % tint is 230).
 */
function inked(r: Raster, box: { x: number; y: number; w: number; h: number }, trace = false): number {
  const limit = trace ? 250 : 128;
  const px = (pt: number) => Math.round((pt / 72) * DPI);
  let n = 0;
  for (let y = px(box.y); y < px(box.y + box.h); y++) {
    for (let x = px(box.x); x < px(box.x + box.w); x++) if (r.data[(y * r.width + x) * r.channels] < limit) n++;
  }
  return n;
}

/** The box of a run's glyphs on the sheet (trim coordinates shifted by the margin), from its baseline and size. */
function runBox(run: TextRun, margin: number): { x: number; y: number; w: number; h: number } {
  const g = run.glyphs;
  const width = g.x(g.length - 1) - g.x(0) + g.advance(g.length - 1);
  return { x: margin + run.x + run.glyphs.x(0), y: margin + run.y - run.size * 0.85, w: width, h: run.size };
}

function runsTagged(list: DisplayList, page: number, id: string): TextRun[] {
  return list.pages[page - 1].items.filter((i): i is TextRun => i.kind === 'text' && i.tag?.id === id);
}

describe('press separations (Ghostscript tiffsep)', () => {
  it('puts crop marks on every plate, body text on black alone, the running head on magenta and yellow alone', async () => {
    // On two pages (the sample asks for one): the running head is on the second.
    const { pdf, display } = await compile({ dir: SAMPLE, press: true, marks: true, pages: 2 });
    expect(display.pages).toHaveLength(2);
    const plates = await separate(pdf, 2);
    const margin = (3 + 6) * PT_PER_MM;
    // The top-left corner's horizontal mark: on the trim line, from the bleed edge outwards.
    const mark = { x: 0.5 * PT_PER_MM, y: margin - 1, w: 5 * PT_PER_MM, h: 2 };
    for (const plate of PLATES) expect(inked(plates[plate], mark), `crop mark on ${plate}`).toBeGreaterThan(3);

    const head = runsTagged(display, 2, 'running-head');
    expect(head.length).toBeGreaterThan(0);
    const headBox = runBox(head[0], margin);
    expect(inked(plates.Magenta, headBox)).toBeGreaterThan(20);
    expect(inked(plates.Yellow, headBox)).toBeGreaterThan(20);
    expect(inked(plates.Black, headBox, true)).toBe(0);
    expect(inked(plates.Cyan, headBox, true)).toBe(0);

    const body = display.pages[1].items.find((i): i is TextRun => i.kind === 'text' && i.tag?.role === 'P' && i.size < 12)!;
    const bodyBox = runBox(body, margin);
    expect(inked(plates.Black, bodyBox)).toBeGreaterThan(20);
    for (const plate of ['Cyan', 'Magenta', 'Yellow'] as const) expect(inked(plates[plate], bodyBox, true), `body text on ${plate}`).toBe(0);
  });
});
