// Markup that would not print as the editor meant:
// - `stray-emphasis`: `**` or `__` left in the text: markers that open or
//   close nothing (the parser reads `**一是。**正文` as bold, CJK-friendly,
//   but not a lone `**`, nor `__` between Han characters).
// - `raw-html`: an HTML block is not typeset; it is left out of the PDF.
import type { RootContent } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { pointAt, startOf, type Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const STRAY_EMPHASIS = 'stray-emphasis';
export const RAW_HTML = 'raw-html';

const STARS = /\*\*|__/g;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  // exec on the shared pattern: matchAll would clone it for every paragraph.
  STARS.lastIndex = 0;
  for (let m = STARS.exec(text.plain); m; m = STARS.exec(text.plain)) {
    out.push(lintDiagnostic(doc, text, m.index, STRAY_EMPHASIS,
      `\`${m[0]}\` opens or closes no bold and would print as-is: pair it (\`**一是。**正文\`), or remove it.`));
  }
  return out;
}

/** HTML blocks of a document (comments excepted: they are the editor's notes). */
export function checkHtml(doc: Doc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'html' && !/^<!--[\s\S]*-->$/.test(n.value.trim())) {
        out.push(diagnostic(pointAt(doc, startOf(n)), 'warning', RAW_HTML,
          'raw HTML is not typeset and is left out of the PDF: write it as Markdown, or remove it.'));
      } else if ('children' in n && n.type !== 'paragraph' && n.type !== 'heading') walk(n.children as RootContent[]);
    }
  };
  walk(doc.tree.children);
  return out;
}
