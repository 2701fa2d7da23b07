// Every kind of bad input named in the foundation issue, through the command
// line (run in-process): the message, its file:line, and the exit code.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { article, tempDir, VALID_INDEX, writeBulletin, type JsonDiagnostic } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

async function check(dir: string): Promise<{ code: number; diags: JsonDiagnostic[]; stderr: string; }> {
  const r = await runCommand(['check', dir, '--json']);
  const diags = r.stdout.trim() ? (JSON.parse(r.stdout).diagnostics as JsonDiagnostic[]) : [];
  return { code: r.code, diags, stderr: r.stderr };
}

describe('bad input is reported with file, line and what to do', () => {
  it('a missing directory', async () => {
    const r = await runCommand(['check', join(tempDir(), 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\s+error\s+bulletin directory not found/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('an empty directory', async () => {
    const { code, diags } = await check(tempDir());
    expect(code).toBe(1);
    expect(diags[0].rule).toBe('empty-bulletin');
    expect(diags[0].message).toMatch(/index\.md/);
  });

  it('no index.md', async () => {
    const dir = writeBulletin({ '01-a.md': article() });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    expect(diags.map((d) => d.rule)).toContain('no-index');
    expect(diags.find((d) => d.rule === 'no-index')!.file).toMatch(/index\.md$/);
  });

  it('a YAML syntax error points at the line inside the file', async () => {
    const dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': '---\ntitle: 标题\nauthor: [张三\nrole: 职务\n---\n\n正文。\n',
    });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'yaml-syntax')!;
    expect(d.file).toMatch(/01-a\.md$/);
    expect([d.line, d.column]).toEqual([3, 9]);
    expect(d.message).toMatch(/not valid YAML/);
  });

  it('an unclosed bracket or quote is reported where it opens, not on the line where YAML notices', async () => {
    const dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': '---\ntitle: 标题\nauthor: [毛伟明\n---\n\n正文。\n',
      '02-b.md': '---\ntitle: 标题\nauthor: 张三\nrole: "某单位\n---\n\n正文。\n',
      '03-c.md': "---\ntitle: {标题: 一\nauthor: 张三\n---\n\n正文。\n",
      '04-d.md': "---\ntitle: 标题\nauthor: '张三\nrole: 职务\n---\n\n正文。\n",
    });
    const { diags } = await check(dir);
    const at = (file: string) => diags.filter((x) => x.rule === 'yaml-syntax' && x.file.endsWith(file)).map((x) => [x.line, x.column]);
    expect(at('01-a.md')).toEqual([[3, 9]]);
    expect(at('02-b.md')).toEqual([[4, 7]]);
    expect(at('03-c.md')).toEqual([[2, 8]]);
    expect(at('04-d.md')).toEqual([[3, 9]]);
  });

  it('front matter that is not a mapping', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\n- 标题\n- 张三\n---\n\n正文。\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'front-matter-not-mapping')!;
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/mapping/);
  });

  it('missing title and author', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\nrole: 职务\n---\n\n正文。\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const missing = diags.filter((d) => d.rule === 'missing-field');
    expect(missing.map((d) => d.message).join(' ')).toMatch(/`title`.*|`author`/);
    expect(missing).toHaveLength(2);
    expect(missing.every((d) => d.file.endsWith('01-a.md') && d.line === 1)).toBe(true);
  });

  it('front matter that is never closed', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle: 标题\nauthor: 张三\n\n正文。\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'front-matter-missing')!;
    expect([d.line, d.message]).toEqual([1, expect.stringMatching(/never closed: add a line `---`/)]);
  });

  it('key: value lines without the --- fences', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': 'title: 标题\nauthor: 张三\n\n正文。\n' });
    const d = (await check(dir)).diags.find((x) => x.rule === 'front-matter-missing')!;
    expect(d.message).toMatch(/no `---` fences/);
  });

  it('no front matter at all', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '只有正文。\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    expect(diags.find((d) => d.rule === 'front-matter-missing')!.message).toMatch(/---/);
  });

  it('a date that is not YYYY-MM-DD, with the line of the value', async () => {
    const index = VALID_INDEX.replace('date: 2024-01-15', 'date: 2024/1/15');
    const dir = writeBulletin({ 'index.md': index, '01-a.md': article() });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'front-matter-type')!;
    expect(d.file).toMatch(/index\.md$/);
    expect(d.line).toBe(5);
    expect(d.message).toMatch(/YYYY-MM-DD/);
  });

  it('an impossible calendar date', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX.replace('2024-01-15', '2024-02-30'), '01-a.md': article() });
    expect((await check(dir)).diags.find((x) => x.rule === 'front-matter-type')!.message).toMatch(/not a day/);
  });

  it('a title that is a list is a type error', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle:\n  - 一\n  - 二\nauthor: 张三\n---\n\n正文。\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    expect(diags.find((x) => x.rule === 'front-matter-type')!.message).toMatch(/`title` is a list/);
  });

  it('publisher given as one string is accepted as one name', async () => {
    const index = VALID_INDEX.replace('publisher:\n  - 测试市应急管理局', 'publisher: 测试市应急管理局');
    const dir = writeBulletin({ 'index.md': index, '01-a.md': article() });
    const { code, diags } = await check(dir);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('an unknown key is a warning that names the closest known key', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle: 标题\nauthor: 张三\nrloe: 职务\n---\n\n正文。\n' });
    const { code, diags } = await check(dir);
    const d = diags.find((x) => x.rule === 'unknown-key')!;
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(4);
    expect(d.message).toMatch(/Did you mean `role`/);
    expect(code).toBe(0);
    expect((await runCommand(['check', dir, '--strict'])).code).toBe(1);
  });

  it('an article with no body', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle: 标题\nauthor: 张三\n---\n\n' });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'empty-body')!;
    expect(d.file).toMatch(/01-a\.md$/);
    expect(d.message).toMatch(/no text/);
  });

  it('a file that is not UTF-8, with the byte offset', async () => {
    const prefix = Buffer.from('---\ntitle: 标题\nauthor: 张三\n---\n\n正文', 'utf8');
    const gbk = Buffer.from([0xd5, 0xfd, 0xce, 0xc4]); // "正文" in GBK
    const bytes = Buffer.concat([prefix, gbk, Buffer.from('\n')]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': bytes });
    const { code, diags } = await check(dir);
    expect(code).toBe(1);
    const d = diags.find((x) => x.rule === 'encoding')!;
    expect(d.line).toBe(6);
    expect(d.message).toContain(`byte offset ${prefix.length}`);
    expect(d.message).toMatch(/UTF-8/);
  });

  it('reports problems of several files in one run', async () => {
    const dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': '---\nauthor: 张三\n---\n\n正文。\n',
      '02-b.md': '---\ntitle: 标题\n---\n\n正文。\n',
    });
    const files = new Set((await check(dir)).diags.map((d) => d.file.split('/').pop()));
    expect(files).toEqual(new Set(['01-a.md', '02-b.md']));
  });

  it('usage errors exit 2', async () => {
    expect((await runCommand(['frobnicate'])).code).toBe(2);
    expect((await runCommand(['check', '--no-such-flag'])).code).toBe(2);
    expect((await runCommand(['check', '--format', 'xml'])).code).toBe(2);
  });

  it('--version and --help exit 0', async () => {
    const v = await runCommand(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = await runCommand(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Examples:/);
  });
});

describe('files editors really save', () => {
  it('a BOM and CRLF line endings load like any file', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const dir = writeBulletin({
      'index.md': '\ufeff' + crlf(VALID_INDEX),
      '01-a.md': '\ufeff' + crlf(article('标题', '李四', '第一段。\n\n第二段。')),
    });
    const { code, diags } = await check(dir);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('a CRLF YAML error still points at the right line', async () => {
    const dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': '---\r\ntitle: 标题\r\nauthor: 张三\r\ndate: : :\r\n---\r\n\r\n正文。\r\n',
    });
    const d = (await check(dir)).diags.find((x) => x.rule === 'yaml-syntax')!;
    expect(d.line).toBe(4);
  });

  it('files that are not Markdown and sub-folders are ignored', async () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article(), 'notes.txt': '\xff\xfe', 'photo.png': 'x' });
    mkdirSync(join(dir, 'fonts'));
    expect((await check(dir)).code).toBe(0);
  });
});
