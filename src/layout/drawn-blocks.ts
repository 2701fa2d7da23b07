// The blocks that are drawn as grid items rather than composed as body
// paragraphs: tables (table.ts), an article's notes (notes.ts) and section
// breaks. Each becomes whole-row items, with where a column may break.
import type { Block, BreakBlock, NotesBlock, TableBlock } from './blocks.js';
import type { DrawEnv, GridItem, PlacedItem } from './grid-item.js';
import { notesItems } from './notes.js';
import { tableItems } from './table.js';

export type { DrawEnv, GridItem, PlacedItem } from './grid-item.js';

export type DrawnBlock = TableBlock | NotesBlock | BreakBlock;

export function isDrawnBlock(b: Block): b is DrawnBlock {
  return b.kind === 'table' || b.kind === 'notes' || b.kind === 'break';
}

/** The grid items of a drawn block, in order. */
export function drawnItems(env: DrawEnv, b: DrawnBlock, file: string): PlacedItem[] {
  if (b.kind === 'table') return tableItems(env, b, file);
  if (b.kind === 'notes') return notesItems(env, b);
  return [{ item: breakItem(env, b), canBreak: true }];
}

/** A section break: a short rule centred in one row. */
function breakItem(env: DrawEnv, b: BreakBlock): GridItem {
  const { grid, template } = env;
  const w = Math.min(grid.measure, 4 * grid.body);
  const x1 = (grid.measure - w) / 2;
  return { kind: 'grid', rows: 1, tag: { role: 'Artifact', id: b.id }, texts: [], rules: [{ x1, x2: x1 + w, y: grid.row / 2, width: Math.max(0.25, template.rules.thin) }] };
}
