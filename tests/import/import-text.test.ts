// `bulletin import FILE.txt` through the command line (run in-process): a newspaper page's text (the
// sample's raw seed, tests/fixtures/seed-page.txt) becomes the sample's seven
// articles, fields and paragraphs, and the cleaning rules report its paste
// defects; a single piece of pasted text needs a byline or --author.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, SAMPLE, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

const SEED = join(ROOT, 'tests', 'fixtures', 'seed-page.txt');

function fields(path: string): { meta: Record<string, unknown>; paragraphs: string[] } {
  const [, yaml, body] = readFileSync(path, 'utf8').split(/^---$/m);
  return { meta: parse(yaml) as Record<string, unknown>, paragraphs: body.split('\n').filter((l) => l.trim() !== '') };
}

async function project(): Promise<string> {
  const root = tempDir();
  expect((await runCommand(['init', '-q'], { cwd: root })).code).toBe(0);
  return root;
}

describe('bulletin import FILE.txt', () => {
  it('splits the seed page into the sample’s seven articles: titles, bylines and paragraphs as transcribed', async () => {
    const root = await project();
    const r = await runCommand(['import', SEED], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const made = r.stdout.trim().split('\n');
    const sample = readdirSync(SAMPLE).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
    expect(made).toEqual(sample.map((f, i) => join('content', `${String(i + 2).padStart(2, '0')}-${f.slice(3)}`)));
    sample.forEach((f, i) => {
      const got = fields(join(root, made[i]));
      const want = fields(join(SAMPLE, f));
      expect(got.meta, f).toEqual(want.meta);
      expect(got.paragraphs, f).toEqual(want.paragraphs);
    });
    // The guesses are shown for the editor to confirm, with their lines.
    expect(r.stderr).toContain('02-hu-xiaogang.md: title “以默默无闻的坚持 防止发生惊天动地的事” (from line 5), author 胡小刚, role 衡阳国家高新区党工委副书记、管委会主任 (guessed from line 7');
    expect(r.stderr).toContain('(from lines 77 and 79)');
    // Text in no article is said, not dropped silently: the lead, the page's theme line, column name and footer.
    for (const line of [3, 57, 149, 151]) expect(r.stderr).toMatch(new RegExp(`note: seed-page\\.txt: line ${line} `));
  });

  it('reports the paste defects with the cleaning rules, and the bulletin builds', async () => {
    const root = await project();
    const r = await runCommand(['import', SEED], { cwd: root });
    for (const rule of ['split-paragraph', 'exact-duplicate', 'fragment-duplicate', 'near-duplicate', 'ordinal-sequence']) expect(r.stderr, rule).toContain(`[${rule}]`);
    expect(r.stderr).toMatch(/imported 7 articles; in them: 0 errors, \d+ warnings/);
    const check = await runCommand(['check', '--json'], { cwd: root });
    const rules = new Set(JSON.parse(check.stdout).diagnostics.map((d: { rule: string }) => d.rule));
    expect(rules.has('split-paragraph') && rules.has('exact-duplicate')).toBe(true);
    const build = await runCommand(['build', '-q', '-o', 'out.pdf'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(root, 'out.pdf'))).toBe(true);
  });

  it('takes the first line as the title of a single piece, and asks for --author when it has no byline', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const text = join(tempDir(), '来稿.txt');
    writeFileSync(text, '汛期安全不放松\n\n各地要组织力量排查河道堤防和地质灾害隐患点。\n入汛以来，全市未发生一起安全事故。\n');
    const refused = await runCommand(['import', text, '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no byline found under the title “汛期安全不放松”.*--author/);
    expect(readdirSync(dir)).toEqual(['index.md']);
    const r = await runCommand(['import', text, '--dir', dir, '--author', '赵六', '--role', '某某县水利局局长']);
    expect(r.code, r.stderr).toBe(0);
    const got = fields(join(dir, '01-zhao-liu.md'));
    expect(got.meta).toEqual({ title: '汛期安全不放松', author: '赵六', role: '某某县水利局局长' });
    expect(got.paragraphs).toEqual(['各地要组织力量排查河道堤防和地质灾害隐患点。', '入汛以来，全市未发生一起安全事故。']);
  });

  it('reads GB18030 text (Windows “ANSI”) and says so; keeps pasted Markdown characters as text', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const text = join(tempDir(), 'ansi.txt');
    writeFileSync(text, '安全生产 人人有责\n作者：钱七\n# 1号机组的#2阀门要每天检查。\n1. 不是列表，是正文。\n');
    const utf8 = await runCommand(['import', text, '--dir', dir]);
    expect(utf8.code, utf8.stderr).toBe(0);
    const got = fields(join(dir, '01-qian-qi.md'));
    expect(got.meta).toEqual({ title: '安全生产 人人有责', author: '钱七' });
    expect(got.paragraphs).toEqual(['\\# 1号机组的#2阀门要每天检查。', '1\\. 不是列表，是正文。']);
    const check = await runCommand(['check', dir, '--strict']);
    expect(check.code, check.stdout).toBe(0);
    // 你好 in GB18030.
    const gbText = join(tempDir(), 'gb.txt');
    writeFileSync(gbText, Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0xa1, 0xa3, 0x0a]));
    const gb = await runCommand(['import', gbText, '--dir', dir]);
    expect(gb.code, gb.stderr).toBe(0);
    expect(gb.stderr).toMatch(/read as GB18030/);
    expect(fields(join(dir, '02-zhang-san.md')).meta).toEqual({ title: '标题', author: '张三' });
  });

  it('numbers several files after the folder’s articles and refuses to overwrite anything', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const a = join(tempDir(), 'a.txt');
    const b = join(tempDir(), 'b.txt');
    writeFileSync(a, '第一篇 标题\n甲局局长 张三\n正文一。\n');
    writeFileSync(b, '第二篇 标题\n乙局局长 李四\n正文二。\n');
    const r = await runCommand(['import', a, b, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(dir, '01-zhang-san.md'), join(dir, '02-li-si.md')]);
    // The same two again would be 03 and 04; a folder standing at one of the names blocks the whole import.
    mkdirSync(join(dir, '04-li-si.md'));
    const again = await runCommand(['import', a, b, '--dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/04-li-si\.md already exists; nothing was written/);
    expect(existsSync(join(dir, '03-zhang-san.md'))).toBe(false);
  });

  it('rejects what it cannot read with a clear message, never a stack trace', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX });
    const scratch = tempDir();
    const cases: Array<[string, string | Buffer, number, RegExp]> = [
      ['old.doc', 'x', 1, /Word 97–2003 document.*save it as \.docx/],
      ['broken.docx', 'not a zip at all', 1, /cannot be read as a Word document/],
      ['notes.pdf', 'x', 2, /import reads \.docx and \.txt files/],
      ['binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0xff]), 1, /neither UTF-8 nor GB18030/],
      ['empty.txt', '\n\n', 1, /holds no text/],
    ];
    for (const [name, data, code, message] of cases) {
      writeFileSync(join(scratch, name), data);
      const r = await runCommand(['import', join(scratch, name), '--dir', dir, '--author', '张三']);
      expect(r.code, name).toBe(code);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
    }
    expect((await runCommand(['import', join(scratch, 'missing.txt'), '--dir', dir])).stderr).toMatch(/missing\.txt\s+error\s+not found/);
    expect(readdirSync(dir)).toEqual(['index.md']);
  });

  it('applies --author only to a single article', async () => {
    const root = await project();
    const r = await runCommand(['import', SEED, '--author', '张三'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/apply to one article, and the import makes 7/);
  });
});
