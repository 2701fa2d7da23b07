// Render: display list → PDF bytes with pdfkit. This file only sequences the
// concerns, each in its own module: glyphs (text, with font-program and
// font-objects for the fonts), content-writer (each page's content stream as
// bytes), boxes (page boxes, bleed, marks), colour, shapes, image-xobject,
// metadata (Info + XMP), outline, structure (tags), output-intent, catalog
// (the catalog's entries), ids (/ID from the content). pdfkit is used through
// its public API only (pdfkit-api.ts).
// pdfkit is imported lazily: it is slow to load (docs/design/FACTS.md) and
// commands such as `check` and `fmt` never render.
import type { DisplayItem, DisplayList } from '../layout/display-list.js';
import { num } from './numbers.js';
import type { Face } from '../fonts/face.js';
import { cropMarks, pageGeometry, setPageBoxes, type PageGeometry } from './boxes.js';
import { withCatalogEntries } from './catalog.js';
import { ColourState } from './colour.js';
import { ContentWriter } from './content-writer.js';
import { endAndRead } from './file-bytes.js';
import { GlyphWriter } from './glyphs.js';
import { stampContentId } from './ids.js';
import { documentDate, infoDictionary, xmpPacket, type InfoInput } from './metadata.js';
import { writeOutline } from './outline.js';
import { outputIntent } from './output-intent.js';
import type { PdfDoc, PdfDocCtor, PdfRef } from './pdfkit-api.js';
import { drawDot, drawRect, drawRule } from './shapes.js';
import { deflatedStream, FAST_DEFLATE, plainStream } from './streams.js';
import { Tagger } from './structure.js';
import { lazyRequire } from '../io/lazy-require.js';
import { ARCHIVE, pressStandard, STANDARDS, type PressStandard, type StandardRules } from './standards.js';
import { conversionProfile, SHIPPED_CONDITION } from '../images/press-profile.js';
import { registrationColour, REGISTRATION } from './registration.js';
import { srgbSpace } from './rgb-space.js';
import type { PdfImage } from '../images/print.js';
import { ImageWriter } from './image-xobject.js';

export interface RenderOptions {
  /**
   * Print-ready output under one of the standards in standards.ts (`true`:
   * PDF/X-1a:2001): bleed, TrimBox/BleedBox, OutputIntent, Trapped.
   */
  press?: boolean | PressStandard;
  /** Crop marks outside the bleed (press mode only). */
  marks?: boolean;
  /** Bleed on each side in mm (press mode), default 3. */
  bleedMm?: number;
  /** Output condition identifier for the OutputIntent, default 'FOGRA39'. */
  outputCondition?: string;
  /** ICC output profile (CMYK) to embed as DestOutputProfile. */
  outputProfile?: string;
  /** Creation/modification date when the bulletin has no date of its own. */
  creationDate?: Date;
  /** Producer string, `bulletin <version>`. */
  producer?: string;
  /**
   * The faces layout already opened (`fontSet.faces()`): render embeds from
   * their bytes instead of reading each font file again. Matched to
   * DisplayList.faces by key; faces not given are opened from their path.
   */
  faces?: readonly Face[];
  /**
   * The image stage's XObjects by image path (src/images/print.ts), drawn
   * as they are: every image of the display list must have one.
   */
  images?: ReadonlyMap<string, PdfImage>;
}

// pdfkit's CommonJS build, loaded on first render: it requires fontkit's
// CommonJS build, the same instance the font layer measured with (its ESM
// build would load and evaluate a second copy of fontkit).
const requirePdfkit = lazyRequire<PdfDocCtor | { default: PdfDocCtor }>('pdfkit');
async function loadPdfkit(): Promise<PdfDocCtor> {
  const mod = requirePdfkit();
  return 'default' in mod ? mod.default : mod;
}

/**
 * Ends the page's content: pdfkit's own stream holds its top-down flip
 * (`1 0 0 -1 0 H cm`), and everything render drew follows in a stream of its
 * own, deflated here; the page's Contents lists both (ISO 32000-1, 7.7.3.3:
 * the streams are read as one).
 */
function endPageContent(doc: PdfDoc, out: ContentWriter): void {
  // A view of the writer's buffer, which the next page reuses: deflated now.
  const bytes = out.take();
  if (bytes.length === 0) return;
  const drawn = deflatedStream(doc, {}, bytes, FAST_DEFLATE);
  doc.page.dictionary.data.Contents = [doc.page.content, drawn];
}

/** What every page is drawn with. */
interface DrawState {
  g: PageGeometry;
  press: boolean;
  glyphs: GlyphWriter;
  colour: ColourState;
  out: ContentWriter;
  images: ImageWriter;
  tagger: Tagger;
}

