// Render: display list → PDF bytes with pdfkit. This file only sequences the
// concerns, each in its own module: glyphs (fast text path), boxes (page
// boxes, bleed, marks), colour, shapes, metadata (Info + XMP), outline,
// structure (tags), output-intent (PDF/X), ids (/ID from the content).
// pdfkit is imported lazily: it costs ~145 ms to load (FACTS.md) and commands
// such as `check` and `fmt` never render.
import type { DisplayItem, DisplayList } from '../layout/display-list.js';
import { BLACK } from '../layout/display-list.js';
import { cropMarks, pageGeometry, setPageBoxes, type PageGeometry } from './boxes.js';
import { ColourState } from './colour.js';
import { GlyphWriter } from './glyphs.js';
import { PLACEHOLDER_ID, stampContentId } from './ids.js';
import { documentDate, infoDictionary, installXmp, type InfoInput } from './metadata.js';
import { addOutline } from './outline.js';
import { addOutputIntent } from './output-intent.js';
import type { PdfDoc, PdfDocCtor, PdfRef } from './pdfkit-internals.js';
import { drawRect, drawRule } from './shapes.js';
import { Tagger } from './structure.js';
import { lazyRequire } from '../io/lazy-require.js';

export interface RenderOptions {
  /** Print-ready PDF/X-1a output: bleed, TrimBox/BleedBox, OutputIntent, Trapped. */
  press?: boolean;
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
  faces?: readonly { key: string; path: string; font: object }[];
}

/** Content operators are collected per marked-content sequence and written in one piece. */
class ContentBuffer {
  private parts: string[] = [];
  constructor(private readonly doc: PdfDoc) {}
  push(s: string): void {
    if (s) this.parts.push(s);
  }
  flush = (): void => {
    if (this.parts.length === 0) return;
    // As bytes: pdfkit converts strings one character at a time (and appends the newline).
    this.doc.addContent(Buffer.from(this.parts.join('\n') + '\n', 'latin1'));
    this.parts = [];
  };
}

// pdfkit's CommonJS build, loaded on first render: it requires fontkit's
// CommonJS build, the same instance the font layer measured with (its ESM
// build would load a second copy of fontkit, ~60 ms more).
const requirePdfkit = lazyRequire<PdfDocCtor | { default: PdfDocCtor }>('pdfkit');
async function loadPdfkit(): Promise<PdfDocCtor> {
  const mod = requirePdfkit();
  return 'default' in mod ? mod.default : mod;
}

function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function renderPdf(list: DisplayList, options: RenderOptions = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const press = options.press === true;
  const g = pageGeometry(list, options);
  const info: InfoInput = {
    meta: list.meta,
    date: documentDate(list.meta, options.creationDate, process.env),
    producer: options.producer ?? 'bulletin',
    press,
  };

  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [g.mediaWidth, g.mediaHeight],
    margin: 0,
    // No default Helvetica: nothing unembedded can slip in.
    font: null,
    // PDF 1.4: tagged structure, /Lang and XMP need it (pdfkit drops XMP at 1.3).
    pdfVersion: '1.4',
    compress: true,
    tagged: true,
    lang: list.meta.lang || 'zh-CN',
    displayTitle: true,
    info: infoDictionary(info),
  });
  doc._id = PLACEHOLDER_ID;
  installXmp(doc, info);
  const done = collect(doc);

  if (press) addOutputIntent(doc, options.outputCondition ?? 'FOGRA39', options.outputProfile);

  const open = new Map<string, object>();
  for (const f of options.faces ?? []) {
    // Only when it is the same file the display list names for that key.
    if (list.faces[f.key]?.path === f.path) open.set(f.key, f.font);
  }
  const glyphs = new GlyphWriter(doc, list.faces, open);
  const tagger = new Tagger(doc);
  const colour = new ColourState();
  const pageRefs: PdfRef[] = [];

  for (const page of list.pages) {
    doc.addPage({ size: [g.mediaWidth, g.mediaHeight], margin: 0 });
    pageRefs.push(doc.page.dictionary);
    setPageBoxes(doc.page, g, press);
    colour.reset();
    const out = new ContentBuffer(doc);
    if (g.margin) doc.translate(g.margin, g.margin);
    if (g.marks) {
      tagger.enter(undefined, out.flush);
      out.push(colour.setStroke(BLACK));
      out.push(cropMarks(g));
    }
    for (const item of page.items) {
      tagger.enter(item.tag, out.flush, item.kind === 'image' ? item.alt : undefined);
      drawItem(doc, item, g, glyphs, colour, out);
    }
    out.flush();
    tagger.close();
  }

  tagger.finish();
  addOutline(doc, list.outline, pageRefs, g);
  doc.end();
  return stampContentId(await done);
}

function drawItem(doc: PdfDoc, item: DisplayItem, g: PageGeometry, glyphs: GlyphWriter, colour: ColourState, out: ContentBuffer): void {
  switch (item.kind) {
    case 'text': {
      out.push(colour.setFill(item.color));
      out.push(glyphs.drawRun(item));
      return;
    }
    case 'rule':
      out.push(drawRule(item, g, colour));
      return;
    case 'rect':
      out.push(drawRect(item, g, colour));
      return;
    case 'image':
      // pdfkit wraps the image in q … Q, so the colour state is untouched.
      out.flush();
      doc.image(item.path, item.x, item.y, { width: item.w, height: item.h });
      return;
  }
}
