// Outputs never replace inputs (issue 12, item 1), through the binary: -o or
// --png aimed at every kind of file a build reads, directly, through a
// symbolic link or a hard link, is refused with exit 1 naming both paths,
// and the input is left byte for byte.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, runCli, tempDir, VALID_INDEX, writeBulletin, ROOT } from '../helpers/cli.js';
import { tinyPng } from '../safety/images.js';

async function bulletin(): Promise<string> {
  const dir = writeBulletin({
    'index.md': VALID_INDEX.replace('---\n\n', 'template: house.yaml\n---\n\n'),
    '01-a.md': article('标题一 标题二', '张三', '正文第一段，讲述安全生产的重要意义。\n\n![公园](park.png)'),
    'house.yaml': 'extends: a4\n',
  });
  writeFileSync(join(dir, 'park.png'), await tinyPng());
  mkdirSync(join(dir, 'fonts'));
  // A bulletin-local font: the built-in Noto Serif, copied in under another name.
  const serif = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
  const ttf = readdirSync(serif, { recursive: true }).map(String).find((f) => /400Regular\.ttf$/.test(f))!;
  copyFileSync(join(serif, ttf), join(dir, 'fonts', 'Body.ttf'));
  writeFileSync(join(dir, 'fonts', 'fonts.yaml'), 'body: Body.ttf\n');
  return dir;
}

function expectRefused(r: { code: number; stderr: string }, output: string, input: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain('[output-is-input]');
  expect(r.stderr).toContain(output);
  expect(r.stderr).toContain(input);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('an output aimed at an input', () => {
  const kinds: [string, string, string][] = [
    ['an article', '01-a.md', 'the article'],
    ['index.md', 'index.md', 'the bulletin index'],
    ['an image', 'park.png', 'the image'],
    ['a template', 'house.yaml', 'the template'],
    ['a font', 'fonts/Body.ttf', 'the font'],
    ['fonts.yaml', 'fonts/fonts.yaml', 'the font list'],
  ];
  for (const [what, name, kind] of kinds) {
    it(`is refused for ${what}, which stays as it was`, async () => {
      const dir = await bulletin();
      const before = readFileSync(join(dir, name));
      const r = runCli(['build', dir, '-o', join(dir, name)]);
      expectRefused(r, join(dir, name), kind);
      expect(readFileSync(join(dir, name)).equals(before)).toBe(true);
    });
  }

  it('is refused through a symbolic link and through a hard link', async () => {
    const dir = await bulletin();
    const out = tempDir();
    symlinkSync(join(dir, '01-a.md'), join(out, 'link.pdf'));
    linkSync(join(dir, 'index.md'), join(out, 'hard.pdf'));
    expectRefused(runCli(['build', dir, '-o', join(out, 'link.pdf')]), 'leads (through a symbolic link) to the article', join(dir, '01-a.md').split('/').pop()!);
    expectRefused(runCli(['build', dir, '-o', join(out, 'hard.pdf')]), 'is a hard link to the bulletin index', 'index.md');
    expect(readFileSync(join(dir, '01-a.md'), 'utf8')).toContain('正文第一段');
  });

  it('is refused for an article named relative to the folder the command runs in', async () => {
    const dir = await bulletin();
    const r = runCli(['build', '.', '-o', '01-a.md'], { cwd: dir });
    expectRefused(r, '01-a.md', 'the article');
    expect(readFileSync(join(dir, '01-a.md'), 'utf8')).toContain('正文第一段');
  });

  it('refuses a new .md file in the bulletin folder (the next build would read it as an article)', async () => {
    const dir = await bulletin();
    const r = runCli(['build', dir, '-o', join(dir, 'new.md')]);
    expectRefused(r, 'new.md', 'read the PDF as an article');
    expect(existsSync(join(dir, 'new.md'))).toBe(false);
  });

  it('refuses a new fonts.yaml in the fonts folder the build reads (the next build would read the PDF as the font list)', async () => {
    const dir = await bulletin();
    rmSync(join(dir, 'fonts', 'fonts.yaml'));
    const r = runCli(['build', dir, '-o', join(dir, 'fonts', 'fonts.yaml')]);
    expectRefused(r, 'fonts.yaml', 'the fonts.yaml of a fonts folder the build reads');
    expect(existsSync(join(dir, 'fonts', 'fonts.yaml'))).toBe(false);
  });

  it('refuses --png DIR whose page-N.png leads to an input', async () => {
    const dir = await bulletin();
    const pngs = tempDir();
    symlinkSync(join(dir, 'park.png'), join(pngs, 'page-1.png'));
    const before = readFileSync(join(dir, 'park.png'));
    const r = runCli(['build', dir, '-o', join(tempDir(), 'out.pdf'), '--png', pngs]);
    expectRefused(r, join(pngs, 'page-1.png'), 'the image');
    expect(readFileSync(join(dir, 'park.png')).equals(before)).toBe(true);
  });
});

describe('an output that is a pipe or a device', () => {
  it('is written into, and stays what it was (a PDF renamed over /dev/stdout would replace it)', async () => {
    const dir = await bulletin();
    const out = tempDir();
    const fifo = join(out, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    // The reader, in its own process: the build's write waits for it.
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${join(out, 'got.pdf')}"`]);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    const r = runCli(['build', dir, '-o', fifo]);
    // A build that replaced the pipe leaves the reader waiting: stopped after a while either way.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    reader.kill();
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(out, 'got.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(out).sort()).toEqual(['got.pdf', 'pipe.pdf']);
  });
});

describe('fmt --write', () => {
  it('rewrites an article that is a symbolic link where it leads, and keeps the link', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const text = article('标题一 标题二', '张三', '这是第一段完整的句子，讲述安全生产的重要意义。\n\n这是第一段完整的句子，讲述安全生产的重要意义。');
    writeFileSync(join(dir, 'real.txt'), text);
    symlinkSync('real.txt', join(dir, '01-a.md'));
    const r = runCli(['fmt', dir, '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8').match(/这是第一段/g)).toHaveLength(1);
    expect(readdirSync(dir, { withFileTypes: true }).find((e) => e.name === '01-a.md')?.isSymbolicLink()).toBe(true);
  });
});
