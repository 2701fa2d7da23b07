// `fmt`'s plan: which files change and how. Cleaning rules (issue 3) fill it.
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface FileEdit {
  absPath: string;
  /** The new file content, encoded as the original was (BOM kept). */
  bytes: Uint8Array;
  /** A unified diff of the change, for `fmt` without --write. */
  diff: string;
}

export interface FormatPlan {
  edits: FileEdit[];
  applied: Diagnostic[];
}

export function planFormatting(_bulletin: Bulletin): FormatPlan {
  return { edits: [], applied: [] };
}
