// Preflight: reads a written PDF back and checks what render promises
// (LAYOUT.md, Print-ready output): fonts embedded, subset, with ToUnicode, no
// Type 3, no .notdef drawn; TrimBox on every page (BleedBox in press mode);
// Title and Author; in press mode no RGB, no transparency, a PDF/X
// OutputIntent, GTS_PDFXVersion and Trapped. Findings name the page and the
// object. Diagnostics use `line` for the page number (0: the whole document).
// Content streams are inflated and scanned, except for the bytes render has
// just returned in this process: their content facts were recorded as they
// were written (render-facts.ts), and the fonts and images those facts name
// are checked in the file as usual.
import { diagnostic, type Diagnostic, type Severity, type SourcePoint } from '../diagnostics/diagnostic.js';
import { scanContentStream } from './content-scan.js';
import { contentDigest } from './ids.js';
import { recordedFacts, type PageFacts, type RenderFacts } from './render-facts.js';
import { isRegisteredCondition } from './output-intent.js';
import {
  decodeStream,
  PdfDict,
  PdfFile,
  PdfNameValue,
  PdfRefId,
  PdfStream,
  textString,
  type PdfValue,
} from './pdf-reader.js';

export interface PreflightExpectations {
  press: boolean;
  /** Expected page count, when known. */
  pages?: number;
  /** Name used as the diagnostics' file (default `<pdf>`). */
  file?: string;
  /**
   * Where each image XObject (by resource name) comes from: findings about it
   * name the Markdown file and line and the image as written there, not the
   * PDF's objects (the build knows; a PDF read on its own does not).
   */
  images?: ReadonlyMap<string, ImageOrigin>;
}

export interface ImageOrigin {
  url: string;
  at: SourcePoint;
}

const RGB_SPACES = new Set(['DeviceRGB', 'RGB', 'CalRGB', 'Lab', 'ICCBased']);

interface FontFacts {
  name: string;
  /** Object number of the font dictionary (0 when direct). */
  num: number;
  /** Codes are two bytes and code 0 is glyph 0 (Identity-H with identity CID→GID). */
  identity: boolean;
}

export function preflight(pdf: Uint8Array, expect: PreflightExpectations): Diagnostic[] {
  const file = expect.file ?? '<pdf>';
  const out: Diagnostic[] = [];
  const report = (page: number, severity: Severity, rule: string, message: string) =>
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

  checkDocument(doc, expect.press, report);

  const facts = trustedFacts(pdf, pages.length);
  const fontsSeen = new Map<string, FontFacts | null>();
  pages.forEach((p, i) => {
    const n = i + 1;
    const where = `page ${n} (object ${p.num})`;
    const media = box(doc, p.dict, 'MediaBox');
    const trim = box(doc, p.dict, 'TrimBox');
    const bleed = box(doc, p.dict, 'BleedBox');
    if (!trim) report(n, 'error', 'trimbox-missing', `${where} has no TrimBox`);
    if (expect.press && !bleed) report(n, 'error', 'bleedbox-missing', `${where} has no BleedBox`);
    if (media && trim && !inside(trim, media)) report(n, 'error', 'boxes-nesting', `${where}: TrimBox is not inside the MediaBox`);
    if (bleed && trim && !inside(trim, bleed)) report(n, 'error', 'boxes-nesting', `${where}: TrimBox is not inside the BleedBox`);
    if (media && bleed && !inside(bleed, media)) report(n, 'error', 'boxes-nesting', `${where}: BleedBox is not inside the MediaBox`);
    if (expect.press) {
      const group = doc.dict(p.dict.get('Group'));
      if (group && nameOf(group.get('S')) === 'Transparency') report(n, 'error', 'transparency', `${where} has a transparency group`);
    }
    const ctx: ScanContext = {
      doc, press: expect.press, page: n, where, report, fontsSeen, notdef: new Map(), rgb: new Map(), visited: new Set(),
      images: expect.images, placedSeen: new Set(), reportAt: (at, rule, message) => out.push(diagnostic(at, 'error', rule, message)),
    };
    const known = facts?.pages[i];
    if (known) checkDrawn(ctx, known, p.resources);
    else scanContent(ctx, contentsOf(doc, p.dict.get('Contents')), p.resources, 0);
    for (const [font, count] of ctx.notdef) {
      report(n, 'error', 'notdef-glyph', `${where}: ${count} glyph${count === 1 ? '' : 's'} drawn as .notdef (glyph 0) in font ${font}`);
    }
    for (const [what, count] of ctx.rgb) report(n, 'error', 'rgb-colour', `${where}: ${what} (${count}×); press output must be CMYK only`);
  });
  return out;
}

