// emptied-article: an article every printed block of which cleaning drops as
// a repeat (a file copied twice, an article pasted whole into another). Its
// headline and byline over an empty body would print as a mistake, so the
// cleaned bulletin leaves the article out and the editor is told why. `fmt
// --write` leaves such a file as it is (with its repeats removed, only front
// matter would be left, which no longer builds): the editor removes the file
// or gives it text of its own.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Removal } from '../dedupe.js';
import type { Doc } from '../paragraphs.js';
import type { Unit } from '../units.js';

export const RULE = 'emptied-article';

/** Block types that print (layout/blocks.ts); front matter, HTML and thematic breaks do not. */
const PRINTED = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code']);

/** By document: true for an article (not index.md) that prints something and all of whose printed blocks are removed. */
export function emptiedArticles(docs: Doc[], byDoc: Unit[][], removed: (Removal | undefined)[]): boolean[] {
  return docs.map((doc, d) => {
    if (d === 0) return false;
    const dropped = new Set<number>();
    for (const u of byDoc[d]) if (removed[u.id]) for (const p of u.parts) if (p.child >= 0) dropped.add(p.child);
    let printed = 0;
    const children = doc.tree.children;
    for (let i = 0; i < children.length; i++) {
      if (!PRINTED.has(children[i].type)) continue;
      if (!dropped.has(i)) return false;
      printed += 1;
    }
    return printed > 0;
  });
}

export function report(doc: Doc, byDoc: Unit[], removed: (Removal | undefined)[], docs: Doc[]): Diagnostic {
  // Where the kept text is: the files the first removals point at.
  const files = new Set<string>();
  for (const u of byDoc) {
    const r = removed[u.id];
    if (r) files.add(docs[r.of.doc].source.path);
  }
  const elsewhere = [...files].filter((f) => f !== doc.source.path);
  const where = elsewhere.length > 0 ? ` (kept in ${elsewhere.slice(0, 3).join(', ')}${elsewhere.length > 3 ? ', …' : ''})` : '';
  return diagnostic({ file: doc.source.path, line: 1, column: 1 }, 'warning', RULE,
    `every paragraph of this article repeats text kept elsewhere${where}, so the PDF leaves the article out: remove the file, or give it text of its own.`);
}
