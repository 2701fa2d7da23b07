// The page search settles its states either one by one as they are asked
// for, or a whole row (every rows-left of an article) at a time, which is
// cheaper on long bulletins (src/layout/page-search/). Which one it uses must not change
// the plan: ties between equally good bands are broken by the order bands are
// tried in, and both ways try them in the same order for every state.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanBulletin } from '../../src/clean/index.js';
import { loadBulletin } from '../../src/content/load.js';
import { prepareArticle } from '../../src/layout/article.js';
import { blocksOf } from '../../src/layout/blocks.js';
import { pageGrid } from '../../src/layout/grid.js';
import { planPages } from '../../src/layout/page-search/index.js';
import { loadTemplate } from '../../src/design/template.js';
import { fontsFor } from './fonts.js';
import { SAMPLE_DIR, writeSynthetic } from './synthetic.js';

async function plans(dir: string, templateName: string) {
  const bulletin = cleanBulletin((await loadBulletin(dir)).bulletin).bulletin;
  const template = loadTemplate(templateName, bulletin.dir);
  const grid = pageGrid(template);
  const env = { grid, template, fonts: fontsFor(template) };
  const articles = bulletin.articles.map((a, index) => prepareArticle(env, {
    index, id: `a${index + 1}`, title: a.meta.title, subtitle: a.meta.subtitle, author: a.meta.author, role: a.meta.role,
    file: a.source.path, blocks: blocksOf(a.tree, `a${index + 1}`, a.source.absPath),
  }));
  // A first page shorter than the others, as under the sample's masthead and lead (15 rows on newspaper).
  const space = { columns: grid.columns, firstRows: grid.rows - 15, rows: grid.rows - 1, gap: 1 };
  return { byState: planPages(articles, { ...space, wholeRows: false }).pages, byRow: planPages(articles, { ...space, wholeRows: true }).pages };
}

describe('the page search', () => {
  const cases: [string, () => string][] = [
    ['the sample', () => SAMPLE_DIR],
    ['24 synthetic articles with pictures and lists', () => writeSynthetic(mkdtempSync(join(tmpdir(), 'bulletin-settle-')), { articles: 24, rich: true })],
  ];
  for (const [name, dir] of cases) {
    for (const templateName of ['newspaper', 'a4']) {
      it(`plans ${name} on ${templateName} alike, whether it settles states one by one or a row at a time`, async () => {
        const { byState, byRow } = await plans(dir(), templateName);
        expect(byRow.length).toBeGreaterThan(1);
        expect(JSON.stringify(byRow)).toBe(JSON.stringify(byState));
      });
    }
  }
});
