// Tagged PDF: the display list's StructureTags become the structure tree.
// A tag names its element (role, id) and the elements it sits in (parents,
// outermost first: an Art for each article, a Sect for the lead, L and LI
// for a list item, Table and TR for a cell, Figure for a caption). Items
// sharing an id are one element (a paragraph running over columns and
// pages, an article continued overleaf), created on first sight, so
// elements and their kids appear in reading order; consecutive items of the
// same element on a page share one marked-content sequence. `Artifact`
// (running heads, folios, rules) and untagged items (crop marks) are marked
// as artifacts, running heads and footers as pagination artifacts, so
// nothing on the page is left outside the tree.
//
// The tree is written here rather than through pdfkit's `struct()` /
// `markStructureContent()`, which keep a child object per marked-content
// sequence and re-check whole subtrees (docs/performance.md): the
// StructTreeRoot, the elements, the pages' StructParents keys and the
// ParentTree, whose root has no /Limits (a number tree's root has none, ISO
// 32000-1 7.9.7). The catalog names the root and MarkInfo (catalog.ts).
import type { StructureParent, StructureTag } from '../layout/display-list.js';
import type { ContentWriter } from './content-writer.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';

interface Mark {
  page: PdfRef;
  mcid: number;
}

/** A structure element: its dictionary and its kids (elements and marked-content sequences), in order. */
interface Element {
  ref: PdfRef;
  kids: (Element | Mark)[];
}

type Open = { kind: 'artifact'; type: string } | { kind: 'struct'; id: string };

export interface TaggerOptions {
  /** PDF 1.4's additions may be written: ActualText, pagination artifacts' property lists. */
  modern: boolean;
}

export class Tagger {
  /** The StructTreeRoot. */
  readonly treeRoot: PdfRef;
  /** The `Document` element, child of the StructTreeRoot, parent of every element. */
  private readonly root: Element;
  private readonly elements = new Map<string, Element>();
  private open: Open | null = null;
  /** The current page and its ParentTree entry (looked up once per page, not per sequence). */
  private page: { ref: PdfRef; parents: PdfRef[] } | undefined;
  /** Each page's ParentTree entry, by StructParents key (the page's index among tagged pages). */
  private readonly parentTree: PdfRef[][] = [];

  constructor(
    private readonly doc: PdfDoc,
    private readonly out: ContentWriter,
    private readonly options: TaggerOptions = { modern: true },
  ) {
    this.treeRoot = doc.ref({ Type: 'StructTreeRoot' });
    this.root = { ref: doc.ref({ S: 'Document', P: this.treeRoot }), kids: [] };
  }

  /** Makes `tag`'s marked-content sequence the open one, closing another if needed. */
  enter(tag: StructureTag | undefined, alt?: string): void {
    if (!tag || tag.role === 'Artifact') {
      const type = this.options.modern ? (tag?.artifact ?? '') : '';
      if (this.open?.kind === 'artifact' && this.open.type === type) return;
      this.close();
      this.out.line(type ? `/Artifact <</Type /Pagination /Subtype /${type}>> BDC` : '/Artifact BMC');
      this.open = { kind: 'artifact', type };
      return;
    }
    if (this.open?.kind === 'struct' && this.open.id === tag.id) return;
    this.close();
    const element = this.element(tag, alt);
    // The page's entry in the ParentTree lists, by MCID, the element each sequence belongs to.
    const page = this.pageEntry();
    const mcid = page.parents.length;
    page.parents.push(element.ref);
    element.kids.push({ page: page.ref, mcid });
    this.out.line(`/${tag.role} <<\n/MCID ${mcid}\n>> BDC`);
    this.open = { kind: 'struct', id: tag.id };
  }

  /** The element for a tag, made (with its missing parents) on first sight. */
  private element(tag: StructureTag, alt?: string): Element {
    const known = this.elements.get(tag.id);
    if (known) return known;
    let parent = this.root;
    for (const p of tag.parents ?? []) parent = this.elements.get(p.id) ?? this.make(p, parent);
    const element = this.make(tag, parent);
    if (alt) element.ref.data.Alt = new String(alt);
    return element;
  }

  private make(p: StructureParent, parent: Element): Element {
    const data: Record<string, unknown> = { S: p.role, P: parent.ref };
    if (p.actualText && this.options.modern) data.ActualText = new String(p.actualText);
    // PDF/UA: a note has an ID; a header cell says what it heads.
    if (p.role === 'Note') data.ID = new String(p.id);
    if (p.role === 'TH') data.A = { O: 'Table', Scope: 'Column' };
    const element: Element = { ref: this.doc.ref(data), kids: [] };
    this.elements.set(p.id, element);
    parent.kids.push(element);
    return element;
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
   * Writes every element, children before parents, then the ParentTree. An
   * element's kids are its child elements and its MCIDs; /Pg names the page of
   * its first sequence, and sequences on other pages are marked-content
   * references (MCR) naming their own page.
   */
  finish(): void {
    this.close();
    this.write(this.root);
    const nums: unknown[] = [];
    for (const [key, parents] of this.parentTree.entries()) nums.push(key, parents);
    const parentTree = this.doc.ref({ Nums: nums });
    parentTree.end();
    Object.assign(this.treeRoot.data, { K: [this.root.ref], ParentTree: parentTree, ParentTreeNextKey: this.parentTree.length });
    this.treeRoot.end();
  }

  private write(element: Element): void {
    const k: unknown[] = [];
    const first = element.kids.find((kid): kid is Mark => 'mcid' in kid)?.page;
    if (first) element.ref.data.Pg = first;
    for (const kid of element.kids) {
      if ('mcid' in kid) k.push(kid.page === first ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
      else {
        this.write(kid);
        k.push(kid.ref);
      }
    }
    element.ref.data.K = k;
    element.ref.end();
  }
}
