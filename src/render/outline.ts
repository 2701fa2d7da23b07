// Bookmarks: one outline item per DisplayList.outline entry, pointing at the
// entry's page and y (/XYZ left top, zoom unchanged), all at one level. The
// outline dictionaries are written here (pdfkit's addItem cannot take a y,
// and puts the left edge at the page's width); the catalog names the root
// (catalog.ts).
import type { OutlineEntry } from '../layout/display-list.js';
import type { PageGeometry } from './boxes.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';

/** The outline's root dictionary, or undefined when there are no entries. */
export function writeOutline(doc: PdfDoc, entries: readonly OutlineEntry[], pageRefs: readonly PdfRef[], g: PageGeometry): PdfRef | undefined {
  if (entries.length === 0) return undefined;
  const root = doc.ref({ Type: 'Outlines' });
  const items = entries.map((e) => {
    const page = pageRefs[e.page - 1];
    if (!page) throw new Error(`render: outline entry "${e.title}" points at page ${e.page}, which does not exist`);
    const top = g.mediaHeight - (g.margin + e.y);
    return doc.ref({ Title: new String(e.title), Parent: root, Dest: [page, 'XYZ', 0, Math.round(top * 1000) / 1000, null] });
  });
  items.forEach((item, i) => {
    if (i > 0) item.data.Prev = items[i - 1];
    if (i + 1 < items.length) item.data.Next = items[i + 1];
    item.end();
  });
  Object.assign(root.data, { First: items[0], Last: items[items.length - 1], Count: items.length });
  root.end();
  return root;
}