/** Render's record for these exact bytes (same digest, same page count), if any. */
function trustedFacts(pdf: Uint8Array, pageCount: number): RenderFacts | undefined {
  const facts = recordedFacts(pdf);
  if (!facts || facts.pages.length !== pageCount) return undefined;
  return contentDigest(pdf) === facts.digest ? facts : undefined;
}

/**
 * The content checks from what render drew (render-facts.ts): each font in the
 * page's resources (render adds one only when a run uses it) gets the checks a
 * `Tf` gives it, with its .notdef count, and each image drawn those of a `Do`.
 */
function checkDrawn(ctx: ScanContext, drawn: PageFacts, resources: PdfDict | undefined): void {
  const { doc } = ctx;
  const fonts = doc.dict(resources?.get('Font'));
  for (const [name, ref] of fonts?.map ?? []) {
    const font = fontFacts(ctx, ref);
    const zeros = drawn.notdef.get(name) ?? 0;
    if (zeros > 0 && font?.identity) ctx.notdef.set(font.name, (ctx.notdef.get(font.name) ?? 0) + zeros);
  }
  const xobjects = doc.dict(resources?.get('XObject'));
  for (const [name, times] of drawn.images) {
    for (let k = 0; k < times; k++) drawXObject(ctx, xobjects, name, resources, 0);
  }
}

type Report = (page: number, severity: Severity, rule: string, message: string) => void;

function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfNameValue ? v.name : undefined;
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

function checkDocument(doc: PdfFile, press: boolean, report: Report): void {
  const info = doc.info;
  const title = textString(doc.resolve(info?.get('Title')));
  const author = textString(doc.resolve(info?.get('Author')));
  if (!title || !title.trim()) report(0, 'error', 'info-title-missing', 'the Info dictionary has no Title');
  if (!author || !author.trim()) report(0, 'error', 'info-author-missing', 'the Info dictionary has no Author');
  if (!doc.trailer.get('ID')) report(0, press ? 'error' : 'warning', 'id-missing', 'the trailer has no /ID');
  if (!press) return;

  const catalog = doc.catalog;
  const intents = doc.resolve(catalog?.get('OutputIntents'));
  const pdfx = Array.isArray(intents) ? intents.map((i) => doc.dict(i)).filter((d) => d && nameOf(d.get('S')) === 'GTS_PDFX') : [];
  if (pdfx.length === 0) report(0, 'error', 'output-intent-missing', 'no OutputIntent with /S /GTS_PDFX in the catalog');
  for (const intent of pdfx) {
    const identifier = textString(doc.resolve(intent!.get('OutputConditionIdentifier')));
    if (!identifier) {
      report(0, 'error', 'output-intent-identifier', 'the PDF/X OutputIntent has no OutputConditionIdentifier');
    }
    const profile = doc.resolve(intent!.get('DestOutputProfile'));
    if (identifier && !profile && !isRegisteredCondition(identifier)) {
      report(0, 'warning', 'output-intent-unregistered',
        `the output condition "${identifier}" is not one bulletin knows to be in the ICC registry, and no profile is embedded: give the ICC profile (outputProfile)`);
    }
    if (!profile && !textString(doc.resolve(intent!.get('RegistryName')))) {
      report(0, 'error', 'output-intent-profile', 'the PDF/X OutputIntent has neither DestOutputProfile nor RegistryName');
    }
    if (profile instanceof PdfStream && Number(doc.resolve(profile.dict.get('N'))) !== 4) {
      report(0, 'error', 'output-intent-profile', 'the PDF/X OutputIntent profile is not 4-channel (CMYK)');
    }
  }
  const version = textString(doc.resolve(info?.get('GTS_PDFXVersion')));
  if (!version) report(0, 'error', 'pdfx-version-missing', 'the Info dictionary has no GTS_PDFXVersion');
  const trapped = nameOf(doc.resolve(info?.get('Trapped')));
  if (trapped !== 'True' && trapped !== 'False') {
    report(0, 'error', 'trapped-key', 'the Info dictionary has no /Trapped /True or /False (a name, not a string)');
  }
  for (const key of ['CreationDate', 'ModDate']) {
    if (!textString(doc.resolve(info?.get(key)))) report(0, 'error', 'info-date-missing', `the Info dictionary has no ${key}`);
  }
  if (Number(doc.version) > 1.4) report(0, 'warning', 'pdf-version', `PDF ${doc.version}: PDF/X-1a allows 1.3 (2001) or 1.4 (2003)`);
  if (doc.trailer.get('Encrypt')) report(0, 'error', 'encrypted', 'the file is encrypted (PDF/X forbids it)');
}

