// Copyfitting (LAYOUT.md "Page composition", src/layout/copyfit.ts): the page
// count is the editor's (`pages:` in index.md, or the layout's `pages`), the
// template's levers move within their ranges to fit the copy to it, both
// ways, and copy that cannot fit is reported as overset with its numbers.
// Asserted on the display list: pages, the sizes the headlines and the lead
// are set at, the rows under the last band.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanBulletin } from '../../src/clean/index.js';
import { loadBulletin } from '../../src/content/load.js';
import type { Bulletin } from '../../src/content/types.js';
import { loadTemplate } from '../../src/design/template.js';
import { BulletinError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DisplayList } from '../../src/layout/display-list.js';
import { layoutBulletin, type FitReport, type LayoutOptions } from '../../src/layout/index.js';
import { leversOf, looserSettings, tighterSettings } from '../../src/layout/levers.js';
import { fontsFor } from './fonts.js';
import { SAMPLE_DIR, writeSynthetic } from './synthetic.js';

interface Laid {
  dl: DisplayList;
  fit: FitReport;
}

async function cleaned(dir: string): Promise<Bulletin> {
  return cleanBulletin((await loadBulletin(dir)).bulletin).bulletin;
}

function lay(bulletin: Bulletin, options: LayoutOptions = {}, templateName = 'newspaper'): Laid {
  const template = loadTemplate(templateName, bulletin.dir);
  let fit: FitReport | undefined;
  const dl = layoutBulletin(bulletin, template, fontsFor(template), { ...options, onFit: (f) => (fit = f) });
  return { dl, fit: fit! };
}

