// Page furniture (docs/design/LAYOUT.md "Elements"): the masthead and lead on page 1, the
// slim running head on later pages, the footer with the publishers and the
// page number. Everything takes whole grid rows so the modules below stay on
// the baseline grid.
import { composeParagraph } from '../typeset/index.js';
import type { Fonts } from './article.js';
import type { DisplayItem, StructureParent } from './display-list.js';
import { aligned, composedRuns, horizontalRule, setRuns, verticalRule } from './draw.js';
import { baselineIn, EM_ASCENT, MM, rowsFor, rowTop, type PageGrid } from './grid.js';
import type { RoleSpan } from './blocks.js';
import { decorate, decorationItems, isDecorated } from './decorations.js';
import { DEFAULT_LEAD_LEADING } from './levers.js';
import { typesetSpans } from './inline-spans.js';
import type { Template } from '../design/template.js';
import { TEXT_ROLES } from './text-roles.js';
import { lineWidth, setLine } from './text.js';

export interface MastheadInfo {
  title: string;
  subtitle?: string;
  issue?: string;
  date?: string;
  publishers: string[];
}

/** `2023-06-16` → `2023年6月16日`. */
export function chineseDate(date: string | undefined): string | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

export interface Placed {
  items: DisplayItem[];
  /** Rows used from the top of the type area. */
  rows: number;
}

export function masthead(g: PageGrid, t: Template, fonts: Fonts, info: MastheadInfo): Placed {
  const items: DisplayItem[] = [];
  // Issue and date, right-aligned, sitting on the name's baseline.
  const right = [info.issue, chineseDate(info.date)].filter((s): s is string => Boolean(s));
  const issueSize = t.sizes.issue;
  const rightWidth = Math.max(0, ...right.map((text) => lineWidth(text, fonts.chain(TEXT_ROLES.issueLine), issueSize)));
  // A long column name shrinks to leave room for the issue and date.
  const room = g.typeWidth - rightWidth - 2 * issueSize;
  const natural = lineWidth(info.title, fonts.chain(TEXT_ROLES.masthead), t.sizes.masthead, 0.5);
  const nameSize = natural > room ? Math.max(12, Math.floor((t.sizes.masthead * room) / natural)) : t.sizes.masthead;
  const nameRows = rowsFor(g, nameSize, 1.15);
  const name = setLine(info.title, fonts.chain(TEXT_ROLES.masthead), nameSize, 0.5);
  items.push(...setRuns(name, g.left, baselineIn(g, 0, nameRows, nameSize), t.colors.masthead, { role: 'H1', id: 'masthead-title' }));
  const nameBase = baselineIn(g, 0, nameRows, nameSize);
  right.reverse().forEach((text, j) => {
    const set = setLine(text, fonts.chain(TEXT_ROLES.issueLine), issueSize);
    const y = nameBase - j * issueSize * 1.5;
    items.push(...setRuns(set, aligned(g.left, g.typeWidth, set.width, 'end'), y, t.colors.text, { role: 'P', id: `masthead-issue${right.length - j}` }));
  });
  let row = nameRows;
  if (info.subtitle) {
    const themeNatural = lineWidth(info.subtitle, fonts.chain(TEXT_ROLES.theme), t.sizes.theme);
    const themeSize = themeNatural > g.typeWidth ? Math.max(6, Math.floor((t.sizes.theme * g.typeWidth) / themeNatural * 2) / 2) : t.sizes.theme;
    const themeRows = rowsFor(g, themeSize, 1.3);
    const theme = setLine(info.subtitle, fonts.chain(TEXT_ROLES.theme), themeSize);
    items.push(...setRuns(theme, g.left, baselineIn(g, row, themeRows, themeSize), t.colors.text, { role: 'P', id: 'masthead-theme' }));
    row += themeRows;
  }
  // Heavy and thin rules below, in one row.
  const y0 = rowTop(g, row) + g.row * 0.3;
  if (t.rules.heavy > 0) items.push(horizontalRule(g.left, g.left + g.typeWidth, y0, { width: t.rules.heavy, color: t.colors.rules }, 'masthead-rule'));
  const y1 = y0 + t.rules.heavy / 2 + 1.5 + t.rules.thin / 2;
  if (t.rules.thin > 0) items.push(horizontalRule(g.left, g.left + g.typeWidth, y1, { width: t.rules.thin, color: t.colors.rules }, 'masthead-rule2'));
  row += 1;
  return { items, rows: row };
}

