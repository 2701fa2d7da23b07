// `fmt`'s plan: the cleaning applied to the sources. Changes are spliced into
// the original text by offset, so front matter and every paragraph not
// touched stay byte for byte (line endings and BOM included). A join replaces
// only the blank lines between the halves; a removal deletes the paragraph
// and the blank lines before it. Only a join whose seam falls inside inline
// markup (`**…` / `…**`) is re-serialised, with remark-stringify and the
// writing side of the parser's extensions (GFM, CJK-friendly emphasis and
// strikethrough), so that what it writes reads back as the same tree and a
// bold lead-in ending in `。` is written as `**一是。**`, not escaped.
import { createTwoFilesPatch } from 'diff';
import { unified, type Processor } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/serializeOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/serializeOnly';
import type { Root } from 'mdast';
import type { Bulletin } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findDefects, unitsByDoc, type Findings } from './analyse.js';
import { mergedParagraph } from './apply-tree.js';
import { endOf, startOf, type Doc, type Para } from './paragraphs.js';
import type { Unit } from './units.js';
import { RULE as EMPTIED } from './rules/emptied-article.js';

export interface FileEdit {
  absPath: string;
  /** The new file content, encoded as the original was (BOM kept). */
  bytes: Uint8Array;
  /** A unified diff of the change, for `fmt` without --write. */
  diff: string;
  /** The new text (without BOM). */
  text: string;
}

export interface FormatPlan {
  edits: FileEdit[];
  applied: Diagnostic[];
  /**
   * Articles left as they are (emptied-article): removing their repeats would leave a file
   * without a body, which no longer builds; the editor removes the file or rewrites it.
   */
  untouched: Diagnostic[];
}

interface Splice {
  from: number;
  to: number;
  insert: string;
}

export function planFormatting(bulletin: Bulletin): FormatPlan {
  const findings = findDefects(bulletin);
  const edits: FileEdit[] = [];
  const byDoc = unitsByDoc(findings.docs, findings.units);
  const untouched = findings.diagnostics.filter((d) => d.rule === EMPTIED);
  const skipped = new Set(untouched.map((d) => d.file));
  for (const doc of findings.docs) {
    if (findings.emptied[doc.id]) continue;
    const before = doc.source.text;
    const after = applySplices(before, splicesFor(doc, byDoc[doc.id], findings));
    if (after === before) continue;
    const path = doc.source.path;
    edits.push({
      absPath: doc.source.absPath,
      text: after,
      bytes: new TextEncoder().encode((doc.source.hasBom ? '\uFEFF' : '') + after),
      diff: createTwoFilesPatch(`a/${path.replace(/^\/+/, "")}`, `b/${path.replace(/^\/+/, "")}`, before, after),
    });
  }
  return { edits, applied: findings.applied.filter((d) => !skipped.has(d.file)), untouched };
}

function splicesFor(doc: Doc, units: Unit[], findings: Findings): Splice[] {
  const out: Splice[] = [];
  const children = doc.tree.children;
  for (const u of units) {
    if (findings.removed[u.id]) {
      const first = u.parts[0].child;
      // Take the blank lines before the paragraph with it; at the very top, those after it.
      if (first > 0) out.push({ from: endOf(children[first - 1]), to: u.end, insert: '' });
      else out.push({ from: u.start, to: first + u.parts.length < children.length ? startOf(children[first + u.parts.length]) : doc.source.text.length, insert: '' });
    } else if (u.parts.length > 1) {
      out.push(...joinSplices(doc, u));
    }
  }
  return out;
}

function joinSplices(doc: Doc, u: Unit): Splice[] {
  if (u.joins.every((j) => cleanSeam(j.left, j.right))) {
    return u.joins.map((j) => ({ from: j.left.end, to: j.right.start, insert: j.sep }));
  }
  const root: Root = { type: 'root', children: [mergedParagraph(u)] };
  const text = String(writer().stringify(root)).trimEnd().replace(/\r?\n/g, doc.source.eol);
  return [{ from: u.start, to: u.end, insert: text }];
}

let processor: Processor<undefined, undefined, undefined, Root, string> | undefined;

function writer(): Processor<undefined, undefined, undefined, Root, string> {
  processor ??= unified().use(remarkStringify).use(remarkGfm, { singleTilde: false }).use(remarkCjkFriendly).use(remarkCjkFriendlyStrikethrough) as unknown as Processor<undefined, undefined, undefined, Root, string>;
  return processor;
}

/** The left half's source ends with its last visible character and the right half starts with its first. */
function cleanSeam(left: Para, right: Para): boolean {
  const last = left.plain.trimEnd().length - 1;
  const first = right.plain.length - right.plain.trimStart().length;
  return last >= 0 && left.map[last] === left.end - 1 && right.map[first] === right.start;
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.insert + out.slice(s.to);
  return out;
}
