// An article's header at each module width: headline, subtitle and byline
// (LAYOUT.md "module"), and the header of a continued part (its title, 上接). The page
// search asks for every article's header height at every width, but only the
// modules it places are drawn: a header is first a list of parts, each with
// its line count, size and rows a line, from line counts alone (no glyphs
// placed); its height is the sum of its parts' rows, computed here only, and
// the drawn header sets the same parts' lines into glyphs.
import type { FaceChain } from '../fonts/face.js';
import { countLines, composeParagraph } from '../typeset/index.js';
import type { StructureParent, StructureTag } from './display-list.js';
import type { DrawEnv } from './grid-item.js';
import { rowsFor, spanWidth } from './grid.js';
import { breakHeadline, fitHeadline, prepareHeadline, type HeadlineBreak, type PreparedHeadline } from './headline.js';
import { lineWidth, setLine, type SetLine } from './text.js';
import { TEXT_ROLES } from './text-roles.js';

/** A header line placed in a module: `rows` grid rows starting `row` rows below the header's top. */
export interface HeaderLine {
  set: SetLine;
  color: 'accent' | 'text';
  row: number;
  rows: number;
  tag: StructureTag;
  align: 'center' | 'start' | 'end';
  /** Points the baseline moves from the middle of its rows: a line of a part set as a block (a headline's). */
  shift?: number;
}

/** What the page search needs of a header: its height, and its headline's lines (for taste). */
export interface HeaderSize {
  rows: number;
  headlineLines: number;
}

export interface Header extends HeaderSize {
  lines: HeaderLine[];
}

/** "（上接第N版）": the mark a continued part's header ends with. */
function continuedMark(fromPage: number): string {
  return `（上接第${fromPage}版）`;
}
/** Sizes of the 上接 header and the 下转 line relative to the body (10.5 and 7.5 pt on a 9 pt body). */
const CONT_HEADER_SCALE = 7 / 6;
const JUMP_LINE_SCALE = 5 / 6;
/** Leading of the headline's lines, and of the subtitle's and byline's, as a share of their size. */
const HEADLINE_LEADING = 1.25;
const LINE_LEADING = 1.1;

/** What a header is made from: the article's title, subtitle and byline. */
export interface HeaderSource {
  id: string;
  title: string;
  subtitle?: string;
  author?: string;
  role?: string;
}

/** One part of a header at a width: `lines` lines of `rowsPerLine` rows each, in one face and size. */
interface HeaderPart {
  chain: FaceChain;
  size: number;
  rowsPerLine: number;
  lines: number;
  /**
   * Set as one block (a headline): its lines `pitch` points apart, centred in the fewest whole
   * rows that hold them all, rather than each line in whole rows of its own (a headline need not
   * sit on the body's grid; only the body does).
   */
  pitch?: number;
  tag: StructureTag;
  /** The part's lines (as many as `lines`): asked only for the headers drawn. */
  texts(): string[];
}

/** The headers of one article, kept per width (the search asks each width many times). */
export class ArticleHeaders {
  private headline: PreparedHeadline | undefined;
  /** The headline broken at each width, for the headers drawn. */
  private readonly headlineBreaks = new Map<number, HeadlineBreak>();
  private readonly sizes = new Map<number, HeaderSize>();
  private readonly drawn = new Map<number, Header>();
  /** Continued parts' headers, by the page they come from and the columns they span (`2 ×3`). */
  private readonly continued = new Map<string, Header>();
  private readonly continuedSizes = new Map<number, HeaderSize>();
  // Natural widths of the subtitle and byline, the same at every width: measured once.
  private subtitleWidth: number | undefined;
  private bylineWidth: number | undefined;

  constructor(
    private readonly env: DrawEnv,
    private readonly src: HeaderSource,
  ) {}

  /** The header's size at a width of k columns, without setting its lines. */
  size(k: number): HeaderSize {
    let size = this.sizes.get(k);
    if (!size) {
      const parts = this.parts(k);
      let rows = 0;
      for (const p of parts) rows += partRows(this.env, p);
      size = { rows, headlineLines: parts[0].lines };
      this.sizes.set(k, size);
    }
    return size;
  }

