// What render drew on each page, recorded as it wrote the content streams.
// Preflight's content checks (.notdef glyphs, colour operators, images) need
// every content stream inflated and tokenised: ~2.5 MB of operators for a
// 56-page issue, several times the rest of preflight. When preflight is given
// the very bytes render returned in this process (the build pipeline), it
// takes the content facts from here and still reads everything else (page
// tree, boxes, fonts, images, metadata) back from the file. The facts are tied
// to the bytes by their digest (the /ID render stamps), so a buffer changed
// after render is read in full like any other PDF.

/** One page, as render wrote it. */
export interface PageFacts {
  /** Glyph-0 (.notdef) codes drawn, by font resource name (`F1`). */
  notdef: Map<string, number>;
  /** Image XObjects drawn (`/Im Do`), by resource name, with how many times. */
  images: Map<string, number>;
}

/**
 * Besides these, render's content streams hold only text in embedded fonts,
 * DeviceCMYK `k`/`K` colour, paths, the page transform and marked content: no
 * RGB operators, graphics states, forms or inline images.
 */
export interface RenderFacts {
  pages: PageFacts[];
  /** Hex MD5 of the file up to `trailer` (ids.ts: the document's /ID). */
  digest: string;
}

const byPdf = new WeakMap<Uint8Array, RenderFacts>();

export function recordFacts(pdf: Uint8Array, facts: RenderFacts): void {
  byPdf.set(pdf, facts);
}

/** The facts render recorded for exactly this buffer, if it made it. */
export function recordedFacts(pdf: Uint8Array): RenderFacts | undefined {
  return byPdf.get(pdf);
}
