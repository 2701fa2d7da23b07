// Templates are data (docs/design/ARCHITECTURE.md): YAML files validated against
// templates/schema.json. A template may `extends:` a built-in one or another
// file and override a few keys; maps merge key by key, lists and scalars
// replace. Errors name the file, the key (JSON pointer), the line and what is
// allowed, so an editor fixes a template without reading src/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { lazyRequire, preloaded, requireNearProgram } from '../io/lazy-require.js';
import { bundleUrl } from '../io/module-url.js';
import { packageRoot } from '../io/package-root.js';

const loadAjv = lazyRequire<{ Ajv: typeof AjvClass }>('ajv');
import { LineCounter, parseDocument, type Document } from 'yaml';
import { BulletinError, diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { yamlReason } from '../diagnostics/yaml-reason.js';
import { realPath } from '../io/file-identity.js';
import { insideRoots, ROOT_ADVICE } from '../io/roots.js';
import { displayPath } from '../content/read-source.js';
import type { PunctuationScheme } from '../typeset/types.js';

/** CMYK, each channel 0–100 (pdfkit's convention). */
export type Cmyk = readonly [number, number, number, number];
/** The copyfitting levers a template may give ranges for (levers.ts says what each moves). */
export const LEVER_NAMES = ['headline', 'headlineFit', 'air', 'lead', 'leadLeading', 'masthead', 'gap'] as const;
export type LeverName = (typeof LEVER_NAMES)[number];

export interface Template {
  /** Built-in name or the file's base name. */
  name: string;
  /** Absolute path of the most derived template file. */
  file: string;
  /** Folder of that file: relative font paths in `fonts` resolve against it. */
  dir: string;
  /** Every template file read, the most derived first, with the `extends:` line that named each of the others. */
  files: { path: string; at?: SourcePoint }[];
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  grid: {
    columns: number;
    bodySize: number;
    leading: number;
    gutter: { min: number; max: number };
    columnRules?: boolean;
  };
  /** Font role → font spec, passed to the font layer (`loadFontSet({ roles })`). */
  fonts: Record<string, string>;
  sizes: {
    masthead: number;
    theme: number;
    issue: number;
    headline: { min: number; max: number };
    subtitle: number;
    byline: number;
    lead: number;
    subheading: number;
    caption: number;
    /** Footnotes and link notes at an article's end (default: the caption size). */
    note?: number;
    runningHead: number;
    footer: number;
  };
  /** runningHead: the running head's name (default: masthead). */
  colors: { masthead: Cmyk; runningHead?: Cmyk; accent: Cmyk; text: Cmyk; rules: Cmyk };
  punctuation: PunctuationScheme;
  /** How `*emphasis*` is set: in Kai (default) or with emphasis dots under each character. */
  emphasis?: 'kai' | 'dots';
  /** Where a link's URL goes: in parentheses after its text (default) or in a note at the article's end. */
  links?: 'parentheses' | 'notes';
  rules: { heavy: number; thin: number; module: number; column: number };
  /** leading: the lead's line pitch as a multiple of its size (default 1.6). */
  lead?: { style?: 'rules' | 'boxed'; leading?: number };
  /** Copyfitting's levers (levers.ts): each a range [least, most], in the order they are tried. */
  levers?: Partial<Record<LeverName, [number, number]>>;
  pageNumber?: string;
  /** true (PDF/X-1a:2001) or a standard name (render/standards.ts). */
  press: boolean | 'x1a-2001' | 'x1a-2003' | 'x4';
}

let builtinDirCache: string | undefined;
export function builtinTemplateDir(): string {
  builtinDirCache ??= join(packageRoot(), 'templates');
  return builtinDirCache;
}

/** Names of the built-in templates (`newspaper`, `a4`). */
export const BUILTIN_TEMPLATES = ['newspaper', 'a4'] as const;
export const DEFAULT_TEMPLATE = 'newspaper';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

interface Layer {
  file: string;
  shown: string;
  data: Record<string, unknown>;
  doc: Document;
  counter: LineCounter;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: Validator | undefined;
let schemaCache: Record<string, unknown> | undefined;

function schema(): Record<string, unknown> {
  schemaCache ??= JSON.parse(readFileSync(join(builtinTemplateDir(), 'schema.json'), 'utf8')) as Record<string, unknown>;
  return schemaCache;
}

/** Ajv options: the same for the precompiled validator (scripts/build.mjs) and the run-time one. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/**
 * The schema validator. `npm run build` precompiles it next to the bundle
 * (ajv's standalone code), since compiling the schema is a large part of a
 * cold build (docs/performance.md, "Costs the code is shaped around"). From the sources (tests) it is compiled here.
 */
function validate(): Validator {
  if (!validator) {
    // The start-up snapshot has it loaded already (src/snapshot.ts); the bundle finds it beside itself.
    const precompiled = preloaded<{ default: Validator }>('template-validator') ?? besideProgram<{ default: Validator }>('template-validator.cjs');
    validator = precompiled ? precompiled.default : (new (loadAjv().Ajv)(AJV_OPTIONS).compile(schema()) as Validator);
  }
  return validator;
}

/** A file next to the running program (dist/), loaded, or undefined when there is none (running from the sources). */
function besideProgram<T>(name: string): T | undefined {
  const file = fileURLToPath(new URL(`./${name}`, bundleUrl()));
  return existsSync(file) ? (requireNearProgram(file) as T) : undefined;
}

/** Where a spec points: a built-in name or a file (relative to `baseDir`). */
function specFile(spec: string, baseDir: string, from: SourcePoint | undefined): string {
  if (NAME.test(spec) && !/\.ya?ml$/i.test(spec)) {
    const file = join(builtinTemplateDir(), `${spec}.yaml`);
    if (existsSync(file)) return file;
    // A bare name may also be a file next to the bulletin.
    for (const ext of ['.yaml', '.yml']) {
      const local = resolve(baseDir, spec + ext);
      if (existsSync(local)) return local;
    }
    throw new BulletinError(diagnostic(from ?? { file: displayPath(baseDir), line: 0, column: 0 }, 'error', 'template-unknown',
      `unknown template "${spec}": use a built-in template (${BUILTIN_TEMPLATES.join(', ')}) or the path of a template file (e.g. templates/mine.yaml).`));
  }
  const file = isAbsolute(spec) ? spec : resolve(baseDir, spec);
  if (!existsSync(file)) {
    throw new BulletinError(diagnostic(from ?? { file: displayPath(baseDir), line: 0, column: 0 }, 'error', 'template-not-found',
      `template file not found: ${displayPath(file)}. Give a built-in template (${BUILTIN_TEMPLATES.join(', ')}) or a path relative to ${displayPath(baseDir)}.`));
  }
  return file;
}

/**
 * Template files parsed, by their text. The built-in templates are parsed
 * when the start-up snapshot is built (src/snapshot.ts), so a build reads the
 * file and finds it parsed, without running the YAML parser cold. An edited file is new text, parsed anew. The Document is only read
 * (values are taken with toJS() per use); bounded for long --watch sessions.
 */
const parses = new Map<string, { doc: Document; counter: LineCounter }>();
const PARSES_LIMIT = 64;

export function parseTemplateText(text: string): { doc: Document; counter: LineCounter } {
  let parsed = parses.get(text);
  if (!parsed) {
    const counter = new LineCounter();
    parsed = { doc: parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }), counter };
    if (parses.size >= PARSES_LIMIT) parses.clear();
    parses.set(text, parsed);
  }
  return parsed;
}

