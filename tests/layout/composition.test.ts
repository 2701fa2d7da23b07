// Page composition where the search has to judge, asserted on the display
// list (LAYOUT.md "Page composition", TYPOGRAPHY.md §5): a short piece takes
// fewer, deeper columns rather than a strip across the page; the bulletin's
// last band ends level when its articles allow it; a module's byline is not
// followed by a gap of several rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBulletin } from '../../src/content/load.js';
import type { Bulletin } from '../../src/content/types.js';
import type { DisplayList } from '../../src/layout/display-list.js';
import { layoutBulletin } from '../../src/layout/index.js';
import { loadTemplate } from '../../src/design/template.js';
import { bylineAir, checkLayout, columnDepths, lastBandBottoms, type Report } from './check.js';
import { fontsFor } from './fonts.js';
import { SAMPLE_DIR, writeSynthetic } from './synthetic.js';

function lay(bulletin: Bulletin, templateName: string): { dl: DisplayList; report: Report } {
  const template = loadTemplate(templateName, bulletin.dir);
  // The raw sample (uncleaned, or on a4) does not fit the one page its index.md asks for: set it on more.
  const dl = layoutBulletin(bulletin, template, fontsFor(template), { allowOverset: true });
  return { dl, report: checkLayout(dl, template, bulletin) };
}

/** A bulletin of synthetic articles with these paragraph counts. */
async function synthetic(lengths: number[]): Promise<Bulletin> {
  const dir = writeSynthetic(mkdtempSync(join(tmpdir(), `bulletin-comp-${lengths.join('-')}-`)), { articles: lengths.length, lengths });
  return (await loadBulletin(dir)).bulletin;
}

function expectRules(report: Report): void {
  expect(report.widows).toEqual([]);
  expect(report.unbalanced).toEqual([]);
  expect(report.offGrid).toEqual([]);
  expect(report.stranded).toEqual([]);
  expect(report.missingText).toEqual([]);
}

describe('a short single article', () => {
  // 2, 3 and 5 paragraphs: about 18, 30 and 42 lines, short of filling six columns to a sensible depth.
  for (const paragraphs of [2, 3, 5]) {
    for (const templateName of ['newspaper', 'a4']) {
      it(`of ${paragraphs} paragraphs on ${templateName} takes fewer, deeper columns, not a strip across the page`, async () => {
        const { dl, report } = lay(await synthetic([paragraphs]), templateName);
        expectRules(report);
        expect(dl.pages.length).toBe(1);
        const depths = columnDepths(report.lines).get('1|a1')!;
        expect(Math.min(...depths), `lines per column ${depths.join('/')}`).toBeGreaterThanOrEqual(6);
        // Text for fewer than five lines in every column leaves some columns white beside it.
        const total = depths.reduce((a, b) => a + b, 0);
        if (total < 5 * report.grid.columns) expect(depths.length).toBeLessThan(report.grid.columns);
      });
    }
  }
});

describe('the last band', () => {
  // Two pieces that can end level side by side (the first set over more columns than the second, or the
  // reverse): the last page must not run far down on one side while the other side is mostly white.
  // (The search before this rule left these 9 to 26 rows apart.)
  const cases: [number[], string][] = [[[2, 9], 'newspaper'], [[6, 9], 'newspaper'], [[10, 3], 'newspaper'], [[6, 2], 'newspaper'], [[4, 2], 'a4'], [[8, 2], 'a4']];
  for (const [lengths, templateName] of cases) {
    it(`of articles of ${lengths.join(' and ')} paragraphs on ${templateName} ends within 4 rows across its columns`, async () => {
      const { dl, report } = lay(await synthetic(lengths), templateName);
      expectRules(report);
      const bottoms = lastBandBottoms(dl, report.grid, report.lines);
      expect(bottoms.length).toBeGreaterThan(1);
      expect(Math.max(...bottoms) - Math.min(...bottoms), `column bottoms ${bottoms.join(',')}`).toBeLessThanOrEqual(4);
    });
  }
});

describe('air under a byline', () => {
  const cases: { name: string; load: () => Promise<Bulletin> }[] = [
    { name: 'the sample', load: async () => (await loadBulletin(SAMPLE_DIR)).bulletin },
    { name: 'articles of 4, 4 and 4 paragraphs', load: () => synthetic([4, 4, 4]) },
    { name: 'articles of 11, 3, 5 and 2 paragraphs', load: () => synthetic([11, 3, 5, 2]) },
  ];
  for (const c of cases) {
    for (const templateName of ['newspaper', 'a4']) {
      it(`is one row at most in ${c.name} on ${templateName}`, async () => {
        const { dl, report } = lay(await c.load(), templateName);
        const air = bylineAir(dl, report.grid, report.lines);
        expect(air.size).toBeGreaterThan(0);
        const gaps = [...air.entries()].filter(([, rows]) => rows > 1 || rows < 0);
        expect(gaps).toEqual([]);
      });
    }
  }
});
