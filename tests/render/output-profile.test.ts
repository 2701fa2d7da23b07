// The OutputIntent's profile is written already deflated, and the deflated
// bytes are kept for the profile last seen (src/render/output-intent.ts): the
// stream must still inflate to exactly the profile's file, on the first
// build, on later ones, and after another profile was embedded in between.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { outputProfile } from '../safety/images.js';
import { list, run, tempPdf } from './fixtures.js';

const SHIPPED = readFileSync('profiles/FOGRA39L-bulletin.icc');
const page = () => list([[run('安全生产大家谈', 60, 100, { size: 40 })]]);

/** A CMYK output profile's header followed by `fill`: enough for the check readCmykProfile makes. */
function cmykProfile(fill: number): Buffer {
  const b = Buffer.alloc(4096, fill);
  b.writeUInt32BE(b.length, 0);
  b.write('prtr', 12, 'latin1');
  b.write('CMYK', 16, 'latin1');
  b.write('Lab ', 20, 'latin1');
  b.write('acsp', 36, 'latin1');
  return b;
}

describe('the embedded output profile', () => {
  it('inflates to the shipped profile in every screen build, and to the user’s own in a press build in between', async () => {
    expect(Buffer.from(outputProfile(await renderPdf(page())) ?? []).equals(SHIPPED)).toBe(true);
    const mine = join(dirname(tempPdf(new Uint8Array(0))), 'mine.icc');
    writeFileSync(mine, cmykProfile(7));
    expect(Buffer.from(outputProfile(await renderPdf(page(), { press: true, outputProfile: mine })) ?? []).equals(readFileSync(mine))).toBe(true);
    // The same path with other bytes: the profile is read again, not taken from before.
    writeFileSync(mine, cmykProfile(9));
    expect(Buffer.from(outputProfile(await renderPdf(page(), { press: true, outputProfile: mine })) ?? []).equals(readFileSync(mine))).toBe(true);
    expect(Buffer.from(outputProfile(await renderPdf(page())) ?? []).equals(SHIPPED)).toBe(true);
  });
});
