// The image stage, between loading and layout: every image the bulletin's
// Markdown names is located (inside the roots, before it is opened) and
// decoded (decode.ts); layout then looks each one up by the path it resolves
// (locate.ts's imagePath). All problems of all images are reported together,
// each at its Markdown line.
import { BulletinError, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import type { Bulletin } from '../content/types.js';
import { decodeImage, type DecodedImage, type PixelBox } from './decode.js';
import { locateImage } from './locate.js';
import { imageReferences } from './references.js';

/** An image file, where the Markdown first names it and how (the URL as written). */
export interface LocatedImage {
  path: string;
  url: string;
  at: SourcePoint;
}

export interface PreparedImage extends DecodedImage {
  url: string;
  at: SourcePoint;
}

/** Prepared images by absolute path. */
export type ImageTable = ReadonlyMap<string, PreparedImage>;

/** Each image file once (its first reference), and an error for each reference that cannot be used. */
export function locateImages(bulletin: Bulletin, roots: readonly string[]): { images: LocatedImage[]; diagnostics: Diagnostic[] } {
  const byPath = new Map<string, LocatedImage>();
  const diagnostics: Diagnostic[] = [];
  for (const doc of [bulletin.index, ...bulletin.articles]) {
    for (const ref of imageReferences(doc)) {
      const found = locateImage(ref, roots);
      if ('path' in found) {
        if (!byPath.has(found.path)) byPath.set(found.path, { path: found.path, url: ref.url, at: ref.at });
      } else diagnostics.push(found);
    }
  }
  return { images: [...byPath.values()], diagnostics };
}

/**
 * Decodes every image, at most `bound` pixels (300 ppi at the largest size
 * layout places a picture). One at a time: libvips uses both cores for one
 * image, and memory holds one full-size decode at most.
 */
export async function decodeImages(images: readonly LocatedImage[], bound: PixelBox): Promise<ImageTable> {
  const table = new Map<string, PreparedImage>();
  const diagnostics: Diagnostic[] = [];
  for (const image of images) {
    const decoded = await decodeImage(image.path, image.url, bound, image.at);
    if ('pixels' in decoded) table.set(image.path, { ...decoded, url: image.url, at: image.at });
    else diagnostics.push(decoded);
  }
  if (diagnostics.length > 0) throw new BulletinError(diagnostics);
  return table;
}
