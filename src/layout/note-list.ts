// An article's notes, numbered in the order they are first referred to
// (GFM's order): footnotes (`[^1]`) and, when the template sets links as
// notes, link URLs. Their markers (① …): content/note-marker.ts.
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { noteMarker } from '../content/note-marker.js';

export type NoteContent = { kind: 'footnote'; definition: FootnoteDefinition } | { kind: 'url'; url: string };

export interface Note {
  marker: string;
  content: NoteContent;
}


export class NoteList {
  readonly notes: Note[] = [];
  private readonly byLabel = new Map<string, string>();
  private readonly definitions = new Map<string, FootnoteDefinition>();
  /** Definitions of a label already defined: references go to the first, and these are printed after the rest. */
  private readonly repeated: FootnoteDefinition[] = [];

  constructor(tree: Root) {
    const visit = (node: Nodes): void => {
      if (node.type === 'footnoteDefinition') {
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
        else this.repeated.push(node);
      } else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(tree);
  }

  /** The marker of the footnote with this identifier (numbered on first use), or undefined when it has no definition. */
  footnote(identifier: string): string | undefined {
    const known = this.byLabel.get(identifier);
    if (known) return known;
    const definition = this.definitions.get(identifier);
    if (!definition) return undefined;
    return this.add(identifier, { kind: 'footnote', definition });
  }

  /** The marker of a note giving a link's URL (one note per URL). */
  url(url: string): string {
    return this.byLabel.get(`url:${url}`) ?? this.add(`url:${url}`, { kind: 'url', url });
  }

  /** Definitions nothing refers to: numbered after the others, so that none is lost. */
  unreferenced(): void {
    for (const id of this.definitions.keys()) this.footnote(id);
    for (const [k, definition] of this.repeated.entries()) this.add(`repeated:${k}`, { kind: 'footnote', definition });
  }

  private add(key: string, content: NoteContent): string {
    const marker = noteMarker(this.notes.length + 1);
    this.notes.push({ marker, content });
    this.byLabel.set(key, marker);
    return marker;
  }
}