function readLayer(file: string): Layer {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BulletinError(diagnostic({ file: shown, line: 0, column: 0 }, 'error', 'template-unreadable',
      `cannot read the template: ${(e as Error).message}.`));
  }
  const { doc, counter } = parseTemplateText(text);
  if (doc.errors.length > 0) {
    throw new BulletinError(doc.errors.map((err) => {
      const pos = counter.linePos(err.pos[0]);
      return diagnostic({ file: shown, line: pos.line, column: pos.col }, 'error', 'template-yaml',
        `the template is not valid YAML: ${yamlReason(err.message)}.`);
    }));
  }
  const data = doc.toJS() as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new BulletinError(diagnostic({ file: shown, line: 1, column: 1 }, 'error', 'template-type',
      'a template is a YAML mapping of keys (page, margins, grid, fonts, sizes, colors, …), optionally with `extends: newspaper`.'));
  }
  return { file, shown, data: data as Record<string, unknown>, doc, counter };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Maps merge key by key; anything else in `over` replaces `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Position of the YAML node at `segments` in a layer, or of its nearest existing ancestor. */
function locate(layer: Layer, segments: string[]): { at: SourcePoint; exact: boolean } {
  for (let n = segments.length; n >= 0; n--) {
    const path = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = (n === 0 ? layer.doc.contents : layer.doc.getIn(path, true)) as { range?: [number, number, number] } | null | undefined;
    if (node?.range) {
      // For a key that exists, point at its value; for a missing child, at the parent.
      const pos = layer.counter.linePos(node.range[0]);
      return { at: { file: layer.shown, line: pos.line, column: pos.col }, exact: n === segments.length };
    }
  }
  return { at: { file: layer.shown, line: 1, column: 1 }, exact: false };
}

function hasPath(data: unknown, segments: string[]): boolean {
  let cur: unknown = data;
  for (const s of segments) {
    if (isPlainObject(cur) && s in cur) cur = cur[s];
    else if (Array.isArray(cur) && /^\d+$/.test(s) && Number(s) < cur.length) cur = cur[Number(s)];
    else return false;
  }
  return true;
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing key "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be ${String(p.type)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${e.message ?? 'out of range'}`;
    case 'minItems':
    case 'maxItems':
      return `${e.message ?? 'wrong length'}`;
    default:
      return e.message ?? e.keyword;
  }
}

