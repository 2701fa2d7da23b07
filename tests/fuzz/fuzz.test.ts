// The fuzz test (issue 12, item 6): seeded random bulletins, most of them
// broken (generate.ts). Whatever goes in: check, fmt's plan and compile()
// either succeed or report content errors as diagnostics with a file and a
// line (never another exception: that would be exit 70); a build that
// succeeds prints every character of its text; the binary exits 0, 1 or 2
// without a stack trace; and no file changes anywhere but the output path.
// `npm test` runs FUZZ_COUNT (default 200) cases in-process and every
// FUZZ_BINARY_EVERY-th (default 50) also through the binary; `npm run fuzz`
// runs 10,000 (scripts/fuzz.mjs). Every failing seed is listed at the end;
// replay one with FUZZ_SEED=<seed> FUZZ_COUNT=1 FUZZ_KEEP=1 npx vitest run tests/fuzz
// (FUZZ_KEEP=1 keeps the failing case's folder and says where).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Nodes } from 'mdast';
import { BulletinError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Bulletin } from '../../src/content/types.js';
import type { DisplayList } from '../../src/layout/display-list.js';
import { compile } from '../../src/pipeline/compile.js';
import { loadBulletin } from '../../src/content/load.js';
import { analyseBulletin } from '../../src/clean/index.js';
import { planFormatting } from '../../src/clean/format.js';
import { locateImages } from '../../src/images/prepare.js';
import { bulletinRoots } from '../../src/io/roots.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { gradient } from '../safety/images.js';
import { writeCase, type FuzzCase, type FuzzFiles } from './generate.js';

const COUNT = Number(process.env.FUZZ_COUNT ?? 200);
const FIRST = Number(process.env.FUZZ_SEED ?? 1);
const BINARY_EVERY = Number(process.env.FUZZ_BINARY_EVERY ?? 50);
/** Failures listed in full before the rest are only counted. */
const SHOWN = Number(process.env.FUZZ_SHOW ?? 20);
/** FUZZ_KEEP=1 keeps the folders of failing cases, to look at. */
const KEEP = process.env.FUZZ_KEEP === '1';

let files: FuzzFiles;
/** Cases that built a PDF (the rest end in content errors): said at the end, so a generator that only makes broken bulletins shows. */
let built = 0;

beforeAll(async () => {
  const raw = (w: number, h: number) => sharp(gradient(w, h), { raw: { width: w, height: h, channels: 3 } });
  const rgba = Buffer.alloc(24 * 16 * 4, 128);
  files = {
    png: await raw(48, 32).png().toBuffer(),
    jpeg: await raw(48, 32).jpeg().toBuffer(),
    grey: await raw(32, 32).grayscale().png().toBuffer(),
    alpha: await sharp(rgba, { raw: { width: 24, height: 16, channels: 4 } }).png().toBuffer(),
    // pdf.js's Liberation Sans: a real TrueType font of 140 KB (the CJK faces are 10-15 MB each).
    font: readFileSync(join(ROOT, 'node_modules', 'pdfjs-dist', 'standard_fonts', 'LiberationSans-Regular.ttf')),
  };
});

/** Every file and link under `dir`: path → size and content (or link target), to see what changed. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const s = lstatSync(p);
      if (s.isSymbolicLink()) out.set(p, `-> ${readlinkSync(p)}`);
      else if (s.isDirectory()) {
        out.set(p, 'dir');
        walk(p);
      } else out.set(p, `${s.size}:${readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

/** What is wrong with the diagnostics (a missing file or line, a stack trace), or undefined. */
function malformed(list: readonly Diagnostic[]): string | undefined {
  const bad = list.find((d) => !(typeof d.file === 'string' && d.file.length > 0)
    || !(Number.isInteger(d.line) && d.line >= 0 && Number.isInteger(d.column) && d.column >= 0)
    || !['error', 'warning', 'info'].includes(d.severity)
    || d.message.length === 0 || /\n\s+at .+:\d+:\d+/.test(d.message));
  return bad && `malformed diagnostic ${JSON.stringify(bad)}`;
}

