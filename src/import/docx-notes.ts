// Word's footnotes and endnotes as Markdown footnotes. mammoth writes a
// note's mark as `<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>`
// and the notes as a list at the end, `<ol><li id="footnote-1"><p>…
// <a href="#footnote-ref-1">↑</a></p></li></ol>` (endnotes alike, with
// `endnote-`). Converted as they are, the marks would be printed as the text
// "[1]" and the notes as a numbered list ending in "↑". These handlers for
// hast-util-to-mdast make them footnote references and definitions instead,
// numbered 1, 2, … in the order they are met, which the page sets as notes
// (src/layout/note-list.ts).
import type { Element, ElementContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Nodes } from 'mdast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';

const NOTE_ID = /^(?:foot|end)note-\d+$/;
const NOTE_MARK = /^#((?:foot|end)note-\d+)$/;
const BACK_LINK = /^#(?:foot|end)note-ref-\d+$/;

function href(node: ElementContent): string {
  return node.type === 'element' ? String(node.properties.href ?? '') : '';
}

/** A deep copy of `node` without the notes' links back to their marks (`↑`). */
function withoutBackLinks(node: Element): Element {
  const children = node.children
    .filter((child) => !(child.type === 'element' && child.tagName === 'a' && BACK_LINK.test(href(child))))
    .map((child) => (child.type === 'element' ? withoutBackLinks(child) : child));
  return { ...node, children };
}

/** Element handlers for `toMdast` that turn mammoth's notes into Markdown footnotes. */
export function noteHandlers(): Record<string, Handle> {
  const labels = new Map<string, string>();
  const label = (id: string): string => {
    let l = labels.get(id);
    if (!l) labels.set(id, (l = String(labels.size + 1)));
    return l;
  };
  const sup: Handle = (state: State, node: Element) => {
    const links = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    const mark = links.length === 1 && links[0].type === 'element' && links[0].tagName === 'a' ? NOTE_MARK.exec(href(links[0])) : null;
    if (!mark) return defaultHandlers.sup(state, node);
    const l = label(mark[1]);
    return { type: 'footnoteReference', identifier: l, label: l } satisfies FootnoteReference;
  };
  const ol: Handle = (state: State, node: Element) => {
    const items = node.children.filter((c): c is Element => c.type === 'element');
    if (items.length === 0 || !items.every((li) => li.tagName === 'li' && NOTE_ID.test(String(li.properties.id ?? '')))) {
      return defaultHandlers.ol(state, node);
    }
    return items.map((li): FootnoteDefinition => {
      const l = label(String(li.properties.id));
      return { type: 'footnoteDefinition', identifier: l, label: l, children: state.toFlow(state.all(withoutBackLinks(li))) as FootnoteDefinition['children'] };
    });
  };
  return { sup, ol };
}

/** Whether an mdast node holds a footnote mark. */
export function hasNoteMark(node: Nodes): boolean {
  if (node.type === 'footnoteReference') return true;
  return 'children' in node && (node.children as Nodes[]).some(hasNoteMark);
}
