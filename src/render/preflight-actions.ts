// Actions and annotations, as PDF/X sees them: no JavaScript anywhere (the
// catalog's OpenAction and AA, the JavaScript name tree, pages' and
// annotations' actions), and no annotation inside the TrimBox (a printed
// page has no links or notes over its content) but printer's marks and trap
// networks.
import { type PdfDict, type PdfFile, PdfRefId, type PdfValue } from './pdf-reader.js';
import { nameOf, type Report } from './preflight-claim.js';

/** Where JavaScript is, by a path of keys from the catalog ('' when there is none). */
function javascriptIn(doc: PdfFile, action: PdfValue | undefined, seen: Set<number>, depth = 0): boolean {
  if (depth > 16) return false;
  if (action instanceof PdfRefId) {
    if (seen.has(action.num)) return false;
    seen.add(action.num);
  }
  const d = doc.dict(action);
  if (!d) {
    const list = doc.resolve(action);
    return Array.isArray(list) && list.some((a) => javascriptIn(doc, a, seen, depth + 1));
  }
  if (nameOf(d.get('S')) === 'JavaScript' || d.has('JS')) return true;
  return javascriptIn(doc, d.get('Next'), seen, depth + 1);
}

/** An additional-actions dictionary (AA): any of its actions JavaScript? */
function aaHasJavascript(doc: PdfFile, aa: PdfValue | undefined, seen: Set<number>): boolean {
  const d = doc.dict(aa);
  if (!d) return false;
  for (const v of d.map.values()) if (javascriptIn(doc, v, seen)) return true;
  return false;
}

export function checkDocumentActions(doc: PdfFile, report: Report): void {
  const catalog = doc.catalog;
  const seen = new Set<number>();
  if (javascriptIn(doc, catalog?.get('OpenAction'), seen)) report(0, 'error', 'javascript', 'the catalog\'s OpenAction runs JavaScript (PDF/X forbids JavaScript)');
  if (aaHasJavascript(doc, catalog?.get('AA'), seen)) report(0, 'error', 'javascript', 'the catalog\'s additional actions (AA) run JavaScript (PDF/X forbids JavaScript)');
  const names = doc.dict(catalog?.get('Names'));
  if (names?.has('JavaScript')) report(0, 'error', 'javascript', 'the catalog\'s name tree holds document JavaScript (/Names /JavaScript; PDF/X forbids JavaScript)');
}

/** An annotation's rectangle, normalised. */
function rectOf(doc: PdfFile, annot: PdfDict): number[] | undefined {
  const r = doc.resolve(annot.get('Rect'));
  if (!Array.isArray(r) || r.length !== 4) return undefined;
  const [a, b, c, d] = r.map((x) => Number(doc.resolve(x)));
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function overlaps(a: number[], b: number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

export interface PageAnnotations {
  page: number;
  where: string;
  dict: PdfDict;
  /** The TrimBox, else the ArtBox. */
  trim: number[] | undefined;
}

/** The page's annotations: inside the trim, with JavaScript; returns them for their appearance streams. */
export function checkAnnotations(doc: PdfFile, p: PageAnnotations, report: Report): PdfDict[] {
  const annots = doc.resolve(p.dict.get('Annots'));
  const seen = new Set<number>();
  if (aaHasJavascript(doc, p.dict.get('AA'), seen)) report(p.page, 'error', 'javascript', `${p.where}: the page's additional actions (AA) run JavaScript`);
  if (!Array.isArray(annots)) return [];
  const out: PdfDict[] = [];
  for (const ref of annots) {
    const annot = doc.dict(ref);
    if (!annot) continue;
    out.push(annot);
    const subtype = nameOf(annot.get('Subtype')) ?? '(no subtype)';
    const num = ref instanceof PdfRefId ? ` (object ${ref.num})` : '';
    if (javascriptIn(doc, annot.get('A'), seen) || aaHasJavascript(doc, annot.get('AA'), seen)) {
      report(p.page, 'error', 'javascript', `${p.where}: the ${subtype} annotation${num} runs JavaScript`);
    }
    const rect = rectOf(doc, annot);
    if (subtype === 'PrinterMark' || subtype === 'TrapNet' || !rect || !p.trim) continue;
    if (overlaps(rect, p.trim)) {
      report(p.page, 'error', 'annotation-in-trim', `${p.where}: a ${subtype} annotation${num} lies inside the TrimBox (PDF/X allows none there but printer's marks)`);
    }
  }
  return out;
}
