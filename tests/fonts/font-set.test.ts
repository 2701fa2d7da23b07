import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFontSet } from '../../src/fonts/font-set.js';
import { builtinFonts } from '../../src/fonts/catalog.js';
import { BulletinError } from '../../src/diagnostics/diagnostic.js';
import { tempDir } from '../helpers/cli.js';

const SANS400 = builtinFonts().get('noto-sans-sc')!.file(400)!;
const SERIF700 = builtinFonts().get('noto-serif-sc')!.file(700)!;

function errorOf(f: () => unknown): BulletinError {
  try {
    f();
  } catch (e) {
    if (e instanceof BulletinError) return e;
    throw e;
  }
  throw new Error('expected a BulletinError');
}

describe('built-in roles', () => {
  it('resolves the default roles to the installed files', () => {
    const set = loadFontSet({ searchDirs: [] });
    expect(set.roles()).toEqual(['body', 'bold', 'heavy', 'sans', 'sansBold', 'kai']);
    expect(set.resolved('body').key).toBe('noto-serif-sc-400');
    expect(set.resolved('body').file).toMatch(/noto-serif-sc\/400Regular\/NotoSerifSC_400Regular\.ttf$/);
    expect(set.resolved('heavy').file).toMatch(/900Black\/NotoSerifSC_900Black\.ttf$/);
    expect(set.resolved('sansBold').file).toMatch(/noto-sans-sc\/700Bold\/NotoSansSC_700Bold\.ttf$/);
    expect(set.resolved('kai').key).toBe('lxgw-wenkai-400');
    expect(set.resolved('kai').file).toMatch(/lxgw-wenkai-latin-500-normal\.woff$/);
  });

  it('builds each chain from the role and its fallbacks', () => {
    const set = loadFontSet({ searchDirs: [] });
    expect(set.chain('body').faces.map((f) => f.key)).toEqual(['noto-serif-sc-400', 'noto-sans-sc-400', 'lxgw-wenkai-400']);
    expect(set.chain('kai').faces.map((f) => f.key)).toEqual(['lxgw-wenkai-400', 'noto-serif-sc-400', 'noto-sans-sc-400']);
    expect(set.chain('heavy').faces.map((f) => f.key)).toEqual([
      'noto-serif-sc-900', 'noto-serif-sc-700', 'noto-sans-sc-700', 'noto-serif-sc-400', 'noto-sans-sc-400', 'lxgw-wenkai-400',
    ]);
    // The Kai face is a converted TTF, not the WOFF (pdfkit must never see a web font).
    expect(set.chain('kai').faces[0].path).toMatch(/\.ttf$/);
    expect(set.chain('kai').faces[0].postscriptName).toBe('LXGWWenKai-Regular');
    expect(set.chain('kai').resolve('安'.codePointAt(0)!)?.face.key).toBe('lxgw-wenkai-400');
    expect(set.faces().map((f) => f.key)).toEqual([
      'noto-serif-sc-400', 'noto-serif-sc-700', 'noto-serif-sc-900', 'noto-sans-sc-400', 'noto-sans-sc-700', 'lxgw-wenkai-400',
    ]);
  });

  it('shares opened faces between font sets', () => {
    const a = loadFontSet({ searchDirs: [] }).chain('body').faces[0];
    const b = loadFontSet({ searchDirs: [] }).chain('body').faces[0];
    expect(a).toBe(b);
  });

  it('rejects an unknown role with the list of roles', () => {
    expect(() => loadFontSet({ searchDirs: [] }).chain('caption')).toThrow(/no font role "caption".*body, bold/);
  });
});

