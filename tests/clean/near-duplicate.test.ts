import { describe, it, expect } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { editSimilarity } from '../../src/clean/rules/near-duplicate.js';
import { bulletinOf, formatted, md, rulesOf } from './bulletin.js';

const A = '四是发挥应急演练备战作用，增强防范突发事件水平。按照“贴近实战、注重实效”原则，有针对性制定年度应急演练计划，通过综合演练、专项演练、桌面演练等多种方式，增强全域应急处置能力和员工自救互救逃生应急能力。';
const B = '三是强化应急演练备战作用，增强防范突发事件水平。按照“贴近实战、注重实效”原则，有针对性制定年度应急演练计划，通过综合演练、专项演练、桌面演练等多种方式，增强全域应急处置能力和员工自救互救逃生应急能力。';

describe('near-duplicate', () => {
  it('reports both sides of a paragraph repeated with a few words changed, in another article', () => {
    const files = { 'a.md': md(['一是加强组织领导。', A]), 'b.md': md(['本单位高度重视安全生产。', B]) };
    const found = rulesOf(analyseBulletin(bulletinOf(files)).diagnostics, 'near-duplicate');
    expect(found.map((d) => [d.file, d.line, d.related])).toEqual([
      ['a.md', 8, [{ file: 'b.md', line: 8, column: 1 }]],
      ['b.md', 8, [{ file: 'a.md', line: 8, column: 1 }]],
    ]);
    expect(found[0].severity).toBe('warning');
  });

  it('never removes a near-duplicate', () => {
    const files = { 'a.md': md([A, B]) };
    expect(formatted(bulletinOf(files))['a.md']).toBe(files['a.md']);
  });

  it('finds a short paragraph with two words changed, not unrelated ones of the same genre', () => {
    const files = {
      'a.md': md([
        '二是强化安全生产责任落实，确保各项措施落到实处。',
        '三是强化安全生产责任追究，确保各项制度落到实处。',
        '各级党委和政府必须承担好保障人民群众安居乐业的重要责任。',
        '企业要严格落实安全生产主体责任，全面排查整治各类隐患。',
      ]),
    };
    const found = rulesOf(analyseBulletin(bulletinOf(files)).diagnostics, 'near-duplicate');
    expect(found.map((d) => d.line)).toEqual([6, 8]);
  });

  it('ignores paragraphs under 20 characters', () => {
    const files = { 'a.md': md(['一是加强组织领导工作。', '二是加强组织协调工作。']) };
    expect(rulesOf(analyseBulletin(bulletinOf(files)).diagnostics, 'near-duplicate')).toEqual([]);
  });

  it('editSimilarity is 1 − distance / longer length', () => {
    expect(editSimilarity('安全生产', '安全生产')).toBe(1);
    expect(editSimilarity('安全生产', '安全发展')).toBe(0.5);
  });
});
