// Test pictures made with sharp: a gradient photo, damaged copies of a PNG,
// and a reader for the image XObjects of a built PDF (src/render/pdf-reader.ts).
import sharp from 'sharp';
import { decodeStream, PdfFile, PdfNameValue, PdfStream, type PdfValue } from '../../src/render/pdf-reader.js';

/** RGB pixels: red to blue across, light to dark down (a photo-like gradient). */
export function gradient(width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = 255 - Math.round((x / width) * 200);
      px[i + 1] = Math.round((y / height) * 120);
      px[i + 2] = 40 + Math.round((x / width) * 200);
    }
  }
  return px;
}

export function tinyPng(width = 120, height = 80): Promise<Buffer> {
  return sharp(gradient(width, height), { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export function photoJpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp(gradient(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

/** A PNG with `n` bytes of its image data zeroed (its checksum no longer matches). */
export function zeroedPng(png: Buffer, n = 500): Buffer {
  const b = Buffer.from(png);
  const idat = b.indexOf('IDAT');
  b.fill(0, idat + 8, Math.min(b.length - 16, idat + 8 + n));
  return b;
}

export interface PdfImageInfo {
  name: string;
  width: number;
  height: number;
  colorSpace: string;
  filter: string;
  smask: boolean;
  /** Samples, when deflated (not JPEG). */
  samples?: Uint8Array;
}

function nameOf(v: PdfValue | undefined): string {
  return v instanceof PdfNameValue ? v.name : String(v);
}

/** A colour space's name; an ICC-based one as `ICCBased RGB` (or CMYK, Gray). */
function spaceName(doc: PdfFile, value: Parameters<PdfFile['resolve']>[0]): string {
  const v = doc.resolve(value);
  if (!Array.isArray(v)) return nameOf(v);
  const profile = doc.resolve(v[1]);
  const n = profile instanceof PdfStream ? Number(doc.resolve(profile.dict.get('N'))) : 0;
  return `${nameOf(doc.resolve(v[0]))} ${n === 3 ? 'RGB' : n === 4 ? 'CMYK' : 'Gray'}`;
}

/** Every image XObject of every page. */
export function pdfImages(pdf: Uint8Array): PdfImageInfo[] {
  const doc = new PdfFile(pdf);
  const out: PdfImageInfo[] = [];
  for (const page of doc.pages()) {
    const xobjects = doc.dict(page.resources?.get('XObject'));
    for (const [name, ref] of xobjects?.map ?? []) {
      const s = doc.resolve(ref);
      if (!(s instanceof PdfStream) || nameOf(s.dict.get('Subtype')) !== 'Image') continue;
      const filter = nameOf(s.dict.get('Filter'));
      out.push({
        name,
        width: Number(doc.resolve(s.dict.get('Width'))),
        height: Number(doc.resolve(s.dict.get('Height'))),
        colorSpace: spaceName(doc, s.dict.get('ColorSpace')),
        filter,
        smask: s.dict.has('SMask'),
        samples: filter === 'FlateDecode' ? decodeStream(s) : undefined,
      });
    }
  }
  return out;
}

/** The OutputIntent's DestOutputProfile bytes, if one is embedded. */
export function outputProfile(pdf: Uint8Array): Uint8Array | undefined {
  const doc = new PdfFile(pdf);
  const intents = doc.resolve(doc.catalog?.get('OutputIntents'));
  const first = Array.isArray(intents) ? doc.dict(intents[0]) : undefined;
  const s = doc.resolve(first?.get('DestOutputProfile'));
  return s instanceof PdfStream ? decodeStream(s) : undefined;
}
