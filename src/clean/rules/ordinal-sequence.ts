// ordinal-sequence: an enumeration within an article that skips or repeats a
// number (一是, 三是, 四是, 三是). Each family of markers is one stream per
// article, in reading order; starting again at one begins a new
// enumeration, anything else must be the next number.
import type { List } from 'mdast';
import { diagnostic, type Diagnostic, type SourcePoint } from '../../diagnostics/diagnostic.js';
import { pointAt, startOf, type Doc } from '../paragraphs.js';
import { HAN_NUM, hanNumber, toHan } from '../../content/han-number.js';

export const RULE = 'ordinal-sequence';

/** A paragraph or heading of the article, as plain text with source offsets. */
export interface OrdinalText {
  plain: string;
  map: Int32Array;
  start: number;
}

interface Family {
  name: string;
  /** Matches a marker; group 1 is the number. Global, or sticky for a startOnly family. */
  pattern: RegExp;
  /** Only at the start of a paragraph or heading (`一、`, `1.` would be too common inside a sentence). */
  startOnly: boolean;
  /** Inside a sentence the marker must follow a clause mark or a space (so 统一是 is not 一是). */
  afterClause?: boolean;
  value: (s: string) => number | undefined;
  label: (n: number) => string;
}

/** What a marker inside a sentence follows. */
const CLAUSE_MARK = /[。；：！？，,;:!?\s]/;

/** True when the character before index i (i > 0) ends a clause. */
function afterClauseMark(s: string, i: number): boolean {
  return i > 0 && CLAUSE_MARK.test(s[i - 1]);
}
const int = (s: string): number => Number.parseInt(s, 10);

const FAMILIES: Family[] = [
  { name: '一是', pattern: new RegExp(`(${HAN_NUM})是`, 'g'), startOnly: false, afterClause: true, value: hanNumber, label: (n) => `${toHan(n)}是` },
  { name: '第一', pattern: new RegExp(`第(${HAN_NUM})[，、：,:]`, 'g'), startOnly: false, afterClause: true, value: hanNumber, label: (n) => `第${toHan(n)}` },
  { name: '（一）', pattern: new RegExp(`[（(](${HAN_NUM})[）)]`, 'g'), startOnly: false, value: hanNumber, label: (n) => `（${toHan(n)}）` },
  { name: '一、', pattern: new RegExp(`(${HAN_NUM})、`, 'y'), startOnly: true, value: hanNumber, label: (n) => `${toHan(n)}、` },
  { name: '（1）', pattern: /[（(](\d{1,2})[）)]/g, startOnly: false, value: int, label: (n) => `（${n}）` },
  { name: '1.', pattern: /(\d{1,2})[、．.](?!\d)/y, startOnly: true, value: int, label: (n) => `${n}.` },
];

interface Marker {
  value: number;
  at: number;
  /** At the start of its paragraph or heading. */
  leading: boolean;
}

/** Where the text's first visible character is. */
function leadOf(text: OrdinalText): number {
  return text.plain.length - text.plain.trimStart().length;
}

/** Appends the markers of `family` in `text` to `out`. */
function markersOf(text: OrdinalText, lead: number, family: Family, out: Marker[]): void {
  const s = text.plain;
  if (family.startOnly) {
    // The sticky pattern is tried at the first visible character only (no
    // marker begins with white space, so none can start before it).
    family.pattern.lastIndex = lead;
    const m = family.pattern.exec(s);
    if (m) addMarker(text, family, m, true, out);
    return;
  }
  family.pattern.lastIndex = 0;
  for (let m = family.pattern.exec(s); m; m = family.pattern.exec(s)) {
    const leading = m.index === lead;
    if (!leading && family.afterClause && !afterClauseMark(s, m.index)) continue;
    addMarker(text, family, m, leading, out);
  }
}

function addMarker(text: OrdinalText, family: Family, m: RegExpExecArray, leading: boolean, out: Marker[]): void {
  const value = family.value(m[1]);
  if (value !== undefined && value > 0) out.push({ value, at: text.map[m.index] ?? text.start, leading });
}