  /** The header drawn at a width of k columns: its parts' lines, one under another, centred. */
  header(k: number): Header {
    let header = this.drawn.get(k);
    if (!header) {
      const lines: HeaderLine[] = [];
      let row = 0;
      for (const p of this.parts(k)) {
        const texts = p.texts();
        if (p.pitch !== undefined) {
          const rows = partRows(this.env, p);
          const pitch = p.pitch;
          for (const [j, text] of texts.entries()) {
            lines.push({
              set: setLine(text, p.chain, p.size), color: 'text', row, rows, tag: p.tag, align: 'center', shift: (j - (texts.length - 1) / 2) * pitch,
            });
          }
          row += rows;
          continue;
        }
        for (const text of texts) {
          lines.push({ set: setLine(text, p.chain, p.size), color: 'text', row, rows: p.rowsPerLine, tag: p.tag, align: 'center' });
          row += p.rowsPerLine;
        }
      }
      header = { ...this.size(k), lines };
      this.drawn.set(k, header);
    }
    return header;
  }

  /**
   * The header of a continued part: the title and "（上接第N版）" (LAYOUT.md's make-up: every
   * continuation carries its article's title), on one row when both fit the width, else the
   * title's lines and the mark under them.
   */
  continuedHeader(k: number, fromPage: number): Header {
    const key = `${fromPage} ×${k}`;
    let header = this.continued.get(key);
    if (!header) {
      const { bold, size, title, lines } = this.continuedLines(k);
      const mark = continuedMark(fromPage);
      const tag: StructureTag = { role: 'Artifact', id: `${this.src.id}-cont` };
      const texts = lines === 1 ? [`${title} ${mark}`] : [...wrapPlain({ text: title, chain: bold, size, measure: spanWidth(this.env.grid, k) }), mark];
      header = {
        rows: texts.length, headlineLines: 0,
        lines: texts.map((text, row) => ({ set: setLine(text, bold, size), color: 'text', row, rows: 1, tag, align: 'start' })),
      };
      this.continued.set(key, header);
    }
    return header;
  }

  /** A continued part's header size at a width: its rows (continuedHeader's lines), kept per width (the search asks it for every item a part may resume at). */
  continuedSize(k: number): HeaderSize {
    let size = this.continuedSizes.get(k);
    if (!size) this.continuedSizes.set(k, (size = { rows: this.continuedLines(k).lines, headlineLines: 0 }));
    return size;
  }

  /** How a continued part's header is set at a width: one row when the title and the widest mark fit it, else the title wrapped and the mark under it. */
  private continuedLines(k: number): { bold: FaceChain; size: number; title: string; lines: number } {
    const { grid, fonts } = this.env;
    const bold = fonts.chain(TEXT_ROLES.continuedHeader);
    // Set a size above the body (五号 over 小五): it reads as a small headline, not a line of text.
    const size = CONT_HEADER_SCALE * grid.body;
    const title = this.src.title.replace(/\s+/g, ' ').trim();
    const measure = spanWidth(grid, k);
    // The widest mark a page number up to 99 makes: the rows do not depend on the page it resumes from.
    if (lineWidth(`${title} ${continuedMark(99)}`, bold, size) <= measure) return { bold, size, title, lines: 1 };
    return { bold, size, title, lines: wrapCount({ text: title, chain: bold, size, measure }) + 1 };
  }

  /** The "（下转第N版）" line at the foot of a part that continues: a size below the body (六号 under 小五), as newspapers set it. */
  jumpLine(toPage: number): SetLine {
    return setLine(`（下转第${toPage}版）`, this.env.fonts.chain(TEXT_ROLES.jumpLine), JUMP_LINE_SCALE * this.env.grid.body);
  }

  /** The header's parts at a width: the headline, then the subtitle and byline when the article has them. */
  private parts(k: number): HeaderPart[] {
    const measure = spanWidth(this.env.grid, k);
    const parts = [this.headlinePart(k, measure)];
    if (this.src.subtitle) parts.push(this.subtitlePart(this.src.subtitle, measure));
    if (this.src.author || this.src.role) parts.push(this.bylinePart(measure));
    return parts;
  }

