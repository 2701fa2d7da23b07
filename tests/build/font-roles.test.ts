// Font roles decided once (layout/text-roles.ts): the coverage check reads
// each part of the bulletin in the role layout sets it in, so a template whose
// caption face (or subtitle face) lacks a character fails at coverage with
// the character's file:line:column, before anything is laid out or drawn;
// and the drawn runs use the faces of those roles.
//
// ䷀ (U+4DC0, a hexagram) is in LXGW WenKai and in neither Noto face, so a
// template that sets a role's chain in Noto alone cannot print it there.
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BulletinError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import * as layout from '../../src/layout/index.js';
import type { TextRun } from '../../src/layout/display-list.js';
import { TEXT_ROLES } from '../../src/layout/text-roles.js';
import { loadDesign } from '../../src/design/design.js';
import { compile } from '../../src/pipeline/compile.js';
import { VALID_INDEX, tempDir, writeBulletin } from '../helpers/cli.js';
import { png } from '../helpers/png.js';

vi.mock('../../src/layout/index.js', async (original) => {
  const actual = await original<typeof import('../../src/layout/index.js')>();
  return { ...actual, layoutBulletin: vi.fn(actual.layoutBulletin) };
});

const ARTICLE = [
  '---',
  'title: 易经里的安全智慧',
  'subtitle: 从乾卦䷀说起',
  'author: 张三',
  'role: 某镇党委书记',
  '---',
  '',
  '安全生产是一项长期的工作，要始终坚持问题导向，把隐患消灭在萌芽状态。',
  '',
  '> 居安思危，思则有备，有备无患。',
  '',
  '![乾卦䷀的卦象（资料图）](pic.png)',
  '',
].join('\n');

function bulletin(template?: string): string {
  const files: Record<string, string | Uint8Array> = { 'index.md': VALID_INDEX, '01-a.md': ARTICLE, 'pic.png': png(300, 200, true) };
  if (template) files['mine.yaml'] = `extends: newspaper\nfonts:\n${template}`;
  return writeBulletin(files, join(tempDir(), 'b'));
}

/** The diagnostics compile() fails with (it must fail). */
async function failure(dir: string): Promise<Diagnostic[]> {
  try {
    await compile({ dir, template: join(dir, 'mine.yaml') });
  } catch (e) {
    if (e instanceof BulletinError) return e.diagnostics;
    throw e;
  }
  throw new Error('the build did not fail');
}

describe('font roles from one table', () => {
  it('fails at coverage, before layout, when the caption and subtitle faces lack a character', async () => {
    vi.mocked(layout.layoutBulletin).mockClear();
    // Captions are set in Kai: here Kai and its fallbacks are Noto faces.
    const found = await failure(bulletin('  kai: noto-serif-sc:400\n'));
    const missing = found.filter((d) => d.rule === 'missing-glyph');
    // The subtitle (body) and the caption (kai) are both in chains without ䷀: one finding, at the first (the subtitle, line 3).
    expect(missing.map((d) => [basename(d.file), d.line, d.column, d.severity])).toEqual([['01-a.md', 3, 14, 'error']]);
    expect(missing[0].message).toContain('“䷀” (U+4DC0)');
    expect(missing[0].message).toMatch(/"body", "kai"/);
    expect(found).toEqual(missing);
    expect(layout.layoutBulletin).not.toHaveBeenCalled();
  });

  it('fails at coverage with the caption’s file:line:column when the caption face lacks a character', async () => {
    vi.mocked(layout.layoutBulletin).mockClear();
    // The subtitle without ䷀: only the caption's chain (Kai, then body and sans, all Noto here) lacks it.
    const files = { 'index.md': VALID_INDEX, '01-a.md': ARTICLE.replace('从乾卦䷀说起', '从乾卦说起'), 'pic.png': png(300, 200, true) };
    const dir = writeBulletin({ ...files, 'mine.yaml': 'extends: newspaper\nfonts:\n  kai: noto-serif-sc:400\n' }, join(tempDir(), 'b'));
    const only = await failure(dir);
    expect(only.map((d) => [basename(d.file), d.line, d.column, d.rule])).toEqual([['01-a.md', 12, 5, 'missing-glyph']]);
    expect(only[0].message).toMatch(/"kai" text/);
    expect(layout.layoutBulletin).not.toHaveBeenCalled();
  });

  it('checks a subtitle in the face layout sets it in (body), not in bold', async () => {
    // Bold is set in Kai (it has ䷀), body and its fallbacks are Noto: the subtitle, set in body, cannot print ䷀.
    const found = await failure(bulletin('  bold: lxgw-wenkai\n  kai: noto-serif-sc:400\n'));
    const subtitle = found.find((d) => d.line === 3);
    expect(subtitle?.rule).toBe('missing-glyph');
    expect(subtitle?.message).toMatch(/"body"/);
  });

  it('draws each part in the faces of its role', async () => {
    const dir = bulletin();
    const res = await compile({ dir });
    const { fonts } = loadDesign(res.bulletin);
    const runs = res.display.pages.flatMap((p) => p.items).filter((i): i is TextRun => i.kind === 'text');
    const facesOf = (role: string) => new Set(fonts.chain(role).faces.map((f) => f.key));
    const parts: [string, (r: TextRun) => boolean][] = [
      [TEXT_ROLES.caption, (r) => r.tag?.role === 'Caption'],
      [TEXT_ROLES.subtitle, (r) => r.tag?.id === 'a1-subtitle'],
      [TEXT_ROLES.headline, (r) => r.tag?.id === 'a1-title'],
      [TEXT_ROLES.byline, (r) => r.tag?.id === 'a1-byline'],
      [TEXT_ROLES.blockquote, (r) => r.tag?.parents?.some((p) => p.role === 'BlockQuote') ?? false],
    ];
    for (const [role, isPart] of parts) {
      const drawn = runs.filter(isPart);
      expect(drawn.length, role).toBeGreaterThan(0);
      for (const r of drawn) expect(facesOf(role).has(r.face), `${role}: ${r.face}`).toBe(true);
    }
  });
});
