// Lines the breaker had to letter-space, for the editor: the breaker avoids a
// line with more than 0.05 em of extra space between characters wherever the
// paragraph allows (linebreak.ts), and what the rules leave no way around (a
// lone last character, an unbreakable run, kinsoku) only an edit of the copy
// fixes. A line is measured from its placed glyphs, as a reader's software
// sees it: the space between the boxes of adjacent Han ideographs beyond their
// advances, averaged over the line (TYPOGRAPHY.md §4). Measuring is linear in
// the glyphs; a paragraph with a letter-spaced line is composed again a few
// times, to say why and which edit sets it tight.
import { Brk } from './breakpoints.js';
import { Cls } from './classes.js';
import { breakLines } from './linebreak.js';
import { composeLines, configOf, prepareInput } from './paragraph.js';
import type { ComposedLine, ParagraphInput, Span } from './types.js';

/** A line is letter-spaced above this mean extra per Han–Han gap, em. */
export const LETTERSPACED_GAP = 0.05;
/** Han–Han gaps a line needs to be measured (fewer say nothing about its spacing). */
export const MIN_HAN_PAIRS = 3;
/** The largest cut or addition tried, characters. */
export const MAX_EDIT = 4;

export interface LineSpacing {
  /** Mean extra space between adjacent Han ideographs, em. */
  gap: number;
  /** How many such gaps the line has. */
  pairs: number;
}

/** Why the breaker left a line letter-spaced. */
export type LooseReason =
  /** Every setting without a letter-spaced line ends the paragraph with a lone character (孤字). */
  | { kind: 'orphan' }
  /** The next line starts with a run that cannot be broken (a word, number, URL, `8:30—9:00`): it does not fit at this line's end. */
  | { kind: 'unbreakable'; text: string }
  /** The next line starts with characters kinsoku keeps together (`城。`): they do not fit at this line's end. */
  | { kind: 'kinsoku'; text: string };

export interface LooseLine {
  /** Index of the line in the paragraph. */
  line: number;
  /** UTF-16 offset of the line's first character in the paragraph's text (its spans' texts joined). */
  offset: number;
  /** Mean extra space between adjacent Han ideographs, em. */
  gap: number;
  reason?: LooseReason;
  /** The fewest characters that, cut from the line or added to it, leave the paragraph fewer letter-spaced lines (none up to MAX_EDIT: absent). */
  cut?: number;
  add?: number;
}

/** CJK ideographs as pdf-audit counts them: the Unified block, extension A, extensions B–G and the compatibility block. */
export function isIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0xf900 && cp <= 0xfaff);
}

function ideographText(text: string): boolean {
  const cp = text.codePointAt(0) ?? 0;
  return text.length === (cp > 0xffff ? 2 : 1) && isIdeograph(cp);
}

/** The line's letter-spacing: extra space between the boxes of adjacent ideographs (a space or mark between ends the pair). */
export function lineSpacing(line: ComposedLine): LineSpacing {
  let sum = 0;
  let pairs = 0;
  let prevRight = 0;
  let prevHan = false;
  for (const run of line.runs) {
    const g = run.glyphs;
    for (let i = 0; i < g.length; i++) {
      const left = run.x + g.x(i) + g.lead(i);
      const han = ideographText(g.text(i));
      if (han && prevHan) {
        sum += (left - prevRight) / run.size;
        pairs++;
      }
      prevHan = han;
      prevRight = left + g.box(i);
    }
  }
  return { gap: pairs > 0 ? sum / pairs : 0, pairs };
}

export function isLetterSpaced(s: LineSpacing): boolean {
  return s.pairs >= MIN_HAN_PAIRS && s.gap > LETTERSPACED_GAP;
}

function countLoose(lines: readonly ComposedLine[]): number {
  let n = 0;
  for (const l of lines) if (isLetterSpaced(lineSpacing(l))) n++;
  return n;
}

