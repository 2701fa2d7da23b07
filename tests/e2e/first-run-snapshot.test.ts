// An installed bulletin ships dist/ without a start-up snapshot and writes one
// on its first run into a cache (bin/bulletin, scripts/snapshot-blob.mjs).
// Here the package is laid out as npm installs it, from the files package.json
// ships, into a project's node_modules (its dependencies linked to this
// checkout's), and started through node_modules/.bin as `npx` does. Whatever
// goes wrong, it runs dist/cli.js: same PDF, exit 0, a failure said once.
// (The same from a real `npm pack` and `npm install`: tests/install/.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, ROOT, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

interface Install {
  project: string;
  /** node_modules/bulletin. */
  pkg: string;
  /** node_modules/.bin/bulletin, a link as npm makes it. */
  bin: string;
  buildId: string;
}

/** The package as `npm install` leaves it in `project/node_modules/bulletin`. */
function install(): Install {
  const project = tempDir('bulletin-install-');
  const modules = join(project, 'node_modules');
  const pkg = join(modules, 'bulletin');
  mkdirSync(pkg, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  for (const f of [...manifest.files, 'package.json']) cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
  expect(existsSync(join(pkg, 'dist', 'bulletin.blob'))).toBe(false);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  // The converted fonts this checkout already has (src/fonts/ttf-cache.ts looks here first).
  mkdirSync(join(modules, '.cache', 'bulletin'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', '.cache', 'bulletin', 'fonts'), join(modules, '.cache', 'bulletin', 'fonts'));
  mkdirSync(join(modules, '.bin'));
  const bin = join(modules, '.bin', 'bulletin');
  symlinkSync('../bulletin/bin/bulletin', bin);
  const buildId = readFileSync(join(pkg, 'dist', 'build-id'), 'utf8').trim();
  return { project, pkg, bin, buildId };
}

const bulletin = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });

function run(at: Install, out: string, env: Record<string, string> = {}) {
  const r = spawnSync(at.bin, ['build', bulletin, '-o', join(at.project, out), '-v'], {
    cwd: at.project,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: join(at.project, 'xdg'), BULLETIN_NO_SNAPSHOT: '', ...env },
    timeout: 120_000,
  });
  const from = /started from: (\w+)/.exec(r.stdout + r.stderr)?.[1];
  return { code: r.status, stderr: r.stderr, from, pdf: () => readFileSync(join(at.project, out)) };
}

describe('the snapshot of an installed package', () => {
  it('is written on the first run into node_modules/.cache, then started from', () => {
    const at = install();
    const cache = join(at.project, 'node_modules', '.cache', 'bulletin', 'snapshot', at.buildId);
    const first = run(at, 'first.pdf');
    expect(first.code, first.stderr).toBe(0);
    expect(first.from).toBe('snapshot');
    expect(readFileSync(join(cache, 'snapshot-node'), 'utf8')).toBe(process.execPath);
    const written = statSync(join(cache, 'bulletin.blob')).mtimeMs;
    const second = run(at, 'second.pdf');
    expect(second.from).toBe('snapshot');
    expect(statSync(join(cache, 'bulletin.blob')).mtimeMs).toBe(written);
    const plain = run(at, 'plain.pdf', { BULLETIN_NO_SNAPSHOT: '1' });
    expect(plain.from).toBe('bundle');
    expect(second.pdf().equals(plain.pdf())).toBe(true);
    expect(first.pdf().equals(plain.pdf())).toBe(true);
  });

  it('goes to $XDG_CACHE_HOME when node_modules/.cache cannot be written', () => {
    const at = install();
    const blocked = join(at.project, 'node_modules', '.cache', 'bulletin', 'snapshot');
    writeFileSync(blocked, 'a file where the folder would be');
    const r = run(at, 'out.pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(r.from).toBe('snapshot');
    expect(existsSync(join(at.project, 'xdg', 'bulletin', 'snapshot', at.buildId, 'bulletin.blob'))).toBe(true);
  });

  it('falls back to dist/cli.js when the snapshot cannot be built, says so once, and does not try again', () => {
    const at = install();
    writeFileSync(join(at.pkg, 'dist', 'snapshot-entry.cjs'), "throw new Error('no snapshot today');\n");
    const first = run(at, 'first.pdf');
    expect(first.code, first.stderr).toBe(0);
    expect(first.from).toBe('bundle');
    expect(first.stderr).toMatch(/^bulletin: no start-up snapshot \(.*no snapshot today.*\); running without it/m);
    const second = run(at, 'second.pdf');
    expect(second.code).toBe(0);
    expect(second.from).toBe('bundle');
    expect(second.stderr).not.toMatch(/start-up snapshot/);
    expect(second.pdf().equals(first.pdf())).toBe(true);
  });

  it('runs dist/cli.js under a `node` that is a wrapper (a version manager’s shim), which it cannot compare', () => {
    const at = install();
    mkdirSync(join(at.project, 'shim'));
    writeFileSync(join(at.project, 'shim', 'node'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} "$@"\n`, { mode: 0o755 });
    const env = { PATH: `${join(at.project, 'shim')}:${process.env.PATH}` };
    const first = run(at, 'first.pdf', env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.from).toBe('bundle');
    expect(first.stderr).toMatch(/no start-up snapshot \(the `node` on PATH, .*shim\/node, is not the Node binary itself/);
    const second = run(at, 'second.pdf', env);
    expect(second.from).toBe('bundle');
    expect(second.stderr).not.toMatch(/start-up snapshot/);
  });
});
