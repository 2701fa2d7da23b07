// Everything that paints, scanned for what the claimed standard refuses:
// page content streams, Form XObjects, tiling patterns, shadings (painted
// with `sh` or through a shading pattern), images, annotation appearance
// streams and Type 3 glyph procedures; colour spaces and operators,
// transparency, transfer functions and halftones in graphics states; text
// under 12 pt in a tint; .notdef glyphs. Fonts are checked on first use.
import { scanContentStream } from './content-scan.js';
import { PdfDict, type PdfFile, PdfNameValue, PdfRefId, PdfStream, decodeStream, type PdfValue } from './pdf-reader.js';
import { nameOf } from './preflight-claim.js';
import { isRgb, refusedSpace, smallTypeFault, spaceInfo, type SpaceInfo } from './preflight-colour.js';
import { count, type ScanContext } from './preflight-context.js';
import { fontFacts, type FontFacts } from './preflight-fonts.js';

const MAX_DEPTH = 8;

/** What a stream is scanned as: its bytes, its resources, and what names it in messages. */
export interface Painting {
  data: Uint8Array[];
  resources: PdfDict | undefined;
  /** `form /Fm1 (object 12)`, `annotation appearance (object 40)`, '' for the page itself. */
  label: string;
}

function refused(ctx: ScanContext, space: SpaceInfo, what: string, label: string): void {
  if (!ctx.rules) return;
  const why = refusedSpace(ctx.rules, space);
  if (why) count(ctx, isRgb(why) ? 'rgb-colour' : 'colour-space', `${what} in ${why}${label ? ` (${label})` : ''}`);
}

interface GraphicsState {
  ctm: number[];
  fill: SpaceInfo;
  fillValues: number[];
  font: FontFacts | null;
  size: number;
  render: number;
}

const GRAY: SpaceInfo = { family: 'gray', label: 'DeviceGray', components: 1 };
const CMYK: SpaceInfo = { family: 'cmyk', label: 'DeviceCMYK', components: 4 };
const RGB: SpaceInfo = { family: 'rgb', label: 'DeviceRGB', components: 3 };

