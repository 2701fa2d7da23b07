// Front matter: YAML text → validated IssueMeta / ArticleMeta. Every problem
// points at the exact line inside the Markdown file, because the YAML's own
// line numbers are shifted by where the block starts.
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode, type Pair, type YAMLError } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { yamlReason } from '../diagnostics/yaml-reason.js';
import type { ArticleMeta, IssueMeta } from './types.js';

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  value: string;
  /** 1-based line in the file of the YAML's first line (the line after `---`). */
  firstLine: number;
}

export interface FrontMatterYaml {
  /** The document's root node (null for an empty document). */
  contents: YamlNode | null;
  errors: YAMLError[];
  /** Offsets of line starts, for offset → line and column. */
  lineCounter: LineCounter;
}

/**
 * Every block is read twice in a build (front matter, then the font
 * coverage check) and again on every `--watch` rebuild, so results are kept
 * by text. Callers only read them. Bounded, for sessions that edit front
 * matter for hours.
 */
const yamlParses = new Map<string, FrontMatterYaml>();
const YAML_PARSES_LIMIT = 4096;

/** The YAML between the fences, through the yaml package (with line numbers). */
export function parseFrontMatterYaml(text: string): FrontMatterYaml {
  let parsed = yamlParses.get(text);
  if (!parsed) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    parsed = { contents: doc.contents as YamlNode | null, errors: doc.errors, lineCounter };
    if (yamlParses.size >= YAML_PARSES_LIMIT) yamlParses.clear();
    yamlParses.set(text, parsed);
  }
  return parsed;
}

/**
 * Where the bracket or quote opens that an error says is never closed
 * (`author: [毛伟明`, `role: "职务`). yaml notices only on the next line,
 * where the collection or string should have ended, and reports there; the
 * editor's mistake is where it opens. Undefined for other errors.
 */
function unclosedStart(text: string, contents: YamlNode | null, err: YAMLError): number | undefined {
  if (!contents || (err.code !== 'BAD_INDENT' && err.code !== 'MISSING_CHAR')) return undefined;
  const at = err.pos[0];
  let start: number | undefined;
  visit(contents, {
    Node(_, node) {
      const range = node.range;
      if (!range || !(range[0] < at && at <= range[2])) return;
      const opening = text[range[0]];
      const closing = opening === '[' ? ']' : opening === '{' ? '}' : opening;
      const bracketed = isCollection(node) && node.flow && (opening === '[' || opening === '{');
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      const closed = range[1] - range[0] >= 2 && text[range[1] - 1] === closing;
      // The innermost such node that runs up to the error.
      if ((bracketed || quoted) && !closed && (start === undefined || range[0] > start)) start = range[0];
    },
  });
  return start;
}

/** The most pages `pages:` may ask for. */
export const MAX_PAGES = 999;

type FieldKind = 'text' | 'text-or-number' | 'date' | 'names' | 'count';

interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  hint: string;
}

const ISSUE_FIELDS: Record<string, FieldSpec> = {
  title: { kind: 'text', required: true, hint: 'the column name shown in the masthead, e.g. `title: 安全生产大家谈`' },
  subtitle: { kind: 'text', hint: 'the theme line' },
  issue: { kind: 'text-or-number', hint: 'free text such as `2023年第6期`' },
  date: { kind: 'date', hint: 'a date written YYYY-MM-DD, e.g. `date: 2023-06-16`' },
  publisher: { kind: 'names', hint: 'one name, or a list of names (`- 衡阳市应急管理局`)' },
  template: { kind: 'text', hint: 'a template name (`newspaper`, `a4`) or a path to a template file' },
  pages: { kind: 'count', hint: 'the number of pages the bulletin must fill, a whole number from 1 to 999, e.g. `pages: 1`' },
};

const ARTICLE_FIELDS: Record<string, FieldSpec> = {
  title: { kind: 'text', required: true, hint: 'the headline, e.g. `title: 以默默无闻的坚持 防止发生惊天动地的事`' },
  author: { kind: 'text', required: true, hint: 'the author’s name, e.g. `author: 胡小刚`' },
  role: { kind: 'text', hint: 'the author’s affiliation and position' },
  subtitle: { kind: 'text', hint: 'an optional second headline line' },
};

export interface ParsedMeta<M> {
  meta: M | undefined;
  diagnostics: Diagnostic[];
}

export function parseIssueMeta(file: string, block: FrontMatterBlock | undefined): ParsedMeta<IssueMeta> {
  const { values, diagnostics } = parseFields(file, block, ISSUE_FIELDS, 'index.md');
  if (!values) return { meta: undefined, diagnostics };
  const meta: IssueMeta = { title: values.title as string, publisher: (values.publisher as string[] | undefined) ?? [] };
  for (const k of ['subtitle', 'issue', 'date', 'template'] as const) if (values[k] !== undefined) meta[k] = values[k] as string;
  if (values.pages !== undefined) meta.pages = values.pages as number;
  return { meta, diagnostics };
}

export function parseArticleMeta(file: string, block: FrontMatterBlock | undefined): ParsedMeta<ArticleMeta> {
  const { values, diagnostics } = parseFields(file, block, ARTICLE_FIELDS, 'an article');
  if (!values) return { meta: undefined, diagnostics };
  const meta: ArticleMeta = { title: values.title as string, author: values.author as string };
  for (const k of ['role', 'subtitle'] as const) if (values[k] !== undefined) meta[k] = values[k] as string;
  return { meta, diagnostics };
}