function allowedFor(pointer: string, keyword: string): string {
  // The schema's own description of the key says what is allowed, when it has one.
  let node: unknown = schema();
  for (const seg of pointerSegments(pointer)) {
    if (!isPlainObject(node)) break;
    if (typeof node.$ref === 'string') node = resolveRef(node.$ref);
    const props = isPlainObject(node) ? node.properties : undefined;
    if (isPlainObject(props) && seg in props) node = props[seg];
    else if (isPlainObject(node) && node.items !== undefined) node = node.items;
    else if (isPlainObject(node) && isPlainObject(node.additionalProperties)) node = node.additionalProperties;
    else return '';
  }
  if (isPlainObject(node) && typeof node.$ref === 'string') node = resolveRef(node.$ref);
  if (!isPlainObject(node)) return '';
  if (keyword === 'additionalProperties' && isPlainObject(node.properties)) {
    return ` Allowed keys: ${Object.keys(node.properties).join(', ')}.`;
  }
  const parts: string[] = [];
  if (typeof node.description === 'string') parts.push(node.description);
  if (typeof node.minimum === 'number' || typeof node.maximum === 'number') {
    parts.push(`range ${node.minimum ?? node.exclusiveMinimum ?? '…'} to ${node.maximum ?? '…'}`);
  }
  return parts.length > 0 ? ` Allowed: ${parts.join('; ')}.` : '';
}

