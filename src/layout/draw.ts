// Turning placed lines into display items: composed body lines and one-line
// header texts become TextRuns at absolute page positions.
import type { ComposedLine } from '../typeset/index.js';
import type { Cmyk, DisplayItem, StructureTag, TextRun } from './display-list.js';
import type { SetLine } from './text.js';
import { GlyphRun } from '../typeset/glyph-run.js';

/** A list item's label at the start of a line: its first `chars` characters, tagged on their own (Lbl). */
export interface LineLabel {
  tag: StructureTag;
  chars: number;
}

/** The runs of a line with its label's glyphs split off into runs of their own, tagged `label.tag`. */
export function withLabel(runs: TextRun[], label: LineLabel): TextRun[] {
  const out: TextRun[] = [];
  let left = label.chars;
  for (const run of runs) {
    const g = run.glyphs;
    let k = 0;
    while (k < g.length && left > 0) left -= Array.from(g.text(k++)).length;
    if (k === 0) {
      out.push(run);
      continue;
    }
    out.push({ ...run, glyphs: new GlyphRun(g.store, g.start, g.start + k), tag: label.tag });
    if (k < g.length) out.push({ ...run, glyphs: new GlyphRun(g.store, g.start + k, g.end) });
  }
  return out;
}

/** The runs of a composed line whose column (text box) starts at x, baseline y. */
export function composedRuns(line: ComposedLine, x: number, y: number, color: Cmyk, tag: StructureTag): TextRun[] {
  return line.runs.map((run) => ({
    kind: 'text', face: run.face, size: run.size, x: x + line.start + run.x, y, glyphs: run.glyphs, color, tag,
  }));
}

/** The runs of a one-line text starting at x, baseline y. */
export function setRuns(set: SetLine, x: number, y: number, color: Cmyk, tag: StructureTag): TextRun[] {
  return set.runs.map((run) => ({
    kind: 'text', face: run.face, size: set.size, x: x + run.x, y, glyphs: run.glyphs, color, tag,
  }));
}

/** x at which a line of `width` starts in a box [x0, x0 + boxWidth] for an alignment. */
export function aligned(x0: number, boxWidth: number, width: number, align: 'start' | 'center' | 'end'): number {
  if (align === 'center') return x0 + (boxWidth - width) / 2;
  if (align === 'end') return x0 + boxWidth - width;
  return x0;
}

/** How a rule is drawn: its width (pt) and colour. */
export interface Stroke {
  width: number;
  color: Cmyk;
}

/** A rule from x1 to x2 at height y (an artifact, not text). */
export function horizontalRule(x1: number, x2: number, y: number, stroke: Stroke, id: string): DisplayItem {
  return { kind: 'rule', x1, y1: y, x2, y2: y, width: stroke.width, color: stroke.color, tag: { role: 'Artifact', id } };
}

/** A rule from y1 down to y2 at x. */
export function verticalRule(x: number, y1: number, y2: number, stroke: Stroke, id: string): DisplayItem {
  return { kind: 'rule', x1: x, y1, x2: x, y2, width: stroke.width, color: stroke.color, tag: { role: 'Artifact', id } };
}
