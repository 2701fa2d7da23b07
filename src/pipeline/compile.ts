// The whole compiler as one function (docs/design/ARCHITECTURE.md's stages, in order):
// load → clean → fonts (coverage) → layout → render → preflight. Files are
// read at the start; the PDF bytes are returned, not written: the caller
// (build, watch, bench) decides where they go.
import { BulletinError, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadBulletin } from '../content/load.js';
import type { Bulletin } from '../content/types.js';
import { cleanBulletin } from '../clean/index.js';
import { bulletinCoverage } from '../fonts/coverage.js';
import { printedTextRoles } from '../layout/text-roles.js';
import { loadDesign, type Design } from '../design/design.js';
import { designInputs } from './design-inputs.js';
import { layoutBulletin, type FitReport } from '../layout/index.js';
import { fitDiagnostics } from './fit-report.js';
import type { DisplayList } from '../layout/display-list.js';
import { pageGrid } from '../layout/grid.js';
import { renderPdf } from '../render/index.js';
import { preflight, type ImageOrigin } from '../render/preflight.js';
import { readCmykProfile } from '../render/output-intent.js';
import { bulletinRoots } from '../io/roots.js';
import { decodeImages, locateImages, type ImageTable, type LocatedImage } from '../images/prepare.js';
import { imagesForPdf, TARGET_PPI, type PrintedImages } from '../images/print.js';
import { conversionProfile } from '../images/press-profile.js';
import { pressStandard, STANDARDS, type PressStandard } from '../render/standards.js';
import { outputClashes, outputReadNextTime, type InputFile, type Outputs } from './output-guard.js';

declare const BULLETIN_VERSION: string;
const VERSION = typeof BULLETIN_VERSION === 'string' ? BULLETIN_VERSION : '0.0.0-dev';

export interface CompileOptions {
  /** Bulletin directory. */
  dir: string;
  /** Template name or path; default: index.md's `template:`, else `newspaper`. */
  template?: string;
  /** Apply the cleaning rules in memory (default true). */
  clean?: boolean;
  /** Print-ready output: `true` or a standard of render/standards.ts (default: the template's `press`). */
  press?: boolean | PressStandard;
  marks?: boolean;
  outputCondition?: string;
  outputProfile?: string;
  /** Characters no font covers become warnings instead of errors. */
  allowMissingGlyphs?: boolean;
  /** Skip reading the PDF back (preflight); on by default. */
  preflight?: boolean;
  /** Name of the output, for preflight's messages (default `bulletin.pdf`). */
  outputName?: string;
  /** `--root DIR` folders: more places the bulletin's files may lead to (src/io/roots.ts). */
  roots?: string[];
  /** Files the build will write: refused when one is, or leads to, an input (output-guard.ts). */
  outputs?: Outputs;
  /** The page count to fit (`--pages`; default: index.md's `pages:`). */
  pages?: number;
  /** Copy that does not fit the page count goes on onto more pages (a warning) instead of failing with `overset`. */
  allowOverset?: boolean;
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
  /** What copyfitting did: the levers it moved, the overset it allowed. */
  fit?: FitReport;
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
  const roots = bulletinRoots({ dir: options.dir, extra: options.roots, cliTemplate: options.template });

  const loaded = await loadBulletin(options.dir, { roots: roots.content });
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

  const design = loadDesign(bulletin, options.template, roots.design);
  const { template, fonts } = design;
  const located = locateImages(bulletin, roots.content);
  const standard = pressStandard(options.press ?? template.press);
  const press = standard !== undefined;
  // PDF/X-1a pictures are converted to the output condition's CMYK; PDF/X-4 keeps them in (ICC-based) RGB.
  const convert = press && !STANDARDS[standard].iccColour;
  const profile = pressProfile(options, press);
  // Every article read counts, also one the cleaning emptied.
  refuseOutputsOverInputs(options, { bulletin: loaded.bulletin, design, images: located.images, profile: options.outputProfile });
  const coverage = bulletinCoverage(bulletin, fonts, printedTextRoles(template), { allowMissing: options.allowMissingGlyphs });
  const failed = [...located.diagnostics, ...coverage];
  if (hasErrors(failed)) throw new BulletinError([...diagnostics.filter((d) => d.severity === 'error'), ...failed]);
  diagnostics.push(...coverage);
  lap('fonts');

  const grid = pageGrid(template);
  const px = (pt: number) => Math.ceil((pt / 72) * TARGET_PPI);
  const table = await decodeImages(located.images, { width: px(grid.measure), height: px(grid.rows * grid.row) });
  lap('images');

  // The layout's own steps (compose, search, draw) are its timings.
  let fit: FitReport | undefined;
  const display = layoutBulletin(bulletin, template, fonts, {
    imageSizes: sizesOf(table), lap, pages: options.pages, allowOverset: options.allowOverset, onFit: (f) => (fit = f),
    onLoose: (found) => diagnostics.push(...found),
  });
  if (fit) diagnostics.push(...fitDiagnostics(bulletin, fit));

