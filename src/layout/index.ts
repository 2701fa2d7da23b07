// layoutBulletin: Bulletin + template + fonts → display list (ARCHITECTURE.md
// "paginate"). Steps: the page grid from the template; each article's body
// composed once at the column measure (article.ts); the page search choosing
// every module's width and place (page-search/); then drawing: furniture,
// bands, modules, columns (furniture.ts, draw.ts). Pure: no IO besides
// reading image headers for their size.
import type { Bulletin } from '../content/types.js';
import { BulletinError, diagnostic } from '../diagnostics/diagnostic.js';
import type { Face } from '../fonts/face.js';
import { prepareArticle, type Fonts, type Header, type PreparedArticle } from './article.js';
import { blocksOf, type Block, type MarkupStyle, type ParaBlock } from './blocks.js';
import { articleDecorations, decorationItems, type LineDecoration } from './decorations.js';
import { drawGridItem } from './grid-item.js';
import type { DisplayItem, DisplayList, DisplayPage, FaceSource, OutlineEntry } from './display-list.js';
import { aligned, composedRuns, rule, setRuns } from './draw.js';
import { footer, lead, masthead, pageLabel, runningHead, type MastheadInfo } from './furniture.js';
import { baselineIn, pageGrid, rowTop, spanWidth, type PageGrid } from './grid.js';
import { planPages, type PlannedModule } from './page-search/index.js';
import { placedModules } from './placed-modules.js';
import type { Template } from './template.js';

export type { Template } from './template.js';
export { loadTemplate } from './template.js';

/** Rows above every band: the band rule sits in the middle of this row. */
const BAND_GAP = 1;

/** The roles layout asks the font layer for. */
export const LAYOUT_ROLES = ['body', 'bold', 'heavy', 'kai', 'sans'] as const;

export function layoutBulletin(bulletin: Bulletin, template: Template, fonts: Fonts): DisplayList {
  const g = pageGrid(template);
  const env = { grid: g, template, fonts };
  const im = bulletin.index.meta;
  const info: MastheadInfo = {
    title: im.title, subtitle: im.subtitle, issue: im.issue, date: im.date, publishers: im.publisher,
  };

  const mast = masthead(g, template, fonts, info);
  const style: MarkupStyle = { emphasis: template.emphasis ?? 'kai', links: template.links ?? 'parentheses' };
  const leadBlocks = leadParagraphs(blocksOf(bulletin.index.tree, 'lead', bulletin.index.source.absPath, style), bulletin.index.source.path);
  const leadPlaced = lead(g, template, fonts, leadBlocks, mast.rows);
  const firstTop = mast.rows + leadPlaced.rows;
  if (firstTop > g.rows) {
    // Set as it is, the lead would run past the footer and off the page.
    throw new BulletinError(diagnostic({ file: bulletin.index.source.path, line: leadBlocks[0]?.line ?? 1, column: 1 }, 'error', 'lead-too-long',
      `the lead takes ${leadPlaced.rows} rows of the first page, which has ${g.rows - mast.rows} below the masthead: shorten it to a few sentences (a lead introduces the issue), or move the rest into an article.`));
  }
  const otherTop = 1;

  const articles: ArticleDrawing[] = bulletin.articles.map((a, index) => {
    const blocks = blocksOf(a.tree, `a${index + 1}`, a.source.absPath, style);
    const art = prepareArticle(env, {
      index,
      id: `a${index + 1}`,
      title: a.meta.title,
      subtitle: a.meta.subtitle,
      author: a.meta.author,
      role: a.meta.role,
      file: a.source.path,
      blocks,
    });
    return { art, decorations: articleDecorations(blocks, art.items) };
  });

  const plan = planPages(articles.map((a) => a.art), { columns: g.columns, firstRows: g.rows - firstTop, rows: g.rows - otherTop, gap: BAND_GAP });
  const total = plan.length;
  const outline: OutlineEntry[] = [];
  if (leadBlocks.length > 0) outline.push({ title: im.title, page: 1, y: rowTop(g, mast.rows) });

  const pages: DisplayPage[] = plan.map((planned, pi) => {
    const number = pi + 1;
    const label = pageLabel(template, number, total);
    const items: DisplayItem[] = [];
    let top: number;
    if (pi === 0) {
      items.push(...mast.items, ...leadPlaced.items);
      top = firstTop;
    } else {
      items.push(...runningHead(g, template, fonts, info, label).items);
      top = otherTop;
    }
    planned.bands.forEach((band, bi) => {
      const r0 = top + band.row;
      // The band rule, except under the lead's or running head's own rule.
      if (bi > 0 && template.rules.module > 0) {
        const y = rowTop(g, r0) + g.row / 2;
        items.push(rule(g.left, y, g.left + g.typeWidth, y, template.rules.module, template.colors.rules, `band-rule-${number}-${bi}`));
      }
      band.modules.forEach((m) => {
        const top = r0 + m.row;
        if (m.row > 0 && template.rules.module > 0) {
          // A module stacked under another in its slot: a rule across the slot.
          const y = rowTop(g, top) + g.row / 2;
          items.push(rule(g.colX[m.col], y, g.colX[m.col] + spanWidth(g, m.k), y, template.rules.module, template.colors.rules, `slot-rule-${number}-${bi}-${m.article}`));
        }
        if (m.row === 0 && m.col > 0 && template.rules.module > 0) {
          const x = g.colX[m.col] - g.gutter / 2;
          items.push(rule(x, rowTop(g, r0 + BAND_GAP), x, rowTop(g, r0 + band.rows) - g.row * 0.3, template.rules.module, template.colors.rules, `module-rule-${number}-${bi}-${m.col}`));
        }
        const drawing = articles[m.article];
        if (!m.continued) outline.push({ title: drawing.art.title, page: number, y: rowTop(g, top + BAND_GAP) });
        items.push(...drawModule(g, template, drawing, m, top + BAND_GAP, m.rows - BAND_GAP, number));
      });
    });
    items.push(...footer(g, template, fonts, info, label));
    return { number, items };
  });

  return {
    width: g.width,
    height: g.height,
    pages,
    faces: facesUsed(pages, fonts),
    meta: {
      title: [im.title, im.issue].filter(Boolean).join(' '),
      // `publisher` is optional; without it the PDF's Author names the bulletin's writers.
      author: (im.publisher.length > 0 ? im.publisher : [...new Set(bulletin.articles.map((a) => a.meta.author))]).join('、'),
      ...(im.subtitle ? { subject: im.subtitle } : {}),
      keywords: [im.title, ...bulletin.articles.map((a) => a.meta.title.replace(/\s+/g, ' '))],
      ...(im.date ? { date: im.date } : {}),
      lang: 'zh-CN',
    },
    outline,
    modules: placedModules(plan),
  };
}

