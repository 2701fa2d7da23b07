// Preflight: an independent reader of a written PDF's bytes (pdf-reader.ts)
// that checks every rule of the standard the file claims, and only those
// (standards.ts: PDF/X-1a:2001, PDF/X-1a:2003, PDF/X-4), plus what bulletin
// itself promises of its output (fonts subset with ToUnicode, no .notdef,
// TrimBox, Title and Author, small type without tints in press output). It
// trusts nothing render says: a file made elsewhere, or edited after render,
// is read the same way. Findings name the page and the object; diagnostics
// use `line` for the page number (0: the whole document).
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { type PdfDict, PdfFile, PdfStream, decodeStream, textString, type PdfValue } from './pdf-reader.js';
import { checkAnnotations, checkDocumentActions } from './preflight-actions.js';
import { checkArchiveDocument, checkClaim, checkInfoAgainstXmp, checkPdfxDocument, type Report } from './preflight-claim.js';
import { checkGroup, scanAppearances, scanPainting } from './preflight-content.js';
import type { ImageOrigin, ScanContext } from './preflight-context.js';
import { DEFAULT_PRESS, STANDARDS, type PressStandard, type StandardRules } from './standards.js';

export type { ImageOrigin } from './preflight-context.js';

export interface PreflightExpectations {
  /** The file must claim a PDF/X standard (and is checked against the one it claims). */
  press: boolean;
  /** The standard it must claim (the build's, `--press=x4`); any of them when absent. */
  standard?: PressStandard;
  /** Expected page count, when known. */
  pages?: number;
  /** Name used as the diagnostics' file (default `<pdf>`). */
  file?: string;
  /**
   * The file is bulletin's own output (the build): its promises beyond the
   * standard (subset fonts, ToUnicode, small type) are errors, not warnings.
   */
  own?: boolean;
  /**
   * Where each image XObject (by resource name) comes from: findings about it
   * name the Markdown file and line and the image as written there, not the
   * PDF's objects (the build knows; a PDF read on its own does not).
   */
  images?: ReadonlyMap<string, ImageOrigin>;
}

export function preflight(pdf: Uint8Array, expect: PreflightExpectations): Diagnostic[] {
  const file = expect.file ?? '<pdf>';
  const out: Diagnostic[] = [];
  const report: Report = (page, severity, rule, message) =>
    out.push(diagnostic({ file, line: page, column: page > 0 ? 1 : 0 }, severity, rule, message));

  let doc: PdfFile;
  try {
    doc = new PdfFile(pdf);
  } catch (e) {
    report(0, 'error', 'pdf-unreadable', (e as Error).message);
    return out;
  }
  const pages = doc.pages();
  if (pages.length === 0) report(0, 'error', 'pdf-unreadable', 'no pages found (missing or broken page tree)');
  if (expect.pages !== undefined && pages.length !== expect.pages) {
    report(0, 'error', 'page-count', `${pages.length} pages, expected ${expect.pages}`);
  }
  const claim = checkClaim(doc, expect.press, report);
  if (claim.rules && expect.standard && claim.rules.id !== expect.standard) {
    report(0, 'error', 'pdfx-standard', `the file claims ${claim.rules.label}, not ${STANDARDS[expect.standard].label} as expected`);
  }
  checkBulletinDocument(doc, expect.press || claim.rules !== undefined, report);
  if (expect.press || claim.rules?.family === 'pdfx') checkPdfxDocument(doc, claim.rules, report);
  else if (claim.rules) checkArchiveDocument(doc, report);
  if (expect.press || claim.rules) {
    checkDocumentActions(doc, report);
    if (claim.xmp) checkInfoAgainstXmp(doc, claim.xmp, report);
  }
  // A file expected to be press output that claims no standard is checked against the default one.
  const rules = claim.rules ?? (expect.press ? STANDARDS[expect.standard ?? DEFAULT_PRESS] : undefined);
  const fontsSeen: ScanContext['fontsSeen'] = new Map();
  pages.forEach((p, i) => {
    const ctx: ScanContext = {
      doc, rules, smallType: rules?.family === 'pdfx',
      own: expect.own === true || !claim.rules, page: i + 1, where: `page ${i + 1} (object ${p.num})`, report, fontsSeen,
      counts: new Map(), visited: new Set(), images: expect.images, placedSeen: new Set(),
      reportAt: (at, rule, message) => out.push(diagnostic(at, 'error', rule, message)),
    };
    checkPage(ctx, p.dict, p.resources, rules);
    reportCounts(ctx, rules);
  });
  return out;
}

/** Title, Author and /ID: bulletin's promises of every PDF it writes. */
function checkBulletinDocument(doc: PdfFile, press: boolean, report: Report): void {
  const title = textString(doc.resolve(doc.info?.get('Title')));
  const author = textString(doc.resolve(doc.info?.get('Author')));
  if (!title?.trim()) report(0, 'error', 'info-title-missing', 'the Info dictionary has no Title');
  if (!author?.trim()) report(0, 'error', 'info-author-missing', 'the Info dictionary has no Author');
  if (!doc.trailer.get('ID')) report(0, press ? 'error' : 'warning', 'id-missing', 'the trailer has no /ID');
}

