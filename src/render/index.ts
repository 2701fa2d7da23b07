// Render: display list → PDF bytes with pdfkit. This file only sequences the
// concerns, each in its own module: glyphs (fast text path; fast-subset,
// sfnt-subset and font-tables for embedding), content-writer (each page's
// content stream as bytes), boxes (page boxes, bleed, marks), colour, shapes,
// metadata (Info + XMP), outline, structure (tags), output-intent (PDF/X), ids
// (/ID from the content).
// pdfkit is imported lazily: it costs ~145 ms to load (FACTS.md) and commands
// such as `check` and `fmt` never render.
import type { DisplayItem, DisplayList } from '../layout/display-list.js';
import { deflateSync, type ZlibOptions } from 'node:zlib';
import { cropMarks, pageGeometry, setPageBoxes, type PageGeometry } from './boxes.js';
import { ColourState } from './colour.js';
import { ContentWriter } from './content-writer.js';
import { GlyphWriter } from './glyphs.js';
import { PLACEHOLDER_ID, stampContentId } from './ids.js';
import { documentDate, infoDictionary, installXmp, type InfoInput } from './metadata.js';
import { addOutline } from './outline.js';
import { addOutputIntent } from './output-intent.js';
import type { PdfDoc, PdfDocCtor, PdfRef } from './pdfkit-internals.js';
import { drawDot, drawRect, drawRule } from './shapes.js';
import { Tagger } from './structure.js';
import { lazyRequire } from '../io/lazy-require.js';
import { ARCHIVE, pressStandard, STANDARDS, type PressStandard, type StandardRules } from './standards.js';
import { conversionProfile, SHIPPED_CONDITION } from '../images/press-profile.js';
import { registrationColour, REGISTRATION } from './registration.js';
import { srgbSpace } from './rgb-space.js';
import type { PdfImage } from '../images/print.js';
import { openedImage, type OpenedImage } from './image-xobject.js';

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
   * The faces layout already opened (e.g. `fontSet.faces()`): render embeds their
   * fontkit objects instead of reading each font file again (~30–50 ms per face).
   * Matched to DisplayList.faces by key; faces not given are opened from their path.
   */
  faces?: readonly OpenFace[];
  /**
   * The image stage's XObjects by image path (src/images/print.ts): drawn
   * as they are. Without it, pdfkit opens the files itself (a display list
   * made without the image stage).
   */
  images?: ReadonlyMap<string, PdfImage>;
}

/** A face layout opened: its fontkit object, and for fonts read without outlines the reader of glyph records. */
export interface OpenFace {
  key: string;
  path: string;
  font: object;
  /** Reads glyph records into the font's bytes (src/fonts/sparse-font.ts); called before a subset is written. */
  loadGlyphs?(ids: Iterable<number>): void;
}

/**
 * zlib settings for page content streams (pdfkit would use zlib's default,
 * level 6). Measured on x60's 2 MB of content operators (CPU, median of 7):
 * level 6 595 KB in 29 ms, 4 608 KB/21 ms, 3 623 KB/16 ms, 1 638 KB/14 ms.
 * Level 3 costs 28 KB over level 6 (2% of the file) for half the time.
 */
const CONTENT_DEFLATE: ZlibOptions = { level: 3 };

// pdfkit's CommonJS build, loaded on first render: it requires fontkit's
// CommonJS build, the same instance the font layer measured with (its ESM
// build would load a second copy of fontkit, ~60 ms more).
const requirePdfkit = lazyRequire<PdfDocCtor | { default: PdfDocCtor }>('pdfkit');
async function loadPdfkit(): Promise<PdfDocCtor> {
  const mod = requirePdfkit();
  return 'default' in mod ? mod.default : mod;
}

/**
 * The document's bytes, collected straight from pdfkit's writer. PDFDocument is
 * a Readable stream that turns every string it writes into a Uint8Array one
 * character at a time and pushes each object in several chunks through the
 * stream machinery; nothing here needs a stream, so `_write` and `push` are
 * replaced on this instance with a plain chunk list (same bytes, same offsets).
 */
function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve) => {
    // The constructor has already written the header through the stream.
    const head = doc.read();
    const chunks: Uint8Array[] = head ? [head] : [];
    // Dictionaries and xref lines arrive as thousands of short strings: they are
    // kept as text and turned into bytes in one piece when a stream's data comes
    // (a latin1 string is one byte a character, so offsets are counted as text).
    let text: string[] = [];
    const flushText = () => {
      if (text.length === 0) return;
      chunks.push(Buffer.from(text.join(''), 'latin1'));
      text = [];
    };
    doc._write = (data) => {
      if (typeof data === 'string') {
        text.push(data, '\n');
        doc._offset += data.length + 1;
      } else {
        flushText();
        chunks.push(data);
        doc._offset += data.length;
      }
    };
    doc.push = (chunk) => {
      // pdfkit pushes null once, after the trailer.
      if (chunk !== null) {
        flushText();
        chunks.push(chunk);
        return true;
      }
      flushText();
      resolve(Buffer.concat(chunks));
      return true;
    };
  });
}

/**
 * Routes pdfkit's content operators (page transform, marked content, images)
 * into the page's ContentWriter, where render writes its own, so each page's
 * content stream is built in one buffer.
 */
function captureContent(doc: PdfDoc, out: ContentWriter): void {
  doc.addContent = (data) => {
    if (typeof data === 'string') out.line(data);
    else out.bytes(data);
    return doc;
  };
}

