// The sample bulletin (content/, transcribed from the seed with its defects)
// through the command line (run in-process): `check --json` finds every defect of the
// CONTENT.md table, `fmt --write` leaves the text an editor would have typed.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { copySample, SAMPLE, type JsonDiagnostic } from '../helpers/cli.js';
import { bodyParagraphs } from './bulletin.js';
import { runCommand } from '../helpers/run-in-process.js';

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\*\*/g, '');
const readAll = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('check on the sample', () => {
  let diagnostics: JsonDiagnostic[];
  let code: number;
  beforeAll(async () => {
    const r = await runCommand(['check', 'content', '--json']);
    code = r.code;
    diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  });
  const at = (rule: string) => diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file.replace('content/', '')}:${d.line}`);
  /** The cleaning's findings: not the composition's loose lines. */
  const cleaning = () => diagnostics.filter((d) => d.rule !== 'loose-line');

  it('exits 0 (nothing is an error) and 1 with --strict', async () => {
    expect(code).toBe(0);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect((await runCommand(['check', 'content', '--strict'])).code).toBe(1);
  });

  it('reports exactly the defects of the CONTENT.md table', () => {
    expect(at('exact-duplicate')).toEqual(['05-liao-zhiwei.md:19', '05-liao-zhiwei.md:21', '05-liao-zhiwei.md:23', '06-liu-dongmei.md:23', '06-liu-dongmei.md:25']);
    expect(at('fragment-duplicate')).toEqual(['05-liao-zhiwei.md:17', '06-liu-dongmei.md:21']);
    // 抓一时利/长远”, 协调指导、/督查督办”, 组建/470人, 矿山、冶炼系统/严格对照, ，/更好统筹, 保/障人民, 提/高员工, 责任清/单
    expect(at('split-paragraph')).toEqual([
      '01-hu-xiaogang.md:9', '01-hu-xiaogang.md:13', '02-li-jian.md:13', '03-huang-anping.md:13',
      '04-hu-guoxiong.md:9', '04-hu-guoxiong.md:15', '06-liu-dongmei.md:13', '07-jiang-liping.md:15',
    ]);
    expect(at('near-duplicate')).toEqual(['03-huang-anping.md:19', '07-jiang-liping.md:13']);
    expect(at('ordinal-sequence')).toEqual(['07-jiang-liping.md:13', '07-jiang-liping.md:21']);
    // no lint noise: headlines' spaces, 1+4+N, 14.13千米 are fine
    expect(cleaning()).toHaveLength(19);
    // The sample asks for one page, so check composes it and reports the lines it letter-spaces (tests/build/loose-lines.test.ts).
    expect(at('loose-line').length).toBeGreaterThan(0);
  });

  it('gives every finding the location of the paragraph it relates to', () => {
    for (const d of cleaning()) expect(d.related?.length ?? 0).toBeGreaterThan(0);
    const fragment = diagnostics.find((d) => d.rule === 'fragment-duplicate' && d.file.endsWith('06-liu-dongmei.md'));
    expect(fragment?.related).toEqual([{ file: 'content/06-liu-dongmei.md', line: 13, column: 1 }]);
  });
});

describe('fmt --write on a copy of the sample', () => {
  let dir: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  beforeAll(async () => {
    dir = copySample();
    before = readAll(dir);
    const r = await runCommand(['fmt', '--write', dir]);
    expect(r.code).toBe(0);
    after = readAll(dir);
  });

  it('leaves nothing repeated and nothing split, front matter byte for byte', () => {
    for (const [f, text] of Object.entries(after)) {
      const fm = (t: string) => t.slice(0, t.indexOf('\n---\n') + 5);
      expect(fm(text)).toBe(fm(before[f]));
      const paras = bodyParagraphs(text);
      expect(new Set(paras).size).toBe(paras.length);
      for (const p of paras.slice(0, -1)) expect(p).toMatch(/[。！？…”’：；]$/);
    }
    expect(bodyParagraphs(after['05-liao-zhiwei.md'])).toHaveLength(5);
    expect(bodyParagraphs(after['06-liu-dongmei.md'])).toHaveLength(6);
    expect(after['06-liu-dongmei.md']).toContain('定期组织安全教育和培训，提高员工的安全意识和技能');
    expect(after['01-hu-xiaogang.md']).toContain('安全生产“抓一时利长远”，要始终');
    expect(after['04-hu-guoxiong.md']).toContain('做到“事事尽心为上”，更好统筹发展和安全');
    expect(after['index.md']).toBe(before['index.md']);
  });

  it('keeps the near-duplicate on both sides', () => {
    expect(after['03-huang-anping.md']).toContain('四是发挥应急演练备战作用');
    expect(after['07-jiang-liping.md']).toContain('三是强化应急演练备战作用');
  });

  it('loses nothing: every character of every removed paragraph is still in the kept text', () => {
    for (const f of Object.keys(before)) {
      const kept = bodyParagraphs(after[f]).map(norm);
      const keptText = kept.join('');
      for (const p of bodyParagraphs(before[f])) {
        const n = norm(p);
        // each original paragraph is either kept inside some paragraph or a piece of one joined
        expect(keptText.includes(n)).toBe(true);
      }
      // joins preserve characters: what is kept, in order, is the original minus removed copies
      const original = bodyParagraphs(before[f]).map(norm).join('');
      let i = 0;
      for (const ch of keptText) {
        i = original.indexOf(ch, i);
        expect(i).toBeGreaterThanOrEqual(0);
        i++;
      }
    }
  });

  it('changes nothing the second time, and check then reports only what the editor must decide', async () => {
    const again = await runCommand(['fmt', '--write', dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to change');
    expect(readAll(dir)).toEqual(after);
    const r = await runCommand(['check', dir, '--json']);
    // The composition's loose lines are the editor's to decide too, and tested on their own (tests/build/loose-lines.test.ts).
    const rules = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.map((d) => d.rule).filter((rule) => rule !== 'loose-line');
    expect(rules.sort()).toEqual(['near-duplicate', 'near-duplicate', 'ordinal-sequence', 'ordinal-sequence']);
  });

  it('without --write prints a unified diff and changes nothing', async () => {
    const fresh = copySample();
    const r = await runCommand(['fmt', fresh]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-{3} a\/.*05-liao-zhiwei\.md$/m);
    expect(r.stdout).toContain('-人防、物防、技防、工防机制，有力守护了汛期安全。');
    expect(readAll(fresh)).toEqual(readAll(SAMPLE));
  });
});