/** Checks one stream of numbers: each must be the previous plus one, or 1 (a new enumeration). */
function checkStream(doc: Doc, stream: Marker[], label: (n: number) => string, out: Diagnostic[]): void {
  let prev: Marker | undefined;
  for (const m of stream) {
    const here = pointAt(doc, m.at);
    if (!prev) {
      if (m.leading && m.value > 1) {
        out.push(diagnostic(here, 'warning', RULE,
          `the enumeration starts at ${label(m.value)}: ${label(1)}${m.value > 2 ? ` to ${label(m.value - 1)}` : ''} missing. Renumber it, or restore the missing item.`));
      }
    } else if (m.value !== 1 && m.value !== prev.value + 1) {
      const there: SourcePoint = pointAt(doc, prev.at);
      const what = m.value > prev.value + 1
        ? `skips ${m.value - prev.value === 2 ? label(prev.value + 1) : `${label(prev.value + 1)} to ${label(m.value - 1)}`}`
        : `repeats or goes back (expected ${label(prev.value + 1)})`;
      out.push(diagnostic(here, 'warning', RULE,
        `${label(m.value)} after ${label(prev.value)} at line ${there.line}: the enumeration ${what}. Renumber it, or restore the missing item.`, [there]));
    }
    prev = m;
  }
}

const SEQUENCE = /(首先|其次|再次|最后)[，,]/g;
const RANK: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 4 };

/** 首先 → 其次 → 再次 → 最后: a step needs the one before it; 首先 starts over, 最后 closes. */
function checkSequenceWords(doc: Doc, texts: OrdinalText[], out: Diagnostic[]): void {
  let prev: { word: string; at: number } | undefined;
  for (const t of texts) {
    SEQUENCE.lastIndex = 0;
    for (let m = SEQUENCE.exec(t.plain); m; m = SEQUENCE.exec(t.plain)) {
      if (m.index > 0 && !afterClauseMark(t.plain, m.index)) continue;
      const word = m[1];
      const at = t.map[m.index] ?? t.start;
      const rank = RANK[word];
      if (rank === 2 || rank === 3) {
        const ok = prev !== undefined && RANK[prev.word] === rank - 1;
        if (!ok) {
          const need = rank === 2 ? '首先' : '其次';
          out.push(diagnostic(pointAt(doc, at), 'warning', RULE,
            `${word} without a ${need} before it${prev ? ` (the previous step is ${prev.word} at line ${pointAt(doc, prev.at).line})` : ''}: the sequence skips or repeats a step.`,
            prev ? [pointAt(doc, prev.at)] : undefined));
        }
      }
      prev = rank === 4 ? undefined : { word, at };
    }
  }
}

/** Ordered Markdown lists: the numbers typed in the source must count up (all `1.` is fine). */
function checkList(doc: Doc, list: List, out: Diagnostic[]): void {
  if (!list.ordered) return;
  const src = doc.source.text;
  const items = list.children.map((item) => {
    const at = startOf(item);
    const m = /^\s*(\d{1,9})[.)]/.exec(src.slice(at, at + 16));
    return m ? { value: int(m[1]), at } : undefined;
  });
  if (items.some((i) => !i) || items.length < 2) return;
  const numbers = items as { value: number; at: number }[];
  if (numbers.every((n) => n.value === numbers[0].value)) return;
  for (let k = 1; k < numbers.length; k++) {
    const prev = numbers[k - 1];
    const cur = numbers[k];
    if (cur.value !== prev.value + 1) {
      const there = pointAt(doc, prev.at);
      out.push(diagnostic(pointAt(doc, cur.at), 'warning', RULE,
        `list item ${cur.value} after ${prev.value} at line ${there.line}: the numbering skips or repeats. Renumber the list.`, [there]));
    }
  }
}

export function checkOrdinals(doc: Doc, texts: OrdinalText[], lists: List[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const leads = texts.map(leadOf);
  for (const family of FAMILIES) {
    const stream: Marker[] = [];
    for (let k = 0; k < texts.length; k++) markersOf(texts[k], leads[k], family, stream);
    checkStream(doc, stream, family.label, out);
  }
  checkSequenceWords(doc, texts, out);
  for (const list of lists) checkList(doc, list, out);
  return out;
}
