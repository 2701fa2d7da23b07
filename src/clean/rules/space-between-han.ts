// space-between-han: a space inside Chinese running text (`安全 生产`), where
// none belongs. Headline-like lines — front matter, headings, a slogan or
// bold line standing alone — separate phrases with a space on purpose and are
// not checked; nor are line breaks inside a paragraph (source wrapping).
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { hanBefore } from '../text.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'space-between-han';

// The Han before is tested on each match: a pattern opening with a lookbehind
// is tried at every character of the text, this one only at spaces.
const PATTERN = /[ \t\u3000]+(?=\p{Script=Han})/gu;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  if (text.standalone) return [];
  const out: Diagnostic[] = [];
  // exec on the shared pattern: matchAll would clone it for every paragraph.
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text.plain); m; m = PATTERN.exec(text.plain)) {
    if (!hanBefore(text.plain, m.index)) continue;
    out.push(lintDiagnostic(doc, text, m.index, RULE, 'space between two Chinese characters: remove it (Chinese text is set without spaces).'));
  }
  return out;
}