function resolveRef(ref: string): unknown {
  let node: unknown = schema();
  for (const seg of ref.replace(/^#\//, '').split('/')) node = isPlainObject(node) ? node[seg] : undefined;
  return node;
}

function schemaDiagnostics(errors: ErrorObject[], layers: Layer[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    if (e.keyword === 'additionalProperties') pointer += `/${String(p.additionalProperty)}`;
    const segments = pointerSegments(pointer);
    // The most derived file that sets the key is the one to fix; a missing key is the derived file's to add.
    const layer = [...layers].reverse().find((l) => hasPath(l.data, segments)) ?? layers[layers.length - 1];
    const { at } = locate(layer, e.keyword === 'required' ? pointerSegments(e.instancePath) : segments);
    const allowed = allowedFor(e.keyword === 'additionalProperties' ? e.instancePath : pointer, e.keyword);
    const key = e.keyword === 'required' ? `${e.instancePath}/${String(p.missingProperty)}` : pointer;
    const message = `template key ${key || '/'}: ${describe(e)}.${allowed}`;
    const dedupe = `${at.file}:${at.line}:${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push(diagnostic(at, 'error', 'template-schema', message));
  }
  return out;
}

/** Checks that are not expressible in the schema (cross-key). */
function crossChecks(t: Template, layers: Layer[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = (pointer: string): SourcePoint => {
    const segments = pointerSegments(pointer);
    const layer = [...layers].reverse().find((l) => hasPath(l.data, segments)) ?? layers[layers.length - 1];
    return locate(layer, segments).at;
  };
  for (const [name, range] of Object.entries(t.levers ?? {})) {
    if (range && range[0] > range[1]) {
      out.push(diagnostic(where(`/levers/${name}`), 'error', 'template-schema',
        `template key /levers/${name}: [${range.join(', ')}] starts above where it ends. Allowed: [least, most], least ≤ most.`));
    }
  }
  if (t.grid.gutter.min > t.grid.gutter.max) {
    out.push(diagnostic(where('/grid/gutter/min'), 'error', 'template-schema',
      `template key /grid/gutter/min: ${t.grid.gutter.min} mm is larger than /grid/gutter/max (${t.grid.gutter.max} mm). Allowed: min ≤ max.`));
  }
  if (t.sizes.headline.min > t.sizes.headline.max) {
    out.push(diagnostic(where('/sizes/headline/min'), 'error', 'template-schema',
      `template key /sizes/headline/min: ${t.sizes.headline.min} pt is larger than /sizes/headline/max (${t.sizes.headline.max} pt). Allowed: min ≤ max.`));
  }
  const typeWidth = t.page.width - t.margins.left - t.margins.right;
  const typeHeight = t.page.height - t.margins.top - t.margins.bottom;
  const emMm = (t.grid.bodySize * 25.4) / 72;
  const measureEms = Math.floor((typeWidth - (t.grid.columns - 1) * t.grid.gutter.min) / (t.grid.columns * emMm));
  if (measureEms < 6) {
    out.push(diagnostic(where('/grid/columns'), 'error', 'template-schema',
      `template key /grid/columns: ${t.grid.columns} columns leave ${Math.max(0, measureEms)} ems per column on a ${typeWidth.toFixed(1)} mm type area. Allowed: at least 6 ems per column (fewer columns, a smaller body size or smaller margins).`));
  }
  if (typeHeight < 60) {
    out.push(diagnostic(where('/margins'), 'error', 'template-schema',
      `template key /margins: the type area is only ${typeHeight.toFixed(1)} mm high. Allowed: margins that leave at least 60 mm.`));
  }
  return out;
}

/**
 * Loads a template: `spec` is a built-in name (`newspaper`, `a4`) or a path
 * relative to `baseDir` (the bulletin directory); undefined means the default.
 */
export interface TemplateReadOptions {
  /** Real paths of the folders template files may be in (src/io/roots.ts); default: anywhere. */
  roots?: readonly string[];
  /** Where `spec` is written (index.md's `template:` line), for messages. */
  at?: SourcePoint;
}

export function loadTemplate(spec: string | undefined, baseDir: string, options: TemplateReadOptions = {}): Template {
  const chain: Layer[] = [];
  let file = specFile(spec ?? DEFAULT_TEMPLATE, baseDir, options.at);
  const files: Template['files'] = [{ path: file, at: options.at }];
  const visited = new Set<string>();
  for (;;) {
    if (visited.has(file)) {
      const last = chain[chain.length - 1];
      throw new BulletinError(diagnostic(locate(last, ['extends']).at, 'error', 'template-extends-cycle',
        `template key /extends: "${String(last.data.extends)}" leads back to ${displayPath(file)}. Allowed: a chain of templates that ends in one without \`extends\`.`));
    }
    visited.add(file);
    // Checked before the file is read: a template must not lead out of the roots.
    const named = files[files.length - 1];
    if (options.roots && !insideRoots(file, options.roots)) {
      throw new BulletinError(diagnostic(named.at ?? { file: displayPath(file), line: 0, column: 0 }, 'error', 'outside-root',
        `template ${displayPath(realPath(file))} is outside the bulletin folder; ${ROOT_ADVICE}.`));
    }
    const layer = readLayer(file);
    chain.push(layer);
    const ext = layer.data.extends;
    if (ext === undefined) break;
    if (typeof ext !== 'string' || ext === '') {
      throw new BulletinError(diagnostic(locate(layer, ['extends']).at, 'error', 'template-schema',
        `template key /extends: must be a built-in template name (${BUILTIN_TEMPLATES.join(', ')}) or a path.`));
    }
    const at = locate(layer, ['extends']).at;
    file = specFile(ext, dirname(file), at);
    files.push({ path: file, at });
  }
  const layers = chain.reverse();
  let merged: unknown = {};
  for (const layer of layers) merged = deepMerge(merged, layer.data);
  const data = merged as Record<string, unknown>;
  delete data.extends;
  const check = validate();
  if (!check(data)) throw new BulletinError(schemaDiagnostics(check.errors ?? [], layers));
  const top = layers[layers.length - 1];
  const baseName = top.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  const template = {
    ...(data as unknown as Omit<Template, 'name' | 'file' | 'dir'>),
    name: typeof data.name === 'string' ? data.name : baseName,
    file: top.file,
    dir: dirname(top.file),
    files,
  } as Template;
  const cross = crossChecks(template, layers);
  if (cross.length > 0) throw new BulletinError(cross);
  return template;
}
