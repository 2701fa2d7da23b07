#!/usr/bin/env node
// Records the golden plans (tests/layout/golden-plans.ts: the sample on both
// templates and 50 seeded random bulletins) into tests/layout/golden-plans.txt,
// which tests/layout/golden-plans.test.ts compares the current code's plans with.
//
//   node scripts/record-plans.mjs              # this tree's code
//   node scripts/record-plans.mjs --ref main   # the code of a git ref, in a temporary worktree
//   node scripts/record-plans.mjs --check      # compares instead of writing; exit 1 when a case differs
//   node scripts/record-plans.mjs --out FILE   # writes FILE instead
//
// `--ref` runs the ref's own copy of this script (its code, its generator) in
// a worktree that borrows this tree's node_modules, and writes here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLDEN = join(ROOT, 'tests', 'layout', 'golden-plans.txt');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = resolve(option('--out') ?? GOLDEN);
const ref = option('--ref');
const check = args.includes('--check');

if (ref) {
  // The ref's code in a worktree of its own; node_modules (and the converted fonts cached in it) borrowed.
  const tree = mkdtempSync(join(tmpdir(), 'bulletin-record-'));
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', '--quiet', tree, ref], { stdio: 'inherit' });
  let code = 0;
  try {
    const script = join(tree, 'scripts', 'record-plans.mjs');
    if (!existsSync(script)) {
      console.error(`record-plans: ${ref} has no scripts/record-plans.mjs; give a ref that has it.`);
      code = 2;
    } else {
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
      const passOn = check ? ['--check', '--out', out] : ['--out', out];
      code = spawnSync(process.execPath, [script, ...passOn], { stdio: 'inherit' }).status ?? 1;
    }
  } finally {
    execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', tree]);
  }
  process.exit(code);
}

// The recorder and the code it calls, bundled from this tree's sources (the packages stay outside).
const { build } = await import('esbuild');
const bundle = join(ROOT, 'dist', `record-plans-${process.pid}.mjs`);
await build({
  entryPoints: [join(ROOT, 'tests', 'layout', 'golden-plans.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
process.env.BULLETIN_SAMPLE = join(ROOT, 'content');
let recorder;
try {
  recorder = await import(pathToFileURL(bundle).href);
} finally {
  rmSync(bundle, { force: true });
}
const work = mkdtempSync(join(tmpdir(), 'bulletin-plans-'));
try {
  const plans = [];
  for (const c of recorder.planCases()) plans.push({ name: c.name, plan: await recorder.recordCase(c, work) });
  const text = recorder.formatGolden(plans);
  if (check) {
    const golden = existsSync(out) ? recorder.parseGolden(readFileSync(out, 'utf8')) : new Map();
    const differ = plans.filter((p) => golden.get(p.name) !== p.plan).map((p) => p.name);
    console.log(differ.length === 0 ? `all ${plans.length} plans as in ${out}` : `differ from ${out}: ${differ.join(', ')}`);
    process.exit(differ.length === 0 ? 0 : 1);
  }
  writeFileSync(out, text);
  console.log(`wrote ${plans.length} plans (${plans.reduce((s, p) => s + p.plan.split('\n').length - 1, 0)} modules) to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
