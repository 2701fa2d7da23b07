// The `loose-line` warning: a body line composition had to letter-space
// (typeset/loose-lines.ts), placed at the Markdown file:line:column where the
// line starts, with why the breaker could not avoid it and the edit that sets
// the paragraph tight: what a make-up editor fixes by cutting or adding a
// character or two.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { looseLines, type ComposedLine, type LooseLine, type LooseReason, type ParagraphInput } from '../typeset/index.js';
import { sourcePlace, type ParagraphSource } from './source-place.js';

/** Characters of the line quoted in the message. */
const QUOTED = 10;

/** The paragraph's letter-spaced lines as warnings; `skip` printed characters (a list item's marker and its tab) are not in the source. */
export function looseLineDiagnostics(input: ParagraphInput, lines: readonly ComposedLine[], src: ParagraphSource & { skip: number }): Diagnostic[] {
  const found = looseLines(input, lines);
  if (found.length === 0) return [];
  const printed = lines.map((l) => l.text).join('');
  return found.map((f) => {
    const at = Math.max(f.offset, src.skip);
    const place = sourcePlace(src, printed.slice(src.skip), at - src.skip);
    return diagnostic(place, 'warning', 'loose-line', message(f, lines[f.line].text));
  });
}

function message(f: LooseLine, text: string): string {
  const chars = Array.from(text.trim());
  const quoted = chars.length > QUOTED ? `${chars.slice(0, QUOTED).join('')}…` : chars.join('');
  const why = f.reason ? `: ${reasonText(f.reason)}` : '';
  return `the line “${quoted}” is letter-spaced ${f.gap.toFixed(3)} em a gap (more than 0.05)${why}. ${fixText(f)}`;
}

function reasonText(r: LooseReason): string {
  if (r.kind === 'orphan') return 'every tighter setting leaves one character alone on the paragraph’s last line (孤字)';
  if (r.kind === 'unbreakable') return `the next line starts with “${r.text}”, which cannot be broken and does not fit at this line’s end`;
  return `the next line starts with “${r.text}”, which kinsoku keeps together and which does not fit at this line’s end`;
}

const characters = (n: number): string => `${n} character${n === 1 ? '' : 's'}`;

function fixText(f: LooseLine): string {
  if (f.cut !== undefined && f.cut === f.add) return `Cut or add about ${characters(f.cut)} in this paragraph, on this line or before it.`;
  if (f.cut !== undefined && f.add !== undefined) return `Cut about ${characters(f.cut)} or add about ${characters(f.add)} in this paragraph, on this line or before it.`;
  if (f.cut !== undefined) return `Cut about ${characters(f.cut)} in this paragraph, on this line or before it.`;
  if (f.add !== undefined) return `Add about ${characters(f.add)} in this paragraph, on this line or before it.`;
  return 'No cut or addition of a few characters on this line sets it tight: rewrite the sentence, or leave it.';
}
