// layoutBulletin: Bulletin + template + fonts → display list (docs/design/ARCHITECTURE.md
// "paginate"). Steps: the page grid from the template; each article's body
// composed once at the column measure (article.ts); the page search choosing
// every module's width and place (page-search/); then drawing: furniture,
// bands, modules, columns (furniture.ts, draw.ts). Pure: no IO besides
// reading image headers for their size.
import type { Bulletin } from '../content/types.js';
import { BulletinError, diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import type { Face } from '../fonts/face.js';
import { prepareArticle, type Env, type Fonts, type PreparedArticle } from './article.js';
import { blocksOf, type Block, type MarkupStyle, type ParaBlock } from './blocks.js';
import { articleDecorations, decorationItems, type LineDecoration } from './decorations.js';
import { drawGridItem } from './grid-item.js';
import type { DisplayItem, DisplayList, DisplayPage, FaceSource, OutlineEntry } from './display-list.js';
import { aligned, composedRuns, horizontalRule, setRuns, verticalRule, type Stroke, withLabel } from './draw.js';
import { footer, lead, masthead, pageLabel, runningHead, type MastheadInfo, type Placed } from './furniture.js';
import { fitToPages, trialTotal, type Trial } from './copyfit.js';
import { baselineIn, pageGrid, rowTop, spanWidth, type PageGrid } from './grid.js';
import type { Header } from './header.js';
import type { PixelSize } from './image-size.js';
import { applySetting, describeSetting, leversOf, nominalSetting, type Lever, type Setting } from './levers.js';
import { oversetDiagnostic, oversetOf } from './overset.js';
import { planPages, type PlannedModule, type PlannedPage } from './page-search/index.js';
import { placedModules } from './placed-modules.js';
import type { Template } from '../design/template.js';
import { TEXT_ROLES } from './text-roles.js';

export type { Template } from '../design/template.js';

/** Rows the running head takes at the top of every page after the first. */
const OTHER_TOP = 1;

/** The roles layout asks the font layer for: every role of its table (text-roles.ts). */
export const LAYOUT_ROLES = [...new Set(Object.values(TEXT_ROLES))];

/** What a caller may add to a layout. */
export interface LayoutOptions {
  /** Pixel sizes of the pictures decoded before layout, by absolute path (else read from their files' headers). */
  imageSizes?: ReadonlyMap<string, PixelSize>;
  /** Called after each step of the layout, with its name (compose, search, draw): the build's timings. */
  lap?: (step: string) => void;
  /** The page count to fit (--pages; else index.md's `pages:`; else the natural count, copyfit.ts). */
  pages?: number;
  /** Copy that does not fit the count goes on onto more pages (a warning) instead of failing. */
  allowOverset?: boolean;
  /** Called with what copyfitting did: the levers it moved, or the overset. */
  onFit?: (fit: FitReport) => void;
  /** Called once the bodies are composed, with the lines composition had to letter-space (`loose-line` warnings, article.ts). */
  onLoose?: (found: Diagnostic[]) => void;
}

/** What copyfitting did, for the build's report. */
export interface FitReport {
  pages: number;
  /** The count asked for, if any. */
  target?: number;
  /** The levers moved (`headlines 20→16 pt`); empty when none was. */
  changes: string[];
  /** The copy was overset (only with allowOverset: otherwise layout throws it). */
  overset?: Diagnostic;
}

export function layoutBulletin(bulletin: Bulletin, template: Template, fonts: Fonts, options: LayoutOptions = {}): DisplayList {
  const g = pageGrid(template);
  const env: Env = { grid: g, template, fonts, imageSizes: options.imageSizes };
  const style: MarkupStyle = { emphasis: template.emphasis ?? 'kai', links: template.links ?? 'parentheses' };
  const articles: ArticleDrawing[] = bulletin.articles.map((a, index) => {
    // Each article is an Art element, one across all the pages it runs over.
    const blocks = blocksOf(a.tree, `a${index + 1}`, a.source.absPath, style, { role: 'Art', id: `a${index + 1}` });
    const art = prepareArticle(env, {
      index, id: `a${index + 1}`, title: a.meta.title, subtitle: a.meta.subtitle, author: a.meta.author, role: a.meta.role, file: a.source.path, text: a.source.text, blocks,
    });
    return { art, decorations: articleDecorations(blocks, art.items) };
  });
  options.onLoose?.(articles.flatMap((a) => a.art.loose));
  options.lap?.('compose');

  const fitted = fitLayout({ bulletin, env, style, articles }, options);
  options.lap?.('search');
  const { plan, laid } = fitted;
  const drawing: PageDrawing = { env: laid.env, info: laid.front.info, articles: laid.articles, outline: [], total: plan.length, gap: laid.gap };
  const front = laid.front;
  // The lead, when there is one, is the outline's first entry.
  if (front.lead.rows > 0) drawing.outline.push({ title: front.info.title, page: 1, y: rowTop(g, front.masthead.rows) });
  const pages = plan.map((planned, pi) => {
    const head = pi === 0 ? [...front.masthead.items, ...front.lead.items] : runningHead(g, template, fonts, front.info, pageLabel(template, pi + 1, plan.length)).items;
    return drawPage(drawing, { number: pi + 1, top: pi === 0 ? front.rows : OTHER_TOP, head }, planned);
  });
  const display: DisplayList = {
    width: g.width, height: g.height, pages, faces: facesUsed(pages, fonts), meta: documentMeta(bulletin), outline: drawing.outline, modules: placedModules(plan),
  };
  options.lap?.('draw');
  return display;
}

/** What fitting lays out: the bulletin, its environment and style, and its articles composed once. */
interface FitSource {
  bulletin: Bulletin;
  env: Env;
  style: MarkupStyle;
  articles: ArticleDrawing[];
}

/** A setting laid out: the environment (its template), the first page's top, the articles with its headers, the gap. */
interface Laid {
  env: Env;
  front: FirstPageTop;
  articles: ArticleDrawing[];
  gap: number;
}

/**
 * The plan on the page count (copyfit.ts), with the setting it was found at. Each setting the
 * fitter asks about is laid out (headers and the first page's top at its template) and searched;
 * an overset is thrown as an error unless allowOverset.
 */
function fitLayout(src: FitSource, options: LayoutOptions): { plan: PlannedPage[]; laid: Laid } {
  const { bulletin, env } = src;
  const g = env.grid;
  const levers = leversOf(env.template);
  const nominal = nominalSetting(levers);
  const laidBy = new Map<string, Laid>();
  const triedBy = new Map<string, Trial>();
  const layOut = (setting: Setting): Laid => {
    const key = setting.join(',');
    let laid = laidBy.get(key);
    if (!laid) {
      const applied = applySetting(env.template, levers, setting);
      const same = key === nominal.join(',');
      const at: Env = same ? env : { ...env, template: applied.template };
      const articles = same ? src.articles : src.articles.map((a) => ({ art: a.art.withHeaders(at), decorations: a.decorations }));
      laid = { env: at, front: firstPageTop(bulletin, at, src.style), articles, gap: applied.gap };
      laidBy.set(key, laid);
    }
    return laid;
  };
  // A setting whose headlines, air, gap and first page's rows are another's is searched once: the
  // lead's size and the masthead's change only the rows they take.
  const attempt = (setting: Setting, fitting: boolean): Trial => {
    const applied = applySetting(env.template, levers, setting);
    const isNominal = setting.join(',') === nominal.join(',');
    let rows: number;
    try {
      rows = layOut(setting).front.rows;
    } catch (e) {
      if (isNominal || !(e instanceof BulletinError)) throw e;
      return { setting, pages: [], count: Number.POSITIVE_INFINITY, total: Number.POSITIVE_INFINITY, lastFill: 0 };
    }
    const { headline } = applied.template.sizes;
    const key = [headline.min, headline.max, applied.air, applied.gap, rows, fitting].join(',');
    const seen = triedBy.get(key);
    if (seen) return { ...seen, setting, total: seen.total - trialTotal(levers, seen.setting, 0) + trialTotal(levers, setting, 0) };
    const trial = searchSetting({ laid: layOut(setting), levers, setting, fitting, nominal: isNominal, grid: g, air: applied.air });
    triedBy.set(key, trial);
    return trial;
  };
  const target = options.pages ?? bulletin.index.meta.pages;
  const fit = fitToPages({ levers, pages: target, attempt });
  const report: FitReport = { pages: fit.trial.count, target, changes: fit.changes };
  if (fit.overset && target !== undefined) {
    const laid = layOut(fit.overset.setting);
    const grid = { columns: g.columns, rows: (pi: number) => (pi === 0 ? g.rows - laid.front.rows : g.rows - OTHER_TOP) };
    const over = oversetOf(fit.overset.pages, laid.articles.map((a) => a.art), { target, grid });
    const d = oversetDiagnostic(pagesLine(bulletin), over, laid.articles.map((a) => a.art), describeSetting(levers, fit.overset.setting), options.allowOverset ? 'warning' : 'error');
    if (!options.allowOverset) throw new BulletinError(d);
    report.overset = d;
  }
  options.onFit?.(report);
  return { plan: fit.trial.pages, laid: layOut(fit.trial.setting) };
}

/** What searching one setting needs. */
interface SettingSearch {
  laid: Laid;
  levers: readonly Lever[];
  setting: Setting;
  fitting: boolean;
  /** The template's own setting: a bulletin that cannot be set there is an error; elsewhere the setting just does not fit. */
  nominal: boolean;
  grid: PageGrid;
  air: number;
}

function searchSetting(s: SettingSearch): Trial {
  const g = s.grid;
  const laid = s.laid;
  let found: ReturnType<typeof planPages>;
  try {
    const space = { columns: g.columns, firstRows: g.rows - laid.front.rows, rows: g.rows - OTHER_TOP, gap: laid.gap, air: s.air, fitPages: s.fitting };
    found = planPages(laid.articles.map((a) => a.art), space);
  } catch (e) {
    if (s.nominal || !(e instanceof BulletinError)) throw e;
    return { setting: s.setting, pages: [], count: Number.POSITIVE_INFINITY, total: Number.POSITIVE_INFINITY, lastFill: 0 };
  }
  const pages = found.pages;
  const last = pages[pages.length - 1];
  const band = last.bands[last.bands.length - 1];
  const rows = pages.length === 1 ? g.rows - laid.front.rows : g.rows - OTHER_TOP;
  const lastFill = band ? (band.row + band.rows) / rows : 0;
  return { setting: s.setting, pages, count: pages.length, total: trialTotal(s.levers, s.setting, found.cost), lastFill };
}

/** Where index.md says `pages:` (its line), else its first line: where an overset is reported. */
function pagesLine(bulletin: Bulletin): SourcePoint {
  const lines = bulletin.index.source.text.split('\n');
  const i = lines.findIndex((l) => /^pages\s*:/.test(l));
  return { file: bulletin.index.source.path, line: i >= 0 ? i + 1 : 1, column: 1 };
}

/** The first page above its bands: the masthead and the lead, and the rows they take. */
interface FirstPageTop {
  info: MastheadInfo;
  masthead: Placed;
  lead: Placed;
  rows: number;
}

function firstPageTop(bulletin: Bulletin, env: Env, style: MarkupStyle): FirstPageTop {
  const { grid: g, template, fonts } = env;
  const im = bulletin.index.meta;
  const info: MastheadInfo = { title: im.title, subtitle: im.subtitle, issue: im.issue, date: im.date, publishers: im.publisher };
  const mast = masthead(g, template, fonts, info);
  const leadBlocks = leadParagraphs(blocksOf(bulletin.index.tree, 'lead', bulletin.index.source.absPath, style, { role: 'Sect', id: 'lead' }), bulletin.index.source.path);
  const leadPlaced = lead(g, template, fonts, leadBlocks, mast.rows);
  const rows = mast.rows + leadPlaced.rows;
  if (rows > g.rows) {
    // Set as it is, the lead would run past the footer and off the page.
    throw new BulletinError(diagnostic({ file: bulletin.index.source.path, line: leadBlocks[0]?.line ?? 1, column: 1 }, 'error', 'lead-too-long',
      `the lead takes ${leadPlaced.rows} rows of the first page, which has ${g.rows - mast.rows} below the masthead: shorten it to a few sentences (a lead introduces the issue), or move the rest into an article.`));
  }
  return { info, masthead: mast, lead: leadPlaced, rows };
}

/** The PDF's document information: title and issue, publishers or writers, keywords. */
function documentMeta(bulletin: Bulletin): DisplayList['meta'] {
  const im = bulletin.index.meta;
  return {
    title: [im.title, im.issue].filter(Boolean).join(' '),
    // `publisher` is optional; without it the PDF's Author names the bulletin's writers.
    author: (im.publisher.length > 0 ? im.publisher : [...new Set(bulletin.articles.map((a) => a.meta.author))]).join('、'),
    ...(im.subtitle ? { subject: im.subtitle } : {}),
    keywords: [im.title, ...bulletin.articles.map((a) => a.meta.title.replace(/\s+/g, ' '))],
    ...(im.date ? { date: im.date } : {}),
    lang: 'zh-CN',
  };
}

/** What drawing the pages needs, and the outline it fills. */
interface PageDrawing {
  env: Env;
  info: MastheadInfo;
  articles: ArticleDrawing[];
  outline: OutlineEntry[];
  /** The bulletin's pages. */
  total: number;
  /** Rows above each module (the module rule's row). */
  gap: number;
}

/** A page being drawn: its number, the row its bands start at, and what stands above them (masthead and lead, or the running head). */
interface PageAt {
  number: number;
  top: number;
  head: DisplayItem[];
}

function drawPage(d: PageDrawing, page: PageAt, planned: PlannedPage): DisplayPage {
  const { grid: g, template, fonts } = d.env;
  const items: DisplayItem[] = [...page.head];
  const stroke: Stroke = { width: template.rules.module, color: template.colors.rules };
  const ruled = template.rules.module > 0;
  planned.bands.forEach((band, bi) => {
    const r0 = page.top + band.row;
    // The band rule, except under the lead's or running head's own rule.
    if (bi > 0 && ruled) items.push(horizontalRule(g.left, g.left + g.typeWidth, rowTop(g, r0) + g.row / 2, stroke, `band-rule-${page.number}-${bi}`));
    for (const m of band.modules) {
      const top = r0 + m.row;
      // A module stacked under another in its slot: a rule across the slot.
      if (m.row > 0 && ruled) items.push(horizontalRule(g.colX[m.col], g.colX[m.col] + spanWidth(g, m.k), rowTop(g, top) + g.row / 2, stroke, `slot-rule-${page.number}-${bi}-${m.article}`));
      if (m.row === 0 && m.col > 0 && ruled) {
        const x = g.colX[m.col] - g.gutter / 2;
        items.push(verticalRule(x, rowTop(g, r0 + d.gap), rowTop(g, r0 + band.rows) - g.row * 0.3, stroke, `module-rule-${page.number}-${bi}-${m.col}`));
      }
      const drawing = d.articles[m.article];
      if (!m.continued) d.outline.push({ title: drawing.art.title, page: page.number, y: rowTop(g, top + d.gap) });
      items.push(...drawModule(d.env, drawing, m, { row: top + d.gap, rows: m.rows - d.gap, page: page.number }));
    }
  });
  items.push(...footer(g, template, fonts, d.info, pageLabel(template, page.number, d.total)));
  return { number: page.number, items };
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
      for (const [k, n] of b.notes.entries()) out.push({ kind: 'para', tag: 'Note', id: `${b.id}-${k + 1}`, spans: [{ text: n.marker, role: TEXT_ROLES.note }, ...n.spans], indent: 2, hanging: 0, inset: 0, line: b.line, parents: b.parents });
    } else if (b.kind === 'table' || b.kind === 'break') {
      throw new BulletinError(diagnostic({ file, line: b.line, column: 1 }, 'error', 'lead-markup',
        `a ${b.kind === 'table' ? 'table' : 'section break'} cannot be set in the lead (index.md's text runs across the page in Kai): move it into an article.`));
    }
  }
  return out;
}

