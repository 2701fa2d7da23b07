// Every printed character of a bulletin with its font role and the exact
// file:line:column where it is written, for the coverage check (a character
// no font has is an error naming where it occurs: docs/design/TYPOGRAPHY.md §6).
//
// Positions: mdast gives each text node's start and end; a node's value can
// differ from its source (escapes `\*`, entities `&amp;`, a blockquote's `> `
// or a list item's indentation removed on continuation lines), so each
// character is found by scanning the node's source forward from the previous
// character, instead of adding its index in the value to the node's start.
// Lines and columns are counted like mdast (1-based, columns in UTF-16 code
// units, CRLF, LF and CR all end a line). Front-matter values are located in
// the YAML between the fences the same way.
//
// Characters are grouped into items: runs of characters that stand next to
// each other on one source line, so the item's start plus the offset in its
// text is the exact position of each character.
import type { Nodes, Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseFrontMatterYaml } from '../content/front-matter.js';
import type { Bulletin, ContentDocument, SourceFile } from '../content/types.js';
import { htmlText, isHtmlComment } from '../content/html-text.js';
import { noteMarker } from '../content/note-marker.js';

export interface TextItem {
  text: string;
  /** Font role it is set in (roles.ts). */
  role: string;
  file: string;
  /** 1-based line and column (UTF-16 units, as mdast counts) of the first character. */
  line: number;
  column: number;
}

/**
 * Which roles each part of the content is set in: layout's table
 * (layout/text-roles.ts), handed in by the caller. `fields` map front-matter
 * keys to every role the value is printed in; `body` is the role of a file's
 * body text; `nodes` map mdast node types inside the body (and `imageAlt`, the
 * caption; `tableHeader`, a table's first row; `linkUrl`, a link's printed
 * address) to roles, the innermost one winning, except where `keeps` names
 * roles a node leaves as they are (emphasis in bold text stays bold).
 */
export interface TextRoleMap {
  issue: { fields: Record<string, readonly string[]>; body: string };
  article: { fields: Record<string, readonly string[]>; body: string };
  nodes: Record<string, string>;
  keeps?: Record<string, readonly string[]>;
}

/** Characters that are not drawn as glyphs: white space, controls, format characters, variation selectors. */
export function isGlyphCharacter(cp: number): boolean {
  if (cp < 0x10000) {
    // Asked for every character of the bulletin: the regular expression once per BMP code point, then a table.
    let known = GLYPH_BMP[cp];
    if (known === 0) GLYPH_BMP[cp] = known = testGlyph(cp) ? 1 : 2;
    return known === 1;
  }
  return testGlyph(cp);
}
function testGlyph(cp: number): boolean {
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return false;
  return !NOT_GLYPH.test(String.fromCodePoint(cp));
}
const NOT_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}]$/u;
/** Per BMP code point: 0 not yet known, 1 glyph character, 2 not. */
const GLYPH_BMP = new Uint8Array(0x10000);

/** Offsets of line starts, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * What the walk hands each piece of printed text to: `value` is what prints,
 * written somewhere in the file's text between `start` and `end`.
 */
export interface TextScanner {
  scan(value: string, start: number, end: number, role: string): void;
}

class ItemWriter implements TextScanner {
  private readonly starts: number[];
  private current: (TextItem & { end: number }) | undefined;

