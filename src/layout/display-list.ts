// The display list: the seam between layout and render (docs/design/ARCHITECTURE.md).
// Pages of positioned glyph runs, rules, rectangles, dots and images, in points,
// origin at the top-left corner of the trimmed page, y growing downwards.
// Layout tests assert on this without a PDF; render turns it into PDF bytes.
import type { GlyphRun } from '../typeset/glyph-run.js';

export type { GlyphRun } from '../typeset/glyph-run.js';

import type { Cmyk } from '../design/template.js';

export type { Cmyk } from '../design/template.js';

/** A structure element (tagged PDF): its type and its id, unique in the document. */
export interface StructureParent {
  /** PDF structure type: 'Art', 'Sect', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Note', 'Figure', 'Caption', … */
  role: string;
  /** Items with the same id belong to one structure element (a paragraph spanning lines and columns, an article spanning pages). */
  id: string;
  /** What the element says, when its content does not say it whole (a headline broken at its space). */
  actualText?: string;
}

/** What a run or shape is in the document's logical structure (tagged PDF). */
export interface StructureTag extends StructureParent {
  /** The elements it sits in, outermost first (Art, L, LI, LBody…); none: directly under Document. */
  parents?: readonly StructureParent[];
  /** For role 'Artifact': a running head ('Header') or footer ('Footer'), a pagination artifact. */
  artifact?: 'Header' | 'Footer';
}

export interface TextRun {
  kind: 'text';
  /** Font role key (`body`, `bold`, `heavy`, `sans`, `kai`, …) resolved in DisplayList.faces. */
  face: string;
  /** Font size in pt. */
  size: number;
  /** Origin of the first glyph, pt. */
  x: number;
  /** Baseline, pt from the top of the page. */
  y: number;
  /** Packed (typeset/glyph-run.ts): glyph i has id glyphs.id(i), pen position glyphs.x(i), … */
  glyphs: GlyphRun;
  color: Cmyk;
  tag?: StructureTag;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Line width in pt. */
  width: number;
  color: Cmyk;
  /** True when the rule touches the trim edge and must run into the bleed. */
  bleeds?: boolean;
  tag?: StructureTag;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: Cmyk;
  bleeds?: boolean;
  tag?: StructureTag;
}

/** A filled circle: an emphasis dot (着重号) under a character. */
export interface DotItem {
  kind: 'dot';
  /** Centre, pt. */
  x: number;
  y: number;
  r: number;
  fill: Cmyk;
  tag?: StructureTag;
}

export interface ImageItem {
  kind: 'image';
  /** Absolute path of the image file. */
  path: string;
  x: number;
  y: number;
  w: number;
  h: number;
  alt?: string;
  tag?: StructureTag;
}

export type DisplayItem = TextRun | RuleItem | RectItem | DotItem | ImageItem;

export interface DisplayPage {
  /** 1-based page number. */
  number: number;
  /** In reading order: render emits structure in this order. */
  items: DisplayItem[];
}

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  /** y of the entry's top on that page, pt. */
  y: number;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** YYYY-MM-DD */
  date?: string;
  lang: string;
}

export interface FaceSource {
  /** Path of the TTF/OTF file to embed. */
  path: string;
  /** PostScript name, for reporting. */
  name: string;
}

/**
 * Where the page search placed one module: what a plan is, for tests and
 * tools (tests/layout/golden-plans.test.ts compares plans through it). Rows
 * count grid rows of the page's flow area (below the masthead and lead, or
 * the running head).
 */
export interface PlacedModule {
  /** 1-based page, the band's index on it (0-based), the band's first row and rows. */
  page: number;
  band: number;
  bandRow: number;
  bandRows: number;
  /** The article's index in the bulletin. */
  article: number;
  /** First column (0-based) and width in columns. */
  col: number;
  k: number;
  /** Rows from the band's top to the module's top, and the rows it is given (its gap row included). */
  row: number;
  rows: number;
  /** The body items [from, to) it holds, cut into its columns at cuts (k + 1 positions). */
  from: number;
  to: number;
  cuts: number[];
  /** A continued part (上接), and a part that goes on overleaf (下转). */
  continued: boolean;
  jumps: boolean;
  headerRows: number;
  /** Rows of air between the header and the body. */
  air: number;
}

export interface DisplayList {
  /** Trim size in pt. */
  width: number;
  height: number;
  pages: DisplayPage[];
  /** Font role key → file. Every `face` used by a TextRun is here. */
  faces: Record<string, FaceSource>;
  meta: DocumentMeta;
  outline: OutlineEntry[];
  /** Every module as the page search placed it, page by page (layout fills it; render does not read it). */
  modules?: PlacedModule[];
}
