// Reads a PDF back glyph by glyph, for tests that measure what a reader's
// software sees: each glyph's text, its box (the origin and the advance the
// font's widths give it, as text extraction and selection use) and its
// baseline, from pdfjs-dist's operator list (showText with the TJ numbers
// between glyphs). Coordinates are the display list's: bulletin writes every
// run as `1 0 0 -1 x y Tm` under pdfkit's flip of the page, so the text
// matrix's x and y are already points from the top-left corner (screen mode;
// press mode adds its bleed).
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfGlyph {
  /** The characters ToUnicode gives for the glyph. */
  text: string;
  /** Left edge of its box and its width, pt. */
  x: number;
  w: number;
  /** Baseline, pt from the top. */
  y: number;
  size: number;
  /** The font's BaseFont, subset prefix included. */
  font: string;
}

interface RawGlyph {
  unicode: string;
  width: number;
}

/** Every page's glyphs in content-stream order. The input buffer is copied (pdfjs detaches what it is given). */
export async function readPdfGlyphs(pdf: Uint8Array): Promise<PdfGlyph[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: PdfGlyph[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      const out: PdfGlyph[] = [];
      let font = '';
      let size = 0;
      let x = 0;
      let y = 0;
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.setFont) {
          const obj = page.commonObjs.get(args[0] as string) as { name?: string } | undefined;
          font = obj?.name ?? String(args[0]);
          size = args[1] as number;
        } else if (fn === OPS.setTextMatrix) {
          const m = args[0] as ArrayLike<number>;
          x = m[4];
          y = m[5];
        } else if (fn === OPS.showText) {
          for (const g of args[0] as (RawGlyph | number)[]) {
            if (typeof g === 'number') {
              x -= (g / 1000) * size;
              continue;
            }
            const w = (g.width / 1000) * size;
            out.push({ text: g.unicode, x, w, y, size, font });
            x += w;
          }
        }
      }
      pages.push(out);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The glyphs grouped into lines: one baseline, a gap under `gutter` pt between neighbours, in x order. */
export function glyphLines(glyphs: readonly PdfGlyph[], gutter: number): PdfGlyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfGlyph[][] = [];
  let cur: PdfGlyph[] = [];
  for (const g of sorted) {
    const prev = cur[cur.length - 1];
    if (prev && (Math.abs(g.y - prev.y) > 0.01 || g.x - (prev.x + prev.w) > gutter)) {
      lines.push(cur);
      cur = [];
    }
    cur.push(g);
  }
  if (cur.length) lines.push(cur);
  return lines;
}