/**
 * Hands pdfkit the page's finished content stream, deflated here at
 * CONTENT_DEFLATE's level (pdfkit would deflate it at zlib's default).
 */
function endPageContent(doc: PdfDoc, out: ContentWriter): void {
  const content = doc.page.content;
  // A view of the writer's buffer, which the next page reuses: deflated or copied now.
  const bytes = out.take();
  if (bytes.length === 0) return;
  if (!content.compress) {
    content.write(Buffer.from(bytes));
    return;
  }
  content.compress = false;
  content.write(deflateSync(bytes, CONTENT_DEFLATE));
  // After write(), which adds /Length first: the same key order pdfkit writes.
  content.data.Filter = 'FlateDecode';
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
  // MarkInfo, /Lang and ViewerPreferences' DisplayDocTitle are PDF 1.4: a PDF 1.3 file
  // (PDF/X-1a:2001) keeps its structure tree (PDF 1.3) without them.
  const modern = version !== '1.3';

  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [g.mediaWidth, g.mediaHeight],
    margin: 0,
    // No default Helvetica: nothing unembedded can slip in.
    font: null,
    // The standard's version (standards.ts); pdfkit writes no XMP at 1.3.
    pdfVersion: version,
    compress: true,
    tagged: modern,
    lang: modern ? list.meta.lang || 'zh-CN' : undefined,
    displayTitle: modern,
  });
  // The Info entries are set after construction: pdfkit's constructor hashes every
  // Info value with its JavaScript MD5 for an /ID that ids.ts replaces anyway (15 ms
  // for a 60-article issue's keywords). Assigned in order onto pdfkit's defaults,
  // the keys come out in the same order as when passed as the `info` option.
  Object.assign(doc.info, infoDictionary(info));
  doc._id = PLACEHOLDER_ID;
  installXmp(doc, info);
  const done = collect(doc);
  const out = new ContentWriter();
  captureContent(doc, out);

  const rgb = addColourSpaces(doc, rules, options);

  const glyphs = new GlyphWriter(doc, list.faces, openFaces(list, options.faces));
  const images = new Map<string, OpenedImage>();
  for (const [path, image] of options.images ?? []) images.set(path, openedImage(image, rgb));
  const tagger = new Tagger(doc, out, { modern });
  const colour = new ColourState();
  const pageRefs: PdfRef[] = [];

  for (const page of list.pages) {
    doc.addPage({ size: [g.mediaWidth, g.mediaHeight], margin: 0 });
    pageRefs.push(doc.page.dictionary);
    setPageBoxes(doc.page, g, press);
    colour.reset();
    const state: DrawState = { g, glyphs, colour, out, images };
    if (g.margin) doc.translate(g.margin, g.margin);
    if (g.marks) {
      tagger.enter(undefined);
      drawCropMarks(doc, out, g);
    }
    for (const item of page.items) {
      tagger.enter(item.tag, item.kind === 'image' ? item.alt : undefined);
      drawItem(doc, item, state);
    }
    tagger.close();
    endPageContent(doc, out);
  }

  tagger.finish();
  addOutline(doc, list.outline, pageRefs, g);
  doc.end();
  return stampContentId(await done).pdf;
}

/** The faces layout opened, by key: only where it is the same file the display list names for that key. */
function openFaces(list: DisplayList, faces: readonly OpenFace[] | undefined): Map<string, OpenFace> {
  const open = new Map<string, OpenFace>();
  for (const f of faces ?? []) if (list.faces[f.key]?.path === f.path) open.set(f.key, f);
  return open;
}

/**
 * The OutputIntent (the press standard's, or PDF/A's for a screen build: the
 * CMYK of the template's colours is FOGRA39's, whose profile bulletin ships),
 * and the colour space RGB pictures are written in when not DeviceRGB
 * (PDF/X-4 and PDF/A tie them to sRGB by an ICC profile).
 */
function addColourSpaces(doc: PdfDoc, rules: StandardRules | undefined, options: RenderOptions): unknown {
  if (rules) addOutputIntent(doc, options.outputCondition ?? 'FOGRA39', options.outputProfile);
  else addOutputIntent(doc, SHIPPED_CONDITION, conversionProfile(SHIPPED_CONDITION, undefined), 'GTS_PDFA1');
  const hasRgb = [...(options.images?.values() ?? [])].some((i) => i.colorSpace === 'DeviceRGB');
  return (!rules || rules.iccColour) && hasRgb ? srgbSpace(doc) : undefined;
}

/** Crop marks, which print on every plate: in the registration colour (Separation /All). */
function drawCropMarks(doc: PdfDoc, out: ContentWriter, g: PageGeometry): void {
  const all = registrationColour(doc);
  doc.page.resources.data.ColorSpace = { ...(doc.page.resources.data.ColorSpace as object | undefined), [REGISTRATION]: all };
  out.line(`/${REGISTRATION} CS 1 SCN`);
  push(out, cropMarks(g));
}

/** One operator line ('' writes nothing: the colour was already set). */
function push(out: ContentWriter, op: string): void {
  if (op) out.line(op);
}

interface DrawState {
  g: PageGeometry;
  glyphs: GlyphWriter;
  colour: ColourState;
  out: ContentWriter;
  images: ReadonlyMap<string, OpenedImage>;
}

function drawItem(doc: PdfDoc, item: DisplayItem, state: DrawState): void {
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
    case 'image': {
      // pdfkit wraps the image in q … Q, so the colour state is untouched.
      const opened = state.images.get(item.path);
      doc.image(opened ?? item.path, item.x, item.y, { width: item.w, height: item.h });
      return;
    }
  }
}