/** The rules of the errors that stopped sound cases from building, with a count each. */
const soundErrors = new Map<string, number>();

/** Runs `step`; a BulletinError is a content problem (its diagnostics checked); anything else is a failure. */
async function contentOnly(what: string, step: () => Promise<Diagnostic[]>, sound = false): Promise<string | undefined> {
  try {
    const bad = malformed(await step());
    return bad && `${what}: ${bad}`;
  } catch (e) {
    if (!(e instanceof BulletinError)) return `${what} threw ${(e as Error)?.stack ?? String(e)}`;
    if (e.diagnostics.length === 0) return `${what} threw an empty BulletinError`;
    if (sound) for (const rule of new Set(e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule))) soundErrors.set(rule, (soundErrors.get(rule) ?? 0) + 1);
    const bad = malformed(e.diagnostics);
    return bad && `${what}: ${bad}`;
  }
}

const HAN = /[\u4e00-\u9fff]/g;

function countHan(text: string, into: Map<string, number>): void {
  for (const m of text.matchAll(HAN)) into.set(m[0], (into.get(m[0]) ?? 0) + 1);
}

/** A run of a document's body text: `lead-p1`, `a2-h3`, `a1-fig2-caption`, `a3-t1-r0c1`, `a2-notes4-1` (not headlines, bylines or running heads). */
const BODY_TAG = /^(lead|a\d+)-(?:p|h|fig|t|notes)\d+/;

/**
 * The Han characters of a document's text (after cleaning) that its body on
 * the pages prints fewer times than its Markdown has them, or undefined: a
 * build that succeeds must not drop text. Counted document by document (the
 * lead, each article), from the runs tagged as its body; front matter, HTML
 * and link definitions are not counted.
 */
function lostText(bulletin: Bulletin, display: DisplayList): string | undefined {
  const printed = new Map<string, Map<string, number>>();
  for (const page of display.pages) {
    for (const item of page.items) {
      const doc = item.kind === 'text' && item.tag && item.tag.role !== 'Artifact' ? BODY_TAG.exec(item.tag.id)?.[1] : undefined;
      if (item.kind !== 'text' || !doc) continue;
      if (!printed.has(doc)) printed.set(doc, new Map());
      for (let i = 0; i < item.glyphs.length; i++) countHan(item.glyphs.text(i), printed.get(doc)!);
    }
  }
  const docs = [['lead', bulletin.index] as const, ...bulletin.articles.map((a, i) => [`a${i + 1}`, a] as const)];
  for (const [prefix, doc] of docs) {
    const source = new Map<string, number>();
    const walk = (node: Nodes) => {
      if (node.type === 'yaml' || node.type === 'html' || node.type === 'definition') return;
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') countHan(node.value, source);
      if (node.type === 'image' || node.type === 'imageReference') countHan(node.alt ?? '', source);
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(doc.tree);
    const seen = printed.get(prefix) ?? new Map<string, number>();
    const short = [...source].filter(([ch, n]) => (seen.get(ch) ?? 0) < n);
    if (short.length > 0) return `${doc.source.path}: ${short.slice(0, 5).map(([ch, n]) => `${ch} ${n}× in the text, ${seen.get(ch) ?? 0}× printed`).join('; ')}`;
  }
  return undefined;
}

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).map((p) => (after.has(p) ? (before.has(p) ? `changed ${p}` : `created ${p}`) : `removed ${p}`));
}

