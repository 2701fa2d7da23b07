// Bookmarks: one per DisplayList.outline entry, pointing at the entry's page
// and y. pdfkit's addItem computes the destination's left edge as the page
// width (so viewers scroll off to the right) and cannot take a y; the
// destination is therefore set here: /XYZ left top, zoom unchanged.
import type { OutlineEntry } from '../layout/display-list.js';
import type { PageGeometry } from './boxes.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';

export function addOutline(doc: PdfDoc, entries: readonly OutlineEntry[], pageRefs: readonly PdfRef[], g: PageGeometry): void {
  for (const e of entries) {
    const page = pageRefs[e.page - 1];
    if (!page) throw new Error(`render: outline entry "${e.title}" points at page ${e.page}, which does not exist`);
    const item = doc.outline.addItem(e.title, { pageNumber: e.page - 1 });
    const top = g.mediaHeight - (g.margin + e.y);
    item.outlineData.Dest = [page, 'XYZ', 0, Math.round(top * 1000) / 1000, null];
  }
}
