// The cleaning driver: extraction, then the rules in their fixed order —
// joins first (so a repeated tail is seen inside the whole paragraph), then
// duplicates, then the findings left to the editor, on what is kept.
import type { Heading, List, PhrasingContent, RootContent } from 'mdast';
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { NEAR_SHINGLE } from './config.js';
import { findRemovals, reportRemoval, type Removal } from './dedupe.js';
import { int32s } from './int32-views.js';
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
  const applied = joinReports(docs, units);
  const shingles = buildShingles(units.map((u) => u.norm), NEAR_SHINGLE);
  const removed = findRemovals(units, shingles);
  for (let i = 0; i < removed.length; i++) {
    const r = removed[i];
    if (r) applied.push(reportRemoval(docs, r));
  }
  const kept = (u: Unit): boolean => !removed[u.id];

  const left: Diagnostic[] = [];
  const byDoc = unitsByDoc(docs, units);
  const gone = emptied.emptiedArticles(docs, byDoc, removed);
  for (let d = 0; d < docs.length; d++) if (gone[d]) left.push(emptied.report(docs[d], byDoc[d], removed, docs));
  for (const pair of near.findNearDuplicates(units, shingles, kept)) pushAll(left, near.report(docs, pair));
  for (let d = 0; d < docs.length; d++) checkDocument(docs[d], byDoc[d].filter((u) => kept(u) && !u.opaque), left);
  return { docs, units, removed, applied, emptied: gone, diagnostics: [...applied, ...left] };
}

// Each loop below is a function of its own: this runs once, cold, and V8
// drops the code it compiled for a long loop as soon as the function goes
// past it (see shingles.ts). Loops are indexed: a for-of loop in code not
// optimised yet makes an iterator result object per element. Nor does a
// rule's finding list get spread into another when it is empty (most are).

function joinReports(docs: Doc[], units: Unit[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    for (let k = 0; k < u.joins.length; k++) out.push(split.report(docs[u.doc], u.joins[k]));
  }
  return out;
}

/** The findings left to the editor in one file: enumerations and lint, on its kept paragraphs. */
function checkDocument(doc: Doc, mine: Unit[], out: Diagnostic[]): void {
  pushAll(out, checkOrdinals(doc, ordinalTexts(doc, mine), topLevelLists(doc)));
  for (let i = 0; i < mine.length; i++) lint(doc, mine[i], out);
  const nested = nestedParagraphs(doc);
  for (let i = 0; i < nested.length; i++) if (!nested[i].opaque) lint(doc, nested[i], out);
  pushAll(out, markup.checkHtml(doc));
}

function lint(doc: Doc, text: LintText, out: Diagnostic[]): void {
  for (let r = 0; r < LINT_RULES.length; r++) pushAll(out, LINT_RULES[r].check(doc, text));
}

function pushAll(to: Diagnostic[], from: Diagnostic[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** The units of each document (filtering all units per document was quadratic in the bulletin's size). */
export function unitsByDoc(docs: Doc[], units: Unit[]): Unit[][] {
  const out: Unit[][] = docs.map(() => []);
  for (let i = 0; i < units.length; i++) out[units[i].doc].push(units[i]);
  return out;
}

/** Kept paragraphs and headings of one file, in reading order. */
function ordinalTexts(doc: Doc, kept: Unit[]): OrdinalText[] {
  const texts: OrdinalText[] = kept.slice();
  const nodes = doc.tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'heading') texts.push(headingText(node));
  }
  return texts.sort((a, b) => a.start - b.start);
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
  const offsets = int32s(map.length);
  offsets.set(map);
  return { plain, map: offsets, start: startOf(node) };
}

function topLevelLists(doc: Doc): List[] {
  return doc.tree.children.filter((n: RootContent): n is List => n.type === 'list');
}