async function inProcess(c: FuzzCase): Promise<string[]> {
  const before = tree(c.root);
  const found: (string | undefined)[] = [];
  let lost: string | undefined;
  found.push(await contentOnly('check', async () => {
    const roots = bulletinRoots({ dir: c.dir }).content;
    const { bulletin, diagnostics } = await loadBulletin(c.dir, { roots });
    return [...diagnostics, ...locateImages(bulletin, roots).diagnostics, ...analyseBulletin(bulletin).diagnostics];
  }));
  found.push(await contentOnly('fmt', async () => {
    const plan = planFormatting((await loadBulletin(c.dir, { roots: bulletinRoots({ dir: c.dir }).content })).bulletin);
    return [...plan.applied, ...plan.untouched];
  }));
  found.push(await contentOnly('compile', async () => {
    const r = await compile({ dir: c.dir, press: c.press, clean: c.clean, template: c.template, allowMissingGlyphs: c.allowMissingGlyphs, outputs: { pdf: join(c.root, 'out', 'out.pdf') } });
    if (r.pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return [{ file: 'out.pdf', line: 0, column: 0, severity: 'error', rule: 'fuzz', message: '' } as Diagnostic];
    lost = lostText(r.bulletin, r.display);
    built++;
    return [...r.diagnostics, ...r.applied];
  }, c.sound));
  if (lost) found.push(`compile succeeded but left text out of the pages: ${lost}`);
  const changed = differences(before, tree(c.root));
  if (changed.length > 0) found.push(`compile changed files: ${changed.join(', ')}`);
  return found.filter((f): f is string => f !== undefined);
}

function throughBinary(c: FuzzCase): string[] {
  const out = join(c.root, 'out', 'out.pdf');
  const before = tree(c.root);
  const build = ['build', c.dir, '-o', out, ...(c.press ? ['--press'] : []), ...(c.clean ? [] : ['--no-clean'])];
  if (c.template) build.push('--template', c.template);
  if (c.allowMissingGlyphs) build.push('--allow-missing-glyphs');
  const found: string[] = [];
  for (const cmd of [['check', c.dir], ['fmt', c.dir], build]) {
    // Run from the case's folder, so a file written to the working folder is seen too.
    const r = runCli(cmd, { cwd: c.root });
    if (![0, 1, 2].includes(r.code) || /internal error|\n\s+at .+:\d+:\d+/.test(r.stderr)) found.push(`bulletin ${cmd.join(' ')} → exit ${r.code}\n${r.stderr}`);
  }
  const after = tree(c.root);
  after.delete(out);
  const changed = differences(before, after);
  if (changed.length > 0) found.push(`the binary wrote somewhere else than ${out}: ${changed.join(', ')}`);
  return found;
}

describe(`fuzzed bulletins (${COUNT} from seed ${FIRST})`, () => {
  it('never crash, never leave the output path, and report every problem with a file and line', async () => {
    const base = tempDir('bulletin-fuzz-');
    const failures: string[] = [];
    for (let seed = FIRST; seed < FIRST + COUNT; seed++) {
      const root = join(base, String(seed));
      mkdirSync(join(root, 'out'), { recursive: true });
      const c = writeCase(seed, root, files);
      const found = [...(await inProcess(c)), ...((seed - FIRST) % BINARY_EVERY === 0 ? throughBinary(c) : [])];
      failures.push(...found.map((f) => `seed ${seed}: ${f}${KEEP ? ` (kept in ${root})` : ''}`));
      if (!KEEP || found.length === 0) rmSync(root, { recursive: true, force: true });
    }
    if (!KEEP) rmSync(base, { recursive: true, force: true });
    console.log(`${built} of ${COUNT} fuzzed bulletins built a PDF; the others ended in content errors (of the sound ones: ${[...soundErrors].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'})`);
    const report = [...failures.slice(0, SHOWN), ...(failures.length > SHOWN ? [`… and ${failures.length - SHOWN} more`] : [])];
    expect(report.join('\n\n'), 'replay one with FUZZ_SEED=<seed> FUZZ_COUNT=1 npx vitest run tests/fuzz').toBe('');
  }, 3_600_000);
});