function checkPage(ctx: ScanContext, dict: PdfDict, resources: PdfDict | undefined, rules: StandardRules | undefined): void {
  const { doc, page: n, where, report } = ctx;
  const media = box(doc, dict, 'MediaBox');
  const trim = box(doc, dict, 'TrimBox');
  const art = box(doc, dict, 'ArtBox');
  const bleed = box(doc, dict, 'BleedBox');
  // PDF/X: a TrimBox or an ArtBox on every page; bulletin's screen output always has a TrimBox.
  const pdfx = rules?.family === 'pdfx';
  if (!trim && !(pdfx && art) && (pdfx || ctx.own)) report(n, 'error', 'trimbox-missing', `${where} has no TrimBox${pdfx ? ' (nor ArtBox)' : ''}`);
  if (media && trim && !inside(trim, media)) report(n, 'error', 'boxes-nesting', `${where}: TrimBox is not inside the MediaBox`);
  if (bleed && trim && !inside(trim, bleed)) report(n, 'error', 'boxes-nesting', `${where}: TrimBox is not inside the BleedBox`);
  if (media && bleed && !inside(bleed, media)) report(n, 'error', 'boxes-nesting', `${where}: BleedBox is not inside the MediaBox`);
  checkGroup(ctx, dict, where);
  scanPainting(ctx, { data: contentsOf(doc, dict.get('Contents')), resources, label: '' }, 0);
  if (!rules) return;
  const annotations = checkAnnotations(doc, { page: n, where, dict, trim: pdfx ? (trim ?? art) : undefined }, report);
  for (const annot of annotations) scanAppearances(ctx, annot, resources);
}

const MESSAGES: Record<string, { severity: (ctx: ScanContext) => Severity; tail: (rules: StandardRules | undefined) => string }> = {
  'rgb-colour': { severity: () => 'error', tail: (r) => `; ${r?.label ?? 'press output'} allows ${r?.iccColour ? 'no DeviceRGB' : 'CMYK, grey and spot colour only'}` },
  'colour-space': { severity: () => 'error', tail: (r) => `; ${r?.label ?? 'press output'} allows CMYK, grey and spot colour only` },
  transparency: { severity: () => 'error', tail: (r) => `; ${r?.label ?? 'PDF/X-1a'} forbids transparency` },
  'transfer-function': { severity: () => 'error', tail: () => '; PDF/X forbids transfer functions' },
  halftone: { severity: () => 'error', tail: () => '' },
  'small-type-colour': {
    severity: (ctx) => (ctx.own ? 'error' : 'warning'),
    tail: () => '; text under 12 pt must be 100 % K or at most two process inks at 100 %, never a tint (in the template: colors)',
  },
};

/** Each page's counted findings, one diagnostic per kind and description. */
function reportCounts(ctx: ScanContext, rules: StandardRules | undefined): void {
  for (const [rule, byWhat] of ctx.counts) {
    const m = MESSAGES[rule];
    for (const [what, times] of byWhat) {
      if (rule === 'notdef-glyph') {
        ctx.report(ctx.page, 'error', rule, `${ctx.where}: ${times} glyph${times === 1 ? '' : 's'} drawn as .notdef (glyph 0) in font ${what}`);
        continue;
      }
      ctx.report(ctx.page, m?.severity(ctx) ?? 'error', rule, `${ctx.where}: ${what} (${times}×)${m?.tail(rules) ?? ''}`);
    }
  }
}

function box(doc: PdfFile, page: PdfDict, key: string): number[] | undefined {
  // MediaBox may be inherited from the page tree.
  let node: PdfDict | undefined = page;
  for (let i = 0; node && i < 32; i++) {
    const v = doc.resolve(node.get(key));
    if (Array.isArray(v) && v.length === 4 && v.every((x) => typeof doc.resolve(x) === 'number')) {
      const [a, b, c, d] = v.map((x) => doc.resolve(x) as number);
      return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
    }
    if (key !== 'MediaBox') return undefined;
    node = doc.dict(node.get('Parent'));
  }
  return undefined;
}

function inside(inner: number[], outer: number[]): boolean {
  const e = 0.01;
  return inner[0] >= outer[0] - e && inner[1] >= outer[1] - e && inner[2] <= outer[2] + e && inner[3] <= outer[3] + e;
}

function contentsOf(doc: PdfFile, v: PdfValue | undefined): Uint8Array[] {
  const r = doc.resolve(v);
  const list = Array.isArray(r) ? r.map((x) => doc.resolve(x)) : [r];
  const out: Uint8Array[] = [];
  for (const s of list) {
    if (s instanceof PdfStream) {
      const data = decodeStream(s);
      if (data) out.push(data);
    }
  }
  return out;
}
