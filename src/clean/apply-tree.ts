// The cleaned bulletin for `build`: new mdast trees with removed units left
// out and split halves merged into one paragraph. Untouched nodes are the
// original objects, positions and all; the input is never mutated.
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Bulletin, ContentDocument } from '../content/types.js';
import { unitsByDoc, type Findings } from './analyse.js';
import type { Unit } from './units.js';

export function applyToBulletin(bulletin: Bulletin, findings: Findings): Bulletin {
  const byDoc = unitsByDoc(findings.docs, findings.units);
  return {
    ...bulletin,
    index: cleanDocument(bulletin.index, findings, byDoc[0]),
    // An article left with nothing to print is left out (rules/emptied-article.ts says so).
    articles: bulletin.articles.map((a, i) => cleanDocument(a, findings, byDoc[i + 1])).filter((_, i) => !findings.emptied[i + 1]),
  };
}

function cleanDocument<M>(doc: ContentDocument<M>, findings: Findings, mine: Unit[]): ContentDocument<M> {
  const dropped = new Set<number>();
  const merged = new Map<number, Paragraph>();
  for (const u of mine) {
    if (findings.removed[u.id]) {
      for (const p of u.parts) dropped.add(p.child);
    } else if (u.parts.length > 1) {
      merged.set(u.parts[0].child, mergedParagraph(u));
      for (const p of u.parts.slice(1)) dropped.add(p.child);
    }
  }
  if (dropped.size === 0 && merged.size === 0) return doc;
  const children: RootContent[] = [];
  doc.tree.children.forEach((node, i) => {
    if (dropped.has(i)) return;
    children.push(merged.get(i) ?? node);
  });
  const tree: Root = { ...doc.tree, children };
  return { ...doc, tree };
}

/** The halves of a split paragraph as one paragraph; text at the seams becomes one text node. */
export function mergedParagraph(u: Unit): Paragraph {
  const children: PhrasingContent[] = [...u.parts[0].node.children];
  u.parts.slice(1).forEach((part, k) => {
    const sep = u.joins[k].sep;
    const next = [...part.node.children];
    const last = children[children.length - 1];
    const first = next[0];
    if (last?.type === 'text' && first?.type === 'text') {
      const text: Text = { type: 'text', value: last.value + sep + first.value };
      if (last.position && first.position) text.position = { start: last.position.start, end: first.position.end };
      children[children.length - 1] = text;
      next.shift();
    } else if (sep) {
      children.push({ type: 'text', value: sep });
    }
    children.push(...next);
  });
  const firstPart = u.parts[0].node;
  const lastPart = u.parts[u.parts.length - 1].node;
  const para: Paragraph = { type: 'paragraph', children };
  if (firstPart.position && lastPart.position) para.position = { start: firstPart.position.start, end: lastPart.position.end };
  return para;
}
