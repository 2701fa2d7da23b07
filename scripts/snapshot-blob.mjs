#!/usr/bin/env node
// Writes the start-up snapshot (a V8 blob) from the bundled snapshot script
// dist/snapshot-entry.cjs, with nothing but Node: `npm run build` calls it
// for dist/ (scripts/build-snapshot.mjs), and an installed package calls it
// on its first run for a cache folder (bin/bulletin), since npm does not run
// a dependency's install scripts unless the project allows them. A blob only
// works with the Node binary that wrote it, so that binary's path is saved
// next to it (snapshot-node) for bin/bulletin to compare. The blob is written
// under another name, checked to start and print the version, then renamed:
// a run starting meanwhile never reads half a blob, and nothing is left on
// failure (bin/bulletin then runs dist/cli.js, the same program).
//   node scripts/snapshot-blob.mjs DIST_DIR CACHE_DIR NODE   (the first-run form)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// V8 options baked into the snapshot: a run must pass the very same ones, or
// Node refuses the blob. bin/bulletin passes them (keep the two in step; the
// tests start from the snapshot, so a mismatch fails them). Why these:
// scripts/build-snapshot.mjs.
export const SNAPSHOT_V8_FLAGS = ['--initial-heap-size=192', '--no-rehash-snapshot', '--interrupt-budget=540672'];

/** The line of Node's report that names the error (`Error: …`), else its first line. */
function firstError(output) {
  const lines = (output || '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^([A-Z]\w*)?(Error|Exception)\b/.test(l)) ?? lines[0];
}

/**
 * Builds `dir/bulletin.blob` and `dir/snapshot-node` from `dist/snapshot-entry.cjs`.
 * Returns undefined on success, else why not (one line).
 */
export function writeSnapshotBlob({ dist, dir, version }) {
  const entry = join(dist, 'snapshot-entry.cjs');
  const blob = join(dir, 'bulletin.blob');
  const nodeFile = join(dir, 'snapshot-node');
  mkdirSync(dir, { recursive: true });
  const partial = `${blob}.${process.pid}.partial`;
  const env = { ...process.env, BULLETIN_DIST: dist };
  // --no-warnings: Node warns that `module` and `child_process` are "not fully
  // verified" in snapshots; neither is used before the snapshot is taken.
  const made = spawnSync(process.execPath, ['--no-warnings', ...SNAPSHOT_V8_FLAGS, '--snapshot-blob', partial, '--build-snapshot', entry], { encoding: 'utf8', env, timeout: 300_000 });
  if (made.status !== 0) {
    rmSync(partial, { force: true });
    return `node --build-snapshot failed: ${firstError(made.stderr) || made.error?.message || `exit ${made.status}`}`;
  }
  const check = spawnSync(process.execPath, [...SNAPSHOT_V8_FLAGS, '--snapshot-blob', partial, '--', '--version'], { encoding: 'utf8', env, timeout: 60_000 });
  if (check.status !== 0 || check.stdout.trim() !== version) {
    rmSync(partial, { force: true });
    return `the snapshot did not start: ${firstError(check.stderr) || firstError(check.stdout) || check.error?.message || `exit ${check.status}`}`;
  }
  // The blob last: a run that sees it sees the node that wrote it.
  writeFileSync(nodeFile, process.execPath);
  renameSync(partial, blob);
  return undefined;
}

// The first-run form, from bin/bulletin, which passes the `node` it compares a
// blob's snapshot-node with: a failure is said once and remembered for that
// node (bin/bulletin tries again when the node changes), so later runs go
// straight to dist/cli.js.
function firstRun([distArg, dirArg, shellNode]) {
  const dist = resolve(distArg);
  const dir = resolve(dirArg);
  const failed = join(dir, 'failed');
  let why;
  try {
    if (shellNode && realpathSync(shellNode) !== process.execPath) {
      // A version manager's shim: the Node it starts is not the file bin/bulletin can compare.
      why = `the \`node\` on PATH, ${shellNode}, is not the Node binary itself (${process.execPath})`;
    } else {
      const { version } = JSON.parse(readFileSync(join(dirname(dist), 'package.json'), 'utf8'));
      why = writeSnapshotBlob({ dist, dir, version });
    }
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  if (!why) {
    rmSync(failed, { force: true });
    return 0;
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(failed, `${shellNode || process.execPath}\n${why}\n`);
  } catch {
    // An unwritable cache: the next run tries again, and runs without the snapshot meanwhile.
  }
  process.stderr.write(`bulletin: no start-up snapshot (${why}); running without it, about 0.15 s slower a run\n`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = firstRun(process.argv.slice(2));
}
