// The whole compiler as one function (ARCHITECTURE.md's stages, in order):
// load → clean → fonts (coverage) → layout → render → preflight. Files are
// read at the start; the PDF bytes are returned, not written: the caller
// (build, watch, bench) decides where they go.
import { BulletinError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadBulletin } from '../content/load.js';
import type { Bulletin } from '../content/types.js';
import { cleanBulletin } from '../clean/index.js';
import { bulletinCoverage } from '../fonts/coverage.js';
import { loadDesign } from './design.js';
import { layoutBulletin } from '../layout/index.js';
import type { DisplayList } from '../layout/display-list.js';
import { renderPdf } from '../render/index.js';
import { preflight } from '../render/preflight.js';

declare const BULLETIN_VERSION: string;
const VERSION = typeof BULLETIN_VERSION === 'string' ? BULLETIN_VERSION : '0.0.0-dev';

export interface CompileOptions {
  /** Bulletin directory. */
  dir: string;
  /** Template name or path; default: index.md's `template:`, else `newspaper`. */
  template?: string;
  /** Apply the cleaning rules in memory (default true). */
  clean?: boolean;
  /** Print-ready PDF/X-1a (default: the template's `press`). */
  press?: boolean;
  marks?: boolean;
  outputCondition?: string;
  outputProfile?: string;
  /** Characters no font covers become warnings instead of errors. */
  allowMissingGlyphs?: boolean;
  /** Skip reading the PDF back (preflight); on by default. */
  preflight?: boolean;
  /** Name of the output, for preflight's messages (default `bulletin.pdf`). */
  outputName?: string;
}

export interface CompileResult {
  pdf: Buffer;
  /** Warnings and notes from every stage (errors are thrown as BulletinError). */
  diagnostics: Diagnostic[];
  /** One entry per paragraph the cleaning removed or joined. */
  applied: Diagnostic[];
  bulletin: Bulletin;
  display: DisplayList;
  pages: number;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round((now - t) * 10) / 10;
    t = now;
  };

  const loaded = await loadBulletin(options.dir);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  lap('load');

  let bulletin = loaded.bulletin;
  let applied: Diagnostic[] = [];
  if (options.clean !== false) {
    const cleaned = cleanBulletin(bulletin);
    bulletin = cleaned.bulletin;
    applied = cleaned.applied;
    const appliedSet = new Set(applied);
    diagnostics.push(...cleaned.diagnostics.filter((d) => !appliedSet.has(d)));
  }
  lap('clean');

  const { template, fonts } = loadDesign(bulletin, options.template);
  const coverage = bulletinCoverage(bulletin, fonts, { allowMissing: options.allowMissingGlyphs });
  if (hasErrors(coverage)) throw new BulletinError([...diagnostics.filter((d) => d.severity === 'error'), ...coverage]);
  diagnostics.push(...coverage);
  lap('fonts');

  const display = layoutBulletin(bulletin, template, fonts);
  lap('layout');

  const press = options.press ?? template.press;
  const pdf = await renderPdf(display, {
    press,
    marks: options.marks,
    outputCondition: options.outputCondition,
    outputProfile: options.outputProfile,
    producer: `bulletin ${VERSION}`,
    // The faces layout measured with: render embeds them without reading the files again.
    faces: fonts.opened(),
  });
  lap('render');

  if (options.preflight !== false) {
    const found = preflight(pdf, { press, pages: display.pages.length, file: options.outputName ?? 'bulletin.pdf' });
    if (hasErrors(found)) throw new BulletinError(found);
    diagnostics.push(...found);
    lap('preflight');
  }

  return { pdf, diagnostics, applied, bulletin, display, pages: display.pages.length, timings };
}
