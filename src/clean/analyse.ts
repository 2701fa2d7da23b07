// The cleaning driver: extraction, then the rules in their fixed order —
// joins first (so a repeated tail is seen inside the whole paragraph), then
// duplicates, then the findings left to the editor, on what is kept.
import type { Heading, List, PhrasingContent, RootContent } from 'mdast';
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { NEAR_SHINGLE } from './config.js';
import { findRemovals, reportRemoval, type Removal } from './dedupe.js';
import { docsOf, nestedParagraphs, startOf, type Doc } from './paragraphs.js';
import { buildShingles } from './shingles.js';
import { buildUnits, type Unit } from './units.js';
import * as split from './rules/split-paragraph.js';
import * as near from './rules/near-duplicate.js';
import { checkOrdinals, type OrdinalText } from './rules/ordinal-sequence.js';
import type { LintText } from './rules/lint-text.js';
import * as unbalanced from './rules/unbalanced-pair.js';
import * as asciiPunctuation from './rules/ascii-punctuation.js';
import * as doubled from './rules/doubled-punctuation.js';
import * as spaceBetweenHan from './rules/space-between-han.js';
import * as markup from './rules/markup.js';
import * as emptied from './rules/emptied-article.js';
import * as placeholder from './rules/placeholder-text.js';

const LINT_RULES = [unbalanced, asciiPunctuation, doubled, spaceBetweenHan, markup, placeholder];

export interface Findings {
  docs: Doc[];
  units: Unit[];
  /** By unit id: why the unit goes, or undefined when it stays. */
  removed: (Removal | undefined)[];
  /** One per join and per removal: what cleaning changes. */
  applied: Diagnostic[];
  /** By document: an article the removals leave with nothing to print (left out of the cleaned bulletin). */
  emptied: boolean[];
  /** Everything: `applied` plus the findings left to the editor. */
  diagnostics: Diagnostic[];
}

export function findDefects(bulletin: Bulletin): Findings {
  const docs = docsOf(bulletin);
  const units = buildUnits(docs);
  const applied = units.flatMap((u) => u.joins.map((join) => split.report(docs[u.doc], join)));
  const shingles = buildShingles(units.map((u) => u.norm), NEAR_SHINGLE);
  const removed = findRemovals(units, shingles);
  for (const r of removed) if (r) applied.push(reportRemoval(docs, r));
  const kept = (u: Unit): boolean => !removed[u.id];

  const left: Diagnostic[] = [];
  const byDoc = unitsByDoc(docs, units);
  const gone = emptied.emptiedArticles(docs, byDoc, removed);
  for (const [d, doc] of docs.entries()) if (gone[d]) left.push(emptied.report(doc, byDoc[d], removed, docs));
  for (const pair of near.findNearDuplicates(units, shingles, kept)) left.push(...near.report(docs, pair));
  for (const [d, doc] of docs.entries()) left.push(...checkDocument(doc, byDoc[d].filter((u) => kept(u) && !u.opaque)));
  return { docs, units, removed, applied, emptied: gone, diagnostics: [...applied, ...left] };
}

/** The findings left to the editor in one file: enumerations and lint, on its kept paragraphs. */
function checkDocument(doc: Doc, mine: Unit[]): Diagnostic[] {
  const texts: LintText[] = [...mine, ...nestedParagraphs(doc).filter((p) => !p.opaque)];
  return [
    ...checkOrdinals(doc, ordinalTexts(doc, mine), topLevelLists(doc)),
    ...texts.flatMap((text) => LINT_RULES.flatMap((rule) => rule.check(doc, text))),
    ...markup.checkHtml(doc),
  ];
}

/** The units of each document (filtering all units per document was quadratic in the bulletin's size). */
export function unitsByDoc(docs: Doc[], units: Unit[]): Unit[][] {
  const out: Unit[][] = docs.map(() => []);
  for (const u of units) out[u.doc].push(u);
  return out;
}

/** Kept paragraphs and headings of one file, in reading order. */
function ordinalTexts(doc: Doc, kept: Unit[]): OrdinalText[] {
  const headings = doc.tree.children.filter((n): n is Heading => n.type === 'heading').map(headingText);
  return [...kept, ...headings].sort((a, b) => a.start - b.start);
}

function headingText(node: Heading): OrdinalText {
  let plain = '';
  const map: number[] = [];
  const walk = (nodes: PhrasingContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'inlineCode') {
        for (let i = 0; i < n.value.length; i++) map.push(startOf(n) + i);
        plain += n.value;
      } else if ('children' in n) walk(n.children as PhrasingContent[]);
    }
  };
  walk(node.children);
  return { plain, map: Int32Array.from(map), start: startOf(node) };
}

function topLevelLists(doc: Doc): List[] {
  return doc.tree.children.filter((n: RootContent): n is List => n.type === 'list');
}
