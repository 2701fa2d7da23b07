// Pieces that can only be set one column wide — briefs of a line or two,
// which cannot be balanced over two columns — more of them in a row than a
// band has slots: the page search must still set the bulletin (paginate.ts
// searches again with ragged bands), and when a piece really fits nowhere it
// must name that piece, not the bulletin's first article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/diagnostics/diagnostic.js';
import type { PreparedArticle } from '../../src/layout/article.js';
import { planPages } from '../../src/layout/page-search/index.js';
import { article, runCli, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { readPdfText } from '../helpers/pdf.js';

const PLACES = ['城东', '城西', '城南', '城北', '河口', '山前', '湖滨', '新区'];

describe('short pieces', () => {
  it('sets eight one-line briefs in a row on one page, every one of them', async () => {
    const files: Record<string, string> = { 'index.md': VALID_INDEX };
    PLACES.forEach((place, i) => {
      files[`0${i + 1}-brief.md`] = article(`${place}简讯`, `记者${i + 1}`, `${place}街道今日完成第${i + 1}轮安全检查，整改隐患${(i + 2) * 3}处。`);
    });
    const dir = writeBulletin(files);
    const out = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', out, '-q']);
    expect(r.stderr).not.toMatch(/layout-impossible/);
    expect(r.code).toBe(0);
    const pages = await readPdfText(readFileSync(out));
    expect(pages).toHaveLength(1);
    // Han–Latin spacing may come back as spaces.
    const text = pages[0].items.map((i) => i.text).join('').replace(/\s+/g, '');
    for (const [i, place] of PLACES.entries()) {
      expect(text).toContain(`${place}简讯`);
      expect(text).toContain(`整改隐患${(i + 2) * 3}处`);
    }
  });

  it('leaves out an article that only repeats another, and warns', async () => {
    const body = '全面修订完善应急预案体系，组建综合应急救援队伍，每年固定开展综合演练，切实提升应急处置能力。';
    const dir = writeBulletin({
      'index.md': VALID_INDEX,
      '01-a.md': article('第一篇 应急体系', '张三', body),
      '02-b.md': article('第二篇 重复稿件', '李四', body),
    });
    const out = join(dir, 'out.pdf');
    const r = runCli(['build', dir, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/02-b\.md:1:1 +warning +every paragraph of this article repeats text kept elsewhere.*\[emptied-article\]/);
    const text = (await readPdfText(readFileSync(out))).flatMap((p) => p.items.map((i) => i.text)).join('');
    expect(text).toContain('第一篇');
    expect(text).not.toContain('重复稿件');
    // fmt --write does not turn the copy into a file without a body (which would not build).
    const before = readFileSync(join(dir, '02-b.md'), 'utf8');
    const fmt = runCli(['fmt', dir, '--write']);
    expect(fmt.stderr).toMatch(/02-b\.md:1:1 +warning .*\[emptied-article\]/);
    expect(readFileSync(join(dir, '02-b.md'), 'utf8')).toBe(before);
    expect(runCli(['build', dir, '-o', out, '-q']).code).toBe(0);
  });

  it('names the piece that fits nowhere', () => {
    // Articles of 20 one-row lines; the third has a header taller than any page.
    const fake = (i: number, headerRows: number): PreparedArticle => {
      const lines = 20;
      return {
        index: i, id: `a${i + 1}`, title: `第${i + 1}篇`, file: `0${i + 1}.md`,
        items: Array.from({ length: lines }, () => ({ kind: 'line', rows: 1 })),
        pre: Int32Array.from({ length: lines + 1 }, (_, k) => k),
        breakBefore: new Uint8Array(lines + 1).fill(1),
        headerSize: () => ({ rows: headerRows, headlineLines: 1 }),
      } as unknown as PreparedArticle;
    };
    const space = { columns: 6, firstRows: 60, rows: 70, gap: 1 };
    expect(planPages([fake(0, 3), fake(1, 3), fake(2, 3), fake(3, 3)], space).pages.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      planPages([fake(0, 3), fake(1, 3), fake(2, 200), fake(3, 3)], space);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BulletinError);
    expect((error as BulletinError).diagnostics).toMatchObject([{ file: '03.md', rule: 'layout-impossible' }]);
  });
});
