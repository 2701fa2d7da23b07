// Images through a real image library (issue 12, item 3): every picture is
// decoded before layout; damaged ones are errors at their Markdown line;
// what the PDF holds is resampled to 300 ppi at most, alpha flattened on
// white, grey kept grey, and in --press converted to CMYK with the profile
// the OutputIntent declares. The CLI cases run the binary; the PDF is read
// back with src/render/pdf-reader.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { compile } from '../../src/pipeline/compile.js';
import { preflight } from '../../src/render/preflight.js';
import { article, ROOT, runCli, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { gradient, outputProfile, pdfImages, photoJpeg, tinyPng, zeroedPng } from './images.js';

const BODY = '正文第一段，讲述安全生产的重要意义，说明本期的主要内容。';

/** A bulletin whose article shows `name` (line 9 of 01-a.md). */
function bulletinWith(name: string, bytes: Buffer): string {
  const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article('标题一 标题二', '张三', `${BODY}\n\n![照片](${name})\n`) });
  writeFileSync(join(dir, name), bytes);
  return dir;
}

function build(dir: string, ...args: string[]): { code: number; stderr: string; pdf?: Buffer } {
  const out = join(tempDir(), 'out.pdf');
  const r = runCli(['build', dir, '-o', out, ...args]);
  let pdf: Buffer | undefined;
  try {
    pdf = readFileSync(out);
  } catch {
    pdf = undefined;
  }
  return { code: r.code, stderr: r.stderr, pdf };
}

describe('a damaged or unreadable image', () => {
  it('with 500 zeroed bytes in its image data is an error at the Markdown line, and no PDF', async () => {
    const r = build(bulletinWith('park.png', zeroedPng(await tinyPng(400, 300))));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +error +park\.png is damaged \(.+\): re-export it/);
    expect(r.pdf).toBeUndefined();
  });

  it('truncated is an error at the Markdown line, never an internal error', async () => {
    const png = await tinyPng(400, 300);
    const r = build(bulletinWith('park.png', png.subarray(0, Math.floor(png.length * 0.6))));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +error +park\.png is damaged/);
    expect(r.stderr).not.toMatch(/internal error/);
    const jpeg = await photoJpeg();
    const j = build(bulletinWith('park.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.5))));
    expect(j.code).toBe(1);
    expect(j.stderr).toMatch(/01-a\.md:9:1 +error +park\.jpg is damaged/);
  });

  it('that is not an image, or an SVG, is an error naming what to use', () => {
    const r = build(bulletinWith('park.jpg', Buffer.from('not a picture at all')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +error +park\.jpg is not an image bulletin can read: use a PNG or JPEG file/);
    const svg = build(bulletinWith('a.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><image href="/etc/hostname"/></svg>')));
    expect(svg.code).toBe(1);
    expect(svg.stderr).toMatch(/a\.svg is a SVG file: use a PNG or JPEG file/);
  });
});

