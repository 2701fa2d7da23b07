// `bulletin fonts` through the command line (run in-process).
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-in-process.js';

function issueWithFonts(yaml: string): { root: string; dir: string } {
  const root = tempDir();
  const dir = writeBulletin(
    { 'index.md': VALID_INDEX.replace('这是导语段落', '这是“导语”段落'), '01-a.md': article('标题一 标题二', '王𠀀', '正文“引号”和间隔号·，还有𠀀字。') },
    join(root, 'issue'),
  );
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'fonts.yaml'), yaml);
  return { root, dir };
}

describe('bulletin fonts', () => {
  it('lists roles, chains, faces and coverage as JSON', async () => {
    const { root } = issueWithFonts('caption: noto-sans-sc:300\n');
    const r = await runCommand(['fonts', 'issue', '--json'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const listing = JSON.parse(r.stdout);
    // A role added by the bulletin's fonts.yaml, falling back like body.
    const caption = listing.roles.find((x: { role: string }) => x.role === 'caption');
    expect(caption.spec).toBe('noto-sans-sc:300');
    expect(caption.layer).toBe(join('issue', 'fonts', 'fonts.yaml'));
    expect(caption.chain).toEqual(['noto-sans-sc-300', 'noto-serif-sc-400', 'noto-sans-sc-400', 'lxgw-wenkai-400']);
    const kai = listing.roles.find((x: { role: string }) => x.role === 'kai');
    expect(kai.chain).toEqual(['lxgw-wenkai-400', 'noto-serif-sc-400', 'noto-sans-sc-400']);
    // The author 王𠀀 is set in Kai: 𠀀 is in no font.
    expect(kai.coverage.missing).toEqual(['𠀀 U+20000']);
    expect(listing.coverage.missing).toEqual(['𠀀 U+20000']);
    const body = listing.roles.find((x: { role: string }) => x.role === 'body');
    expect(body.coverage.missing).toEqual(['𠀀 U+20000']);
    // The lead is Kai: its “ ” come from the serif (full-width), not WenKai.
    expect(kai.coverage.byFace['noto-serif-sc-400']).toBe(2);
    const serif = listing.faces.find((f: { key: string }) => f.key === 'noto-serif-sc-400');
    expect(serif).toMatchObject({ family: 'Noto Serif SC', subfamily: 'Regular', license: 'OFL-1.1', glyphs: 30920 });
    expect(serif.gpos).toEqual(expect.arrayContaining(['chws', 'halt', 'kern', 'palt']));
    const wenkai = listing.faces.find((f: { key: string }) => f.key === 'lxgw-wenkai-400');
    expect(wenkai).toMatchObject({ family: 'LXGW WenKai', glyphs: 30429, license: 'OFL-1.1' });
    expect(wenkai.path).toMatch(/\.ttf$/);
    expect(wenkai.source).toMatch(/lxgw-wenkai-latin-500-normal\.woff$/);
    expect(listing.faces.map((f: { key: string }) => f.key)).toContain('noto-sans-sc-300');
  });

  it('prints a readable listing', async () => {
    const { root } = issueWithFonts('body: noto-serif-sc\n');
    const r = await runCommand(['fonts', 'issue'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Fonts for issue: \d+ characters, \d+ distinct, 1 missing\n  missing: 𠀀 U\+20000\n/);
    // The layer is the template's map or the built-in default, whichever the sample template uses.
    expect(r.stdout).toMatch(/\n  kai +lxgw-wenkai  \((built-in|template [^)]+)\)\n +chain: lxgw-wenkai-400 → noto-serif-sc-400 → noto-sans-sc-400\n/);
    expect(r.stdout).toMatch(/lxgw-wenkai-400: LXGW WenKai Regular \(LXGWWenKai-Regular\), Version 1\.311.*OFL-1\.1/);
    expect(r.stdout).toMatch(/glyphs: 30,920; GSUB: .*fwid.*; GPOS: .*chws/);
  });

  it('fails with the fonts.yaml line for an unknown font', async () => {
    const { root } = issueWithFonts('body: noto-serif-sc\ncaption: source-han-serif:900\n');
    const r = await runCommand(['fonts', 'issue'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issue\/fonts\/fonts\.yaml:2:10 .*unknown font "source-han-serif:900"/);
    expect(r.stderr).toContain('noto-sans-sc (weights');
  });
});
