#!/usr/bin/env node
// Lists the functions that break the code standard (docs/design/ARCHITECTURE.md
// and the helpers' protocol): longer than about 80 lines, or with more than
// five parameters. `node scripts/function-size.mjs [DIR…]` (src/layout by
// default) prints one line per offender and exits 1 if there is any.
// tests/layout/function-size.test.ts keeps src/layout/ clean through it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';

export const MAX_LINES = 80;
export const MAX_PARAMETERS = 5;

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The name a reader would look for: the function's own, or what holds it. */
function nameOf(node, parent) {
  if (node.id?.name) return node.id.name;
  if (parent?.type === 'VariableDeclarator') return parent.id?.name ?? '(anonymous)';
  if (parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') {
    return parent.key?.name ?? parent.key?.value ?? '(method)';
  }
  return '(anonymous)';
}

function walk(node, parent, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, node, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, node, visit);
  }
}

/** Every function of a file that is too long or takes too many parameters. */
export function offendersOf(path, text = readFileSync(path, 'utf8')) {
  const { program, errors } = parseSync(path, text, { lang: 'ts' });
  if (errors.length > 0) throw new Error(`${path}: ${errors[0].message}`);
  const starts = lineStarts(text);
  const found = [];
  walk(program, null, (node, parent) => {
    if (!FUNCTION_TYPES.has(node.type)) return;
    const first = lineOf(starts, node.start);
    const lines = lineOf(starts, node.end) - first + 1;
    const parameters = node.params.filter((p) => !(p.type === 'Identifier' && p.name === 'this')).length;
    if (lines > MAX_LINES || parameters > MAX_PARAMETERS) {
      found.push({ path, line: first, name: nameOf(node, parent), lines, parameters });
    }
  });
  return found;
}

export function offendersIn(dirs) {
  return dirs.flatMap((dir) => sourceFiles(dir).flatMap((path) => offendersOf(path)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['src/layout'];
  const found = offendersIn(dirs);
  for (const f of found) {
    console.log(`${relative(process.cwd(), f.path)}:${f.line} ${f.name}: ${f.lines} lines, ${f.parameters} parameters`);
  }
  process.exit(found.length > 0 ? 1 : 0);
}
