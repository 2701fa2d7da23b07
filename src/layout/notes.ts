// An article's notes (注释), after its text: a short rule, then each note —
// its marker (① …) and its text, continuation lines hanging under the text —
// in the template's note size, three lines to two rows of the body grid (so
// the text after them, and the next module, stays on the grid).
import { composeParagraph, measureSpans, type Span } from '../typeset/index.js';
import type { NotesBlock, RoleSpan } from './blocks.js';
import { decorate } from './decorations.js';
import { typesetSpans } from './inline-spans.js';
import { TEXT_ROLES } from './text-roles.js';
import { baselineAt, type DrawEnv, type GridText, type PlacedItem } from './grid-item.js';

export function noteSize(env: DrawEnv): number {
  return env.template.sizes.note ?? env.template.sizes.caption;
}

export function notesItems(env: DrawEnv, b: NotesBlock): PlacedItem[] {
  const { grid, template, fonts } = env;
  const size = noteSize(env);
  // Three lines in two rows when the note size leaves them air; else a line a row.
  const tight = size * 1.15 <= (grid.row * 2) / 3;
  const pitch = tight ? (grid.row * 2) / 3 : grid.row;
  const perItem = tight ? 3 : 1;
  const rowsPerItem = tight ? 2 : 1;
  // A whole number of ems of the note size, so that the notes' Han lines fill exactly.
  const measure = Math.floor(grid.measure / size + 1e-9) * size;
  const texts: GridText[] = [];
  b.notes.forEach((note, k) => {
    const spans: RoleSpan[] = [{ text: note.marker, role: TEXT_ROLES.note }, ...note.spans];
    const chained: Span[] = typesetSpans(spans, (role) => fonts.chain(role));
    const hanging = Math.ceil(measureSpans([chained[0]], size) / size - 1e-6);
    const lines = composeParagraph({ spans: chained, size, measure, indent: 0, hangingIndent: hanging, scheme: template.punctuation });
    const decorations = decorate(lines, spans);
    const tag = { role: 'Note', id: `${b.id}-${k + 1}`, parents: b.parents };
    for (const [j, line] of lines.entries()) texts.push({ line, x: 0, baseline: 0, size, tag, decoration: decorations[j] });
  });
  const out: PlacedItem[] = [];
  // The rule that opens the notes, in a row of its own, kept with the first lines.
  const w = Math.min(grid.measure, 4 * grid.body);
  out.push({ item: { kind: 'grid', rows: 1, tag: { role: 'Artifact', id: `${b.id}-head` }, texts: [], rules: [{ x1: 0, x2: w, y: grid.row * 0.6, width: Math.max(0.25, template.rules.thin) }] }, canBreak: true });
  for (let i = 0; i < texts.length; i += perItem) {
    const group = texts.slice(i, i + perItem).map((t, j) => ({ ...t, baseline: baselineAt(j, pitch, size) }));
    const rows = group.length === perItem ? rowsPerItem : Math.ceil((group.length * pitch) / grid.row - 1e-9);
    out.push({ item: { kind: 'grid', rows, tag: { role: 'Artifact', id: `${b.id}-lines${i}` }, texts: group, rules: [] }, canBreak: i > 0 });
  }
  return out;
}
