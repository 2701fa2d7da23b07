// `bulletin import FILE.docx` through the command line (run in-process), on Word files the tests
// build themselves (tests/helpers/docx.ts): the first paragraph is the title,
// a byline under it gives author and role, and bold, headings, lists, tables
// and images reach the page.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { makeDocx, p, type Block } from '../helpers/docx.js';
import { png } from '../helpers/png.js';
import { runCommand } from '../helpers/run-in-process.js';

async function docxFile(blocks: Block[], name = '投稿.docx'): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, await makeDocx(blocks));
  return path;
}

function split(path: string): { meta: Record<string, unknown>; body: string } {
  const [, yaml, body] = readFileSync(path, 'utf8').split(/^---$/m);
  return { meta: parse(yaml) as Record<string, unknown>, body: body.trim() };
}

describe('bulletin import FILE.docx', () => {
  it('keeps headings, bold lead-ins, lists, tables and images, and the result builds with them on the page', async () => {
    const picture = png(60, 30, true);
    const file = await docxFile([
      p('守住安全底线 护航高质量发展', { style: 'Heading1' }),
      p('某某市交通运输局党组书记、局长 欧阳明'),
      p('**一是压实责任。**各级各部门要把安全生产摆上重要议程，定期研究解决重大问题。'),
      p('重点任务', { style: 'Heading2' }),
      p('排查道路隐患', { list: 'ordered' }),
      p('整治违规运输', { list: 'ordered' }),
      p('开展应急演练', { list: 'bullet' }),
      { kind: 'table', rows: [['指标', '数值'], ['排查隐患', '126']] },
      { kind: 'image', data: picture, contentType: 'image/png', alt: '检查组在现场' },
      p('下一步，我们将*持续*加大执法力度，确保全年不发生较大事故。'),
    ]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const r = await runCommand(['import', file, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, '01-ouyang-ming.md'));
    expect(r.stderr).toContain('author 欧阳明, role 某某市交通运输局党组书记、局长 (guessed from the paragraph under the title');
    const { meta, body } = split(join(dir, '01-ouyang-ming.md'));
    expect(meta).toEqual({ title: '守住安全底线 护航高质量发展', author: '欧阳明', role: '某某市交通运输局党组书记、局长' });
    expect(body).toContain('**一是压实责任。**各级各部门');
    expect(body).toContain('## 重点任务');
    expect(body).toMatch(/^1\. 排查道路隐患\n2\. 整治违规运输$/m);
    expect(body).toMatch(/^- 开展应急演练$/m);
    expect(body).toMatch(/^\| 指标 +\| 数值 +\|$/m);
    expect(body).toContain('![检查组在现场](01-ouyang-ming-1.png)');
    expect(readFileSync(join(dir, '01-ouyang-ming-1.png')).equals(picture)).toBe(true);
    const check = await runCommand(['check', dir, '--strict', '--json']);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    const pdf = join(dir, 'out.pdf');
    expect((await runCommand(['build', dir, '-o', pdf, '-q'])).code).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['守住安全底线', '欧阳明', '一是压实责任。', '重点任务', '排查道路隐患', '排查隐患126', '检查组在现场']) expect(text, s).toContain(s);
    expect(text).not.toContain('**');
    // The bold lead-in is set in the bold face.
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/NotoSerifSC-Bold/);
  });

  it('without a byline, keeps the second paragraph as text and asks for --author', async () => {
    const file = await docxFile([p('标题甲'), p('这是正文的第一段，讲述安全生产的重要意义。')]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const refused = await runCommand(['import', file, '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no byline found.*--author/);
    expect(readdirSync(dir)).toEqual(['index.md']);
    expect((await runCommand(['import', file, '--dir', dir, '--author', '孙八', '--title', '另一个标题'])).code).toBe(0);
    const { meta, body } = split(join(dir, '01-sun-ba.md'));
    expect(meta).toEqual({ title: '另一个标题', author: '孙八' });
    expect(body).toBe('这是正文的第一段，讲述安全生产的重要意义。');
  });

  it('saves an image the PDF cannot hold (EMF) beside the article, says so, and does not place it', async () => {
    const file = await docxFile([p('标题乙'), p('作者：周九'), { kind: 'image', data: Buffer.from('EMF bytes'), contentType: 'image/x-emf' }, p('正文一段。')]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const r = await runCommand(['import', file, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/image 1 is image\/x-emf, which the PDF cannot hold/);
    expect(readFileSync(join(dir, '01-zhou-jiu-1.emf'), 'utf8')).toBe('EMF bytes');
    expect(split(join(dir, '01-zhou-jiu.md')).body).toBe('正文一段。');
    expect((await runCommand(['build', dir, '-o', join(dir, 'o.pdf'), '-q'])).code).toBe(0);
  });
  it('takes the title from the first text (a picture before it stays in the body), and Word footnotes become notes on the page', async () => {
    const picture = png(40, 20, true);
    const file = await docxFile([
      { kind: 'image', data: picture, contentType: 'image/png', alt: '现场' },
      p('标题丙'),
      p('作者：吴十'),
      { kind: 'p', runs: [{ text: '正文第一句', note: '注释一的内容。' }, { text: '，第二句。' }] },
      { kind: 'p', runs: [{ text: '第二段', note: '注释二的内容。' }, { text: '结束。' }] },
    ]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const r = await runCommand(['import', file, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('title “标题丙” (from the first paragraph), author 吴十');
    const { meta, body } = split(join(dir, '01-wu-shi.md'));
    expect(meta).toEqual({ title: '标题丙', author: '吴十' });
    expect(body.split('\n\n')).toEqual(['![现场](01-wu-shi-1.png)', '正文第一句[^1]，第二句。', '第二段[^2]结束。', '[^1]: 注释一的内容。', '[^2]: 注释二的内容。']);
    const pdf = join(dir, 'out.pdf');
    expect((await runCommand(['build', dir, '-o', pdf, '-q'])).code).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['标题丙', '注释一的内容。', '注释二的内容。']) expect(text, s).toContain(s);
    expect(text).not.toMatch(/↑|\[1\]|\[\^/);
  });

  it('takes the title from the first item of a list the document opens with', async () => {
    const file = await docxFile([p('第一项作为标题', { list: 'bullet' }), p('第二项', { list: 'bullet' }), p('正文一段。')]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const r = await runCommand(['import', file, '--dir', dir, '--author', '郑一']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('title “第一项作为标题” (from the first list item)');
    expect(split(join(dir, '01-zheng-yi.md')).body).toBe('- 第二项\n\n正文一段。');
  });
});