function multiply(a: readonly number[], b: readonly number[]): number[] {
  return [
    a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

/** The size text prints at: the font size scaled by the text matrix and the CTM. */
function printedSize(gs: GraphicsState, tm: readonly number[]): number {
  const m = multiply(tm, gs.ctm);
  return gs.size * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

export function scanPainting(ctx: ScanContext, p: Painting, depth: number, ctm: readonly number[] = [1, 0, 0, 1, 0, 0]): void {
  const { doc } = ctx;
  const res = p.resources;
  const fonts = doc.dict(res?.get('Font'));
  let gs: GraphicsState = { ctm: [...ctm], fill: GRAY, fillValues: [0], font: null, size: 0, render: 0 };
  const stack: GraphicsState[] = [];
  let tm = [1, 0, 0, 1, 0, 0];
  const events = {
    op(op: string, name: string, zeroCodes: number, nums: readonly number[]): void {
      switch (op) {
        case 'q': stack.push({ ...gs, ctm: [...gs.ctm], fillValues: [...gs.fillValues] }); return;
        case 'Q': gs = stack.pop() ?? gs; return;
        case 'cm': if (nums.length === 6) gs.ctm = multiply(nums, gs.ctm); return;
        case 'BT': tm = [1, 0, 0, 1, 0, 0]; return;
        case 'Tm': if (nums.length === 6) tm = [...nums]; return;
        case 'Tr': gs.render = nums[0] ?? 0; return;
        case 'Tf':
          gs.font = fontFacts(ctx, fonts?.get(name));
          gs.size = nums[0] ?? 0;
          if (gs.font?.type3) {
            // Once per font: its glyph procedures are content too.
            scanType3(ctx, gs.font.type3, gs.font.name, depth);
            gs.font.type3 = undefined;
          }
          return;
        case 'Tj': case 'TJ': case "'": case '"':
          showText(ctx, gs, tm, zeroCodes, p.label);
          return;
        case 'g': setFill(gs, GRAY, nums); return;
        case 'k': setFill(gs, CMYK, nums); return;
        case 'rg': setFill(gs, RGB, nums); refused(ctx, RGB, 'rg operator', p.label); return;
        case 'RG': refused(ctx, RGB, 'RG operator', p.label); return;
        case 'cs': case 'CS': {
          const space = spaceInfo(doc, new PdfNameValue(name), res);
          if (op === 'cs') setFill(gs, space, []);
          refused(ctx, space, `${op} /${name}`, p.label);
          return;
        }
        case 'sc': case 'scn':
          if (name && gs.fill.family === 'pattern') paintPattern(ctx, res, name, depth, gs.ctm);
          else gs.fillValues = [...nums];
          return;
        case 'SCN':
          if (name) paintPattern(ctx, res, name, depth, gs.ctm);
          return;
        case 'sh': paintShading(ctx, doc.dict(res?.get('Shading'))?.get(name), `shading /${name}`, res, p.label); return;
        case 'gs': checkGraphicsState(ctx, doc.dict(res?.get('ExtGState'))?.get(name), `/${name}`, p.label); return;
        case 'Do': drawXObject(ctx, res, name, depth, gs.ctm); return;
      }
    },
    inlineImage(entries: Map<string, string>): void {
      const space = entries.get('CS') ?? entries.get('ColorSpace');
      if (space) refused(ctx, spaceInfo(doc, new PdfNameValue(space), res), 'inline image', p.label);
      if (entries.has('SMask') && ctx.rules && !ctx.rules.transparency) count(ctx, 'transparency', `inline image with a soft mask${p.label ? ` (${p.label})` : ''}`);
    },
  };
  for (const data of p.data) scanContentStream(data, events);
}

function setFill(gs: GraphicsState, space: SpaceInfo, values: readonly number[]): void {
  gs.fill = space;
  gs.fillValues = values.length > 0 ? [...values] : space.family === 'cmyk' ? [0, 0, 0, 1] : [0];
}

function showText(ctx: ScanContext, gs: GraphicsState, tm: readonly number[], zeroCodes: number, label: string): void {
  if (zeroCodes > 0 && gs.font?.identity) count(ctx, 'notdef-glyph', gs.font.name, zeroCodes);
  if (!ctx.smallType || gs.render === 3 || gs.render === 7) return;
  const size = printedSize(gs, tm);
  if (size <= 0 || size >= 12 - 1e-6) return;
  const fault = smallTypeFault(gs.fill, gs.fillValues);
  if (fault) count(ctx, 'small-type-colour', `${Math.round(size * 10) / 10} pt text in ${fault}${label ? ` (${label})` : ''}`);
}

/** A stream's decoded data, or nothing (a filter preflight cannot read). */
function streamData(s: PdfStream): Uint8Array[] {
  const data = decodeStream(s);
  return data ? [data] : [];
}

/** First visit of a stream object on this page? (Each is scanned once per page.) */
function firstVisit(ctx: ScanContext, ref: PdfValue | undefined): boolean {
  if (!(ref instanceof PdfRefId)) return true;
  if (ctx.visited.has(ref.num)) return false;
  ctx.visited.add(ref.num);
  return true;
}

function objectLabel(ref: PdfValue | undefined): string {
  return ref instanceof PdfRefId ? ` (object ${ref.num})` : '';
}

function drawXObject(ctx: ScanContext, res: PdfDict | undefined, name: string, depth: number, ctm: readonly number[]): void {
  const { doc } = ctx;
  const ref = doc.dict(res?.get('XObject'))?.get(name);
  const x = doc.resolve(ref);
  if (!(x instanceof PdfStream)) return;
  const sub = nameOf(x.dict.get('Subtype'));
  if (sub === 'Image') {
    checkImage(ctx, x, name, res, objectLabel(ref));
  } else if (sub === 'Form' && depth < MAX_DEPTH && firstVisit(ctx, ref)) {
    const label = `form /${name}${objectLabel(ref)}`;
    checkGroup(ctx, x.dict, label);
    const matrix = doc.resolve(x.dict.get('Matrix'));
    const m = Array.isArray(matrix) && matrix.length === 6 ? matrix.map((v) => Number(doc.resolve(v))) : [1, 0, 0, 1, 0, 0];
    scanPainting(ctx, { data: streamData(x), resources: doc.dict(x.dict.get('Resources')) ?? res, label }, depth + 1, multiply(m, ctm));
  }
}

function checkImage(ctx: ScanContext, x: PdfStream, name: string, res: PdfDict | undefined, objectText: string): void {
  if (!ctx.rules) return;
  const origin = ctx.images?.get(name);
  const space = spaceInfo(ctx.doc, x.dict.get('ColorSpace'), res);
  const why = x.dict.get('ImageMask') === true ? undefined : refusedSpace(ctx.rules, space);
  const softMask = !ctx.rules.transparency && (x.dict.has('SMask') || Number(ctx.doc.resolve(x.dict.get('SMaskInData'))) > 0);
  if (origin) {
    if (ctx.placedSeen.has(origin.url)) return;
    ctx.placedSeen.add(origin.url);
    if (why) ctx.reportAt(origin.at, isRgb(why) ? 'rgb-colour' : 'colour-space', `image ${origin.url} (page ${ctx.page}) is in ${why} in the PDF; ${ctx.rules.label} allows CMYK, grey and spot colour only.`);
    if (softMask) ctx.reportAt(origin.at, 'transparency', `image ${origin.url} (page ${ctx.page}) has a soft mask (transparency), which ${ctx.rules.label} forbids.`);
    return;
  }
  if (why) count(ctx, isRgb(why) ? 'rgb-colour' : 'colour-space', `image /${name}${objectText} in ${why}`);
  if (softMask) count(ctx, 'transparency', `image /${name}${objectText} has a soft mask`);
}

/** A transparency group on a page or form (PDF/X-1a forbids them). */
export function checkGroup(ctx: ScanContext, dict: PdfDict, label: string): void {
  if (!ctx.rules || ctx.rules.transparency) return;
  const group = ctx.doc.dict(dict.get('Group'));
  if (group && nameOf(group.get('S')) === 'Transparency') count(ctx, 'transparency', `${label} has a transparency group`);
}

function paintPattern(ctx: ScanContext, res: PdfDict | undefined, name: string, depth: number, ctm: readonly number[]): void {
  const { doc } = ctx;
  const ref = doc.dict(res?.get('Pattern'))?.get(name);
  const pattern = doc.resolve(ref);
  const dict = doc.dict(pattern);
  if (!dict || !firstVisit(ctx, ref)) return;
  const label = `pattern /${name}${objectLabel(ref)}`;
  if (Number(doc.resolve(dict.get('PatternType'))) === 2) {
    paintShading(ctx, dict.get('Shading'), `shading of ${label}`, res, '');
    checkGraphicsState(ctx, dict.get('ExtGState'), `of ${label}`, '');
  } else if (pattern instanceof PdfStream && depth < MAX_DEPTH) {
    scanPainting(ctx, { data: streamData(pattern), resources: doc.dict(dict.get('Resources')) ?? res, label }, depth + 1, ctm);
  }
}

function paintShading(ctx: ScanContext, ref: PdfValue | undefined, what: string, res: PdfDict | undefined, label: string): void {
  const shading = ctx.doc.dict(ref);
  if (!shading) return;
  refused(ctx, spaceInfo(ctx.doc, shading.get('ColorSpace'), res), `${what}${objectLabel(ref)}`, label);
}

/** Transparency (PDF/X-1a), transfer functions and halftones (every PDF/X) in a graphics state dictionary. */
function checkGraphicsState(ctx: ScanContext, ref: PdfValue | undefined, name: string, label: string): void {
  const { doc, rules } = ctx;
  const gs = doc.dict(ref);
  if (!gs || !rules) return;
  const where = `graphics state ${name}${objectLabel(ref)}${label ? ` (${label})` : ''}`;
  if (!rules.transparency && transparent(doc, gs)) count(ctx, 'transparency', `${where} uses transparency`);
  const tr = doc.resolve(gs.get('TR'));
  if (tr !== undefined && nameOf(tr) !== 'Identity') count(ctx, 'transfer-function', `${where} sets a transfer function (/TR)`);
  const tr2 = doc.resolve(gs.get('TR2'));
  if (tr2 !== undefined && nameOf(tr2) !== 'Default' && nameOf(tr2) !== 'Identity') count(ctx, 'transfer-function', `${where} sets a transfer function (/TR2)`);
  const ht = doc.resolve(gs.get('HT'));
  if (ht === undefined || nameOf(ht) === 'Default') return;
  const halftone = doc.dict(ht);
  const type = Number(doc.resolve(halftone?.get('HalftoneType')));
  if (type !== 1 && type !== 5) count(ctx, 'halftone', `${where} sets a halftone of type ${Number.isNaN(type) ? '?' : type} (PDF/X allows types 1 and 5)`);
  const fn = doc.resolve(halftone?.get('TransferFunction'));
  if (fn !== undefined && nameOf(fn) !== 'Identity') count(ctx, 'transfer-function', `${where} sets a halftone transfer function`);
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

/** An annotation's appearance streams (/AP: N, R, D, each a stream or a dictionary of states). */
export function scanAppearances(ctx: ScanContext, annot: PdfDict, pageResources: PdfDict | undefined): void {
  const { doc } = ctx;
  const ap = doc.dict(annot.get('AP'));
  if (!ap) return;
  for (const key of ['N', 'R', 'D']) {
    const entry = ap.get(key);
    const v = doc.resolve(entry);
    const streams: [PdfValue | undefined, PdfStream][] = v instanceof PdfStream ? [[entry, v]] : [];
    if (!(v instanceof PdfStream) && v instanceof PdfDict) {
      for (const s of v.map.values()) {
        const r = doc.resolve(s);
        if (r instanceof PdfStream) streams.push([s, r]);
      }
    }
    for (const [ref, s] of streams) {
      if (!firstVisit(ctx, ref)) continue;
      const label = `annotation appearance${objectLabel(ref)}`;
      checkGroup(ctx, s.dict, label);
      scanPainting(ctx, { data: streamData(s), resources: doc.dict(s.dict.get('Resources')) ?? pageResources, label }, 1);
    }
  }
}

/** A Type 3 font's glyph procedures, scanned like forms with the font's resources. */
export function scanType3(ctx: ScanContext, font: PdfDict, label: string, depth: number): void {
  const { doc } = ctx;
  const procs = doc.dict(font.get('CharProcs'));
  const resources = doc.dict(font.get('Resources'));
  for (const [glyph, ref] of procs?.map ?? []) {
    const s = doc.resolve(ref);
    if (!(s instanceof PdfStream) || !firstVisit(ctx, ref) || depth >= MAX_DEPTH) continue;
    scanPainting(ctx, { data: streamData(s), resources, label: `glyph /${glyph} of Type 3 font ${label}` }, depth + 1);
  }
}