/** Where a module is drawn: its first row below the band's gap, its rows, its page. */
interface ModuleAt {
  row: number;
  rows: number;
  page: number;
}

function drawModule(env: Env, drawing: ArticleDrawing, m: PlannedModule, at: ModuleAt): DisplayItem[] {
  const { grid: g, template: t } = env;
  const { art } = drawing;
  const items: DisplayItem[] = [];
  const x0 = g.colX[m.col];
  const w = spanWidth(g, m.k);
  const header: Header = m.continued ? art.contHeader(m.k, at.page - 1) : art.header(m.k);
  for (const line of header.lines) {
    const y = baselineIn(g, at.row + line.row, line.rows, line.set.size) + (line.shift ?? 0);
    const color = line.color === 'accent' ? t.colors.accent : t.colors.text;
    items.push(...setRuns(line.set, aligned(x0, w, line.set.width, line.align), y, color, line.tag));
  }
  const bodyTop = at.row + header.rows + m.air;
  for (let c = 0; c < m.k; c++) items.push(...drawColumn(env, drawing, m, { column: c, top: bodyTop, page: at.page }));
  if (m.jumps) {
    const jump = art.jumpLine(at.page + 1);
    const last = g.colX[m.col + m.k - 1];
    const y = baselineIn(g, at.row + at.rows - 1, 1, g.body);
    items.push(...setRuns(jump, aligned(last, g.measure, jump.width, 'end'), y, t.colors.text, { role: 'Artifact', id: `${art.id}-jump` }));
  }
  return items;
}

/** Column c of a module (0: its first), its body starting at row `top`, with the rule before it. */
function drawColumn(env: Env, drawing: ArticleDrawing, m: PlannedModule, at: { column: number; top: number; page: number }): DisplayItem[] {
  const { grid: g, template: t } = env;
  const { art, decorations } = drawing;
  const c = at.column;
  const items: DisplayItem[] = [];
  const x = g.colX[m.col + c];
  let r = at.top;
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
      const runs = composedRuns(item.line, x + inset, y, t.colors.text, item.tag);
      items.push(...(item.kind === 'line' && item.label ? withLabel(runs, item.label) : runs));
      const d = decorations.get(i);
      if (d) items.push(...decorationItems(d, { x: x + inset, y, size: item.size, color: t.colors.text, id: item.tag.id }));
    }
    r += item.rows;
  }
  if (c > 0 && t.grid.columnRules && t.rules.column > 0) {
    const stroke = { width: t.rules.column, color: t.colors.rules };
    items.push(verticalRule(x - g.gutter / 2, rowTop(g, at.top), rowTop(g, at.top + m.part.height) - g.row * 0.3, stroke, `column-rule-${art.id}-${at.page}-${c}`));
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
