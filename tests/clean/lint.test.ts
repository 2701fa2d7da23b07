import { describe, it, expect } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { bulletinOf, md } from './bulletin.js';

const LINT = new Set(['unbalanced-pair', 'ascii-punctuation', 'doubled-punctuation', 'space-between-han']);
const lint = (files: Record<string, string>) =>
  analyseBulletin(bulletinOf(files)).diagnostics.filter((d) => LINT.has(d.rule)).map((d) => [d.rule, d.line, d.column]);

describe('punctuation lint', () => {
  it('finds unbalanced quotes and brackets, with the column of the mark', () => {
    expect(lint({ 'a.md': md(['坚持“两个至上发展理念。', '配置了《应急预案》）和（上市公司。']) })).toEqual([
      ['unbalanced-pair', 6, 3],
      ['unbalanced-pair', 8, 10],
      ['unbalanced-pair', 8, 12],
    ]);
  });

  it('finds ASCII marks between Han characters, doubled marks and spaces between Han', () => {
    expect(lint({ 'a.md': md(['安全生产,人人有责。', '安全生产，，人人有责。。', '安全生产 人人有责。']) })).toEqual([
      ['ascii-punctuation', 6, 5],
      ['doubled-punctuation', 8, 5],
      ['doubled-punctuation', 8, 11],
      ['space-between-han', 10, 5],
    ]);
  });

  it('leaves alone what is legitimate: 1+4+N, 14.13千米, ……, ——, numbered 1）, headlines and slogans', () => {
    const files = {
      'index.md': '---\ntitle: 安全生产大家谈\nsubtitle: 以高水平安全服务高质量发展 以新安全格局保障新发展格局\n---\n\n全面修订完善“1+4+N”应急预案体系，守护14.13千米湘江河堤……\n',
      'a.md': md(['## 坚持问题导向 精准发力', '安全生产 人人有责', '**生命至上 安全第一**', '事故“三预防”——预见事故风险。', '1）加强领导；2）压实责任。', 'It’s a PDCA循环，don’t stop.']),
    };
    expect(lint(files)).toEqual([]);
  });

  it('lints paragraphs inside lists and quotes too', () => {
    expect(lint({ 'a.md': md(['- 加强领导,压实责任']) })).toEqual([['ascii-punctuation', 6, 7]]);
  });
});
