// A fonts/ folder's fonts.yaml: `role: spec` lines that override the built-in
// fonts (see fonts/README.md). Problems point at the line in fonts.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { BulletinError, diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { yamlReason } from '../diagnostics/yaml-reason.js';
import { ROLE_NAME, type RoleLayer } from './roles.js';

export const FONTS_YAML_NAMES = ['fonts.yaml', 'fonts.yml'];

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The role layer of a fonts/ folder, or undefined when it has no fonts.yaml. */
export function readFontsYaml(dir: string): RoleLayer | undefined {
  const path = FONTS_YAML_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (!path) return undefined;
  const file = shown(path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): SourcePoint => {
    if (offset === undefined) return { file, line: 1, column: 1 };
    const p = counter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const problems: Diagnostic[] = doc.errors.map((e) =>
    diagnostic(at(e.pos[0]), 'error', 'fonts-yaml',
      `fonts.yaml is not valid YAML: ${yamlReason(e.message)}. Write one \`role: font\` per line, e.g. \`kai: fonts/MyKai.ttf\`.`));
  const layer: RoleLayer = { name: file, baseDir: dir, entries: [] };
  if (problems.length === 0 && doc.contents !== null) {
    if (!isMap(doc.contents)) {
      problems.push(diagnostic(at(doc.contents.range?.[0]), 'error', 'fonts-yaml',
        'fonts.yaml must be a mapping of roles to fonts, e.g. `body: noto-serif-sc` and `kai: fonts/MyKai.ttf` on separate lines.'));
    } else {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const keyAt = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
        if (key === undefined || !ROLE_NAME.test(key)) {
          problems.push(diagnostic(keyAt, 'error', 'fonts-yaml',
            `"${key ?? '?'}" is not a role name: use body, bold, heavy, sans, sansBold, kai, or a template's role (letters, digits, - and _).`));
          continue;
        }
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (typeof value !== 'string') {
          problems.push(diagnostic(at(pair.value && 'range' in pair.value ? pair.value.range?.[0] : undefined), 'error', 'fonts-yaml',
            `role "${key}" needs a font: a built-in name (\`noto-serif-sc:700\`) or a path to a .ttf/.otf/.ttc/.woff file.`));
          continue;
        }
        layer.entries.push({ role: key, spec: value, at: at(isScalar(pair.value) ? pair.value.range?.[0] : undefined) });
      }
    }
  }
  if (problems.length > 0) throw new BulletinError(problems);
  return layer;
}
