// The images as the PDF holds them, once layout has placed them: resampled
// to at most 300 ppi at their largest placed size, converted in press builds
// from sRGB to the output condition's CMYK through its ICC profile (grey
// stays grey: DeviceGray is the black plate alone), and encoded: photos
// (JPEG sources) as JPEG, everything else deflated losslessly. Findings name
// the Markdown line: a picture printed below 150 ppi, one resampled.
import { deflateSync } from 'node:zlib';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DisplayList } from '../layout/display-list.js';
import type { PixelBox } from './decode.js';
import type { ImageTable, PreparedImage } from './prepare.js';
import { loadSharp } from './sharp.js';

/** Print resolution: more is not seen, less is soft. */
export const TARGET_PPI = 300;
const LOW_PPI = 150;
const JPEG_QUALITY = 90;

/** An image XObject's data and entries (src/render/image-xobject.ts writes it). */
export interface PdfImage {
  /** XObject resource name, the same on every page. */
  label: string;
  width: number;
  height: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK';
  filter: 'DCTDecode' | 'FlateDecode';
  data: Buffer;
  /** Adobe CMYK JPEGs store their samples inverted. */
  decode?: number[];
}

export interface PrintOptions {
  press: boolean;
  /** The CMYK output profile to convert RGB to (press). */
  profile?: string;
}

export interface PrintedImages {
  images: Map<string, PdfImage>;
  /** The image each XObject label shows, for preflight's messages. */
  byLabel: Map<string, PreparedImage>;
  diagnostics: Diagnostic[];
  /** Whether any RGB picture was converted with `profile` (the OutputIntent must then embed it). */
  converted: boolean;
}

/** The largest size each image is placed at, in points. */
function placedSizes(display: DisplayList): Map<string, { w: number; h: number }> {
  const sizes = new Map<string, { w: number; h: number }>();
  for (const page of display.pages) {
    for (const item of page.items) {
      if (item.kind !== 'image') continue;
      const known = sizes.get(item.path);
      if (!known || item.w > known.w) sizes.set(item.path, { w: item.w, h: item.h });
    }
  }
  return sizes;
}

export async function imagesForPdf(display: DisplayList, table: ImageTable, options: PrintOptions): Promise<PrintedImages> {
  const out: PrintedImages = { images: new Map(), byLabel: new Map(), diagnostics: [], converted: false };
  for (const [path, placed] of placedSizes(display)) {
    const image = table.get(path);
    if (!image) continue;
    const label = `Im${out.images.size + 1}`;
    const target = { width: Math.max(1, Math.ceil((placed.w / 72) * TARGET_PPI)), height: Math.max(1, Math.ceil((placed.h / 72) * TARGET_PPI)) };
    out.diagnostics.push(...resolutionNotes(image, placed.w));
    const pdfImage = await encode(image, target, options, label);
    if (pdfImage.colorSpace === 'DeviceCMYK' && image.channels === 3) out.converted = true;
    out.images.set(path, pdfImage);
    out.byLabel.set(label, image);
  }
  return out;
}

function resolutionNotes(image: PreparedImage, widthPt: number): Diagnostic[] {
  const inches = widthPt / 72;
  const ppi = Math.round(image.source.width / inches);
  const mm = Math.round(inches * 25.4);
  if (ppi < LOW_PPI) {
    return [diagnostic(image.at, 'warning', 'image-resolution',
      `${image.url} prints at ${ppi} ppi (${image.source.width} px over ${mm} mm) and will look soft: use a file at least ${Math.ceil(inches * TARGET_PPI)} px wide for ${TARGET_PPI} ppi.`)];
  }
  if (ppi > TARGET_PPI * 1.02) {
    return [diagnostic(image.at, 'info', 'image-resampled',
      `${image.url}: ${image.source.width}×${image.source.height} px printed ${mm} mm wide (${ppi} ppi) is resampled to ${TARGET_PPI} ppi.`)];
  }
  return [];
}

async function encode(image: PreparedImage, target: PixelBox, options: PrintOptions, label: string): Promise<PdfImage> {
  const sharp = await loadSharp(image.at);
  const { width, height } = image.size;
  let pipeline = sharp(image.pixels, { raw: { width, height, channels: image.channels } });
  if (width > target.width || height > target.height) pipeline = pipeline.resize({ ...target, fit: 'inside' });
  const cmyk = options.press && image.channels === 3;
  if (cmyk) {
    if (!options.profile) throw new Error('press conversion without a CMYK profile');
    pipeline = pipeline.withIccProfile(options.profile, { attach: false });
  }
  const colorSpace = cmyk ? 'DeviceCMYK' : image.channels === 1 ? 'DeviceGray' : 'DeviceRGB';
  if (image.photo) {
    const { data, info } = await pipeline.jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer({ resolveWithObject: true });
    const pdf: PdfImage = { label, width: info.width, height: info.height, colorSpace, filter: 'DCTDecode', data };
    if (cmyk) pdf.decode = [1, 0, 1, 0, 1, 0, 1, 0];
    return pdf;
  }
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { label, width: info.width, height: info.height, colorSpace, filter: 'FlateDecode', data: deflateSync(data) };
}
