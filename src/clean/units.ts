// Units: the paragraphs the duplicate rules compare. A unit is one top-level
// paragraph, or several joined by split-paragraph — joining comes first, so
// the repeated tail of a split paragraph is seen inside the whole paragraph.
import type { Paragraph } from 'mdast';
import { extractParagraph, type Doc, type Para } from './paragraphs.js';
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
  const units: Unit[] = [];
  for (const doc of docs) {
    let current: Para[] = [];
    let joins: Join[] = [];
    const flush = (): void => {
      if (current.length > 0) units.push(makeUnit(units.length, doc, current, joins));
      current = [];
      joins = [];
    };
    doc.tree.children.forEach((node, i) => {
      if (node.type !== 'paragraph') {
        flush();
        return;
      }
      const para = extractParagraph(doc, node as Paragraph, i);
      const prev = current[current.length - 1];
      const join = prev && prev.child === i - 1 ? splitBetween(prev, para) : undefined;
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

function makeUnit(id: number, doc: Doc, parts: Para[], joins: Join[]): Unit {
  if (parts.length === 1) {
    const p = parts[0];
    return { id, doc: doc.id, parts, joins, plain: p.plain, map: p.map, norm: p.norm, start: p.start, end: p.end, opaque: p.opaque, standalone: p.standalone };
  }
  let plain = '';
  const offsets: number[] = [];
  parts.forEach((p, k) => {
    plain += p.plain;
    for (const o of p.map) offsets.push(o);
    const sep = joins[k]?.sep ?? '';
    if (k < parts.length - 1 && sep) {
      plain += sep;
      offsets.push(p.end);
    }
  });
  return {
    id,
    doc: doc.id,
    parts,
    joins,
    plain,
    map: Int32Array.from(offsets),
    norm: parts.map((p) => p.norm).join(''),
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    opaque: false,
    standalone: false,
  };
}
