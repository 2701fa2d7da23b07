// doubled-punctuation: two pause or stop marks in a row (`，，` `。。` `，。`),
// left by editing. `……` `——` and `？！` are legitimate and not matched.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'doubled-punctuation';

const PATTERN = /[，。、；：]{2,}/g;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.plain.matchAll(PATTERN)) {
    out.push(lintDiagnostic(doc, text, m.index ?? 0, RULE, `doubled punctuation \`${m[0]}\`: keep one mark.`));
  }
  return out;
}
