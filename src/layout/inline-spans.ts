// Inline Markdown → runs of text in font roles, as they print: bold, the
// template's emphasis style (Kai, or emphasis dots), strikethrough, inline
// code in sans, a link's text followed by its URL (in parentheses or as a
// note), note markers for footnotes, the text of inline HTML without its
// tags, and leftover markup characters dropped (content/leftover-markup.ts).
// A hard line break ends a segment: the paragraph's lines after it start anew.
import type { Definition, Nodes, PhrasingContent, Root } from 'mdast';
import { withoutLeftovers } from '../content/leftover-markup.js';
import { isLineBreakTag } from '../content/html-text.js';
import type { NoteList } from './note-list.js';
import type { FaceChain } from '../fonts/face.js';
import type { Span } from '../typeset/index.js';
import { TEXT_ROLES } from './text-roles.js';

/** A stretch of text in one font role (`body`, `bold`, `kai`, `sans`), with its decorations. */
export interface RoleSpan {
  text: string;
  role: string;
  /** A line through the text (`~~…~~`). */
  strike?: boolean;
  /** Emphasis dots under each character (着重号), the template's emphasis style `dots`. */
  dots?: boolean;
  /** A note mark: it stays with the text before it (no line starts with it). */
  attached?: boolean;
}

/** How the template sets emphasis and links (templates/schema.json). */
export interface MarkupStyle {
  emphasis: 'kai' | 'dots';
  links: 'parentheses' | 'notes';
}

export const DEFAULT_MARKUP_STYLE: MarkupStyle = { emphasis: 'kai', links: 'parentheses' };

export interface InlineEnv {
  style: MarkupStyle;
  notes: NoteList;
  definitions: Map<string, Definition>;
  /** Images met in the text, in order (set as blocks of their own after the paragraph). */
  images: { path: string; alt: string }[];
}

/** The decorations and role a piece of text is set in. */
interface Look {
  role: string;
  strike: boolean;
  dots: boolean;
}

/** A paragraph's spans, one list per segment between hard line breaks. */
export type Segments = RoleSpan[][];

/** The definitions (`[label]: url`) of a document, by identifier. */
export function definitionsOf(tree: Root): Map<string, Definition> {
  const out = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      if (!out.has(node.identifier)) out.set(node.identifier, node);
    } else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return out;
}

export function inlineSegments(nodes: PhrasingContent[], role: string, env: InlineEnv): Segments {
  const out: Segments = [[]];
  inline(nodes, { role, strike: false, dots: false }, env, out, true);
  return out;
}

/** Joins soft line breaks: none between CJK characters, one space between Latin words. */
export function joinLines(text: string): string {
  // Most text nodes hold no line break: skip the regular expression for them.
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + _m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

function inline(nodes: PhrasingContent[], look: Look, env: InlineEnv, out: Segments, atStart: boolean): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const first = atStart && i === 0;
    switch (node.type) {
      case 'text':
        push(out, joinLines(withoutLeftovers(node.value, first)), look);
        break;
      case 'strong':
        inline(node.children, { ...look, role: TEXT_ROLES.strong }, env, out, first);
        break;
      case 'emphasis':
        if (env.style.emphasis === 'dots') inline(node.children, { ...look, dots: true }, env, out, first);
        else inline(node.children, { ...look, role: look.role === TEXT_ROLES.strong ? TEXT_ROLES.strong : TEXT_ROLES.emphasis }, env, out, first);
        break;
      case 'delete':
        inline(node.children, { ...look, strike: true }, env, out, first);
        break;
      case 'inlineCode':
        push(out, node.value, { ...look, role: TEXT_ROLES.code });
        break;
      case 'break':
        out.push([]);
        break;
      case 'html':
        // The tags go; the text between them is in the nodes around.
        if (isLineBreakTag(node.value)) out.push([]);
        break;
      case 'image':
        env.images.push({ path: node.url, alt: node.alt ?? '' });
        break;
      case 'imageReference': {
        const d = env.definitions.get(node.identifier);
        if (d) env.images.push({ path: d.url, alt: node.alt ?? '' });
        break;
      }
      case 'link':
        link(node, look, env, out, first);
        break;
      case 'linkReference': {
        const d = env.definitions.get(node.identifier);
        if (d) link({ children: node.children, url: d.url }, look, env, out, first);
        else inline(node.children, look, env, out, first);
        break;
      }
      case 'footnoteReference': {
        const marker = env.notes.footnote(node.identifier);
        if (marker) pushMark(out, marker, look);
        break;
      }
      default: {
        // Phrasing content of extensions the parser does not load (none today): their text as it is.
        const other = node as Nodes;
        if ('children' in other) inline(other.children as PhrasingContent[], look, env, out, first);
        else if ('value' in other && typeof other.value === 'string') push(out, joinLines(other.value), look);
      }
    }
  }
}

/** The plain text of inline nodes (a link's text, to compare with its URL). */
function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}

/**
 * A link: its text, then its URL in parentheses or as a note. A bare URL
 * (`https://…`, `www.…`, `<…>`, an e-mail address) is its own text and is
 * printed once.
 */
function link(node: { children: PhrasingContent[]; url: string }, look: Look, env: InlineEnv, out: Segments, first: boolean): void {
  const { children, url } = node;
  inline(children, look, env, out, first);
  const text = plainText(children).trim();
  const shown = url.replace(/^mailto:/i, '');
  if (shown === '' || text === shown || `http://${text}` === url || `https://${text}` === url) return;
  const plain = { ...look, dots: false };
  if (env.style.links === 'notes') pushMark(out, env.notes.url(shown), look);
  else push(out, `（${shown}）`, plain);
}

/** A note mark, a span of its own so that it keeps with the text before it. */
function pushMark(out: Segments, marker: string, look: Look): void {
  const span: RoleSpan = { text: marker, role: look.role, attached: true };
  if (look.strike) span.strike = true;
  out[out.length - 1].push(span);
}

/** The spans as the typesetter takes them, each in its role's chain of faces. */
export function typesetSpans(spans: readonly RoleSpan[], chainOf: (role: string) => FaceChain): Span[] {
  return spans.map((s) => (s.attached ? { text: s.text, chain: chainOf(s.role), attached: true } : { text: s.text, chain: chainOf(s.role) }));
}

function push(out: Segments, text: string, look: Look): void {
  if (text === '') return;
  const segment = out[out.length - 1];
  const last = segment[segment.length - 1];
  if (last && last.role === look.role && Boolean(last.strike) === look.strike && Boolean(last.dots) === look.dots) {
    last.text += text;
    return;
  }
  const span: RoleSpan = { text, role: look.role };
  if (look.strike) span.strike = true;
  if (look.dots) span.dots = true;
  segment.push(span);
}
