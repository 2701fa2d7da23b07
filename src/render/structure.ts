// Tagged PDF: the display list's StructureTags become the structure tree.
// Items sharing a tag id are one structure element (a paragraph that runs over
// columns and pages), created on first sight, so elements appear in reading
// order; consecutive items of the same element on a page share one
// marked-content sequence. `Artifact` (running heads, folios, rules) and
// untagged items (crop marks, decoration) are marked as artifacts, so nothing
// on the page is left outside the tree.
import type { StructureTag } from '../layout/display-list.js';
import type { PdfDoc, StructContent, StructElement } from './pdfkit-internals.js';

type Open = { kind: 'artifact' } | { kind: 'struct'; id: string; element: StructElement; content: StructContent };

export class Tagger {
  private readonly root: StructElement;
  private readonly elements = new Map<string, StructElement>();
  private open: Open | null = null;

  constructor(private readonly doc: PdfDoc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /**
   * Makes `tag`'s marked-content sequence the open one, closing another if needed.
   * pdfkit writes the marked-content operators through `doc.addContent`, into the
   * same page content as the items, so they land in order.
   */
  enter(tag: StructureTag | undefined, alt?: string): void {
    const artifact = !tag || tag.role === 'Artifact';
    if (artifact) {
      if (this.open?.kind === 'artifact') return;
      this.close();
      this.doc.markContent('Artifact');
      this.open = { kind: 'artifact' };
      return;
    }
    if (this.open?.kind === 'struct' && this.open.id === tag.id) return;
    this.close();
    let element = this.elements.get(tag.id);
    if (!element) {
      element = this.doc.struct(tag.role, alt ? { alt } : {});
      this.root.add(element);
      this.elements.set(tag.id, element);
    }
    const content = this.doc.markStructureContent(tag.role);
    this.open = { kind: 'struct', id: tag.id, element, content };
  }

  /** Ends the open sequence (call at the end of every page). */
  close(): void {
    const open = this.open;
    if (!open) return;
    this.doc.endMarkedContent();
    if (open.kind === 'struct') open.element.add(open.content);
    this.open = null;
  }

  /** Ends every element and the document element: their dictionaries are written now. */
  finish(): void {
    this.close();
    for (const e of this.elements.values()) e.end();
    this.root.end();
  }
}