describe('override layers', () => {
  let root: string;
  let projectFonts: string;
  let bulletinFonts: string;
  beforeAll(() => {
    root = tempDir('bulletin-fonts-');
    projectFonts = join(root, 'fonts');
    bulletinFonts = join(root, 'issue', 'fonts');
    mkdirSync(projectFonts, { recursive: true });
    mkdirSync(bulletinFonts, { recursive: true });
    copyFileSync(SANS400, join(projectFonts, 'MyKai.ttf'));
    symlinkSync(SERIF700, join(bulletinFonts, 'Body Font.ttf'));
    writeFileSync(join(projectFonts, 'fonts.yaml'), 'body: noto-sans-sc\nkai: MyKai\nheavy: noto-serif-sc:700\n');
    writeFileSync(join(bulletinFonts, 'fonts.yaml'), '# the issue’s own fonts\nbody: ./Body Font.ttf\n');
  });

  it('lets later layers win, role by role', () => {
    const set = loadFontSet({ searchDirs: [projectFonts, bulletinFonts] });
    const body = set.resolved('body');
    expect(body.file).toBe(join(bulletinFonts, 'Body Font.ttf'));
    expect(body.key).toBe('user-body-font');
    expect(body.origin.layer).toMatch(/issue\/fonts\/fonts\.yaml$/);
    const kai = set.resolved('kai');
    expect(kai.file).toBe(join(projectFonts, 'MyKai.ttf'));
    expect(kai.key).toBe('user-mykai');
    expect(set.resolved('heavy').key).toBe('noto-serif-sc-700');
    expect(set.resolved('bold').origin.layer).toBe('built-in');
    // The symlink is the same file as the built-in bold serif: opened once.
    expect(realpathSync(set.chain('body').faces[0].path)).toBe(realpathSync(SERIF700));
    expect(set.chain('kai').faces[0].path).toBe(join(projectFonts, 'MyKai.ttf'));
    expect(set.chain('kai').faces[0].key).toBe('user-mykai');
  });

  it('puts the fonts/ folders above the template map, template paths relative to its base dir', () => {
    const set = loadFontSet({
      searchDirs: [projectFonts, bulletinFonts],
      roles: { body: 'fonts/MyKai.ttf', sans: 'fonts/MyKai.ttf', caption: 'noto-sans-sc:700' },
      rolesBaseDir: root,
      rolesOrigin: 'templates/newspaper.yaml',
    });
    // body is named by the template and by the bulletin's fonts.yaml: the folder wins.
    expect(set.resolved('body').file).toBe(join(bulletinFonts, 'Body Font.ttf'));
    expect(set.resolved('body').origin.layer).toMatch(/issue\/fonts\/fonts\.yaml$/);
    // sans is named only by the template: its relative path resolves against rolesBaseDir.
    expect(set.resolved('sans').file).toBe(join(projectFonts, 'MyKai.ttf'));
    expect(set.resolved('sans').origin.layer).toBe('templates/newspaper.yaml');
    expect(set.roles()).toEqual(['body', 'bold', 'heavy', 'sans', 'sansBold', 'kai', 'caption']);
    // A template's own role falls back like body (body → sans → kai); the
    // bulletin's body font is a symlink to the bold serif, opened once under its key.
    expect(set.chain('caption').faces.map((f) => f.key)).toEqual(['noto-sans-sc-700', 'noto-serif-sc-700', 'user-mykai']);
  });

  it('names the spec, its origin and the allowed names for an unknown font', () => {
    const dir = tempDir('bulletin-fonts-');
    writeFileSync(join(dir, 'fonts.yaml'), 'body: noto-serif-sc\nkai: fangzheng-kai\n');
    const err = errorOf(() => loadFontSet({ searchDirs: [dir] }));
    const d = err.diagnostics[0];
    expect(d.rule).toBe('unknown-font');
    expect(d.file).toMatch(/fonts\.yaml$/);
    expect([d.line, d.column]).toEqual([2, 6]);
    expect(d.message).toContain('role "kai"');
    expect(d.message).toContain('"fangzheng-kai"');
    expect(d.message).toContain('noto-serif-sc (weights 200, 300, 400, 500, 600, 700, 800, 900');
    expect(d.message).toContain('lxgw-wenkai (weights 300, 400, 700');
  });

  it('reports a bad spec even when a later layer overrides its role', () => {
    const dir = tempDir('bulletin-fonts-');
    writeFileSync(join(dir, 'fonts.yaml'), 'kai: lxgw-wenkia\n');
    const err = errorOf(() => loadFontSet({ searchDirs: [dir], roles: { kai: 'lxgw-wenkai' } }));
    expect(err.diagnostics[0].rule).toBe('unknown-font');
    expect(err.diagnostics[0].message).toContain('"lxgw-wenkia"');
  });

  it('reports a missing file and a missing weight', () => {
    const missing = errorOf(() => loadFontSet({ searchDirs: [], roles: { kai: 'fonts/Nope.ttf' }, rolesBaseDir: root }));
    expect(missing.diagnostics[0].rule).toBe('font-file-missing');
    expect(missing.diagnostics[0].message).toContain(join(root, 'fonts', 'Nope.ttf'));
    expect(missing.diagnostics[0].file).toBe('template');
    const weight = errorOf(() => loadFontSet({ searchDirs: [], roles: { sans: 'noto-sans-sc:450' } }));
    expect(weight.diagnostics[0].message).toMatch(/noto-sans-sc has no weight 450.*100, 200, 300, 400, 500, 600, 700, 800, 900/);
  });

  it('reports fonts.yaml that is not a role map, at the line', () => {
    const dir = tempDir('bulletin-fonts-');
    writeFileSync(join(dir, 'fonts.yaml'), 'body: noto-serif-sc\nkai:\n  - a\n');
    const err = errorOf(() => loadFontSet({ searchDirs: [dir] }));
    expect(err.diagnostics[0].rule).toBe('fonts-yaml');
    expect(err.diagnostics[0].line).toBe(3);
    expect(err.diagnostics[0].message).toContain('role "kai" needs a font');
  });
});
