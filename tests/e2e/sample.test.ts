// The foundation's promise end to end: the binary builds the sample bulletin
// into a real PDF holding every paragraph of the cleaned text, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readPdfText, type PdfPageText } from '../helpers/pdf.js';
import { copySample, runCli, SAMPLE, tempDir, VALID_INDEX, article, writeBulletin } from '../helpers/cli.js';

/** Body paragraphs of a bulletin folder as plain text (front matter dropped). */
function paragraphs(dir: string, files: string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const p of text.split(/\n\s*\n/)) {
      const t = p.replace(/\s+/g, '');
      if (t) out.push(t);
    }
  }
  return out;
}

const FILES = ['index.md', '01-hu-xiaogang.md', '02-li-jian.md', '03-huang-anping.md', '04-hu-guoxiong.md', '05-liao-zhiwei.md', '06-liu-dongmei.md', '07-jiang-liping.md'];

describe('bulletin build on the sample', () => {
  let pages: PdfPageText[];
  let cleanedParagraphs: string[];
  let build: ReturnType<typeof runCli>;
  const out = join(tempDir(), 'sample.pdf');

  beforeAll(async () => {
    build = runCli(['build', SAMPLE, '-o', out]);
    pages = await readPdfText(readFileSync(out));
    // What an editor would have typed: the sample after `fmt --write`.
    const fixed = copySample();
    expect(runCli(['fmt', fixed, '--write']).code).toBe(0);
    cleanedParagraphs = paragraphs(fixed, FILES);
  });

  it('exits 0 and reports each removal and join on stderr', () => {
    expect(build.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(10_000);
    expect(build.stderr).toMatch(/exact-duplicate/);
    expect(build.stderr).toMatch(/split-paragraph/);
    expect(build.stderr).toMatch(/\d+ pages?, 7 articles/);
  });

  it('puts every cleaned paragraph in the PDF, once, in reading order', () => {
    // Reading order: items as emitted (the display list's order), spaces dropped;
    // an article continued overleaf has page furniture between 下转 and 上接.
    const text = pages
      .map((p) => p.items.map((i) => i.text).join(''))
      .join('')
      .replace(/\s+/g, '')
      .replace(/（下转第\d+版）.*?（上接第\d+版）/g, '');
    let from = 0;
    for (const p of cleanedParagraphs) {
      const at = text.indexOf(p, from);
      expect(at, `paragraph not found in order: ${p.slice(0, 30)}…`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(p, at + 1), `paragraph repeated: ${p.slice(0, 30)}…`).toBe(-1);
      from = at + p.length;
    }
  });

  it('sets the masthead, headlines and bylines in their fonts', () => {
    const items = pages.flatMap((p) => p.items);
    const find = (s: string) => items.find((i) => i.text.includes(s));
    expect(find('安全生产大家谈')!.font).toMatch(/NotoSerifSC-(Black|Bold)/);
    expect(find('安全生产大家谈')!.size).toBeGreaterThan(30);
    expect(find('胡小刚')!.font).toMatch(/LXGWWenKai/);
    expect(find('以默默无闻的坚持')!.font).toMatch(/NotoSerifSC-(Black|Bold)/);
    const body = find('衡阳国家高新区紧紧围绕')!;
    expect(body.font).toMatch(/NotoSerifSC-Regular/);
    expect(body.size).toBeCloseTo(9, 1);
  });

  it('leaves the sources untouched', () => {
    const again = copySample();
    for (const f of FILES) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(SAMPLE, f), 'utf8'));
  });

  it('--no-clean typesets the text exactly as written, repeats included', async () => {
    const raw = join(tempDir(), 'raw.pdf');
    // Uncleaned, the sample is too long for the one page its index.md asks for: it goes on overleaf.
    expect(runCli(['build', SAMPLE, '-o', raw, '--no-clean', '--allow-overset', '-q']).code).toBe(0);
    const text = (await readPdfText(readFileSync(raw))).map((p) => p.items.map((i) => i.text).join('')).join('');
    const repeated = '四是以“全要素保障”强化安全支撑';
    expect(text.split(repeated).length - 1).toBe(3);
  });
});

describe('build errors', () => {
  it('an unwritable output path fails before any work, even before reading the content', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const asRoot = process.getuid?.() === 0;
    // root can write anywhere: use a path whose folder does not exist instead.
    const target = asRoot ? join(dir, 'no-such-folder', 'out.pdf') : join(locked, 'out.pdf');
    const r = runCli(['build', join(dir, 'no-bulletin-here'), '-o', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output-unwritable/);
    expect(r.stderr).not.toMatch(/no-bulletin/);
    expect(existsSync(target)).toBe(false);
  });

  it('an output path that is a directory', () => {
    const dir = tempDir();
    const r = runCli(['build', SAMPLE, '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a directory/);
  });

  it('a content error leaves an existing PDF untouched', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': '---\ntitle: 标题\n---\n\n正文。\n' });
    const pdf = join(dir, 'keep.pdf');
    writeFileSync(pdf, 'previous build');
    const r = runCli(['build', dir, '-o', pdf]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:1:1\s+error\s+missing `author`/);
    expect(readFileSync(pdf, 'utf8')).toBe('previous build');
  });

  it('a small valid bulletin builds', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article() });
    const pdf = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('optional fields', () => {
  it('a bulletin without publisher builds, the PDF author naming the writers', async () => {
    const index = VALID_INDEX.replace(/publisher:\n  - .*\n/, '');
    const dir = writeBulletin({ 'index.md': index, '01-a.md': article('标题一', '张三'), '02-b.md': article('标题二', '李四', '另一篇文章的正文内容，讲述应急管理。') });
    const pdf = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Author:\s+张三、李四/);
  });
});
