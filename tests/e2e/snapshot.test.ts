// bin/bulletin starts from the start-up snapshot (dist/bulletin.blob, made by
// scripts/build-snapshot.mjs) and falls back to dist/cli.js. Both must be the
// same program: same output, same errors, same exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

const PLAIN = { BULLETIN_NO_SNAPSHOT: '1' };

describe('start-up snapshot', () => {
  it('is built by the build, for the node that built it', () => {
    expect(existsSync(join(ROOT, 'dist', 'bulletin.blob'))).toBe(true);
    expect(readFileSync(join(ROOT, 'dist', 'snapshot-node'), 'utf8')).toBe(process.execPath);
  });

  it('is started with the V8 options it was built with', async () => {
    // A plain JavaScript build script (no types): imported by a path held in a variable.
    const script: string = '../../scripts/build-snapshot.mjs';
    const { SNAPSHOT_V8_FLAGS } = (await import(script)) as { SNAPSHOT_V8_FLAGS: string[] };
    const launcher = readFileSync(BIN, 'utf8');
    expect(/^v8_flags="(.*)"$/m.exec(launcher)?.[1].split(' ')).toEqual(SNAPSHOT_V8_FLAGS);
  });

  it('builds the same PDF as the plain bundle, byte for byte', () => {
    const dir = tempDir();
    const fast = runCli(['build', SAMPLE, '-o', join(dir, 'snap.pdf'), '-v']);
    const plain = runCli(['build', SAMPLE, '-o', join(dir, 'plain.pdf'), '-v'], { env: PLAIN });
    expect(fast.code).toBe(0);
    expect(plain.code).toBe(0);
    expect(fast.stderr + fast.stdout).toContain('started from: snapshot');
    expect(plain.stderr + plain.stdout).toContain('started from: bundle');
    expect(readFileSync(join(dir, 'snap.pdf')).equals(readFileSync(join(dir, 'plain.pdf')))).toBe(true);
  });

  it('passes options Node itself would take (--version, --help) to bulletin', () => {
    const v = runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const h = runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: bulletin');
  });

  it('reports bad input and usage errors with the same exit codes as the bundle', () => {
    for (const args of [['build', join(tempDir(), 'missing')], ['build', '--no-such-option']]) {
      const fast = runCli(args);
      const plain = runCli(args, { env: PLAIN });
      expect(fast.code).not.toBe(0);
      expect(fast.code).toBe(plain.code);
      expect(fast.stderr).toBe(plain.stderr);
    }
  });

  it('runs the plain bundle under a node other than the one that wrote the snapshot', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    // Another `node` first on PATH (a wrapper, as version managers install): the blob is not its own.
    const other = join(dir, 'bin', 'node');
    writeFileSync(other, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} "$@"\n`, { mode: 0o755 });
    const r = runCli(['build', SAMPLE, '-o', join(dir, 'out.pdf'), '-v'], { env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}` } });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('started from: bundle');
  });

  it('checks templates against the schema with the validator it carries', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'extends: newspaper\ngrid:\n  colums: 5\npunctuation: fullwidth\n');
    const args = ['build', SAMPLE, '-o', join(dir, 'out.pdf'), '--template', bad];
    const fast = runCli(args);
    const plain = runCli(args, { env: PLAIN });
    expect(fast.code).toBe(1);
    expect(fast.stderr).toMatch(/bad\.yaml:3:\d+\s+error\s+template key \/grid/);
    expect(fast.stderr).toMatch(/punctuation/);
    expect(fast.stderr).toBe(plain.stderr);
    expect(fast.code).toBe(plain.code);
  });

  it('works through a symlink from another folder (npm links bin/bulletin into node_modules/.bin)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    const link = join(dir, 'bin', 'bulletin');
    symlinkSync(BIN, link);
    const r = spawnSync(link, ['build', SAMPLE, '-o', join(dir, 'out.pdf'), '-v'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain('started from: snapshot');
    expect(readFileSync(join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
