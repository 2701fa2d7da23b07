// Units: the paragraphs the duplicate rules compare. A unit is one top-level
// paragraph, or several joined by split-paragraph — joining comes first, so
// the repeated tail of a split paragraph is seen inside the whole paragraph.
import type { Paragraph } from 'mdast';
import { STANDALONE_LINE_MAX } from './config.js';
import { extractParagraph, type Doc, type Para } from './paragraphs.js';
import { normalise } from './text.js';
import { splitBetween, type Join } from './rules/split-paragraph.js';

export interface Unit {
  /** Position in reading order across the bulletin (index.md first). */
  id: number;
  doc: number;
  parts: Para[];
  /** joins[k] joins parts[k] and parts[k + 1]. */
  joins: Join[];
  plain: string;
  map: Int32Array;
  norm: string;
  start: number;
  end: number;
  opaque: boolean;
  /** Heading-like line (see Para.standalone); only for single-part units. */
  standalone: boolean;
}

export function buildUnits(docs: Doc[]): Unit[] {
  const paragraphs = docs.map((doc) =>
    doc.tree.children.map((node, i) => (node.type === 'paragraph' ? extractParagraph(doc, node as Paragraph, i) : undefined)),
  );
  const recurring = recurringShortLines(docs, paragraphs);
  const units: Unit[] = [];
  for (const doc of docs) {
    let current: Para[] = [];
    let joins: Join[] = [];
    const flush = (): void => {
      if (current.length > 0) units.push(makeUnit(units.length, doc, current, joins));
      current = [];
      joins = [];
    };
    paragraphs[doc.id].forEach((para, i) => {
      if (!para) {
        flush();
        return;
      }
      const prev = current[current.length - 1];
      const join = prev && prev.child === i - 1 ? splitBetween(prev, para, recurring) : undefined;
      if (join) {
        current.push(para);
        joins.push(join);
      } else {
        flush();
        current = [para];
      }
    });
    flush();
  }
  return units;
}

/** Short lines (paragraphs or headings) that occur more than once in the bulletin. */
function recurringShortLines(docs: Doc[], paragraphs: (Para | undefined)[][]): Set<string> {
  const seen = new Set<string>();
  const recurring = new Set<string>();
  const add = (norm: string): void => {
    if (norm.length === 0 || norm.length > STANDALONE_LINE_MAX) return;
    if (seen.has(norm)) recurring.add(norm);
    else seen.add(norm);
  };
  for (const doc of docs) {
    doc.tree.children.forEach((node, i) => {
      const para = paragraphs[doc.id][i];
      if (para) add(para.norm);
      else if (node.type === 'heading') add(normalise(toText(node)));
    });
  }
  return recurring;
}

function toText(node: { value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => toText(c as { value?: string; children?: unknown[] })).join('');
}

function makeUnit(id: number, doc: Doc, parts: Para[], joins: Join[]): Unit {
  if (parts.length === 1) {
    const p = parts[0];
    return { id, doc: doc.id, parts, joins, plain: p.plain, map: p.map, norm: p.norm, start: p.start, end: p.end, opaque: p.opaque, standalone: p.standalone };
  }
  let plain = '';
  for (let k = 0; k < parts.length; k++) plain += parts[k].plain + (k < parts.length - 1 ? joins[k].sep : '');
  // Each part's offsets, then the separator's (a space points at the end of the part before it).
  const map = new Int32Array(plain.length);
  let at = 0;
  parts.forEach((p, k) => {
    map.set(p.map, at);
    at += p.map.length;
    if (k < parts.length - 1 && joins[k].sep) map[at++] = p.end;
  });
  return {
    id,
    doc: doc.id,
    parts,
    joins,
    plain,
    map,
    norm: parts.map((p) => p.norm).join(''),
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    opaque: false,
    standalone: false,
  };
}
