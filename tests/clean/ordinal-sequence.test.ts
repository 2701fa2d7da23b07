import { describe, it, expect } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { hanNumber } from '../../src/content/han-number.js';
import { bulletinOf, md, rulesOf } from './bulletin.js';

const ordinals = (paragraphs: string[]) => rulesOf(analyseBulletin(bulletinOf({ 'a.md': md(paragraphs) })).diagnostics, 'ordinal-sequence');

describe('ordinal-sequence', () => {
  it('reports a skipped and a repeated 一是 … (姜丽平’s 一是, 三是, 四是, 三是)', () => {
    const found = ordinals(['一是强化安全意识。', '三是强化应急演练。', '四是强化制度措施。', '三是加快科技兴安。']);
    expect(found.map((d) => [d.line, d.severity])).toEqual([[8, 'warning'], [12, 'warning']]);
    expect(found[0].message).toContain('二是');
    expect(found[0].related).toEqual([{ file: 'a.md', line: 6, column: 1 }]);
    expect(found[1].message).toContain('五是');
  });

  it('accepts consecutive items, restarts at one, and inline enumerations that continue', () => {
    expect(ordinals(['（一）组织领导', '一是加强领导。二是压实责任。', '三是强化考核。', '（二）工作措施', '一是排查隐患；二是整改落实。'])).toEqual([]);
  });

  it('covers 第一, （一）, 一、, 1. and 首先/其次', () => {
    expect(ordinals(['第一，加强领导。', '第三，强化考核。']).map((d) => d.line)).toEqual([8]);
    expect(ordinals(['（一）组织领导。', '（二）工作措施。', '（二）保障措施。']).map((d) => d.line)).toEqual([10]);
    expect(ordinals(['一、总体要求。', '三、保障措施。']).map((d) => d.line)).toEqual([8]);
    expect(ordinals(['1．总体要求。', '2．主要任务。', '4．保障措施。']).map((d) => d.line)).toEqual([10]);
    expect(ordinals(['其次，我们要建立制度。', '最后，我们要营造氛围。']).map((d) => d.line)).toEqual([6]);
    expect(ordinals(['首先，关注现场。', '其次，建立制度。', '最后，营造氛围。'])).toEqual([]);
  });

  it('checks the numbers typed in an ordered Markdown list, but accepts all-ones', () => {
    expect(ordinals(['1. 加强领导\n2. 压实责任\n2. 强化考核']).map((d) => d.line)).toEqual([8]);
    expect(ordinals(['1. 加强领导\n1. 压实责任\n1. 强化考核'])).toEqual([]);
  });

  it('does not read words like 统一是 or 第一次 as markers', () => {
    expect(ordinals(['思想统一是前提。', '这是第一次全体会议，第三次会议明年召开。'])).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect([hanNumber('一'), hanNumber('十'), hanNumber('十二'), hanNumber('二十'), hanNumber('三十五'), hanNumber('二三')]).toEqual([1, 10, 12, 20, 35, undefined]);
  });
});
