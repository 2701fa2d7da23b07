// Pixel size of a picture: layout only needs the aspect ratio to scale it to
// the column. The build decodes every image before layout
// (src/images/prepare.ts) and passes their decoded, upright sizes to
// layoutBulletin (LayoutOptions.imageSizes); without them (layout called on
// its own) the size is read from a PNG or JPEG header.
import { closeSync, openSync, readSync } from 'node:fs';

export interface PixelSize {
  width: number;
  height: number;
}

/** Reads the first `n` bytes of a file. */
function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export function pngSize(b: Buffer): PixelSize | undefined {
  // Signature, then the IHDR chunk: length(4) 'IHDR'(4) width(4) height(4).
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function jpegSize(b: Buffer): PixelSize | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return undefined;
}

/** Size of a picture from a PNG or JPEG header (undefined for another format or a short file). */
export function imageSize(path: string): PixelSize | undefined {
  // The JPEG frame header can follow large EXIF blocks: read generously.
  const b = head(path, 256 * 1024);
  return pngSize(b) ?? jpegSize(b);
}
