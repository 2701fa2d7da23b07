// An image XObject from the image stage's pixels (src/images/print.ts), in
// the shape pdfkit's `doc.image()` takes for an image already opened (width,
// height, label, obj, embed): pdfkit places it and adds it to the page's
// resources, and never decodes or re-encodes its data.
import type { PdfImage } from '../images/print.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';

export interface OpenedImage {
  width: number;
  height: number;
  label: string;
  obj: PdfRef | null;
  embed(doc: PdfDoc): void;
}

/** @param rgbSpace the colour space RGB pictures are written in, when not DeviceRGB (rgb-space.ts). */
export function openedImage(image: PdfImage, rgbSpace?: unknown): OpenedImage {
  return {
    width: image.width,
    height: image.height,
    label: image.label,
    obj: null,
    embed(doc: PdfDoc): void {
      if (this.obj) return;
      const dict: Record<string, unknown> = {
        Type: 'XObject',
        Subtype: 'Image',
        Width: image.width,
        Height: image.height,
        BitsPerComponent: 8,
        ColorSpace: image.colorSpace === 'DeviceRGB' && rgbSpace ? rgbSpace : image.colorSpace,
        // Set before writing: pdfkit compresses only a stream without a filter.
        Filter: image.filter,
      };
      if (image.decode) dict.Decode = image.decode;
      const ref = doc.ref(dict);
      ref.end(image.data);
      this.obj = ref;
    },
  };
}
