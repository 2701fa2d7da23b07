// The bulletin folder is the root (issue 12, item 2), through the command line (run in-process):
// images, templates and fonts named by path, and articles that are symbolic
// links, must lead inside the folder (or --root DIR); anything else is an
// error at the line that names it, and nothing is skipped without a word.
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { article, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { tinyPng } from './images.js';
import { runCommand } from '../helpers/run-in-process.js';

function withImage(url: string): string {
  // Two levels below a scratch folder, so ../../ leads out of the bulletin.
  const dir = join(tempDir(), 'issues', 'june');
  writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article('标题一 标题二', '张三', `正文第一段，讲述安全生产的重要意义。\n\n![照片](${url})\n`) }, dir);
  return dir;
}

describe('an image outside the bulletin folder', () => {
  for (const url of ['../../outside.png', '/tmp/outside.png', '../../../../../../../../etc/passwd']) {
    it(`is refused at its Markdown line: ${url}`, async () => {
      const dir = withImage(url);
      writeFileSync(join(dir, '..', '..', 'outside.png'), await tinyPng());
      writeFileSync('/tmp/outside.png', await tinyPng());
      const r = await runCommand(['check', dir]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`01-a\\.md:9:1 +error +image ${url.replace(/[./]/g, '\\$&')} is outside the bulletin folder; copy it in, or widen the root with --root DIR\\.`));
      const b = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
      expect(b.code).toBe(1);
      expect(b.stderr).toContain('[outside-root]');
      expect(b.stderr).not.toMatch(/unsupported|damaged|internal error/);
    });
  }

  it('is read with --root DIR around it', async () => {
    const dir = withImage('../../outside.png');
    writeFileSync(join(dir, '..', '..', 'outside.png'), await tinyPng());
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf'), '--root', join(dir, '..', '..')]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('is refused when a file in the folder is a symbolic link leading out', async () => {
    const dir = withImage('photo.png');
    const outside = join(tempDir(), 'private.png');
    writeFileSync(outside, await tinyPng());
    symlinkSync(outside, join(dir, 'photo.png'));
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:9:1 +error +image photo\.png is outside the bulletin folder \(it leads to .*private\.png\)/);
  });
});

describe('an article that is a symbolic link', () => {
  it('is read like any other when it leads inside the folder', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article(), 'drafts.txt': article('标题三 标题四', '李四', '另一篇文章的正文，说明应急演练的安排。') });
    symlinkSync('drafts.txt', join(dir, '02-b.md'));
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 articles/);
  });

  it('is an error when it leads outside, or nowhere; a folder named .md is a warning', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const outside = join(tempDir(), 'other.md');
    writeFileSync(outside, article('标题三 标题四', '李四'));
    symlinkSync(outside, join(dir, '02-b.md'));
    symlinkSync(join(dir, 'missing.md'), join(dir, '03-c.md'));
    mkdirSync(join(dir, '04-d.md'));
    const r = await runCommand(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/02-b\.md +error +is a symbolic link to .*other\.md, outside the bulletin folder: copy it in, or widen the root with --root DIR\.  \[outside-root\]/);
    expect(r.stderr).toMatch(/03-c\.md +error +is a symbolic link to a file that does not exist.*\[broken-link\]/);
    expect(r.stderr).toMatch(/04-d\.md +warning +is a folder, not an article: it is skipped.*\[not-a-file\]/);
    const widened = await runCommand(['check', dir, '--root', dirname(outside)]);
    expect(widened.stderr).toContain('03-c.md');
    expect(widened.stderr).not.toContain('02-b.md  error');
  });
});

describe('a template or font outside the bulletin folder', () => {
  it('is refused at the index.md line that names the template', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'house.yaml'), 'extends: a4\n');
    const dir = writeBulletin({ 'index.md': VALID_INDEX.replace('---\n\n', 'template: ../house.yaml\n---\n\n'), '01-a.md': article() }, join(root, 'june'));
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/index\.md:8:1 +error +template .*house\.yaml is outside the bulletin folder; copy it in, or widen the root with --root DIR\./);
    expect((await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf'), '--root', root])).code).toBe(0);
    // Named on the command line, a template is the user's own choice.
    expect((await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf'), '--template', join(root, 'house.yaml')])).code).toBe(0);
  });

  it('is refused when a --template in the bulletin folder extends a file outside it, wherever the command runs', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'outside.yaml'), 'extends: a4\n');
    writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article(), 'house.yaml': 'extends: ../outside.yaml\n' }, join(root, 'june'));
    // From the folder above: a --template path is read relative to the bulletin, and only its own folder is allowed.
    const r = await runCommand(['build', 'june', '-o', join(tempDir(), 'out.pdf'), '--template', 'house.yaml'], { cwd: root });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/house\.yaml:1:\d+ +error +template .*outside\.yaml is outside the bulletin folder; copy it in, or widen the root with --root DIR\./);
  });

  it('is refused at the fonts.yaml line that names the font', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    mkdirSync(join(dir, 'fonts'));
    const elsewhere = join(tempDir(), 'Kai.ttf');
    writeFileSync(elsewhere, 'not read');
    writeFileSync(join(dir, 'fonts', 'fonts.yaml'), `kai: ${elsewhere}\n`);
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fonts\.yaml:1:6 +error +role "kai": font .*Kai\.ttf is outside the bulletin folder; copy it in, or widen the root with --root DIR\./);
  });
});

describe('front matter', () => {
  it('refuses a title or author of white space only, as a missing one', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle: "   "\nauthor: "\u3000"\n---\n\n正文。\n' });
    const r = await runCommand(['build', dir, '-o', join(tempDir(), 'out.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:2:\d+ +error +`title` is empty/);
    expect(r.stderr).toMatch(/01-a\.md:3:\d+ +error +`author` is empty/);
  });
});
