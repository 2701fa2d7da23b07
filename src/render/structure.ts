// Tagged PDF: the display list's StructureTags become the structure tree.
// Items sharing a tag id are one structure element (a paragraph that runs over
// columns and pages), created on first sight, so elements appear in reading
// order; consecutive items of the same element on a page share one
// marked-content sequence. `Artifact` (running heads, folios, rules) and
// untagged items (crop marks, decoration) are marked as artifacts, so nothing
// on the page is left outside the tree.
//
// The elements are written here rather than through pdfkit's `struct()` /
// `markStructureContent()`: those keep a child object per marked-content
// sequence, re-check whole subtrees for flushability and serialise each
// element's kids through pdfkit's generic converter, ~60 ms for the 3,400
// elements and 10,000 sequences of a 56-page issue. The objects are the ones
// pdfkit writes (same keys, same order, same numbering): pdfkit owns the
// StructTreeRoot and MarkInfo (the `tagged` option, PDF 1.4); the pages'
// StructParents keys and the ParentTree are written here, the tree's root
// without /Limits (a number tree's root has none, ISO 32000-1 7.9.7).
import type { StructureTag } from '../layout/display-list.js';
import type { ContentWriter } from './content-writer.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';

/** A structure element: its dictionary and its marked-content sequences, in order. */
interface Element {
  ref: PdfRef;
  marks: { page: PdfRef; mcid: number }[];
}

type Open = { kind: 'artifact' } | { kind: 'struct'; id: string };

export class Tagger {
  /** The `Document` element, child of the StructTreeRoot, parent of every element. */
  private readonly root: PdfRef;
  private readonly elements = new Map<string, Element>();
  private open: Open | null = null;
  /** The current page and its ParentTree entry (looked up once per page, not per sequence). */
  private page: { ref: PdfRef; parents: PdfRef[] } | undefined;
  /** Each page's ParentTree entry, by StructParents key (the page's index among tagged pages). */
  private readonly parentTree: PdfRef[][] = [];

  constructor(
    private readonly doc: PdfDoc,
    private readonly out: ContentWriter,
  ) {
    const treeRoot = doc.getStructTreeRoot();
    this.root = doc.ref({ S: 'Document' });
    this.root.data.P = treeRoot;
    const kids = (treeRoot.data.K ??= []) as PdfRef[];
    kids.push(this.root);
  }

  /** Makes `tag`'s marked-content sequence the open one, closing another if needed. */
  enter(tag: StructureTag | undefined, alt?: string): void {
    const artifact = !tag || tag.role === 'Artifact';
    if (artifact) {
      if (this.open?.kind === 'artifact') return;
      this.close();
      this.out.line('/Artifact BMC');
      this.open = { kind: 'artifact' };
      return;
    }
    if (this.open?.kind === 'struct' && this.open.id === tag.id) return;
    this.close();
    let element = this.elements.get(tag.id);
    if (!element) {
      const ref = this.doc.ref({ S: tag.role });
      if (alt) ref.data.Alt = new String(alt);
      ref.data.P = this.root;
      element = { ref, marks: [] };
      this.elements.set(tag.id, element);
    }
    // The page's entry in the ParentTree lists, by MCID, the element each sequence belongs to.
    const page = this.pageEntry();
    const mcid = page.parents.length;
    page.parents.push(element.ref);
    element.marks.push({ page: page.ref, mcid });
    this.out.line(`/${tag.role} <<\n/MCID ${mcid}\n>> BDC`);
    this.open = { kind: 'struct', id: tag.id };
  }

  private pageEntry(): { ref: PdfRef; parents: PdfRef[] } {
    const page = this.doc.page;
    if (this.page?.ref !== page.dictionary) {
      const parents: PdfRef[] = [];
      page.dictionary.data.StructParents = this.parentTree.length;
      this.parentTree.push(parents);
      this.page = { ref: page.dictionary, parents };
    }
    return this.page;
  }

  /** Ends the open sequence (call at the end of every page). */
  close(): void {
    if (!this.open) return;
    this.out.line('EMC');
    this.open = null;
  }

  /**
   * Writes every element, then the Document element. An element's kids are its
   * MCIDs; /Pg names the page of its first sequence, and sequences on other
   * pages are marked-content references (MCR) naming their own page.
   */
  finish(): void {
    this.close();
    const kids: PdfRef[] = [];
    for (const { ref, marks } of this.elements.values()) {
      const k: unknown[] = [];
      ref.data.K = k;
      const first = marks[0]?.page;
      if (first) ref.data.Pg = first;
      for (const { page, mcid } of marks) k.push(page === first ? mcid : { Type: 'MCR', Pg: page, MCID: mcid });
      ref.end();
      kids.push(ref);
    }
    this.root.data.K = kids;
    this.root.end();
    const tree = this.doc.getStructTreeRoot();
    const nums: unknown[] = [];
    this.parentTree.forEach((parents, key) => nums.push(key, parents));
    const parentTree = this.doc.ref({ Nums: nums });
    parentTree.end();
    tree.data.ParentTree = parentTree;
    tree.data.ParentTreeNextKey = this.parentTree.length;
  }
}
