// `build --png DIR`: page images an editor can read (150 dpi unless --dpi N).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, runCli, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('build --png', () => {
  const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });

  it('renders A4 pages at 150 dpi by default (1240 × 1754 pixels)', () => {
    const out = tempDir();
    const r = runCli(['build', dir, '-o', join(out, 'b.pdf'), '--template', 'a4', '--png', join(out, 'png')]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(out, 'png'));
    expect(files).toEqual(['page-1.png']);
    const [w, h] = pngSize(join(out, 'png', 'page-1.png'));
    expect(Math.abs(w - 1240)).toBeLessThanOrEqual(1);
    expect(Math.abs(h - 1754)).toBeLessThanOrEqual(1);
  });

  it('takes --dpi N', () => {
    const out = tempDir();
    expect(runCli(['build', dir, '-o', join(out, 'b.pdf'), '--template', 'a4', '--png', out, '--dpi', '72']).code).toBe(0);
    const [w] = pngSize(join(out, 'page-1.png'));
    expect(Math.abs(w - 595)).toBeLessThanOrEqual(1);
  });

  it('rejects a --dpi that is not a sensible whole number, before building', () => {
    for (const bad of ['0', 'abc', '150.5', '5000']) {
      const out = tempDir();
      const r = runCli(['build', dir, '-o', join(out, 'b.pdf'), '--png', out, '--dpi', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--dpi must be a whole number/);
      expect(readdirSync(out)).toEqual([]);
    }
  });
});
