// The page layout on real content, asserted on the display list (no PDF):
// the rules of TYPOGRAPHY.md §5 and LAYOUT.md, the text surviving in order,
// the tags, outline and metadata the renderer needs.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanBulletin } from '../../src/clean/index.js';
import { loadBulletin } from '../../src/content/load.js';
import type { Bulletin } from '../../src/content/types.js';
import type { DisplayList, TextRun } from '../../src/layout/display-list.js';
import { layoutBulletin } from '../../src/layout/index.js';
import { loadTemplate } from '../../src/design/template.js';
import { checkLayout } from './check.js';
import { fontsFor } from './fonts.js';
import { SAMPLE_DIR, writeSynthetic } from './synthetic.js';

function lay(bulletin: Bulletin, templateName: string): { dl: DisplayList; report: ReturnType<typeof checkLayout> } {
  const template = loadTemplate(templateName, bulletin.dir);
  // The raw sample (uncleaned, or on a4) does not fit the one page its index.md asks for: set it on more.
  const dl = layoutBulletin(bulletin, template, fontsFor(template), { allowOverset: true });
  return { dl, report: checkLayout(dl, template, bulletin) };
}

function textOf(runs: TextRun[]): string {
  return runs.map((r) => r.glyphs.toArray().map((g) => g.text).join('')).join('');
}

/**
 * Pages the page search cannot fill with these bulletins' line counts (issue 16's composition):
 * on a4 the first page of the three synthetic articles leaves a column's foot white, and the
 * twenty rich ones a continued part with a picture beside a long module. The first is 0.9 since
 * air under a byline no longer levels a band (it is the same in every module, issue 15). Every
 * other page, and every other case, must be full; these must not get emptier.
 */
const UNDERFILLED: Record<string, { page: number; atLeast: number }> = {
  '3 synthetic articles on a4': { page: 1, atLeast: 0.9 },
  '20 synthetic articles with subheadings, lists, quotes and pictures on a4': { page: 3, atLeast: 0.6 },
};

function expectPageRules(dl: DisplayList, report: ReturnType<typeof checkLayout>, name: string): void {
  expect(report.lines.length).toBeGreaterThan(0);
  expect(report.widows).toEqual([]);
  expect(report.unbalanced).toEqual([]);
  expect(report.offGrid).toEqual([]);
  expect(report.stranded).toEqual([]);
  expect(report.missingText).toEqual([]);
  expect(report.outside).toEqual([]);
  // Every page but the last is filled to at least 95 % of its type area.
  const known = UNDERFILLED[name];
  const underfilled = report.fill.slice(0, -1).map((f, i) => ({ page: i + 1, fill: f })).filter((p) => p.fill < (p.page === known?.page ? known.atLeast : 0.95));
  expect(underfilled).toEqual([]);
  expect(report.fill.length).toBe(dl.pages.length);
}

const cases: { name: string; load: () => Promise<Bulletin> }[] = [
  { name: 'the sample', load: async () => (await loadBulletin(SAMPLE_DIR)).bulletin },
  { name: 'the sample, cleaned', load: async () => cleanBulletin((await loadBulletin(SAMPLE_DIR)).bulletin).bulletin },
  { name: '3 synthetic articles', load: async () => (await loadBulletin(writeSynthetic(mkdtempSync(join(tmpdir(), 'bulletin-syn3-')), { articles: 3 }))).bulletin },
  {
    name: '4 synthetic articles, the first longer than two pages',
    load: async () => (await loadBulletin(writeSynthetic(mkdtempSync(join(tmpdir(), 'bulletin-long-')), { articles: 4, longFirst: 120 }))).bulletin,
  },
  {
    name: '20 synthetic articles with subheadings, lists, quotes and pictures',
    load: async () => (await loadBulletin(writeSynthetic(mkdtempSync(join(tmpdir(), 'bulletin-syn20-')), { articles: 20, rich: true }))).bulletin,
  },
];

