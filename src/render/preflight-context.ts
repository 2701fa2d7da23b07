// What the content checks share while preflight reads one page: the file,
// the claimed standard's rules, the fonts already checked, and the findings
// counted so far (reported once per page with how many times).
import type { SourcePoint } from '../diagnostics/diagnostic.js';
import type { PdfDict, PdfFile } from './pdf-reader.js';
import type { Report } from './preflight-claim.js';
import type { StandardRules } from './standards.js';

export interface FontFacts {
  name: string;
  /** Object number of the font dictionary (0 when direct). */
  num: number;
  /** Codes are two bytes and code 0 is glyph 0 (Identity-H with identity CID→GID). */
  identity: boolean;
  /** A Type 3 font whose glyph procedures are still to be scanned. */
  type3?: PdfDict;
}

export interface ImageOrigin {
  url: string;
  at: SourcePoint;
}

export interface ScanContext {
  doc: PdfFile;
  /** The claimed standard's rules (none: only fonts and .notdef are checked). */
  rules: StandardRules | undefined;
  /** Check the small-type colour rule (press output). */
  smallType: boolean;
  /**
   * bulletin's own promises beyond the standard (subset fonts, ToUnicode,
   * the small-type colours): errors for the build and for a file claiming no
   * standard, warnings for another file checked against its standard.
   */
  own: boolean;
  page: number;
  where: string;
  report: Report;
  /** Font checks run once per font object across pages. */
  fontsSeen: Map<string, FontFacts | null>;
  /** Findings counted per page, reported once each: rule → description → times. */
  counts: Map<string, Map<string, number>>;
  /** Streams already scanned on this page (forms, patterns, glyph procedures), by object number. */
  visited: Set<number>;
  images: ReadonlyMap<string, ImageOrigin> | undefined;
  placedSeen: Set<string>;
  reportAt(at: SourcePoint, rule: string, message: string): void;
}

export function count(ctx: ScanContext, rule: string, what: string, times = 1): void {
  let byWhat = ctx.counts.get(rule);
  if (!byWhat) ctx.counts.set(rule, (byWhat = new Map()));
  byWhat.set(what, (byWhat.get(what) ?? 0) + times);
}

