// The snapshot's script is rewritten to ASCII (scripts/build-snapshot.mjs,
// asciiOnly) so V8 stores its source at one byte a character. The rewritten
// code must mean exactly what it meant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// A plain JavaScript build script (no types): imported by a path held in a variable.
const script: string = '../../scripts/build-snapshot.mjs';
const { asciiOnly } = (await import(script)) as { asciiOnly: (source: string) => string };

/** Evaluates one expression of source text. */
/** Text of code points 0–127 only. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at NUL on purpose.
const ASCII = /^[\x00-\x7f]*$/;
const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe('asciiOnly', () => {
  const probes = ['中', '（', '、', '字', '\\字', '\\', '😀', '\uD83D', 'a', '·', '第三章'];

  it.each([
    String.raw`/^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三\d]{1,3}[章节])/`,
    String.raw`/[\s·・•‧.\-_,，、]+/u`,
    String.raw`/\字/`,
    String.raw`/\\字/`,
    String.raw`/\\\字/`,
    String.raw`/^[😀a]$/u`,
    String.raw`/^[😀]$/`,
    String.raw`/[一-龥]+/g`,
  ])('keeps what %s matches', (source) => {
    const rewritten = asciiOnly(source);
    expect(rewritten).toMatch(ASCII);
    const before = evaluate(source) as RegExp;
    const after = evaluate(rewritten) as RegExp;
    expect(after.flags).toBe(before.flags);
    for (const probe of probes) expect([probe, after.test(probe)]).toEqual([probe, before.test(probe)]);
  });

  it('keeps strings, template literals and names', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text holds a template literal.
    const source = 'function 标题(x) { const 名 = `第${x}版`; return [名, "（一）", \'😀\']; }';
    const rewritten = asciiOnly(source);
    expect(rewritten).toMatch(ASCII);
    const call = (text: string) => (new Function(`${text}; return 标题(3);`) as () => unknown)();
    expect(call(rewritten)).toEqual(call(source));
  });

  it('leaves ASCII text as it is', () => {
    const source = String.raw`const re = /\u4E00[\\a-z]/g, s = "\\u0041";`;
    expect(asciiOnly(source)).toBe(source);
  });

  it('is what the build leaves in the snapshot entry', () => {
    expect(readFileSync(join(ROOT, 'dist', 'snapshot-entry.cjs'), 'utf8')).toMatch(ASCII);
  });
});