  const printed = await printImages(display, table, convert, profile);
  diagnostics.push(...printed.diagnostics);
  const embedProfile = printed.converted || (standard !== undefined && STANDARDS[standard].embeddedProfile);
  if (embedProfile && !profile) throw new BulletinError(missingProfile(options, standard));
  const pdf = await renderPdf(display, {
    press: standard ?? false,
    marks: options.marks,
    outputCondition: options.outputCondition,
    // The OutputIntent embeds the profile the pictures were converted with, so the two agree.
    outputProfile: options.outputProfile ?? (embedProfile ? profile : undefined),
    producer: `bulletin ${VERSION}`,
    // The faces layout measured with: render embeds them without reading the files again.
    faces: fonts.opened(),
    images: printed.images,
  });
  lap('render');

  if (options.preflight !== false) {
    const images = new Map<string, ImageOrigin>([...printed.byLabel].map(([label, image]) => [label, { url: image.url, at: image.at }]));
    const checked = preflight(pdf, { press, standard, own: true, pages: display.pages.length, file: options.outputName ?? 'bulletin.pdf', images });
    // --allow-missing-glyphs draws the fallback glyph on purpose: its .notdef is what was asked for, already reported by character.
    const found = options.allowMissingGlyphs ? checked.map((d) => (d.rule === 'notdef-glyph' ? { ...d, severity: 'warning' as const } : d)) : checked;
    if (hasErrors(found)) throw new BulletinError(found);
    diagnostics.push(...found);
    lap('preflight');
  }

  return { pdf, diagnostics, applied, bulletin, display, pages: display.pages.length, fit, timings };
}

/** PDF/X-4 embeds its output profile, and bulletin ships only FOGRA39's. */
function missingProfile(options: CompileOptions, standard: PressStandard | undefined): Diagnostic {
  const label = standard ? STANDARDS[standard].label : 'press';
  return diagnostic({ file: options.outputName ?? 'bulletin.pdf', line: 0, column: 0 }, 'error', 'press-profile',
    `${label} embeds the output condition's ICC profile, and bulletin ships only FOGRA39's: give the profile of ${options.outputCondition} with --output-profile FILE.icc.`);
}

function sizesOf(table: ImageTable): Map<string, { width: number; height: number }> {
  return new Map([...table].map(([path, image]) => [path, image.source]));
}

/**
 * The CMYK profile of a press build (conversionProfile), with the user's
 * --output-profile checked first: a file that is no CMYK output profile is a
 * content error, not a crash.
 */
function pressProfile(options: CompileOptions, press: boolean): string | undefined {
  if (!press) return undefined;
  if (options.outputProfile) {
    try {
      readCmykProfile(options.outputProfile);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new BulletinError(diagnostic({ file: options.outputProfile, line: 0, column: 0 }, 'error', 'output-profile',
        `${code ? `cannot read the ICC profile (${code})` : (e as Error).message.replace(/^[^:]*: /, '')}. Give the CMYK output profile (.icc) of the printing condition with --output-profile.`));
    }
  }
  return conversionProfile(options.outputCondition ?? 'FOGRA39', options.outputProfile);
}

async function printImages(display: DisplayList, table: ImageTable, press: boolean, profile: string | undefined): Promise<PrintedImages> {
  if (press && !profile) {
    const rgb = [...table.values()].filter((i) => i.channels === 3);
    if (rgb.length > 0) {
      throw new BulletinError(rgb.map((i) => diagnostic(i.at, 'error', 'press-profile',
        `${i.url} is an RGB picture, and a press PDF for this --output-condition needs it in CMYK: give the condition's profile with --output-profile FILE.icc, or use the default condition FOGRA39.`)));
    }
  }
  return imagesForPdf(display, table, { press, profile });
}

interface BuildInputs {
  bulletin: Bulletin;
  design: Design;
  images: readonly LocatedImage[];
  profile?: string;
}

/** Throws when an output (-o, --png) is, or leads to, a file the build reads: before any image is decoded or anything written. */
function refuseOutputsOverInputs(options: CompileOptions, found: BuildInputs): void {
  if (!options.outputs) return;
  const { bulletin } = found;
  const inputs: InputFile[] = [
    { path: bulletin.index.source.absPath, kind: 'index.md' },
    ...bulletin.articles.map((a): InputFile => ({ path: a.source.absPath, kind: 'article' })),
    ...found.images.map((i): InputFile => ({ path: i.path, kind: 'image', at: i.at })),
    ...designInputs(found.design),
  ];
  if (found.profile) inputs.push({ path: found.profile, kind: 'ICC profile' });
  const over = outputClashes(options.outputs, inputs);
  const clashes = over.length > 0 ? over : outputReadNextTime(options.outputs, bulletin.dir, found.design.searchDirs);
  if (clashes.length > 0) throw new BulletinError(clashes);
}
