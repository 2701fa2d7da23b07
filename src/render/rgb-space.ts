// sRGB as an ICC-based colour space, for RGB pictures in a file whose
// standard wants device-independent RGB (PDF/X-4, PDF/A). The profile is the
// one shipped in profiles/ (scripts/make-srgb-icc.mjs, computed from IEC
// 61966-2-1; see profiles/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';
import type { PdfDoc } from './pdfkit-api.js';
import { deflatedStream } from './streams.js';

export const SRGB_PROFILE = 'sRGB-bulletin.icc';

export function srgbProfileBytes(): Buffer {
  return readFileSync(join(packageRoot(), 'profiles', SRGB_PROFILE));
}

/** `[/ICCBased <sRGB stream>]`, written once for the document. */
export function srgbSpace(doc: PdfDoc): unknown[] {
  return ['ICCBased', deflatedStream(doc, { N: 3, Alternate: 'DeviceRGB' }, srgbProfileBytes())];
}