/** The sizes the headlines (H2) are set at, and the lead's (its paragraphs' text items). */
function sizesOf(dl: DisplayList, role: 'H2' | 'lead'): number[] {
  const out = new Set<number>();
  for (const p of dl.pages) {
    for (const it of p.items) {
      if (it.kind !== 'text') continue;
      if (role === 'H2' ? it.tag?.role === 'H2' : it.tag?.parents?.some((q) => q.id === 'lead') || it.tag?.id === 'lead') out.add(it.size);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** A copy of a bulletin folder with index.md's front matter given `pages: N` (or without one). */
function withPages(from: string, pages: number | undefined, extra?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-copyfit-'));
  cpSync(from, dir, { recursive: true });
  const index = join(dir, 'index.md');
  const text = readFileSync(index, 'utf8').replace(/^pages:.*\n/m, '');
  writeFileSync(index, pages === undefined ? text : text.replace(/\n---\n/, `\npages: ${pages}\n---\n`));
  extra?.(dir);
  return dir;
}

/** An article made of the sample's text with every third Han character moved on one code point: as long, not a repeat. */
function extraArticle(dir: string, name: string, from: string): void {
  const text = readFileSync(join(SAMPLE_DIR, from), 'utf8');
  const [, fm, body] = text.split('---\n');
  let i = 0;
  const shifted = body.replace(/[\u4e00-\u9f9f]/g, (c) => (i++ % 3 === 0 ? String.fromCodePoint(c.codePointAt(0)! + 1) : c));
  writeFileSync(join(dir, name), `---\n${fm.replace(/^title: .*$/m, 'title: 多出来的一篇 超出版面的文章')}---\n${shifted}`);
}

function thrown(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof BulletinError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe('the levers', () => {
  const template = loadTemplate('newspaper', SAMPLE_DIR);
  const levers = leversOf(template);

  it('are the template\'s, in its order, each a range holding the template\'s own value', () => {
    expect(levers.map((l) => l.name)).toEqual(['headline', 'headlineFit', 'air', 'lead', 'leadLeading', 'masthead', 'gap']);
    for (const l of levers) expect(l.least <= l.nominal && l.nominal <= l.most, l.name).toBe(true);
  });

  it('tighten the first lever to its least before the next one moves, and loosen the same way', () => {
    const tighter = tighterSettings(levers);
    // The headline goes 20 → 16 first, a point at a time, while everything else stays.
    expect(tighter.slice(0, 4).map((s) => s[0])).toEqual([19, 18, 17, 16]);
    expect(tighter.slice(0, 4).every((s) => s.slice(1).join() === [16, 0, 11, 1.6, 64, 1].join())).toBe(true);
    const last = tighter[tighter.length - 1];
    expect(last).toEqual(levers.map((l) => l.least));
    const looser = looserSettings(levers);
    expect(looser[looser.length - 1]).toEqual(levers.map((l) => l.most));
  });
});

describe('a page count', () => {
  it('fits the sample on the one page its index.md asks for, by the levers, and says which moved', async () => {
    const { dl, fit } = lay(await cleaned(SAMPLE_DIR));
    expect(dl.pages.length).toBe(1);
    expect(fit.target).toBe(1);
    expect(fit.changes.length).toBeGreaterThan(0);
    expect(fit.changes[0]).toMatch(/^headlines 20→1\d(\.5)? pt$/);
    // The headlines are set no larger than the lever took them to.
    const max = Number(/→([\d.]+)/.exec(fit.changes[0])![1]);
    expect(Math.max(...sizesOf(dl, 'H2'))).toBeLessThanOrEqual(max);
  });

  it('leaves the sample on two pages with its levers untouched when the count asked for is two', async () => {
    const { dl, fit } = lay(await cleaned(SAMPLE_DIR), { pages: 2 });
    expect(dl.pages.length).toBe(2);
    // Short copy for two pages: nothing is tightened (what moved, if anything, grew).
    for (const change of fit.changes) {
      const [, from, to] = /([\d.]+)→([\d.]+)/.exec(change)!;
      expect(Number(to), change).toBeGreaterThan(Number(from));
    }
  });

  it('without a count, fits a bulletin whose last page would be nearly empty to one page fewer', async () => {
    const bulletin = await cleaned(withPages(SAMPLE_DIR, undefined));
    const natural = lay(bulletin, { pages: 2 });
    const last = natural.dl.modules!.filter((m) => m.page === 2);
    // The sample's natural second page holds a few rows of one article.
    expect(last.length).toBeGreaterThan(0);
    const { dl, fit } = lay(bulletin);
    expect(dl.pages.length).toBe(1);
    expect(fit.target).toBeUndefined();
    expect(fit.changes.length).toBeGreaterThan(0);
  });

  it('grows the levers when the copy is short of the page: larger lead and headlines, the page fuller', async () => {
    // Three short pieces on a page: far from filling it at the template's own values.
    const dir = writeSynthetic(mkdtempSync(join(tmpdir(), 'bulletin-copyfit-short-')), { articles: 3, lengths: [9, 8, 9] });
    const bulletin = await cleaned(dir);
    const plain = lay(bulletin);
    const grown = lay(bulletin, { pages: 1 });
    expect(plain.dl.pages.length).toBe(1);
    expect(grown.dl.pages.length).toBe(1);
    expect(grown.fit.changes.length).toBeGreaterThan(0);
    for (const change of grown.fit.changes) {
      const [, from, to] = /([\d.]+)→([\d.]+)/.exec(change)!;
      expect(Number(to), change).toBeGreaterThan(Number(from));
    }
    const depth = (l: Laid) => Math.max(...l.dl.modules!.map((m) => m.bandRow + m.bandRows));
    expect(depth(grown)).toBeGreaterThan(depth(plain));
  });
});

describe('overset', () => {
  it('fails a bulletin one article too long for pages: 1, with the lines and characters over and the longest articles', async () => {
    const dir = withPages(SAMPLE_DIR, 1, (d) => extraArticle(d, '08-extra.md', '07-jiang-liping.md'));
    const bulletin = await cleaned(dir);
    const errors = thrown(() => lay(bulletin));
    expect(errors).toHaveLength(1);
    const [d] = errors;
    expect(d).toMatchObject({ severity: 'error', rule: 'overset', line: 10 });
    expect(d.file).toMatch(/index\.md$/);
    expect(d.message).toMatch(/does not fit 1 page even with headlines 20→16 pt/);
    expect(d.message).toMatch(/page 2 holds \d+ lines \([\d,]+ characters\)/);
    expect(d.message).toMatch(/Cut about [\d,]+ characters, e\.g\. from \S*0[67]-[a-z-]+\.md \([\d,]+ characters\)/);
    expect(d.message).toContain('--allow-overset');
  });

  it('goes on onto more pages with --allow-overset, as a warning', async () => {
    const dir = withPages(SAMPLE_DIR, 1, (d) => extraArticle(d, '08-extra.md', '07-jiang-liping.md'));
    const { dl, fit } = lay(await cleaned(dir), { allowOverset: true });
    expect(dl.pages.length).toBe(2);
    expect(fit.overset).toMatchObject({ severity: 'warning', rule: 'overset' });
    expect(dl.modules!.some((m) => m.jumps) || dl.modules!.some((m) => m.page === 2 && !m.continued)).toBe(true);
  });
});