  /** The headline's size and line count from fitHeadline; its lines from breakHeadline (the same fit). */
  private headlinePart(k: number, measure: number): HeaderPart {
    const { grid, template, fonts } = this.env;
    const { min, max } = template.sizes.headline;
    const heavy = fonts.chain(TEXT_ROLES.headline);
    const headline = (this.headline ??= prepareHeadline(this.src.title, heavy));
    const fit = fitHeadline(headline, min, max, measure);
    const texts = (): string[] => {
      let broken = this.headlineBreaks.get(k);
      if (!broken) this.headlineBreaks.set(k, (broken = breakHeadline(headline, heavy, min, max, measure)));
      return broken.lines;
    };
    // Broken over lines at its space, the headline says its whole title, the space included.
    const tag: StructureTag = { role: 'H2', id: `${this.src.id}-title`, parents: [this.article()], actualText: this.src.title.replace(/\s+/g, ' ').trim() };
    const pitch = fit.size * HEADLINE_LEADING;
    return { chain: heavy, size: fit.size, rowsPerLine: rowsFor(grid, fit.size, HEADLINE_LEADING), lines: fit.lines, pitch, tag, texts };
  }

  /** The article's element: every part of the header is in it. */
  private article(): StructureParent {
    return { role: 'Art', id: this.src.id };
  }

  private subtitlePart(subtitle: string, measure: number): HeaderPart {
    const { grid, template, fonts } = this.env;
    const body = fonts.chain(TEXT_ROLES.subtitle);
    const size = template.sizes.subtitle;
    const text: Wrapped = { text: subtitle, chain: body, size, measure, width: (this.subtitleWidth ??= lineWidth(subtitle, body, size)) };
    const tag: StructureTag = { role: 'P', id: `${this.src.id}-subtitle`, parents: [this.article()] };
    return { chain: body, size, rowsPerLine: rowsFor(grid, size, LINE_LEADING), lines: wrapCount(text), tag, texts: () => wrapPlain(text) };
  }

  /** Role then name, the name set apart by a one-em gap; on two lines when that does not fit (the role wrapped if need be). */
  private bylinePart(measure: number): HeaderPart {
    const { grid, template, fonts } = this.env;
    const { role, author } = this.src;
    const kai = fonts.chain(TEXT_ROLES.byline);
    const size = template.sizes.byline;
    const one = [role, author].filter(Boolean).join(' ');
    const fits = (this.bylineWidth ??= lineWidth(one, kai, size)) <= measure;
    const roleText: Wrapped | undefined = role ? { text: role, chain: kai, size, measure } : undefined;
    const lines = fits ? 1 : (roleText ? wrapCount(roleText) : 0) + (author ? 1 : 0);
    const texts = (): string[] => (fits ? [one] : [...(roleText ? wrapPlain(roleText) : []), ...(author ? [author] : [])]);
    const tag: StructureTag = { role: 'P', id: `${this.src.id}-byline`, parents: [this.article()] };
    return { chain: kai, size, rowsPerLine: rowsFor(grid, size, LINE_LEADING), lines, tag, texts };
  }
}

/** The rows a header part takes: its lines' rows, or, set as a block, the fewest whole rows its lines' pitch fills (at least a line's rows). */
function partRows(env: DrawEnv, p: HeaderPart): number {
  if (p.pitch === undefined || p.lines <= 1) return p.lines * p.rowsPerLine;
  return Math.max(p.rowsPerLine, Math.ceil((p.lines * p.pitch) / env.grid.row - 1e-9));
}

/** A one-line text wrapped to a measure (a subtitle or a role in a narrow module); `width`, its natural width, when known. */
interface Wrapped {
  text: string;
  chain: FaceChain;
  size: number;
  measure: number;
  width?: number;
}

/** The lines of a wrapped text, no wider than its measure. */
function wrapPlain(w: Wrapped): string[] {
  if ((w.width ?? lineWidth(w.text, w.chain, w.size)) <= w.measure) return [w.text];
  const lines = composeParagraph({ spans: [{ text: w.text, chain: w.chain }], size: w.size, measure: w.measure, indent: 0, align: 'start' });
  return lines.map((l) => l.text.trim());
}

/** How many lines wrapPlain makes (the same line breaker, without placing glyphs). */
function wrapCount(w: Wrapped): number {
  if ((w.width ?? lineWidth(w.text, w.chain, w.size)) <= w.measure) return 1;
  return countLines({ spans: [{ text: w.text, chain: w.chain }], size: w.size, measure: w.measure, indent: 0, align: 'start' });
}
