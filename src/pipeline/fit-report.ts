// What copyfitting did, as the build and `check` say it: "fitted to 1 page:
// headlines 20→16 pt, lead 11→9.5 pt" (a note), and an allowed overset (a
// warning); an overset that is not allowed is thrown by layout as an error.
import type { Bulletin } from '../content/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FitReport } from '../layout/index.js';

/** The one line the build prints: the pages and the levers moved, or nothing when no lever moved. */
export function fitSummary(fit: FitReport): string | undefined {
  if (fit.changes.length === 0) return undefined;
  return `fitted to ${fit.pages} page${fit.pages === 1 ? '' : 's'}: ${fit.changes.join(', ')}`;
}

/** The findings copyfitting adds: the summary as a note at index.md, and the allowed overset. */
export function fitDiagnostics(bulletin: Bulletin, fit: FitReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const said = fitSummary(fit);
  if (said) out.push(diagnostic({ file: bulletin.index.source.path, line: 1, column: 1 }, 'info', 'copyfit', said));
  if (fit.overset) out.push(fit.overset);
  return out;
}
