import { describe, it, expect } from 'vitest';
import { analyseBulletin, cleanBulletin } from '../../src/clean/index.js';
import { bulletinOf, formatted, md, rulesOf, bodyParagraphs } from './bulletin.js';

const splits = (files: Record<string, string>) => rulesOf(analyseBulletin(bulletinOf(files)).diagnostics, 'split-paragraph');

describe('split-paragraph', () => {
  it('joins a paragraph cut mid-word across several blank lines, with no space between CJK', () => {
    const b = bulletinOf({ 'a.md': md(['第一段讲安全生产，要定期组织安全教育和培训，提', '\n\n高员工的安全意识和技能。', '第三段结束。']) });
    const found = splits({ 'a.md': b.articles[0].source.text });
    expect(found).toHaveLength(1);
    // at the end of the first half (line 6), pointing at the continuation (line 10)
    expect(found[0]).toMatchObject({ file: 'a.md', line: 6, severity: 'warning' });
    expect(found[0].related?.[0]).toMatchObject({ file: 'a.md', line: 10, column: 1 });
    expect(bodyParagraphs(formatted(b)['a.md'])).toEqual(['第一段讲安全生产，要定期组织安全教育和培训，提高员工的安全意识和技能。', '第三段结束。']);
  });

  it('joins a paragraph ending with a comma (胡果雄’s case)', () => {
    const text = md(['必须牢固树立和践行正确政绩观，做到“事事尽心为上”，', '更好统筹发展和安全，切实维护人民群众生命财产安全。']);
    expect(splits({ 'a.md': text })).toHaveLength(1);
    expect(bodyParagraphs(formatted(bulletinOf({ 'a.md': text }))['a.md'])).toEqual([
      '必须牢固树立和践行正确政绩观，做到“事事尽心为上”，更好统筹发展和安全，切实维护人民群众生命财产安全。',
    ]);
  });

  it('puts a space only between two Latin words', () => {
    const text = md(['The plan covers safety training for every', 'worker on site, and 班组长 take part.']);
    expect(bodyParagraphs(formatted(bulletinOf({ 'a.md': text }))['a.md'])).toEqual([
      'The plan covers safety training for every worker on site, and 班组长 take part.',
    ]);
  });

  it('joins three pieces into one', () => {
    const text = md(['全面修订完善应急预案体系，组建', '470人的综合应急救援队伍，每年固定开展', '4场次综合演练，切实提升应急处突能力。']);
    expect(splits({ 'a.md': text })).toHaveLength(2);
    expect(bodyParagraphs(formatted(bulletinOf({ 'a.md': text }))['a.md'])).toEqual([
      '全面修订完善应急预案体系，组建470人的综合应急救援队伍，每年固定开展4场次综合演练，切实提升应急处突能力。',
    ]);
  });

  it('never joins across a heading, list, quote, table or the end of the file', () => {
    const text = md([
      '## 一、总体要求',
      '各单位要高度重视安全生产工作',
      '## 二、主要措施',
      '主要措施包括以下几个方面',
      '- 加强组织领导',
      '引用之前的段落没有标点',
      '> 安全生产是民生大事',
      '表格之前的段落没有标点',
      '| 项目 | 数量 |\n| --- | --- |\n| 隐患 | 13 |',
      '文件最后一段没有标点',
    ]);
    expect(splits({ 'a.md': text })).toEqual([]);
  });

  it('does not join a paragraph ending in ： followed by a list, nor one ending a sentence', () => {
    const text = md(['主要做法有以下几点：', '1. 加强组织领导。\n2. 强化责任落实。', '一是加强组织领导。', '他说：“安全生产是民生大事。”', '事故“三预防”——预见事故风险、预防事故发生、预案应急处理…', '二是强化责任落实。']);
    expect(splits({ 'a.md': text })).toEqual([]);
  });

  it('leaves a heading typed as a paragraph alone: a bold line, a short line without punctuation, a numbered title', () => {
    const text = md(['**一、提高政治站位**', '各单位要提高政治站位，切实增强做好安全生产工作的责任感。', '（二）工作措施', '一是排查隐患；二是整改落实。', '（记者 张三 通讯员 李四）', '安全生产 人人有责', '本单位持续推进安全文化建设。']);
    expect(splits({ 'a.md': text })).toEqual([]);
  });

  it('keeps a short line that recurs (安全第一 opening two articles), joins one seen once (a head cut early)', () => {
    const files = {
      'a.md': md(['安全第一', '预防为主是安全生产工作的基本方针，必须长期坚持。']),
      'b.md': md(['安全第一', '综合治理是安全生产工作的重要手段，必须统筹推进。']),
      'c.md': md(['萱洲', '镇坚持把安全生产作为最重要的底线工作来抓。']),
    };
    expect(splits(files).map((d) => d.file)).toEqual(['c.md']);
  });

  it('does not join into a heading-like line that follows, but does into a one-off short tail', () => {
    const files = {
      'a.md': md(['各单位要切实抓好以下工作', '（二）工作措施', '全力护航高质量', '发展。', '最后一段。']),
    };
    expect(splits(files).map((d) => d.line)).toEqual([10]);
  });

  it('still joins a short first half when the next paragraph cannot begin a sentence', () => {
    const text = md(['今年来', '，水口山公司始终坚持“两个至上”发展理念。']);
    expect(splits({ 'a.md': text })).toHaveLength(1);
  });

  it('cleanBulletin merges the halves into one paragraph node spanning both', () => {
    const b = bulletinOf({ 'a.md': md(['开头段落完整。', '安全生产“抓一时利', '长远”，要始终树牢发展思想。']) });
    const cleaned = cleanBulletin(b);
    const paras = cleaned.bulletin.articles[0].tree.children.filter((n) => n.type === 'paragraph');
    expect(paras).toHaveLength(2);
    // the untouched paragraph is the very same node, position intact
    expect(paras[0]).toBe(b.articles[0].tree.children[1]);
    const merged = paras[1];
    expect(merged.type === 'paragraph' && merged.children).toEqual([
      expect.objectContaining({ type: 'text', value: '安全生产“抓一时利长远”，要始终树牢发展思想。' }),
    ]);
    expect(merged.position?.start.line).toBe(8);
    expect(merged.position?.end.line).toBe(10);
    // the input is untouched
    expect(b.articles[0].tree.children.filter((n) => n.type === 'paragraph')).toHaveLength(3);
    expect(cleaned.applied.map((d) => d.rule)).toEqual(['split-paragraph']);
  });

  it('re-serialises a join whose seam is inside emphasis, keeping the text', () => {
    const text = md(['要把**安全生产放在重', '要位置**，切实抓好各项工作。']);
    const out = bodyParagraphs(formatted(bulletinOf({ 'a.md': text }))['a.md']);
    expect(out).toHaveLength(1);
    expect(out[0].replace(/\*/g, '')).toBe('要把安全生产放在重要位置，切实抓好各项工作。');
  });
});
