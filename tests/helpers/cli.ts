// Runs the real binary (bin/bulletin: the start-up snapshot when it was built,
// else dist/cli.js) as a child process, as an editor or CI would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The installed command (package.json `bin`). */
export const BIN = join(ROOT, 'bin', 'bulletin');
export const SAMPLE = join(ROOT, 'content');

/** One diagnostic of `bulletin check --json` (CONTENT.md's shape, plus `related`). */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  related?: { file: string; line: number; column: number }[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(BIN, args, {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Folders made by tempDir in this test file, removed when its tests are done (tests/setup/remove-temp-dirs.ts). */
const made: string[] = [];

/** A new empty folder in the temp folder, removed after the test file's tests. */
export function tempDir(prefix = 'bulletin-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes a bulletin folder from a map of file name → content (string or bytes). */
export function writeBulletin(files: Record<string, string | Uint8Array>, dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A copy of the sample bulletin in a temp folder (tests may change it). */
export function copySample(): string {
  const dir = join(tempDir(), 'content');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

export const VALID_INDEX = `---
title: 测试专栏
subtitle: 主题一 主题二
issue: 2024年第1期
date: 2024-01-15
publisher:
  - 测试市应急管理局
---

这是导语段落，说明本期的主题和内容安排。
`;

export function article(title = '标题一 标题二', author = '张三', body = '这是正文的第一段，讲述安全生产的重要意义。'): string {
  return `---\ntitle: ${title}\nauthor: ${author}\nrole: 某单位负责人\n---\n\n${body}\n`;
}
