// `bulletin new` through the command line (run in-process): numbering, pinyin slugs, YAML quoting,
// refusal to overwrite.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { article, copySample, VALID_INDEX, writeBulletin, tempDir } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

function frontMatter(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8').split('---\n')[1]) as Record<string, unknown>;
}

describe('bulletin new', () => {
  it('numbers after the sample’s seven articles and names the file after the author in pinyin', async () => {
    const dir = copySample();
    const r = await runCommand(['new', '以“一失万无”的意识确保“万无一失”', '--author', '胡小刚', '--role', '衡阳国家高新区管委会主任', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, '08-hu-xiaogang.md'));
    expect(frontMatter(join(dir, '08-hu-xiaogang.md'))).toEqual({
      title: '以“一失万无”的意识确保“万无一失”',
      author: '胡小刚',
      role: '衡阳国家高新区管委会主任',
    });
  });

  it('goes from 09 to 10, keeping the width', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '09-li-jian.md': article(), 'notes-2.md': article() });
    const r = await runCommand(['new', '标题', '--author', '李健', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, '10-li-jian.md'));
  });

  it('keeps a three-digit width and ignores numbers of files that are not Markdown', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '001-a.md': article(), '003-b.md': article(), '050-photo.jpg': 'x' });
    expect((await runCommand(['new', '标题', '--author', '黄安平', '--dir', dir])).stdout.trim()).toBe(join(dir, '004-huang-anping.md'));
  });

  it('starts at 01 in a folder without numbered articles', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    expect((await runCommand(['new', '标题', '--author', '刘冬梅', '--dir', dir])).stdout.trim()).toBe(join(dir, '01-liu-dongmei.md'));
  });

  it('makes slugs for compound surnames, surname readings, transliterated and non-Chinese names', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const names = ['欧阳修', '曾国藩', '阿卜杜·热合曼', 'John Smith', 'Zoë Ångström', 'Иван Петров', '吕小军'];
    const files: string[] = [];
    for (const n of names) files.push((await runCommand(['new', '标题', '--author', n, '--dir', dir])).stdout.trim());
    expect(files).toEqual(
      ['01-ouyang-xiu.md', '02-zeng-guofan.md', '03-abudu-reheman.md', '04-john-smith.md', '05-zoe-angstrom.md', '06-article.md', '07-lv-xiaojun.md'].map(
        (f) => join(dir, f),
      ),
    );
    expect(frontMatter(join(dir, '06-article.md')).author).toBe('Иван Петров');
  });

  it('quotes YAML values that would not read back as text', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const title = '安全: 责任 #1';
    const role = '- 局长, [主任]';
    const r = await runCommand(['new', title, '--author', 'yes', '--role', role, '--dir', dir]);
    expect(r.code).toBe(0);
    expect(frontMatter(r.stdout.trim())).toEqual({ title, author: 'yes', role });
    const number = await runCommand(['new', '2024', '--author', '123', '--dir', dir]);
    expect(frontMatter(number.stdout.trim())).toEqual({ title: '2024', author: '123' });
  });

  it('creates a file that builds at once, with a placeholder paragraph check warns about until it is replaced', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const path = (await runCommand(['new', '压实安全责任 筑牢发展底线', '--author', '张明', '--role', '某某局局长', '--dir', dir])).stdout.trim();
    const second = (await runCommand(['new', '第二篇', '--author', '李四', '--dir', dir])).stdout.trim();
    const pdf = join(dir, 'out.pdf');
    const build = await runCommand(['build', dir, '-o', pdf, '--json']);
    expect(build.code, build.stderr).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('压实安全责任');
    expect(text).toContain('【待写正文】这一段是第2篇文章的占位文字');
    expect(text).toContain('第3篇');
    const rules = (r: { stdout: string }) => JSON.parse(r.stdout).diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`);
    // Both placeholders are reported (neither is dropped as a repeat of the other).
    expect(rules(build).filter((x: string) => x.startsWith('placeholder-text'))).toEqual([`placeholder-text ${path}`, `placeholder-text ${second}`]);
    const before = await runCommand(['check', dir, '--json']);
    expect(before.code).toBe(0);
    expect(rules(before)).toContain(`placeholder-text ${path}`);
    expect((await runCommand(['check', dir, '--strict'])).code).toBe(1);
    const bodies = ['安全生产责任要层层压实到岗位、到个人，做到横向到边、纵向到底。', '汛期来临之前，各地要组织力量排查河道堤防和地质灾害隐患点。'];
    for (const [i, p] of [path, second].entries()) writeFileSync(p, readFileSync(p, 'utf8').replace(/【待写正文】.*\n/, `${bodies[i]}\n`));
    const after = await runCommand(['check', dir, '--strict', '--json']);
    expect(after.code, after.stdout).toBe(0);
  });

  it('finds the bulletin from inside its folder and from the project root, without --dir', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{}');
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() }, join(project, 'content'));
    mkdirSync(join(dir, 'images'));
    const inside = await runCommand(['new', '测试标题', '--author', '张三'], { cwd: join(dir, 'images') });
    expect(inside.code, inside.stderr).toBe(0);
    expect(inside.stdout.trim()).toBe(join(dir, '02-zhang-san.md'));
    const fromRoot = await runCommand(['new', '测试标题二', '--author', '李四'], { cwd: project });
    expect(fromRoot.stdout.trim()).toBe(join('content', '03-li-si.md'));
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    // A folder is not an article, so it does not advance the number, but it
    // occupies the name: the exclusive create must refuse rather than replace it.
    mkdirSync(join(dir, '02-zhang-san.md'));
    writeFileSync(join(dir, '02-zhang-san.md', 'keep.txt'), 'mine');
    const r = await runCommand(['new', '甲', '--author', '张三', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, '02-zhang-san.md'));
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(join(dir, '02-zhang-san.md', 'keep.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['01-a.md', '02-zhang-san.md', 'index.md']);
  });

  it('refuses a folder that does not exist instead of creating it', async () => {
    const dir = join(tempDir(), 'typo');
    const r = await runCommand(['new', '标题', '--author', '张三', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toMatch(/does not exist/);
  });

  it('rejects an empty title or author and a title on two lines as usage errors', async () => {
    const dir = tempDir();
    expect((await runCommand(['new', '', '--author', '张三', '--dir', dir])).code).toBe(2);
    expect((await runCommand(['new', '标题', '--author', ' ', '--dir', dir])).code).toBe(2);
    const two = await runCommand(['new', '第一行\n第二行', '--author', '张三', '--dir', dir]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/one line/);
    expect((await runCommand(['new', '标题', '--dir', dir])).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
