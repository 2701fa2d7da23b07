// Where a diagnostic's file:line is on the page, for the preview to show it:
// the box of the text block that starts at or before that line (a paragraph,
// heading, list item…), else of the article's headline. Text runs carry the
// structure id of their block (layout/blocks.ts: `a<N>-p<M>` for article N in
// the laid-out bulletin's order, `lead-…` for index.md; the header's
// `a<N>-title`), and blocksOf gives each block's source line.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Bulletin } from '../content/types.js';
import type { DisplayList, TextRun } from '../layout/display-list.js';
import { blocksOf } from '../layout/blocks.js';

/** A box on a page, in points from the trimmed page's top-left corner. */
export interface Place {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Source {
  prefix: string;
  /** Block ids by source line, ascending. */
  blocks: { line: number; id: string }[];
  /** The line after the front matter's closing fence. */
  bodyLine: number;
}

function runBox(run: TextRun, page: number): Place {
  const n = run.glyphs.length;
  const width = n > 0 ? run.glyphs.x(n - 1) + run.glyphs.advance(n - 1) : 0;
  return { page, x: run.x, y: run.y - run.size * 0.88, w: width, h: run.size * 1.12 };
}

function union(a: Place, b: Place): Place {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { page: a.page, x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** The first page's box of every structure id (a block's lines in one column make one box). */
function boxesById(display: DisplayList): Map<string, Place> {
  const boxes = new Map<string, Place>();
  for (const page of display.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || !item.tag) continue;
      const box = runBox(item, page.number);
      const known = boxes.get(item.tag.id);
      if (!known) boxes.set(item.tag.id, box);
      else if (known.page === box.page && Math.abs(box.x - known.x) < box.w + known.w) boxes.set(item.tag.id, union(known, box));
    }
  }
  return boxes;
}

function bodyStart(doc: { tree: { children: { type: string; position?: { end: { line: number } } }[] } }): number {
  const first = doc.tree.children[0];
  return first?.type === 'yaml' ? (first.position?.end.line ?? 0) + 1 : 1;
}

function sourceOf(doc: Bulletin['articles'][number] | Bulletin['index'], prefix: string): Source {
  const blocks = blocksOf(doc.tree, prefix, doc.source.absPath)
    .map((b) => ({ line: b.line, id: b.id }))
    .sort((a, b) => a.line - b.line);
  return { prefix, blocks, bodyLine: bodyStart(doc) };
}

/** A function giving the place of a diagnostic on the page, or undefined when it has none (a file not printed). */
export function placeFinder(bulletin: Bulletin, display: DisplayList): (d: Diagnostic) => Place | undefined {
  const boxes = boxesById(display);
  const sources = new Map<string, () => Source>();
  const lazily = (make: () => Source) => {
    let s: Source | undefined;
    return () => (s ??= make());
  };
  sources.set(bulletin.index.source.path, lazily(() => sourceOf(bulletin.index, 'lead')));
  for (const [i, a] of bulletin.articles.entries()) sources.set(a.source.path, lazily(() => sourceOf(a, `a${i + 1}`)));
  return (d) => {
    const source = sources.get(d.file)?.();
    if (!source) return undefined;
    const headline = boxes.get(`${source.prefix}-title`);
    if (d.line < source.bodyLine) return headline ?? boxes.get(source.blocks[0]?.id ?? '');
    let best: string | undefined;
    for (const b of source.blocks) if (b.line <= d.line && boxes.has(b.id)) best = b.id;
    return (best ? boxes.get(best) : undefined) ?? headline;
  };
}
