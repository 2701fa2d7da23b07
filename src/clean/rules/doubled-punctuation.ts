// doubled-punctuation: two pause or stop marks in a row (`，，` `。。` `，。`),
// left by editing. `……` `——` and `？！` are legitimate and not matched.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'doubled-punctuation';

const PATTERN = /[，。、；：]{2,}/g;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  // exec on the shared pattern: matchAll would clone it for every paragraph.
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text.plain); m; m = PATTERN.exec(text.plain)) {
    out.push(lintDiagnostic(doc, text, m.index, RULE, `doubled punctuation \`${m[0]}\`: keep one mark.`));
  }
  return out;
}