export async function renderPdf(list: DisplayList, options: RenderOptions = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const standard = pressStandard(options.press);
  const rules = standard ? STANDARDS[standard] : undefined;
  const press = rules !== undefined;
  const g = pageGeometry(list, { ...options, press });
  const info: InfoInput = {
    meta: list.meta,
    date: documentDate(list.meta, options.creationDate, process.env),
    producer: options.producer ?? 'bulletin',
    press: rules,
    // Tagged with /Lang and DisplayDocTitle (PDF 1.4 and later): identified as PDF/UA-1.
    accessible: rules?.pdfVersion !== '1.3',
    archive: !press,
  };
  // A screen build is PDF/A-2u (PDF 1.7), a press build its standard's version.
  const version = rules?.pdfVersion ?? ARCHIVE.pdfVersion;
  // MarkInfo, /Lang, XMP and ViewerPreferences' DisplayDocTitle are PDF 1.4: a PDF 1.3 file
  // (PDF/X-1a:2001) keeps its structure tree (PDF 1.3) without them.
  const modern = version !== '1.3';

  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [g.mediaWidth, g.mediaHeight],
    margin: 0,
    // No default Helvetica: nothing unembedded can slip in.
    font: null,
    // pdfkit writes its own XMP packet from 1.4 on: asked for 1.3, it writes none, and the
    // header is given the standard's version with the catalog's entries (catalog.ts).
    pdfVersion: '1.3',
    // Render deflates what it writes itself (streams.ts).
    compress: false,
    lang: modern ? list.meta.lang || 'zh-CN' : undefined,
    displayTitle: modern,
  });
  // Set after construction: pdfkit's constructor hashes the Info values for an /ID
  // that ids.ts replaces anyway. Assigned onto pdfkit's defaults, in order.
  Object.assign(doc.info, infoDictionary(info));
  const catalog: Record<string, string> = {};

  catalog.OutputIntents = `[${documentIntent(doc, rules, options)}]`;
  const rgb = rgbSpace(doc, rules, options);
  const out = new ContentWriter();
  const state: DrawState = {
    g,
    press,
    glyphs: new GlyphWriter(doc, list.faces, openFaces(list, options.faces)),
    colour: new ColourState(),
    out,
    images: new ImageWriter(doc, options.images ?? new Map(), rgb),
    tagger: new Tagger(doc, out, { modern }),
  };
  const pageRefs = list.pages.map((page) => drawPage(doc, page.items, state));

  state.tagger.finish();
  state.glyphs.finish();
  catalog.StructTreeRoot = String(state.tagger.treeRoot);
  if (modern) {
    catalog.MarkInfo = '<< /Marked true >>';
    catalog.Metadata = String(plainStream(doc, { Type: 'Metadata', Subtype: 'XML' }, xmpPacket(info)));
  }
  const outline = writeOutline(doc, list.outline, pageRefs, g);
  if (outline) Object.assign(catalog, { Outlines: String(outline), PageMode: '/UseOutlines' });
  return stampContentId(withCatalogEntries(endAndRead(doc), { version, entries: catalog })).pdf;
}

/** The faces layout opened, by key: only where it is the same file the display list names for that key. */
function openFaces(list: DisplayList, faces: readonly Face[] | undefined): Map<string, Face> {
  const open = new Map<string, Face>();
  for (const f of faces ?? []) if (list.faces[f.key]?.path === f.path) open.set(f.key, f);
  return open;
}

/**
 * The OutputIntent: the press standard's, or PDF/A's for a screen build (the
 * CMYK of the template's colours is FOGRA39's, whose profile bulletin ships).
 */
function documentIntent(doc: PdfDoc, rules: StandardRules | undefined, options: RenderOptions): PdfRef {
  if (rules) return outputIntent(doc, options.outputCondition ?? 'FOGRA39', options.outputProfile);
  return outputIntent(doc, SHIPPED_CONDITION, conversionProfile(SHIPPED_CONDITION, undefined), 'GTS_PDFA1');
}

/** The colour space RGB pictures are written in when not DeviceRGB: PDF/X-4 and PDF/A tie them to sRGB by an ICC profile. */
function rgbSpace(doc: PdfDoc, rules: StandardRules | undefined, options: RenderOptions): unknown {
  const hasRgb = [...(options.images?.values() ?? [])].some((i) => i.colorSpace === 'DeviceRGB');
  return (!rules || rules.iccColour) && hasRgb ? srgbSpace(doc) : undefined;
}

/** Crop marks, which print on every plate: in the registration colour (Separation /All). */
function drawCropMarks(doc: PdfDoc, out: ContentWriter, g: PageGeometry): void {
  doc.page.colorSpaces[REGISTRATION] = registrationColour(doc);
  out.line(`/${REGISTRATION} CS 1 SCN`);
  push(out, cropMarks(g));
}

/** Draws one page; returns its dictionary. */
function drawPage(doc: PdfDoc, items: readonly DisplayItem[], state: DrawState): PdfRef {
  const { g, out, colour, tagger } = state;
  doc.addPage({ size: [g.mediaWidth, g.mediaHeight], margin: 0 });
  setPageBoxes(doc.page, g, state.press);
  colour.reset();
  if (g.margin) out.line(`1 0 0 1 ${num(g.margin)} ${num(g.margin)} cm`);
  if (g.marks) {
    tagger.enter(undefined);
    drawCropMarks(doc, out, g);
  }
  for (const item of items) {
    tagger.enter(item.tag, item.kind === 'image' ? item.alt : undefined);
    drawItem(item, state);
  }
  tagger.close();
  endPageContent(doc, out);
  return doc.page.dictionary;
}

/** One operator line ('' writes nothing: the colour was already set). */
function push(out: ContentWriter, op: string): void {
  if (op) out.line(op);
}

function drawItem(item: DisplayItem, state: DrawState): void {
  const { g, glyphs, colour, out } = state;
  switch (item.kind) {
    case 'text': {
      push(out, colour.setFill(item.color));
      glyphs.drawRun(item, out);
      return;
    }
    case 'rule':
      push(out, drawRule(item, g, colour));
      return;
    case 'rect':
      push(out, drawRect(item, g, colour));
      return;
    case 'dot':
      push(out, drawDot(item, colour));
      return;
    case 'image':
      out.line(state.images.draw(item.path, { x: item.x, y: item.y, w: item.w, h: item.h }));
      return;
  }
}
