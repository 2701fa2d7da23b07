// What the lint rules see: one body paragraph's plain text with the source
// offset of each character, and where the paragraph starts (for `related`).
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { pointAt, type Doc } from '../paragraphs.js';

export interface LintText {
  plain: string;
  map: Int32Array;
  start: number;
  /** A heading-like line (slogan, bold line): spaced like a headline, not a sentence. */
  standalone: boolean;
}

export function lintDiagnostic(doc: Doc, text: LintText, index: number, rule: string, message: string): Diagnostic {
  return diagnostic(pointAt(doc, text.map[index] ?? text.start), 'warning', rule, message, [pointAt(doc, text.start)]);
}