/** The letter-spaced lines of a composed paragraph (`lines` = composeParagraph(input)), with why and what edit fixes each. */
export function looseLines(input: ParagraphInput, lines: readonly ComposedLine[]): LooseLine[] {
  const found: LooseLine[] = [];
  let offset = 0;
  for (let k = 0; k < lines.length; k++) {
    const s = lineSpacing(lines[k]);
    if (isLetterSpaced(s)) found.push({ line: k, offset, gap: s.gap });
    offset += lines[k].text.length;
  }
  if (found.length === 0) return found;
  const ends = nextUnits(input, found);
  const orphan = countLoose(composeLines(input, false)) < found.length;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const reason = orphan ? { kind: 'orphan' as const } : ends[i];
    if (reason) f.reason = reason;
    const line = { from: f.offset, to: f.offset + lines[f.line].text.length };
    const cut = fewestEdits(input, found.length, (k) => cutFrom(input.spans, line, k));
    const add = fewestEdits(input, found.length, (k) => addTo(input.spans, line, k));
    if (cut !== undefined) f.cut = cut;
    if (add !== undefined) f.add = add;
  }
  return found;
}

/** For each loose line: the run of characters that starts the next line and cannot be split, when it is more than one character. */
function nextUnits(input: ParagraphInput, found: readonly LooseLine[]): (LooseReason | undefined)[] {
  const p = prepareInput(input);
  const breaks = breakLines(p, configOf(input));
  return found.map((f) => {
    if (f.line >= breaks.length - 1) return undefined;
    const start = breaks[f.line] + 1;
    let end = start;
    while (end < p.n - 1 && p.breakKind[end] === Brk.NEVER) end++;
    if (end === start) return undefined;
    const text = p.text.slice(p.offsets[start], p.offsets[end + 1]);
    let latin = false;
    for (let i = start; i <= end; i++) {
      const c = p.classes[i];
      if (c === Cls.LETTER || c === Cls.SYMBOL || c === Cls.DASH || c === Cls.ELLIPSIS) latin = true;
    }
    return latin ? { kind: 'unbreakable', text } : { kind: 'kinsoku', text };
  });
}

/** The smallest k ≤ MAX_EDIT whose edit leaves fewer than `loose` letter-spaced lines. */
function fewestEdits(input: ParagraphInput, loose: number, edit: (k: number) => Span[] | undefined): number | undefined {
  for (let k = 1; k <= MAX_EDIT; k++) {
    const spans = edit(k);
    if (spans && countLoose(composeLines({ ...input, spans })) < loose) return k;
  }
  return undefined;
}

interface Range {
  from: number;
  to: number;
}

const isHanUnit = (text: string, i: number): boolean => isIdeograph(text.charCodeAt(i));

/** The spans with k ideographs cut from the line, from the middle of a run of ideographs (kinsoku around them unchanged), or undefined. */
function cutFrom(spans: readonly Span[], line: Range, k: number): Span[] | undefined {
  let start = 0;
  for (let s = 0; s < spans.length; s++) {
    const t = spans[s].text;
    const from = Math.max(line.from - start, 1);
    const to = Math.min(line.to - start, t.length - 1);
    let best = -1;
    const middle = (from + to) / 2;
    for (let i = from; i + k < to + 1; i++) {
      let ok = isHanUnit(t, i - 1) && isHanUnit(t, i + k);
      for (let q = i; ok && q < i + k; q++) ok = isHanUnit(t, q);
      if (ok && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
    }
    if (best >= 0) return spans.map((sp, q) => (q === s ? { ...sp, text: t.slice(0, best) + t.slice(best + k) } : sp));
    start += t.length;
  }
  return undefined;
}

/** The spans with k copies of the line's first ideograph added before it, or undefined when the line has none. */
function addTo(spans: readonly Span[], line: Range, k: number): Span[] | undefined {
  let start = 0;
  for (let s = 0; s < spans.length; s++) {
    const t = spans[s].text;
    for (let i = Math.max(line.from - start, 0); i < Math.min(line.to - start, t.length); i++) {
      if (!isHanUnit(t, i)) continue;
      const text = t.slice(0, i) + t[i].repeat(k) + t.slice(i);
      return spans.map((sp, q) => (q === s ? { ...sp, text } : sp));
    }
    start += t.length;
  }
  return undefined;
}