/** An article prepared for the page search, and the decorations (strikethrough, emphasis dots) of its body lines by item. */
interface ArticleDrawing {
  art: PreparedArticle;
  decorations: Map<number, LineDecoration>;
}

/**
 * The lead's paragraphs: index.md's body is set as paragraphs, its notes
 * after them as paragraphs too. A table or a section break does not belong
 * in a lead: an error, rather than leaving it out.
 */
function leadParagraphs(blocks: Block[], file: string): ParaBlock[] {
  const out: ParaBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') out.push(b);
    else if (b.kind === 'notes') {
      b.notes.forEach((n, k) => out.push({ kind: 'para', tag: 'Note', id: `${b.id}-${k + 1}`, spans: [{ text: n.marker, role: 'body' }, ...n.spans], indent: 2, hanging: 0, inset: 0, line: b.line }));
    } else if (b.kind === 'table' || b.kind === 'break') {
      throw new BulletinError(diagnostic({ file, line: b.line, column: 1 }, 'error', 'lead-markup',
        `a ${b.kind === 'table' ? 'table' : 'section break'} cannot be set in the lead (index.md's text runs across the page in Kai): move it into an article.`));
    }
  }
  return out;
}

function drawModule(g: PageGrid, t: Template, drawing: ArticleDrawing, m: PlannedModule, row: number, rows: number, page: number): DisplayItem[] {
  const { art, decorations } = drawing;
  const items: DisplayItem[] = [];
  const x0 = g.colX[m.col];
  const w = spanWidth(g, m.k);
  const header: Header = m.continued ? art.contHeader(m.k, page - 1) : art.header(m.k);
  for (const line of header.lines) {
    const y = baselineIn(g, row + line.row, line.rows, line.set.size);
    const color = line.color === 'accent' ? t.colors.accent : t.colors.text;
    items.push(...setRuns(line.set, aligned(x0, w, line.set.width, line.align), y, color, line.tag));
  }
  const bodyTop = row + header.rows + m.air;
  for (let c = 0; c < m.k; c++) {
    const x = g.colX[m.col + c];
    let r = bodyTop;
    for (let i = m.part.cuts[c]; i < m.part.cuts[c + 1]; i++) {
      const item = art.items[i];
      if (item.kind === 'image') {
        const top = rowTop(g, r) + (item.rows * g.row - item.h) / 2;
        items.push({ kind: 'image', path: item.path, x: x + (g.measure - item.w) / 2, y: top, w: item.w, h: item.h, alt: item.alt, tag: item.tag });
      } else if (item.kind === 'grid') {
        items.push(...drawGridItem(item, x, rowTop(g, r), t.colors));
      } else {
        const inset = item.kind === 'line' ? item.inset : 0;
        const y = baselineIn(g, r, 1, g.body);
        items.push(...composedRuns(item.line, x + inset, y, t.colors.text, item.tag));
        const d = decorations.get(i);
        if (d) items.push(...decorationItems(d, x + inset, y, item.size, t.colors.text, item.tag.id));
      }
      r += item.rows;
    }
    if (c > 0 && t.grid.columnRules && t.rules.column > 0) {
      const rx = x - g.gutter / 2;
      items.push(rule(rx, rowTop(g, bodyTop), rx, rowTop(g, bodyTop + m.part.height) - g.row * 0.3, t.rules.column, t.colors.rules, `column-rule-${art.id}-${page}-${c}`));
    }
  }
  if (m.jumps) {
    const jump = art.jumpLine(page + 1);
    const last = g.colX[m.col + m.k - 1];
    const y = baselineIn(g, row + rows - 1, 1, g.body);
    items.push(...setRuns(jump, aligned(last, g.measure, jump.width, 'end'), y, t.colors.text, { role: 'Artifact', id: `${art.id}-jump` }));
  }
  return items;
}

function facesUsed(pages: DisplayPage[], fonts: Fonts): Record<string, FaceSource> {
  const byKey = new Map<string, Face>();
  for (const role of LAYOUT_ROLES) {
    for (const face of fonts.chain(role).opened()) if (!byKey.has(face.key)) byKey.set(face.key, face);
  }
  const used = new Set<string>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'text') used.add(it.face);
  const out: Record<string, FaceSource> = {};
  for (const key of [...used].sort()) {
    const face = byKey.get(key);
    if (!face) throw new Error(`layout: face "${key}" is not in any font chain`);
    out[key] = { path: face.path, name: face.postscriptName };
  }
  return out;
}