/** The lead: index.md's body in Kai across the type area, as whole rows below `startRow`. */
export function lead(g: PageGrid, t: Template, fonts: Fonts, paragraphs: { id: string; spans: RoleSpan[]; parents?: readonly StructureParent[] }[], startRow: number): Placed {
  const items: DisplayItem[] = [];
  if (paragraphs.length === 0) return { items, rows: 0 };
  const size = t.sizes.lead;
  const boxed = t.lead?.style === 'boxed';
  const pad = boxed ? size : 0;
  // A whole number of ems of the lead's size, so its Han lines fill exactly.
  const measure = Math.floor((g.typeWidth - 2 * pad) / size + 1e-9) * size;
  const x0 = g.left + (g.typeWidth - measure) / 2;
  const pitch = size * (t.lead?.leading ?? DEFAULT_LEAD_LEADING);
  let y = rowTop(g, startRow) + g.row * 0.25 + (pitch - size) / 2 + EM_ASCENT * size;
  let lines = 0;
  for (const p of paragraphs) {
    const composed = composeParagraph({
      spans: typesetSpans(p.spans, (role) => fonts.chain(role === TEXT_ROLES.body ? TEXT_ROLES.lead : role)),
      size, measure, indent: 2, scheme: t.punctuation,
    });
    const decorations = isDecorated(p.spans) ? decorate(composed, p.spans) : [];
    composed.forEach((line, k) => {
      items.push(...composedRuns(line, x0, y, t.colors.text, { role: 'P', id: p.id, parents: p.parents }));
      const d = decorations[k];
      if (d) items.push(...decorationItems(d, { x: x0, y, size, color: t.colors.text, id: p.id }));
      y += pitch;
      lines += 1;
    });
  }
  const rows = Math.ceil((g.row * 0.25 + lines * pitch + g.row * 0.25) / g.row - 1e-9);
  const top = rowTop(g, startRow);
  const bottom = rowTop(g, startRow + rows);
  if (boxed && t.rules.thin > 0) {
    const stroke = { width: t.rules.thin, color: t.colors.rules };
    items.push(horizontalRule(g.left, g.left + g.typeWidth, top, stroke, 'lead-box'));
    items.push(horizontalRule(g.left, g.left + g.typeWidth, bottom, stroke, 'lead-box'));
    items.push(verticalRule(g.left, top, bottom, stroke, 'lead-box'));
    items.push(verticalRule(g.left + g.typeWidth, top, bottom, stroke, 'lead-box'));
  } else if (t.rules.thin > 0) {
    items.push(horizontalRule(g.left, g.left + g.typeWidth, bottom, { width: t.rules.thin, color: t.colors.rules }, 'lead-rule'));
  }
  return { items, rows };
}

/** The running head of pages after the first: name and issue left, page number right, a rule below; one row. */
export function runningHead(g: PageGrid, t: Template, fonts: Fonts, info: MastheadInfo, pageLabel: string): Placed {
  const size = t.sizes.runningHead;
  const y = baselineIn(g, 0, 1, size);
  const items: DisplayItem[] = [];
  const left = setLine([info.title, info.issue].filter(Boolean).join(' '), fonts.chain(TEXT_ROLES.runningHead), size);
  items.push(...setRuns(left, g.left, y, t.colors.runningHead ?? t.colors.masthead, { role: 'Artifact', id: 'running-head', artifact: 'Header' }));
  const num = setLine(pageLabel, fonts.chain(TEXT_ROLES.runningHead), size);
  items.push(...setRuns(num, aligned(g.left, g.typeWidth, num.width, 'end'), y, t.colors.text, { role: 'Artifact', id: 'running-head-page', artifact: 'Header' }));
  const ry = rowTop(g, 1) - 0.5;
  if (t.rules.thin > 0) items.push(horizontalRule(g.left, g.left + g.typeWidth, ry, { width: Math.max(t.rules.thin, 0.75), color: t.colors.rules }, 'running-head-rule'));
  return { items, rows: 1 };
}

/** The footer in the bottom margin: a rule, the publishers, the page number. */
export function footer(g: PageGrid, t: Template, fonts: Fonts, info: MastheadInfo, pageLabel: string): DisplayItem[] {
  const size = t.sizes.footer;
  const items: DisplayItem[] = [];
  const ry = g.top + g.typeHeight + 2 * MM;
  if (t.rules.thin > 0) items.push(horizontalRule(g.left, g.left + g.typeWidth, ry, { width: t.rules.thin, color: t.colors.rules }, 'footer-rule'));
  const y = ry + 1.5 * MM + EM_ASCENT * size;
  if (info.publishers.length > 0) {
    const pub = setLine(info.publishers.join('  '), fonts.chain(TEXT_ROLES.publishers), size);
    items.push(...setRuns(pub, g.left, y, t.colors.text, { role: 'Artifact', id: 'footer-publishers', artifact: 'Footer' }));
  }
  const num = setLine(pageLabel, fonts.chain(TEXT_ROLES.runningHead), size);
  items.push(...setRuns(num, aligned(g.left, g.typeWidth, num.width, 'end'), y, t.colors.text, { role: 'Artifact', id: 'footer-page', artifact: 'Footer' }));
  return items;
}

export function pageLabel(t: Template, n: number, total: number): string {
  return (t.pageNumber ?? '第{n}版').replace(/\{n\}/g, String(n)).replace(/\{total\}/g, String(total));
}