for (const c of cases) {
  for (const templateName of ['newspaper', 'a4']) {
    describe(`${c.name} on ${templateName}`, async () => {
      const bulletin = await c.load();
      const { dl, report } = lay(bulletin, templateName);

      it('keeps the page rules: no widows/orphans, balanced modules, one baseline grid, no stranded headline, full pages', () => {
        expectPageRules(dl, report, `${c.name} on ${templateName}`);
      });

      it('tags every run and rule, one id per headline and per paragraph, in reading order', () => {
        for (const page of dl.pages) {
          for (const it of page.items) if (it.kind !== 'rect') expect(it.tag, JSON.stringify(it).slice(0, 80)).toBeDefined();
        }
        const h2 = new Set<string>();
        for (const page of dl.pages) for (const it of page.items) if (it.kind === 'text' && it.tag!.role === 'H2') h2.add(it.tag!.id);
        expect(h2.size).toBe(bulletin.articles.length);
        // A paragraph id's lines come in reading order: once it is left, it only comes back on a later page (continuation).
        const lastPage = new Map<string, number>();
        for (const page of dl.pages) {
          const seen = new Set<string>();
          let prev = '';
          for (const it of page.items) {
            if (it.kind !== 'text' || it.tag!.role !== 'P' || it.tag!.id === prev) continue;
            expect(seen.has(it.tag!.id), `${it.tag!.id} comes back on page ${page.number}`).toBe(false);
            if (prev) seen.add(prev);
            prev = it.tag!.id;
            if (lastPage.has(it.tag!.id)) expect(lastPage.get(it.tag!.id)).toBe(page.number - 1);
            lastPage.set(it.tag!.id, page.number);
          }
        }
      });

      it('gives the outline, metadata and the faces the renderer embeds', () => {
        const im = bulletin.index.meta;
        expect(dl.outline.map((o) => o.title)).toEqual([im.title, ...bulletin.articles.map((a) => a.meta.title)]);
        expect(dl.outline.every((o) => o.page >= 1 && o.page <= dl.pages.length)).toBe(true);
        expect(dl.meta).toMatchObject({ title: `${im.title} ${im.issue}`, author: im.publisher.join('、'), subject: im.subtitle, date: im.date, lang: 'zh-CN' });
        const used = new Set<string>();
        for (const page of dl.pages) for (const it of page.items) if (it.kind === 'text') used.add(it.face);
        expect(Object.keys(dl.faces).sort()).toEqual([...used].sort());
        for (const f of Object.values(dl.faces)) expect(existsSync(f.path)).toBe(true);
      });

      it('marks continued articles with 下转 and 上接 lines naming the right pages', () => {
        for (const page of dl.pages) {
          for (const it of page.items) {
            if (it.kind !== 'text' || it.tag!.role !== 'Artifact') continue;
            const id = it.tag!.id;
            const runs = page.items.filter((x): x is TextRun => x.kind === 'text' && x.tag?.id === id);
            const text = textOf(runs);
            if (id.endsWith('-jump')) expect(text).toBe(`（下转第${page.number + 1}版）`);
            if (id.endsWith('-cont')) expect(text).toContain(`（上接第${page.number - 1}版）`);
          }
        }
      });
    });
  }
}

describe('a long column name and theme line', async () => {
  const { bulletin } = await loadBulletin(SAMPLE_DIR);
  const long = {
    ...bulletin,
    index: { ...bulletin.index, meta: { ...bulletin.index.meta, title: '安全生产大家谈安全生产大家谈安全生产大家谈', subtitle: `${bulletin.index.meta.subtitle} ${bulletin.index.meta.subtitle} 再加一句` } },
  };
  it('shrink to the type area', () => {
    const { report } = lay(long, 'a4');
    expect(report.outside).toEqual([]);
  });
});

describe('headlines', async () => {
  const { bulletin } = await loadBulletin(SAMPLE_DIR);
  const { dl } = lay(bulletin, 'newspaper');
  const headlines = new Map<string, TextRun[][]>();
  for (const page of dl.pages) {
    for (const it of page.items) {
      if (it.kind !== 'text' || it.tag?.role !== 'H2') continue;
      const lines = headlines.get(it.tag.id) ?? [];
      const line = lines.find((l) => l[0].y === it.y);
      if (line) line.push(it);
      else lines.push([it]);
      headlines.set(it.tag.id, lines);
    }
  }

  it('breaks a two-phrase headline at its space, or keeps the space as a visible gap on one line', () => {
    bulletin.articles.forEach((a, i) => {
      const lines = headlines.get(`a${i + 1}-title`)!;
      const [first, second] = a.meta.title.split(' ');
      if (lines.length === 2) {
        expect(textOf(lines[0])).toBe(first);
        expect(textOf(lines[1])).toBe(second);
      } else {
        expect(lines.length).toBe(1);
        const glyphs = lines[0].flatMap((r) => r.glyphs.toArray().map((g) => ({ ...g, x: r.x + g.x })));
        expect(glyphs.map((g) => g.text).join('')).toBe(a.meta.title);
        const k = glyphs.findIndex((g) => g.text === ' ');
        expect(glyphs[k + 1].x - glyphs[k - 1].x - glyphs[k - 1].advance).toBeGreaterThanOrEqual(lines[0][0].size * 0.9);
      }
    });
  });

  it('sets headlines at 16–20 pt, heavier than the body', () => {
    for (const lines of headlines.values()) {
      for (const run of lines.flat()) {
        expect(run.size).toBeGreaterThanOrEqual(16);
        expect(run.size).toBeLessThanOrEqual(20);
        expect(run.face).toMatch(/900|700/);
      }
    }
  });

  it('gives the same display list for the same input', () => {
    expect(JSON.stringify(lay(bulletin, 'newspaper').dl)).toBe(JSON.stringify(dl));
  });
});
