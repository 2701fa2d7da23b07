// Strikethrough lines and emphasis dots (着重号, CLReq 3.4) for composed
// lines. A line's text is the paragraph's text from where the line starts
// (the lines' texts joined give the paragraph, typeset/types.ts), and its
// runs hold one glyph per character in order: so the glyphs of a decorated
// span are found by character offset, with no help from the composer.
import { classify, isPunctuation, type ComposedLine } from '../typeset/index.js';
import type { Cmyk, DisplayItem, StructureTag } from './display-list.js';
import type { RoleSpan } from './inline-spans.js';

/** A line's decorations, x in pt from the line's column edge (the x composedRuns is given). */
export interface LineDecoration {
  strikes: { x1: number; x2: number }[];
  /** Centres of the emphasis dots. */
  dots: number[];
}

/** Character ranges [start, end) of the decorated spans, in the spans' joined text. */
interface Ranges {
  strike: [number, number][];
  dots: [number, number][];
}

function rangesOf(spans: readonly RoleSpan[]): Ranges | undefined {
  let at = 0;
  let out: Ranges | undefined;
  for (const s of spans) {
    if (s.strike) (out ??= { strike: [], dots: [] }).strike.push([at, at + s.text.length]);
    if (s.dots) (out ??= { strike: [], dots: [] }).dots.push([at, at + s.text.length]);
    at += s.text.length;
  }
  return out;
}

const inside = (ranges: [number, number][], offset: number): boolean => ranges.some(([a, b]) => offset >= a && offset < b);

/** Whether any span is decorated (most paragraphs: no work at all). */
export function isDecorated(spans: readonly RoleSpan[]): boolean {
  return spans.some((s) => s.strike || s.dots);
}

/**
 * The decorations of each of `lines`, composed from `spans` (undefined for
 * a line without any). `from`: the offset in the spans' text where the first
 * of `lines` starts (lines of one paragraph may be handed over in parts).
 */
export function decorate(lines: readonly ComposedLine[], spans: readonly RoleSpan[], from = 0): (LineDecoration | undefined)[] {
  const ranges = rangesOf(spans);
  if (!ranges) return lines.map(() => undefined);
  let offset = from;
  return lines.map((line) => {
    const d = decorateLine(line, offset, ranges);
    offset += line.text.length;
    return d;
  });
}

function decorateLine(line: ComposedLine, start: number, ranges: Ranges): LineDecoration | undefined {
  const end = start + line.text.length;
  const strikes: LineDecoration['strikes'] = [];
  const dots: number[] = [];
  let cursor = start;
  let open: { x1: number; x2: number } | undefined;
  for (const run of line.runs) {
    const g = run.glyphs;
    for (let i = 0; i < g.length; i++) {
      const text = g.text(i);
      // A hyphen added at a break is not in the line's text.
      if (cursor >= end) break;
      const x = line.start + run.x + g.x(i);
      // Where the next glyph starts, for a compressed mark's real width.
      const next = i + 1 < g.length ? line.start + run.x + g.x(i + 1) : x + g.advance(i);
      const right = Math.min(x + g.advance(i), Math.max(next, x));
      const blank = text.trim() === '';
      if (!inside(ranges.strike, cursor)) open = undefined;
      else if (!blank) {
        // A space between struck words is struck with them; one at either end is not.
        if (open) open.x2 = right;
        else strikes.push((open = { x1: x, x2: right }));
      }
      if (!blank && inside(ranges.dots, cursor) && !isPunctuation(classify(text.codePointAt(0) ?? 32))) dots.push(x + g.advance(i) / 2);
      cursor += text.length;
    }
  }
  return strikes.length > 0 || dots.length > 0 ? { strikes, dots } : undefined;
}

/** Share of the size: strike line width, its height above the baseline (the em box's middle), dot radius and depth below the baseline. */
const STRIKE_WIDTH = 0.06;
const STRIKE_RISE = 0.38;
const DOT_RADIUS = 0.075;
const DOT_DROP = 0.28;

/** Where a decorated line is drawn: x its column's edge, y its baseline, its size and colour, and the id of its text. */
export interface DecoratedLine {
  x: number;
  y: number;
  size: number;
  color: Cmyk;
  id: string;
}

/** Display items for a line's decorations. */
export function decorationItems(d: LineDecoration, line: DecoratedLine): DisplayItem[] {
  const { x, y, size, color } = line;
  const tag: StructureTag = { role: 'Artifact', id: `${line.id}-decoration` };
  const out: DisplayItem[] = [];
  for (const s of d.strikes) {
    out.push({ kind: 'rule', x1: x + s.x1, y1: y - STRIKE_RISE * size, x2: x + s.x2, y2: y - STRIKE_RISE * size, width: STRIKE_WIDTH * size, color, tag });
  }
  for (const cx of d.dots) out.push({ kind: 'dot', x: x + cx, y: y + DOT_DROP * size, r: DOT_RADIUS * size, fill: color, tag });
  return out;
}

/** What articleDecorations needs of a body item (article.ts's BodyItem). */
interface ItemView {
  kind: string;
  line?: ComposedLine;
  tag: StructureTag;
}

/**
 * The decorations of an article's body lines, by item index: each decorated
 * paragraph's lines are the `line` items with its id that follow, in order,
 * until they hold its text (hard-break segments share an id: one at a time).
 */
export function articleDecorations(blocks: readonly { kind: string; id: string; spans?: RoleSpan[] }[], items: readonly ItemView[]): Map<number, LineDecoration> {
  const out = new Map<number, LineDecoration>();
  let at = 0;
  for (const b of blocks) {
    if (b.kind !== 'para' || !b.spans) continue;
    const total = b.spans.reduce((n, s) => n + s.text.length, 0);
    while (at < items.length && !(items[at].kind === 'line' && items[at].tag.id === b.id)) at++;
    const lines: ComposedLine[] = [];
    const first = at;
    for (let held = 0; at < items.length && held < total && items[at].kind === 'line' && items[at].tag.id === b.id; at++) {
      lines.push(items[at].line!);
      held += items[at].line!.text.length;
    }
    if (!isDecorated(b.spans)) continue;
    decorate(lines, b.spans).forEach((d, k) => {
      if (d) out.set(first + k, d);
    });
  }
  return out;
}
