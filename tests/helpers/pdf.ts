// Reads a PDF back for tests: per page, the text items pdfjs-dist (5.4.296,
// legacy build, the same engine as Firefox's viewer) extracts, with their
// baseline origin, font and size.
//
//   const pages = await readPdfText(pdfBytes);
//   pages[0].items[0]  // { text: '安全生产', x: 50, y: 100, font: 'BZZZZZ+NotoSerifSC-Regular', size: 9, width: 36 }
//
// Coordinates are in points from the top-left corner of the page's MediaBox,
// y growing downwards: the display list's convention. In press mode the
// MediaBox includes the bleed (and the mark zone), so subtract that margin
// to compare with display-list positions.
// pdfjs splits text into items at each text object (one per run in bulletin's
// output) and where glyphs move backwards (compressed punctuation); it inserts
// a space where a gap exceeds ~0.1 em. Empty end-of-line items are dropped.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  text: string;
  /** Baseline origin of the item's first glyph, pt from the MediaBox's left edge. */
  x: number;
  /** Baseline, pt from the MediaBox's top edge. */
  y: number;
  /** The font's BaseFont, subset prefix included (`ABCDEF+NotoSerifSC-Regular`). */
  font: string;
  /** Font size in pt (text matrix × Tf size). */
  size: number;
  /** Advance of the whole item, pt (pdfjs's measure: glyph widths plus TJ adjustments). */
  width: number;
}

export interface PdfPageText {
  /** MediaBox size, pt. */
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface RawItem {
  str: string;
  transform: number[];
  fontName: string;
  width: number;
}

/** Extracts every page's text items. The input buffer is copied (pdfjs detaches what it is given). */
export async function readPdfText(pdf: Uint8Array): Promise<PdfPageText[]> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      // Font objects (with their real names) are loaded by the operator list.
      await page.getOperatorList();
      const fontNames = new Map<string, string>();
      const items: PdfTextItem[] = [];
      for (const raw of content.items as unknown as RawItem[]) {
        if (typeof raw.str !== 'string' || raw.str === '') continue;
        let font = fontNames.get(raw.fontName);
        if (font === undefined) {
          const obj = page.commonObjs.get(raw.fontName) as { name?: string } | undefined;
          font = obj?.name ?? raw.fontName;
          fontNames.set(raw.fontName, font);
        }
        const [, , c, d, e, f] = raw.transform;
        items.push({ text: raw.str, x: e - x0, y: y1 - f, font, size: Math.hypot(c, d), width: raw.width });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
