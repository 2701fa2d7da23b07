// Front-matter YAML → the yaml package's nodes. Nearly every block is a few
// `key: value` lines with plain one-line values (and `publisher:` lists);
// those are read here directly, because the package costs ~0.2 ms a block
// (~100 ms on a 420-article bulletin, paid twice: front matter and the
// coverage check). Anything else — quotes, comments, numbers, empty or
// multi-line values, flow collections, tabs, a CR outside a CRLF — goes to the package. The
// nodes built are the package's own classes with the values and ranges it
// gives, so callers cannot tell the two paths apart
// (tests/content/front-matter-yaml.test.ts compares them).
import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml';

export interface FrontMatterYaml {
  /** The document's root node (null for an empty document). */
  contents: YamlNode | null;
  errors: YAMLError[];
  /** Offsets of line starts, for offset → line and column. */
  lineCounter: LineCounter;
}

/**
 * Every block is read twice in a build (front matter, then the font coverage
 * check), so results are kept by text. Callers only read them. Bounded, for
 * `--watch` sessions that edit front matter for hours.
 */
const cache = new Map<string, FrontMatterYaml>();
const CACHE_SIZE = 4096;

export function parseFrontMatterYaml(text: string): FrontMatterYaml {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = readSimple(text) ?? readWithPackage(text);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

export function readWithPackage(text: string): FrontMatterYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { contents: doc.contents as YamlNode | null, errors: doc.errors, lineCounter };
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ITEM_LINE = /^( +)- +(.*)$/;
/** Starts that make a plain value something other than a string, or not plain: indicators, signs, null (`~`). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`+.~]/;
/**
 * A value starting with a digit is a string only when no number can be
 * spelled like it: it has a non-ASCII character (`2023年第6期`), or it is a
 * date (`2023-06-16`, a string in YAML 1.2's core schema).
 */
const DIGIT_STRING = /^[0-9](?:.*[^\x00-\x7f]|\d{3}-\d{2}-\d{2}$)/;
/** Characters left to the package: controls, BOM, non-characters, surrogates (it checks them). */
const SPECIAL_CHAR = /[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff\ud800-\udfff]/;
const NOT_STRING = /^(?:null|true|false)$/i;

/** A value that the yaml package reads as exactly this string: plain, one line, not null/bool/number. */
function isPlainString(v: string): boolean {
  return (
    v.length > 0 &&
    !SPECIAL_START.test(v) &&
    (!/^[0-9]/.test(v) || DIGIT_STRING.test(v)) &&
    !SPECIAL_CHAR.test(v) &&
    !NOT_STRING.test(v) &&
    !v.includes(': ') &&
    !v.includes(' #') &&
    !v.endsWith(':')
  );
}

/** Trailing spaces are not part of a plain value (only spaces: U+3000 and the like are text to YAML). */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

/**
 * A plain scalar as the package builds it: range = [start, end of the value,
 * end of the node (trailing spaces and the line break included)].
 */
function scalar(value: string, start: number, nodeEnd: number): Scalar {
  const node = new Scalar(value);
  node.type = Scalar.PLAIN;
  node.range = [start, start + value.length, nodeEnd];
  return node;
}

/** The simple form, or undefined when the block needs the package. */
export function readSimple(text: string): FrontMatterYaml | undefined {
  if (text.length === 0 || text.includes('\t')) return undefined;
  const lines = text.split('\n');
  const lineCounter = new LineCounter();
  const map = new YAMLMap();
  const seen = new Set<string>();
  let offset = 0;
  let list: { seq: YAMLSeq; indent: number } | undefined;
  for (let n = 0; n < lines.length; n++) {
    // CRLF: the CR belongs to the line ending (in the node's end, not its value); any other CR is the package's.
    const raw = lines[n];
    const line = raw.endsWith('\r') && n < lines.length - 1 ? raw.slice(0, -1) : raw;
    if (line.includes('\r')) return undefined;
    lineCounter.addNewLine(offset);
    const lineEnd = offset + raw.length + (n < lines.length - 1 ? 1 : 0);
    const item = list || map.items.length > 0 ? ITEM_LINE.exec(line) : null;
    if (item) {
      const value = trimSpaces(item[2]);
      const pair = map.items[map.items.length - 1];
      if (!isPlainString(value)) return undefined;
      if (!list) {
        // Items only under a key with nothing after its colon.
        if (pair.value !== null) return undefined;
        list = { seq: new YAMLSeq(), indent: item[1].length };
        list.seq.range = [offset + item[1].length, 0, 0];
        pair.value = list.seq;
      } else if (item[1].length !== list.indent) return undefined;
      const start = offset + line.length - item[2].length;
      const node = scalar(value, start, lineEnd);
      list.seq.items.push(node);
      list.seq.range = [list.seq.range![0], lineEnd, lineEnd];
    } else {
      const m = KEY_LINE.exec(line);
      if (!m || seen.has(m[1]) || NOT_STRING.test(m[1])) return undefined;
      // A key left without items (an empty value) is the package's case.
      if (map.items.length > 0 && map.items[map.items.length - 1].value === null) return undefined;
      seen.add(m[1]);
      list = undefined;
      const key = scalar(m[1], offset, offset + m[1].length);
      const raw = m[2] ?? '';
      const value = trimSpaces(raw);
      if (value.length === 0) {
        map.items.push(new Pair(key, null));
      } else {
        if (!isPlainString(value)) return undefined;
        map.items.push(new Pair(key, scalar(value, offset + line.length - raw.length, lineEnd)));
      }
    }
    offset += raw.length + 1;
  }
  const last = map.items[map.items.length - 1]?.value as Scalar | YAMLSeq | null | undefined;
  if (!last) return undefined;
  map.range = [0, last.range![2], last.range![2]];
  return { contents: map, errors: [], lineCounter };
}