function parseFields(
  file: string,
  block: FrontMatterBlock | undefined,
  fields: Record<string, FieldSpec>,
  what: string,
): { values: Record<string, unknown> | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const top: SourcePoint = { file, line: 1, column: 1 };
  const required = Object.entries(fields).filter(([, s]) => s.required).map(([k]) => k);
  if (!block) {
    diagnostics.push(
      diagnostic(top, 'error', 'front-matter-missing',
        `no front matter: ${what} starts with a block between two \`---\` lines giving ${required.map((k) => `\`${k}\``).join(' and ')}.`),
    );
    return { values: undefined, diagnostics };
  }
  const doc = parseFrontMatterYaml(block.value);
  const counter = doc.lineCounter;
  const at = (offset: number | undefined): SourcePoint => {
    if (offset === undefined) return { file, line: block.firstLine, column: 1 };
    const pos = counter.linePos(offset);
    return { file, line: block.firstLine + pos.line - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const firstLine = yamlReason(err.message);
      diagnostics.push(
        diagnostic(at(unclosedStart(block.value, doc.contents, err) ?? err.pos[0]), 'error', 'yaml-syntax',
          `front matter is not valid YAML: ${firstLine}. Write one \`key: value\` per line; quote values that contain \`: \` or start with a special character.`),
      );
    }
    return { values: undefined, diagnostics };
  }
  const contents = doc.contents;
  if (contents === null) {
    diagnostics.push(diagnostic({ file, line: block.firstLine - 1, column: 1 }, 'error', 'front-matter-missing',
      `the front matter is empty: give ${required.map((k) => `\`${k}\``).join(' and ')}.`));
    return { values: undefined, diagnostics };
  }
  if (!isMap(contents)) {
    diagnostics.push(diagnostic(at(contents.range?.[0]), 'error', 'front-matter-not-mapping',
      `front matter must be a mapping of \`key: value\` lines, not ${isSeq(contents) ? 'a list' : 'a single value'}.`));
    return { values: undefined, diagnostics };
  }
  const values: Record<string, unknown> = {};
  const known = Object.keys(fields);
  let ok = true;
  for (const pair of contents.items as Pair<YamlNode, YamlNode | null>[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyAt = at(keyNode?.range?.[0]);
    const spec = fields[key];
    if (!spec) {
      const near = closest(key, known);
      const suggestion = distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? ` Did you mean \`${near}\`?` : '';
      diagnostics.push(diagnostic(keyAt, 'warning', 'unknown-key',
        `unknown front-matter key \`${key}\` is ignored.${suggestion} Known keys: ${known.join(', ')}.`));
      continue;
    }
    const valueAt = at(pair.value?.range?.[0] ?? keyNode?.range?.[0]);
    const checked = checkValue(key, spec, pair.value);
    if (typeof checked === 'string') {
      diagnostics.push(diagnostic(valueAt, 'error', 'front-matter-type', checked));
      ok = false;
    } else if (checked.value !== undefined) values[key] = checked.value;
  }
  for (const key of required) {
    if (values[key] === undefined && !diagnostics.some((d) => d.rule === 'front-matter-type' && d.message.startsWith(`\`${key}\``))) {
      diagnostics.push(diagnostic({ file, line: block.firstLine - 1, column: 1 }, 'error', 'missing-field',
        `missing \`${key}\` in the front matter: add a line \`${key}: …\` (${fields[key].hint}).`));
      ok = false;
    }
  }
  return { values: ok ? values : undefined, diagnostics };
}

/** The checked value, or an error message. */
function checkValue(key: string, spec: FieldSpec, node: YamlNode | null): { value: unknown } | string {
  const wrong = (what: string) => `\`${key}\` ${what}: expected ${spec.hint}.`;
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    return spec.required ? wrong('is empty') : { value: undefined };
  }
  if (spec.kind === 'names') {
    if (isScalar(node) && typeof node.value === 'string') return { value: [node.value.trim()] };
    if (isSeq(node)) {
      const names: string[] = [];
      for (const item of node.items) {
        if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) return wrong('has an entry that is not a name');
        names.push(String(item.value).trim());
      }
      return { value: names.filter((n) => n.length > 0) };
    }
    return wrong('is not a name or a list of names');
  }
  if (!isScalar(node)) return wrong(`is a ${isSeq(node) ? 'list' : 'mapping'}`);
  const v = node.value;
  if (spec.kind === 'count') {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_PAGES) return wrong(`is \`${String(v)}\``);
    return { value: v };
  }
  if (spec.kind === 'date') {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return wrong(`is \`${s}\``);
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return wrong(`is \`${s}\`, which is not a day of the calendar`);
    return { value: s };
  }
  if (typeof v === 'string') {
    // White space alone is no title or author: the same error as an empty value.
    const text = v.trim();
    if (text === '') return spec.required ? wrong('is empty (only white space)') : { value: undefined };
    return { value: text };
  }
  if (spec.kind === 'text-or-number' && (typeof v === 'number' || typeof v === 'boolean')) return { value: String(v) };
  return wrong(`is ${typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true/false' : 'not text'}`);
}