interface ScanContext {
  doc: PdfFile;
  press: boolean;
  page: number;
  where: string;
  report: Report;
  /** Font checks run once per font object across pages: key → facts (null for unusable fonts). */
  fontsSeen: Map<string, FontFacts | null>;
  notdef: Map<string, number>;
  rgb: Map<string, number>;
  visited: Set<number>;
  images: ReadonlyMap<string, ImageOrigin> | undefined;
  /** The placed images already checked on this page. */
  placedSeen: Set<string>;
  /** An error at a Markdown line (an image's origin). */
  reportAt(at: SourcePoint, rule: string, message: string): void;
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

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** What a font resource is, checking it (embedded, subset, ToUnicode, not Type 3) on first sight. */
function fontFacts(ctx: ScanContext, ref: PdfValue | undefined): FontFacts | null {
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
  const subtype = nameOf(font.get('Subtype'));
  let descriptorOwner = font;
  let identity = false;
  if (subtype === 'Type3') {
    ctx.report(ctx.page, 'error', 'font-type3', `${ctx.where}: font ${label} is Type 3 (bitmap or procedure glyphs)`);
  } else if (subtype === 'Type0') {
    const desc = doc.resolve(font.get('DescendantFonts'));
    const cid = Array.isArray(desc) ? doc.dict(desc[0]) : undefined;
    if (cid) {
      descriptorOwner = cid;
      const map = doc.resolve(cid.get('CIDToGIDMap'));
      identity = nameOf(font.get('Encoding')) === 'Identity-H' && (map === undefined || nameOf(map) === 'Identity');
    }
  }
  if (subtype !== 'Type3') {
    const fd = doc.dict(descriptorOwner.get('FontDescriptor'));
    const embedded = fd && (fd.has('FontFile') || fd.has('FontFile2') || fd.has('FontFile3'));
    if (!embedded) ctx.report(ctx.page, 'error', 'font-not-embedded', `${ctx.where}: font ${label} is not embedded`);
    if (!/^[A-Z]{6}\+/.test(name)) ctx.report(ctx.page, 'error', 'font-not-subset', `${ctx.where}: font ${label} is not a subset (no ABCDEF+ prefix)`);
  }
  if (!font.has('ToUnicode')) ctx.report(ctx.page, 'error', 'font-no-tounicode', `${ctx.where}: font ${label} has no ToUnicode map (text cannot be copied or searched)`);
  const facts = { name: label, num, identity };
  ctx.fontsSeen.set(key, facts);
  return facts;
}

/** Colour space name → is it RGB-like (resolving resource names and ICC N=3)? */
function rgbLike(ctx: ScanContext, space: PdfValue | undefined, resources: PdfDict | undefined): string | undefined {
  const { doc } = ctx;
  let v = doc.resolve(space);
  if (v instanceof PdfNameValue && !RGB_SPACES.has(v.name) && !v.name.startsWith('Device') && !['Pattern', 'G', 'CMYK', 'I'].includes(v.name)) {
    v = doc.resolve(doc.dict(resources?.get('ColorSpace'))?.get(v.name));
  }
  if (v instanceof PdfNameValue) return v.name === 'DeviceRGB' || v.name === 'RGB' ? 'DeviceRGB' : undefined;
  if (Array.isArray(v) && v.length > 0) {
    const family = nameOf(doc.resolve(v[0]));
    if (family === 'ICCBased') {
      const s = doc.resolve(v[1]);
      const n = s instanceof PdfStream ? Number(doc.resolve(s.dict.get('N'))) : 0;
      return n === 3 ? 'ICCBased RGB' : n === 4 ? undefined : `ICCBased (N=${n})`;
    }
    if (family === 'CalRGB' || family === 'Lab') return family;
    if (family === 'Indexed') return rgbLike(ctx, v[1], resources);
    if (family === 'Separation' || family === 'DeviceN') return rgbLike(ctx, family === 'Separation' ? v[2] : v[2], resources);
  }
  return undefined;
}

function scanContent(ctx: ScanContext, streams: Uint8Array[], resources: PdfDict | undefined, depth: number): void {
  const { doc } = ctx;
  const fonts = doc.dict(resources?.get('Font'));
  const xobjects = doc.dict(resources?.get('XObject'));
  const gstates = doc.dict(resources?.get('ExtGState'));
  let font: FontFacts | null = null;
  const stack: (FontFacts | null)[] = [];
  const events = {
    op(op: string, name: string, zeroCodes: number): void {
      switch (op) {
        case 'q':
          stack.push(font);
          break;
        case 'Q':
          font = stack.pop() ?? null;
          break;
        case 'Tf':
          font = fontFacts(ctx, fonts?.get(name));
          break;
        case 'Tj':
        case 'TJ':
        case "'":
        case '"':
          if (zeroCodes > 0 && font?.identity) ctx.notdef.set(font.name, (ctx.notdef.get(font.name) ?? 0) + zeroCodes);
          break;
        case 'rg':
        case 'RG':
          if (ctx.press) count(ctx.rgb, `${op} operator (DeviceRGB)`);
          break;
        case 'cs':
        case 'CS': {
          if (!ctx.press) break;
          const rgb = rgbLike(ctx, new PdfNameValue(name), resources);
          if (rgb) count(ctx.rgb, `${op} ${rgb} colour space`);
          break;
        }
        case 'gs': {
          if (!ctx.press) break;
          const gs = doc.dict(gstates?.get(name));
          if (gs && transparent(doc, gs)) {
            ctx.report(ctx.page, 'error', 'transparency', `${ctx.where}: graphics state /${name} uses transparency (PDF/X-1a forbids it)`);
          }
          break;
        }
        case 'Do':
          drawXObject(ctx, xobjects, name, resources, depth);
          break;
      }
    },
    inlineImage(entries: Map<string, string>): void {
      if (!ctx.press) return;
      const space = entries.get('CS') ?? entries.get('ColorSpace');
      const rgb = space ? rgbLike(ctx, new PdfNameValue(space), resources) : undefined;
      if (rgb) count(ctx.rgb, `inline image in ${rgb}`);
    },
  };
  for (const data of streams) scanContentStream(data, events);
}

/** `/name Do`: an image's colour space and soft mask (press), or a form's own content. */
function drawXObject(ctx: ScanContext, xobjects: PdfDict | undefined, name: string, resources: PdfDict | undefined, depth: number): void {
  const { doc } = ctx;
  const ref = xobjects?.get(name);
  const x = doc.resolve(ref);
  if (!(x instanceof PdfStream)) return;
  const sub = nameOf(x.dict.get('Subtype'));
  const num = ref instanceof PdfRefId ? ref.num : 0;
  if (sub === 'Image' && ctx.press) {
    const origin = ctx.images?.get(name);
    if (origin) {
      checkPlacedImage(ctx, x, origin, resources);
      return;
    }
    const rgb = rgbLike(ctx, x.dict.get('ColorSpace'), resources);
    if (rgb) count(ctx.rgb, `image /${name} (object ${num}) in ${rgb}`);
    if (x.dict.get('SMask')) {
      ctx.report(ctx.page, 'error', 'transparency', `${ctx.where}: image /${name} (object ${num}) has a soft mask (transparency)`);
    }
  } else if (sub === 'Form' && depth < 8 && !ctx.visited.has(num)) {
    if (num) ctx.visited.add(num);
    const data = decodeStream(x);
    const formRes = doc.dict(x.dict.get('Resources')) ?? resources;
    if (data) scanContent(ctx, [data], formRes, depth + 1);
  }
}

function transparent(doc: PdfFile, gs: PdfDict): boolean {
  const ca = doc.resolve(gs.get('ca'));
  const CA = doc.resolve(gs.get('CA'));
  if ((typeof ca === 'number' && ca < 1) || (typeof CA === 'number' && CA < 1)) return true;
  const smask = doc.resolve(gs.get('SMask'));
  if (smask !== undefined && nameOf(smask) !== 'None') return true;
  const bm = doc.resolve(gs.get('BM'));
  const mode = Array.isArray(bm) ? nameOf(doc.resolve(bm[0])) : nameOf(bm);
  return mode !== undefined && mode !== 'Normal' && mode !== 'Compatible';
}

/** The press checks of an image the build placed, reported at the Markdown line that names it (once per page). */
function checkPlacedImage(ctx: ScanContext, x: PdfStream, origin: ImageOrigin, resources: PdfDict | undefined): void {
  if (ctx.placedSeen.has(origin.url)) return;
  ctx.placedSeen.add(origin.url);
  const rgb = rgbLike(ctx, x.dict.get('ColorSpace'), resources);
  if (rgb) ctx.reportAt(origin.at, 'rgb-colour', `image ${origin.url} (page ${ctx.page}) is in ${rgb} in the PDF; press output must be CMYK only.`);
  if (x.dict.get('SMask')) ctx.reportAt(origin.at, 'transparency', `image ${origin.url} (page ${ctx.page}) has a soft mask (transparency), which PDF/X-1a forbids.`);
}