  constructor(
    private readonly source: SourceFile,
    private readonly out: TextItem[],
  ) {
    this.starts = lineStarts(source.text);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Emits the glyph characters of `value`, found in order within source[start, end). */
  scan(value: string, start: number, end: number, role: string): void {
    const text = this.source.text;
    if (end - start === value.length && text.startsWith(value, start)) {
      this.scanLiteral(value, start, role);
      return;
    }
    let cursor = start;
    for (const ch of value) {
      const cp = ch.codePointAt(0)!;
      if (!isGlyphCharacter(cp)) continue;
      let at = text.indexOf(ch, cursor);
      // Not in the source as written (an entity or escape): place it where the scan is.
      if (at < 0 || at >= end) at = Math.min(cursor, Math.max(start, end - 1));
      else cursor = at + ch.length;
      this.push(ch, at, role);
    }
    this.flush();
  }

  /**
   * `value` spelled literally at `start` (the common case): each character is
   * at its own index, which is where the search in `scan` would find it. Runs
   * of glyph characters go in whole, instead of one character at a time.
   */
  private scanLiteral(value: string, start: number, role: string): void {
    let run = -1;
    for (let i = 0; i <= value.length; ) {
      const cp = i < value.length ? value.codePointAt(i)! : -1;
      const glyph = cp >= 0 && isGlyphCharacter(cp);
      if (glyph && run < 0) run = i;
      if (!glyph && run >= 0) {
        this.push(value.slice(run, i), start + run, role);
        run = -1;
      }
      i += cp > 0xffff ? 2 : 1;
    }
    this.flush();
  }

  private push(chars: string, offset: number, role: string): void {
    const c = this.current;
    // Adjacent in the source means on the same line: a line break would sit between.
    if (c && c.role === role && c.end === offset) {
      c.text += chars;
      c.end = offset + chars.length;
      return;
    }
    this.flush();
    const lineIndex = this.lineOf(offset);
    this.current = {
      text: chars,
      role,
      file: this.source.path,
      line: lineIndex + 1,
      column: offset - this.starts[lineIndex] + 1,
      end: offset + chars.length,
    };
  }

  flush(): void {
    if (!this.current) return;
    const { text, role, file, line, column } = this.current;
    this.out.push({ text, role, file, line, column });
    this.current = undefined;
  }
}

function frontMatter(doc: ContentDocument<unknown>, writer: TextScanner, fields: Record<string, readonly string[]>): void {
  const yaml = doc.tree.children[0];
  if (yaml?.type !== 'yaml' || yaml.position?.start.offset === undefined) return;
  const text = doc.source.text;
  // The YAML starts on the line after the opening `---`.
  const open = (yaml as Yaml).position!.start.offset!;
  const nl = text.slice(open).search(/\r\n|\n|\r/);
  if (nl < 0) return;
  const base = open + nl + (text.startsWith('\r\n', open + nl) ? 2 : 1);
  const parsed = parseFrontMatterYaml((yaml as Yaml).value);
  if (parsed.errors.length > 0 || !isMap(parsed.contents)) return;
  for (const pair of parsed.contents.items) {
    if (!isScalar(pair.key)) continue;
    const roles = fields[String(pair.key.value)] ?? [];
    const values: YamlNode[] = isSeq(pair.value) ? (pair.value.items as YamlNode[]) : pair.value ? [pair.value as YamlNode] : [];
    for (const role of roles) {
      for (const v of values) {
        if (!isScalar(v) || v.value === null || v.value === undefined || !v.range) continue;
        writer.scan(String(v.value), base + v.range[0], base + v.range[1], role);
      }
    }
  }
}

/** Per document: the footnotes referred to so far, numbered as layout numbers them (first reference first). */
type NoteNumbers = Map<string, number>;

/** What the walk of one file's body needs besides the node: where it writes, the roles, the notes numbered so far. */
interface BodyWalk {
  writer: TextScanner;
  roles: TextRoleMap;
  notes: NoteNumbers;
}

/** The role of a node's text inside text of `role`. */
function roleOf(type: string, role: string, roles: TextRoleMap): string {
  const mapped = roles.nodes[type];
  return mapped && !roles.keeps?.[type]?.includes(role) ? mapped : role;
}

function body(node: Nodes, walk: BodyWalk, role: string): void {
  const { writer, roles, notes } = walk;
  const nodes = roles.nodes;
  const own = roleOf(node.type, role, roles);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  switch (node.type) {
    case 'yaml':
    case 'definition':
      return;
    case 'html':
      // Tags are not printed; the text of an HTML block is (layout/blocks.ts).
      if (start !== undefined && end !== undefined && !isHtmlComment(node.value)) writer.scan(htmlText(node.value), start, end, own);
      return;
    case 'text':
    case 'inlineCode':
    case 'code':
      if (start !== undefined && end !== undefined) writer.scan(node.value, start, end, own);
      return;
    case 'image':
    case 'imageReference':
      if (node.alt && start !== undefined && end !== undefined) writer.scan(node.alt, start, end, nodes.imageAlt ?? own);
      return;
    case 'footnoteReference': {
      if (start === undefined || end === undefined) return;
      const n = notes.get(node.identifier) ?? notes.size + 1;
      notes.set(node.identifier, n);
      writer.scan(noteMarker(n), start, end, own);
      return;
    }
    case 'link':
      for (const child of node.children) body(child, walk, own);
      // The URL is printed after the text (in parentheses, in the same face) or as a note.
      if (start !== undefined && end !== undefined) writer.scan(node.url.replace(/^mailto:/i, ''), start, end, nodes.linkUrl ?? own);
      return;
    case 'table':
      for (const [r, row] of node.children.entries()) body(row, walk, r === 0 ? (nodes.tableHeader ?? own) : own);
      return;
    default:
      if ('children' in node) for (const child of node.children) body(child as Nodes, walk, own);
  }
}

/**
 * Walks every piece of printed text of the bulletin (front matter included)
 * with its role: `scanner` gives the scanner for each file, in order.
 */
export function walkText(bulletin: Bulletin, scanner: (source: SourceFile) => TextScanner, roles: TextRoleMap): void {
  const docs: [ContentDocument<unknown>, { fields: Record<string, readonly string[]>; body: string }][] = [[bulletin.index, roles.issue]];
  for (const article of bulletin.articles) docs.push([article, roles.article]);
  for (const [doc, part] of docs) {
    const writer = scanner(doc.source);
    frontMatter(doc, writer, part.fields);
    body(doc.tree as Root, { writer, roles, notes: new Map() }, part.body);
  }
}

/** Every glyph character of the bulletin (front matter included), grouped into positioned items. */
export function collectText(bulletin: Bulletin, roles: TextRoleMap): TextItem[] {
  const out: TextItem[] = [];
  walkText(bulletin, (source) => new ItemWriter(source, out), roles);
  return out;
}
