// Decoding one image with sharp (libvips), fully, before layout: a damaged,
// truncated or unsupported file is an error at its Markdown line, never a
// black rectangle in the PDF. What comes out is what print needs and nothing
// more: turned upright (EXIF orientation), shrunk to at most 300 ppi at the
// largest size layout can place it, alpha flattened on white, 8 bits a
// sample, grey (one channel) or sRGB (three, converted from the file's own
// ICC profile when it has one).
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { loadSharp } from './sharp.js';

/** Raster formats a bulletin may use (no SVG or PDF: they can name other files). */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif', 'heif']);

/** Input pixels at most (sharp's default too: 16383 × 16383). */
const MAX_PIXELS = 268_402_689;

export interface PixelBox {
  width: number;
  height: number;
}

export interface DecodedImage {
  /** Absolute path (the table's key). */
  path: string;
  /** The file's pixel size, upright. */
  source: PixelBox;
  /** The pixels kept, `channels` 8-bit samples each, row by row. */
  pixels: Buffer;
  size: PixelBox;
  channels: 1 | 3;
  /** A JPEG: kept as JPEG in the PDF (a photo), else deflated losslessly. */
  photo: boolean;
}

const OPTIONS: SharpOptions = { failOn: 'warning', limitInputPixels: MAX_PIXELS, sequentialRead: true };

/** The image at `path`, at most `bound` pixels, or the error at `at` (`url` as the Markdown wrote it). */
export async function decodeImage(path: string, url: string, bound: PixelBox, at: SourcePoint): Promise<DecodedImage | Diagnostic> {
  const sharp = await loadSharp(at);
  const damaged = (e: unknown) => diagnostic(at, 'error', 'image-damaged', `${url} is damaged (${reason(e)}): re-export it from the original, as PNG or JPEG.`);
  let meta: Metadata;
  try {
    // The header only: its size is checked below, with a message saying what is wrong.
    meta = await sharp(path, { ...OPTIONS, limitInputPixels: false }).metadata();
  } catch (e) {
    const unknown = /unsupported image format/i.test(String((e as Error)?.message));
    if (unknown) return diagnostic(at, 'error', 'image-format', `${url} is not an image bulletin can read: use a PNG or JPEG file (WebP, TIFF and GIF work too).`);
    return damaged(e);
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    return diagnostic(at, 'error', 'image-format', `${url} is ${meta.format ? `a ${meta.format.toUpperCase()} file` : 'in an unknown format'}: use a PNG or JPEG file (WebP, TIFF and GIF work too).`);
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) {
    return diagnostic(at, 'error', 'image-too-large',
      `${url} is ${meta.width}×${meta.height} px, more than bulletin decodes (${Math.round(MAX_PIXELS / 1e6)} million pixels): save it smaller (3000 px across is plenty for a page).`);
  }
  const grey = (meta.channels ?? 3) <= 2 || meta.space === 'b-w' || meta.space === 'grey16';
  try {
    let pipeline: Sharp = sharp(path, OPTIONS).autoOrient().resize({ ...bound, fit: 'inside', withoutEnlargement: true });
    if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    pipeline = pipeline.toColourspace(grey ? 'b-w' : 'srgb');
    const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    const upright = (meta.orientation ?? 1) >= 5;
    const source = { width: upright ? meta.height! : meta.width!, height: upright ? meta.width! : meta.height! };
    const size = { width: info.width, height: info.height };
    const kept = info.channels === 3 && allGrey(data) ? firstChannel(data) : data;
    const channels = kept === data ? info.channels : 1;
    if (channels !== 1 && channels !== 3) return damaged(new Error(`${channels} channels after decoding`));
    return { path, source, pixels: kept, size, channels, photo: meta.format === 'jpeg' };
  } catch (e) {
    return damaged(e);
  }
}

/** libvips's reason, on one line, without its module prefix. */
function reason(e: unknown): string {
  const text = String((e as Error)?.message ?? e).split('\n')[0].replace(/^\w+:\s*/, '').trim();
  return text || 'unreadable';
}

/** Whether every pixel's three samples are within a JPEG's noise of each other (a grey picture stored as RGB). */
function allGrey(rgb: Buffer): boolean {
  for (let i = 0; i < rgb.length; i += 3) {
    const r = rgb[i];
    const g = rgb[i + 1];
    const b = rgb[i + 2];
    if (Math.abs(r - g) > 3 || Math.abs(r - b) > 3 || Math.abs(g - b) > 3) return false;
  }
  return true;
}

function firstChannel(rgb: Buffer): Buffer {
  const out = Buffer.allocUnsafe(rgb.length / 3);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) out[j] = rgb[i + 1];
  return out;
}
