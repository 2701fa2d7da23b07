// What `check` says about the page count: when the bulletin asks for one
// (`pages:` in index.md, or --pages), the copy is cleaned, composed and
// fitted as a build would (no PDF is made), so that an overset fails CI
// before the build does. The same layout as compile.ts, up to the plan; the
// lines composition had to letter-space (loose-line) are reported too.
import type { Bulletin } from '../content/types.js';
import { BulletinError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { cleanBulletin } from '../clean/index.js';
import { bulletinCoverage } from '../fonts/coverage.js';
import { layoutBulletin, type FitReport } from '../layout/index.js';
import { printedTextRoles } from '../layout/text-roles.js';
import { loadDesign } from '../design/design.js';
import { fitDiagnostics } from './fit-report.js';

export interface FitCheckOptions {
  /** `--pages N`; default: index.md's `pages:`. */
  pages?: number;
  /** The folders design files may be in (src/io/roots.ts). */
  designRoots?: readonly string[];
}

/**
 * The copyfitting findings of a bulletin that asks for a page count (none when it asks for none):
 * the overset and other layout errors. What the levers did is the build's to say (check reports
 * what an editor must act on).
 */
export function fitFindings(bulletin: Bulletin, options: FitCheckOptions): Diagnostic[] {
  const pages = options.pages ?? bulletin.index.meta.pages;
  if (pages === undefined) return [];
  try {
    const cleaned = cleanBulletin(bulletin).bulletin;
    const { template, fonts } = loadDesign(cleaned, undefined, options.designRoots);
    // A character no font covers is check's finding already (build reports it); layout draws its fallback.
    if (hasErrors(bulletinCoverage(cleaned, fonts, printedTextRoles(template), { allowMissing: true }))) return [];
    let fit: FitReport | undefined;
    const loose: Diagnostic[] = [];
    layoutBulletin(cleaned, template, fonts, { pages, onFit: (f) => (fit = f), onLoose: (found) => loose.push(...found) });
    return [...loose, ...(fit ? fitDiagnostics(cleaned, fit).filter((d) => d.severity !== 'info') : [])];
  } catch (e) {
    if (e instanceof BulletinError) return e.diagnostics;
    throw e;
  }
}