describe('images in the PDF', () => {
  it('an RGB photo in --press is converted to CMYK with the profile the OutputIntent embeds', async () => {
    const r = build(bulletinWith('park.png', await tinyPng(600, 400)), '--press');
    expect(r.code, r.stderr).toBe(0);
    const [image] = pdfImages(r.pdf!);
    expect(image.colorSpace).toBe('DeviceCMYK');
    // The left edge of the gradient is red (255, ~0, 40): magenta and yellow, little cyan.
    const [c, m, y] = image.samples!.subarray(0, 4);
    expect(m).toBeGreaterThan(200);
    expect(y).toBeGreaterThan(150);
    expect(c).toBeLessThan(40);
    const shipped = readFileSync(join(ROOT, 'profiles', 'FOGRA39L-bulletin.icc'));
    expect(Buffer.from(outputProfile(r.pdf!)!).equals(shipped)).toBe(true);
    expect(r.pdf!.toString('latin1')).toMatch(/\/OutputConditionIdentifier \(FOGRA39\)/);
  });

  it('an RGB photo in --press with another condition and no profile is refused at its line', async () => {
    const r = build(bulletinWith('park.jpg', await photoJpeg()), '--press', '--output-condition', 'FOGRA51');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +error +park\.jpg is an RGB picture.*--output-profile/);
  });

  it('alpha is flattened on white, and grey stays grey (also in --press)', async () => {
    const w = 200;
    const h = 150;
    const rgba = Buffer.alloc(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([0, 0, 255, i % w < w / 2 ? 0 : 255], i * 4);
    const png = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } }).png().toBuffer();
    const flat = build(bulletinWith('alpha.png', png));
    expect(flat.code, flat.stderr).toBe(0);
    const [image] = pdfImages(flat.pdf!);
    expect(image.smask).toBe(false);
    // The screen build is PDF/A-2u: RGB is tied to sRGB by its ICC profile.
    expect(image.colorSpace).toBe('ICCBased RGB');
    expect([...image.samples!.subarray(0, 3)]).toEqual([255, 255, 255]);

    const grey = await sharp(gradient(w, h), { raw: { width: w, height: h, channels: 3 } }).grayscale().png().toBuffer();
    for (const press of [[], ['--press']]) {
      const g = build(bulletinWith('grey.png', grey), ...press);
      expect(g.code, g.stderr).toBe(0);
      expect(pdfImages(g.pdf!)[0].colorSpace).toBe('DeviceGray');
    }
    // A grey picture saved as RGB is grey too.
    const rgbGrey = await sharp(gradient(w, h), { raw: { width: w, height: h, channels: 3 } }).grayscale().toColourspace('srgb').jpeg().toBuffer();
    const g = build(bulletinWith('grey.jpg', rgbGrey), '--press');
    expect(pdfImages(g.pdf!)[0].colorSpace).toBe('DeviceGray');
  });

  it('a 20 MB, 2600-pixel PNG is resampled to 300 ppi at its placed size, and says so with --verbose', async () => {
    const w = 2600;
    const px = gradient(w, w);
    // Noise, so that the file is as large as a photo saved as PNG.
    for (let i = 0; i < px.length; i += 7) px[i] ^= (i * 2654435761) >>> 27;
    const png = await sharp(px, { raw: { width: w, height: w, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
    expect(png.length).toBeGreaterThan(10_000_000);
    const dir = bulletinWith('big.png', png);
    const r = build(dir, '--verbose');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +info +big\.png: 2600×2600 px printed \d+ mm wide \(\d+ ppi\) is resampled to 300 ppi/);
    const result = await compile({ dir });
    const placed = result.display.pages.flatMap((p) => p.items).find((i) => i.kind === 'image')!;
    const [image] = pdfImages(result.pdf);
    expect(image.width).toBeLessThanOrEqual(Math.ceil((placed.w / 72) * 300));
    expect(image.width).toBeGreaterThan(Math.ceil((placed.w / 72) * 300) - 3);
  }, 60_000);

  it('a picture too small for its place gets a resolution warning at its line', async () => {
    const r = build(bulletinWith('small.png', await tinyPng(60, 40)));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +warning +small\.png prints at \d+ ppi \(60 px over \d+ mm\) and will look soft/);
  });

  it('a JPEG photographed on its side (EXIF orientation) is placed upright', async () => {
    const jpeg = await sharp(gradient(300, 200), { raw: { width: 300, height: 200, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await compile({ dir: bulletinWith('side.jpg', jpeg) });
    const placed = result.display.pages.flatMap((p) => p.items).find((i) => i.kind === 'image')!;
    expect(placed.h).toBeGreaterThan(placed.w);
  });
});

describe('preflight about an image', () => {
  it('names the Markdown file and line, not PDF objects', async () => {
    const result = await compile({ dir: bulletinWith('park.png', await tinyPng(300, 200)) });
    const found = preflight(result.pdf, {
      press: true,
      file: 'out.pdf',
      images: new Map([['Im1', { url: 'park.png', at: { file: '01-a.md', line: 9, column: 1 } }]]),
    });
    const rgb = found.filter((d) => d.message.includes('park.png'));
    expect(rgb).toHaveLength(1);
    expect(rgb[0]).toMatchObject({ file: '01-a.md', line: 9, rule: 'rgb-colour' });
    expect(rgb[0].message).not.toMatch(/object \d+/);
  });
});
