// Templates are data: the built-in ones load and give the grid LAYOUT.md
// asks for; user templates extend them; mistakes are reported with the file,
// the key and the line, never a stack trace.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/diagnostics/diagnostic.js';
import { MM, pageGrid } from '../../src/layout/grid.js';
import { loadTemplate, parseTemplateText } from '../../src/design/template.js';
import { tempDir } from '../helpers/cli.js';

function dir(): string {
  return tempDir('bulletin-template-');
}

function errorsOf(fn: () => unknown): { file: string; line: number; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BulletinError);
    return (e as BulletinError).diagnostics;
  }
  throw new Error('expected a BulletinError');
}

describe('built-in templates', () => {
  it('newspaper is the default: A3, 9 pt on 13.5 pt, whole-em columns, 3–5 mm gutters', () => {
    const t = loadTemplate(undefined, dir());
    expect(t.name).toBe('newspaper');
    expect(t.page).toEqual({ width: 297, height: 420 });
    const g = pageGrid(t);
    expect(g.body).toBe(9);
    expect(g.row).toBe(13.5);
    expect(Number.isInteger(g.measure / g.body)).toBe(true);
    expect(g.gutter / MM).toBeGreaterThanOrEqual(3);
    expect(g.gutter / MM).toBeLessThanOrEqual(5);
    // The grid fits the page inside the margins.
    expect(g.left).toBeGreaterThanOrEqual(t.margins.left * MM - 1e-6);
    expect(g.left + g.typeWidth).toBeLessThanOrEqual(g.width - t.margins.right * MM + 1e-6);
    expect(g.top + g.typeHeight).toBeLessThanOrEqual(g.height - t.margins.bottom * MM + 1e-6);
    expect(t.colors.masthead).toEqual([0, 100, 100, 10]);
    expect(t.colors.text).toEqual([0, 0, 0, 100]);
    expect(t.fonts.body).toBe('noto-serif-sc:400');
    expect(t.punctuation).toBe('quanjiao');
  });

  it('a4 is the same design on A4 with fewer columns', () => {
    const t = loadTemplate('a4', dir());
    expect(t.page).toEqual({ width: 210, height: 297 });
    expect(t.grid.columns).toBe(4);
    // Inherited from newspaper.
    expect(t.fonts).toEqual(loadTemplate('newspaper', dir()).fonts);
    const g = pageGrid(t);
    expect(Number.isInteger(g.measure / g.body)).toBe(true);
    expect(g.gutter / MM).toBeGreaterThanOrEqual(3);
    expect(g.gutter / MM).toBeLessThanOrEqual(5);
  });
});

describe('user templates', () => {
  it('extends a built-in one and overrides a few keys, maps merged key by key', () => {
    const d = dir();
    writeFileSync(join(d, 'mine.yaml'), 'extends: newspaper\ngrid:\n  columns: 5\nsizes:\n  headline:\n    max: 18\ncolors:\n  masthead: [0, 90, 80, 0]\n');
    const t = loadTemplate('mine.yaml', d);
    expect(t.grid.columns).toBe(5);
    expect(t.grid.bodySize).toBe(9);
    expect(t.sizes.headline).toEqual({ min: 16, max: 18 });
    expect(t.sizes.masthead).toBe(64);
    expect(t.colors.masthead).toEqual([0, 90, 80, 0]);
    expect(t.file).toBe(join(d, 'mine.yaml'));
    expect(t.dir).toBe(d);
  });

  it('extends another file by a path relative to itself', () => {
    const d = dir();
    mkdirSync(join(d, 'tpl'));
    writeFileSync(join(d, 'tpl', 'base.yaml'), 'extends: a4\npunctuation: kaiming\n');
    writeFileSync(join(d, 'tpl', 'top.yaml'), 'extends: base.yaml\npress: true\n');
    const t = loadTemplate('tpl/top.yaml', d);
    expect(t.page.width).toBe(210);
    expect(t.punctuation).toBe('kaiming');
    expect(t.press).toBe(true);
  });

  it('reports schema errors with the file, the JSON pointer, the line and what is allowed', () => {
    const d = dir();
    writeFileSync(join(d, 'bad.yaml'), [
      'extends: newspaper',
      'grid:',
      '  colums: 5',
      'sizes:',
      '  headline:',
      '    max: 30',
      'punctuation: fullwidth',
      'colors:',
      '  text: [0, 0, 100]',
      '',
    ].join('\n'));
    const errors = errorsOf(() => loadTemplate('bad.yaml', d));
    const by = (pointer: string) => errors.find((e) => e.message.startsWith(`template key ${pointer}:`));
    expect(by('/grid/colums')).toMatchObject({ file: expect.stringContaining('bad.yaml'), line: 3 });
    expect(by('/grid/colums')!.message).toContain('Allowed keys: columns, bodySize, leading, gutter');
    expect(by('/sizes/headline/max')).toMatchObject({ line: 6 });
    expect(by('/sizes/headline/max')!.message).toContain('10 to 28');
    expect(by('/punctuation')).toMatchObject({ line: 7 });
    expect(by('/punctuation')!.message).toContain('"quanjiao", "kaiming", "banjiao"');
    expect(by('/colors/text')).toMatchObject({ line: 9 });
  });

  it('reports cross-key mistakes, unknown templates, missing files, YAML errors and cycles', () => {
    const d = dir();
    writeFileSync(join(d, 'gutter.yaml'), 'extends: newspaper\ngrid:\n  gutter:\n    min: 6\n    max: 4\n');
    expect(errorsOf(() => loadTemplate('gutter.yaml', d))[0]).toMatchObject({ line: 4, message: expect.stringContaining('/grid/gutter/min') });
    expect(errorsOf(() => loadTemplate('tabloid', d))[0].message).toContain('unknown template "tabloid"');
    expect(errorsOf(() => loadTemplate('nope/x.yaml', d))[0].message).toContain('template file not found');
    writeFileSync(join(d, 'broken.yaml'), 'grid: [1,\n');
    expect(errorsOf(() => loadTemplate('broken.yaml', d))[0].message).toContain('not valid YAML');
    writeFileSync(join(d, 'a.yaml'), 'extends: b.yaml\n');
    writeFileSync(join(d, 'b.yaml'), 'extends: a.yaml\n');
    expect(errorsOf(() => loadTemplate('a.yaml', d))[0].message).toContain('leads back to');
  });
});

describe('template parses kept by text', () => {
  it('parses a text once, and an edited file anew', () => {
    const text = 'extends: newspaper\ngrid:\n  columns: 5\n';
    expect(parseTemplateText(text)).toBe(parseTemplateText(text));
    const d = dir();
    writeFileSync(join(d, 'mine.yaml'), text);
    expect(loadTemplate('mine.yaml', d).grid.columns).toBe(5);
    writeFileSync(join(d, 'mine.yaml'), text.replace('5', '4'));
    expect(loadTemplate('mine.yaml', d).grid.columns).toBe(4);
    // Values are fresh objects each time: a caller changing one cannot change the next load.
    const a = loadTemplate('mine.yaml', d);
    (a.grid as { columns: number }).columns = 9;
    expect(loadTemplate('mine.yaml', d).grid.columns).toBe(4);
  });
});
