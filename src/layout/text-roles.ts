// Which font role each printed part of a bulletin is set in: the one table
// layout sets text by and the coverage check (fonts/collect-text.ts), the
// `fonts` command and so rendering read, so that a character is checked in
// the faces it is drawn in (docs/design/LAYOUT.md "Elements", docs/design/TYPOGRAPHY.md §6).
import type { TextRoleMap } from '../fonts/collect-text.js';

export const TEXT_ROLES = {
  /** The masthead's name (index.md `title`), the heaviest type on the page. */
  masthead: 'heavy',
  /** The theme line under it (index.md `subtitle`). */
  theme: 'bold',
  /** The issue and date lines beside the masthead. */
  issueLine: 'bold',
  /** Later pages' running head (the bulletin's title and issue) and every page number. */
  runningHead: 'bold',
  /** The publishers in the footer. */
  publishers: 'body',
  /** The lead (index.md's body). */
  lead: 'kai',
  /** An article's headline. */
  headline: 'heavy',
  /** A continued part's one-line header (the title, 上接第N版). */
  continuedHeader: 'bold',
  /** An article's subtitle, under the headline. */
  subtitle: 'body',
  /** The byline: role and name. */
  byline: 'kai',
  /** The 下转第N版 line at a part's foot. */
  jumpLine: 'kai',
  body: 'body',
  subheading: 'bold',
  strong: 'bold',
  /** `*emphasis*` when the template sets it in Kai (with emphasis dots it keeps its text's face). */
  emphasis: 'kai',
  code: 'sans',
  caption: 'kai',
  blockquote: 'kai',
  tableHeader: 'bold',
  /** Footnotes and link notes at an article's end. */
  note: 'body',
} as const;

/**
 * The roles of the bulletin's source, for the coverage walk: front-matter
 * fields (a title is printed in two places: in the headline and in a
 * continued part's header, or in the masthead and the running head), the
 * bodies, and the Markdown nodes inside them, as layout sets them under the
 * template's markup style.
 */
export function printedTextRoles(style: { emphasis?: 'kai' | 'dots'; links?: 'parentheses' | 'notes' }): TextRoleMap {
  const r = TEXT_ROLES;
  const nodes: Record<string, string> = {
    heading: r.subheading, strong: r.strong, inlineCode: r.code, code: r.code, imageAlt: r.caption,
    blockquote: r.blockquote, footnoteDefinition: r.note, tableHeader: r.tableHeader,
  };
  if (style.emphasis !== 'dots') nodes.emphasis = r.emphasis;
  if (style.links === 'notes') nodes.linkUrl = r.note;
  return {
    issue: {
      fields: { title: [r.masthead, r.runningHead], subtitle: [r.theme], issue: [r.issueLine, r.runningHead], date: [r.issueLine], publisher: [r.publishers] },
      body: r.lead,
    },
    article: { fields: { title: [r.headline, r.continuedHeader], subtitle: [r.subtitle], author: [r.byline], role: [r.byline] }, body: r.body },
    nodes,
    // Emphasis in bold text (a subheading, a bold run) stays bold.
    keeps: { emphasis: [r.strong] },
  };
}
