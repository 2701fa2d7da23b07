// A font resource, checked on first use: embedded (every standard), and, as
// bulletin promises, subset and with a ToUnicode map. A Type 3 font is
// allowed (its glyphs are content streams, scanned like forms for colour).
import { PdfRefId, type PdfValue } from './pdf-reader.js';
import { nameOf } from './preflight-claim.js';
import type { FontFacts, ScanContext } from './preflight-context.js';

export type { FontFacts } from './preflight-context.js';

export function fontFacts(ctx: ScanContext, ref: PdfValue | undefined): FontFacts | null {
  const { doc } = ctx;
  const key = ref instanceof PdfRefId ? `obj${ref.num}` : `p${ctx.page}:${String(ref)}`;
  if (ctx.fontsSeen.has(key)) return ctx.fontsSeen.get(key)!;
  const font = doc.dict(ref);
  const num = ref instanceof PdfRefId ? ref.num : 0;
  if (!font) {
    ctx.fontsSeen.set(key, null);
    ctx.report(ctx.page, 'error', 'font-missing', `${ctx.where}: a font resource (object ${num}) is missing`);
    return null;
  }
  const name = nameOf(font.get('BaseFont')) ?? `(unnamed, object ${num})`;
  const label = `${name} (object ${num})`;
  const facts: FontFacts = { name: label, num, identity: false };
  ctx.fontsSeen.set(key, facts);
  const subtype = nameOf(font.get('Subtype'));
  const promise = ctx.own ? 'error' : 'warning';
  if (subtype === 'Type3') {
    facts.type3 = font;
  } else {
    let owner = font;
    if (subtype === 'Type0') {
      const desc = doc.resolve(font.get('DescendantFonts'));
      const cid = Array.isArray(desc) ? doc.dict(desc[0]) : undefined;
      if (cid) {
        owner = cid;
        const map = doc.resolve(cid.get('CIDToGIDMap'));
        facts.identity = nameOf(font.get('Encoding')) === 'Identity-H' && (map === undefined || nameOf(map) === 'Identity');
      }
    }
    const fd = doc.dict(owner.get('FontDescriptor'));
    const embedded = fd && (fd.has('FontFile') || fd.has('FontFile2') || fd.has('FontFile3'));
    if (!embedded) ctx.report(ctx.page, 'error', 'font-not-embedded', `${ctx.where}: font ${label} is not embedded`);
    if (!/^[A-Z]{6}\+/.test(name)) ctx.report(ctx.page, promise, 'font-not-subset', `${ctx.where}: font ${label} is not a subset (no ABCDEF+ prefix)`);
  }
  // PDF/A-2u asks it of every font; for a PDF/X file it is bulletin's promise.
  const unicode = ctx.rules?.family === 'pdfa' ? 'error' : promise;
  if (!font.has('ToUnicode')) ctx.report(ctx.page, unicode, 'font-no-tounicode', `${ctx.where}: font ${label} has no ToUnicode map (text cannot be copied or searched)`);
  return facts;
}
