// placeholder-text: the paragraph `bulletin new` writes in a new article
// (src/content/placeholder.ts) is still there. It prints, so that a new file
// builds; the warning keeps it from going to press (`check --strict` fails).
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { PLACEHOLDER_MARK } from '../../content/placeholder.js';
import { pointAt, type Doc } from '../paragraphs.js';
import type { LintText } from './lint-text.js';

export const RULE = 'placeholder-text';

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const at = text.plain.indexOf(PLACEHOLDER_MARK);
  if (at < 0) return [];
  return [diagnostic(pointAt(doc, text.map[at] ?? text.start), 'warning', RULE,
    `the placeholder paragraph \`bulletin new\` wrote (${PLACEHOLDER_MARK}…) is still here: replace it with the article’s text.`)];
}
