// Markup that does not print as the editor meant it:
// - `unsupported-markdown`: markup the parser leaves as text (a `**` that
//   closes nothing, `_零容忍_` between Han characters, `~~` alone, a footnote
//   reference with no definition, `##标题` without its space:
//   content/leftover-markup.ts) and constructs that are not typeset (a task
//   list's checkbox). The page prints the text without the markup.
// - `raw-html`: HTML, a block or inline tags. Its tags are not typeset; its
//   text is kept.
// - `repeated-footnote`: a second definition of a footnote label.
import type { Nodes, RootContent } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { findLeftovers } from '../../content/leftover-markup.js';
import { isHtmlComment } from '../../content/html-text.js';
import { pointAt, startOf, type Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const UNSUPPORTED = 'unsupported-markdown';
export const RAW_HTML = 'raw-html';
export const REPEATED_FOOTNOTE = 'repeated-footnote';

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const l of findLeftovers(text.plain, true)) {
    out.push(lintDiagnostic(doc, text, l.index, UNSUPPORTED,
      `${l.construct}: the characters \`${l.text}\` are markup, not text, and are left out of the page. Fix the markup, or remove it.`));
  }
  return out;
}

/**
 * HTML (comments excepted: they are the editor's notes), constructs that
 * are not typeset, and leftover markup in headings and table cells (the
 * paragraphs' is found by `check`), anywhere in a document.
 */
export function checkHtml(doc: Doc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const footnotes = new Map<string, number>();
  const walk = (nodes: Nodes[], inTitleOrCell: boolean): void => {
    nodes.forEach((n, i) => {
      if (n.type === 'footnoteDefinition') {
        const first = footnotes.get(n.identifier);
        const at = pointAt(doc, startOf(n));
        if (first === undefined) footnotes.set(n.identifier, at.line);
        else out.push(diagnostic(at, 'warning', REPEATED_FOOTNOTE,
          `footnote \`[^${n.label ?? n.identifier}]\` is defined again (first at line ${first}): references go to the first, and this one is printed as a note nothing refers to. Give it its own label, or merge the two.`));
      } else if (n.type === 'html') {
        if (isHtmlComment(n.value) || /^<\//.test(n.value.trim())) return;
        out.push(diagnostic(pointAt(doc, startOf(n)), 'warning', RAW_HTML,
          `HTML (\`${n.value.trim().split('\n')[0].slice(0, 40)}\`) is not typeset: its tags are left out of the page, its text is kept. Write it as Markdown, or remove it.`));
      } else if (n.type === 'listItem' && typeof n.checked === 'boolean') {
        out.push(diagnostic(pointAt(doc, startOf(n)), 'warning', UNSUPPORTED,
          `a task list checkbox (\`[${n.checked ? 'x' : ' '}]\`) is not printed: the item is set as a plain list item. Remove the checkbox, or write the state in words.`));
      } else if (n.type === 'text' && inTitleOrCell) {
        for (const l of findLeftovers(n.value, i === 0)) {
          out.push(diagnostic(pointAt(doc, startOf(n) + l.index), 'warning', UNSUPPORTED,
            `${l.construct}: the characters \`${l.text}\` are markup, not text, and are left out of the page. Fix the markup, or remove it.`));
        }
      }
      if ('children' in n) walk(n.children as Nodes[], inTitleOrCell || n.type === 'heading' || n.type === 'tableCell');
    });
  };
  walk(doc.tree.children as RootContent[], false);
  return out;
}
