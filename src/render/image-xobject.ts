// Pictures: the image stage's XObjects (src/images/print.ts), each written
// once for the document, and drawn where the display list places them. The
// data is written as it comes (already deflated or JPEG), never decoded or
// encoded again.
import type { PdfImage } from '../images/print.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import { num } from './numbers.js';

export class ImageWriter {
  private readonly written = new Map<string, PdfRef>();

  /**
   * @param images the image stage's XObjects by image path
   * @param rgbSpace the colour space RGB pictures are written in, when not DeviceRGB (rgb-space.ts)
   */
  constructor(
    private readonly doc: PdfDoc,
    private readonly images: ReadonlyMap<string, PdfImage>,
    private readonly rgbSpace?: unknown,
  ) {}

  /**
   * The operators that draw the picture at `path` in the box (x, y, w, h) of
   * the page's top-down space, and the XObject in the page's resources. The
   * unit square is scaled to the box with y flipped back: `q w 0 0 -h x y+h cm
   * /Label Do Q`, so the colour state is untouched.
   */
  draw(path: string, box: { x: number; y: number; w: number; h: number }): string {
    const image = this.images.get(path);
    if (!image) throw new Error(`render: the picture ${path} was not prepared by the image stage (src/images/print.ts)`);
    this.doc.page.xobjects[image.label] = this.xobject(image);
    return `q\n${num(box.w)} 0 0 ${num(-box.h)} ${num(box.x)} ${num(box.y + box.h)} cm\n/${image.label} Do\nQ`;
  }

  private xobject(image: PdfImage): PdfRef {
    const known = this.written.get(image.label);
    if (known) return known;
    const dict: Record<string, unknown> = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      BitsPerComponent: 8,
      ColorSpace: image.colorSpace === 'DeviceRGB' && this.rgbSpace ? this.rgbSpace : image.colorSpace,
      Filter: image.filter,
    };
    if (image.decode) dict.Decode = image.decode;
    const ref = this.doc.ref(dict);
    ref.end(image.data);
    this.written.set(image.label, ref);
    return ref;
  }
}
