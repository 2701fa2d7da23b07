// fmt's plan on bulletins with every defect kind: byte-exact splicing (BOM,
// CRLF, front matter, untouched paragraphs), idempotence, nothing lost, and
// the same result as cleanBulletin's in-memory trees.
import { describe, it, expect } from 'vitest';
import type { Root } from 'mdast';
import { cleanBulletin } from '../../src/clean/index.js';
import { planFormatting } from '../../src/clean/format.js';
import { bulletinOf, formatted, md, bodyParagraphs } from './bulletin.js';

const P = [
  '衡阳国家高新区紧紧围绕“三坚决两确保”总目标，一抓到底、一严到底，坚决打好安全生产翻身仗。',
  '三是以“四防联动”防汛度汛。作为湘江沿岸乡镇，全方位构建了防汛救灾人防、物防、技防、工防机制，有力守护了汛期安全。',
  '四是以“全要素保障”强化安全支撑。每年安排20万元专项经费保障安全生产工作，实现人、财、物全方位保障。',
  '必须坚持党政同责、一岗双责、齐抓共管、失职追责，坚决做到守土有责、守土负责、守土尽责。',
];

/** Every defect kind, plus traps, in one file. */
const DEFECTS = md([
  P[0],
  '安全生产“抓一时利',
  '长远”，要始终树牢以人民为中心的发展思想，牢牢守住不发生重大事故的红线底线。',
  P[1],
  P[2],
  '人防、物防、技防、工防机制，有力守护了汛期安全。',
  P[2],
  '## 坚持问题导向',
  '主要做法有：',
  '- 加强组织领导\n- 压实安全责任',
  '安全第一',
  P[3],
  '四是以“全要素保障”强化安全支撑。每年安排30万元专项经费保障安全生产工作，实现人、财、物全方位保障。',
  '安全第一',
]);

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\*\*/g, '');

function textOf(tree: Root): string[] {
  const out: string[] = [];
  const walk = (n: { type: string; value?: string; children?: unknown[] }, acc: string[]): void => {
    if (n.type === 'text' && n.value) acc.push(n.value);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c, acc);
  };
  for (const c of tree.children) {
    if (c.type !== 'paragraph') continue;
    const acc: string[] = [];
    walk(c as never, acc);
    out.push(acc.join(''));
  }
  return out;
}

describe('fmt plan', () => {
  it('repairs every defect kind, keeps traps and near-duplicates, loses nothing', () => {
    const b = bulletinOf({ 'a.md': DEFECTS });
    const out = formatted(b)['a.md'];
    const paras = bodyParagraphs(out);
    expect(paras).toEqual([
      P[0],
      '安全生产“抓一时利长远”，要始终树牢以人民为中心的发展思想，牢牢守住不发生重大事故的红线底线。',
      P[1],
      P[2],
      '## 坚持问题导向',
      '主要做法有：',
      '- 加强组织领导\n- 压实安全责任',
      '安全第一',
      P[3],
      '四是以“全要素保障”强化安全支撑。每年安排30万元专项经费保障安全生产工作，实现人、财、物全方位保障。',
      '安全第一',
    ]);
    // every removed paragraph's characters are in the kept text
    const kept = norm(paras.join(''));
    for (const p of bodyParagraphs(DEFECTS)) expect(kept).toContain(norm(p));
  });

  it('is idempotent: planning again on the result changes nothing', () => {
    const once = formatted(bulletinOf({ 'a.md': DEFECTS }))['a.md'];
    expect(planFormatting(bulletinOf({ 'a.md': once })).edits).toEqual([]);
  });

  it('keeps the BOM and CRLF line endings, and the front matter byte for byte', () => {
    const crlf = DEFECTS.replace(/\n/g, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(crlf)]);
    const plan = planFormatting(bulletinOf({ 'a.md': bytes }));
    expect(plan.edits).toHaveLength(1);
    const written = plan.edits[0].bytes;
    expect([...written.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(written.slice(3));
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.startsWith(crlf.slice(0, crlf.indexOf('---\r\n', 4) + 5))).toBe(true);
    expect(text.replace(/\r\n/g, '\n')).toBe(formatted(bulletinOf({ 'a.md': DEFECTS }))['a.md']);
    expect(plan.edits[0].diff).toContain('-人防、物防、技防、工防机制，有力守护了汛期安全。');
  });

  it('reports one applied diagnostic per removal and join, with file and line', () => {
    const plan = planFormatting(bulletinOf({ 'a.md': DEFECTS }));
    expect(plan.applied.map((d) => [d.rule, d.line])).toEqual([
      ['split-paragraph', 8],
      ['fragment-duplicate', 16],
      ['exact-duplicate', 18],
    ]);
  });

  it('cleanBulletin gives the same paragraphs in memory and leaves the input alone', () => {
    const b = bulletinOf({ 'a.md': DEFECTS });
    const before = JSON.stringify(b.articles[0].tree);
    const cleaned = cleanBulletin(b);
    expect(JSON.stringify(b.articles[0].tree)).toBe(before);
    const fromFmt = bodyParagraphs(formatted(b)['a.md']).filter((p) => !/^(##|-)/.test(p));
    expect(textOf(cleaned.bulletin.articles[0].tree)).toEqual(fromFmt);
    expect(cleaned.applied).toHaveLength(3);
    // untouched nodes are the original objects, positions intact
    const original = b.articles[0].tree.children;
    for (const n of cleaned.bulletin.articles[0].tree.children) {
      if (n.type !== 'paragraph' || n.position?.start.line !== 8) expect(original).toContain(n);
    }
    // the index, untouched, is the very same document
    expect(cleaned.bulletin.index).toBe(b.index);
  });
});
