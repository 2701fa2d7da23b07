// The content model on the sample bulletin: typed values, order, positions.
import { describe, expect, it } from 'vitest';
import { loadBulletin } from '../../src/content/load.js';
import { SAMPLE } from '../helpers/cli.js';
import type { Paragraph, Text } from 'mdast';

describe('loading the sample bulletin', async () => {
  const { bulletin, diagnostics } = await loadBulletin(SAMPLE);

  it('has the masthead metadata of CONTENT.md', () => {
    expect(diagnostics).toEqual([]);
    expect(bulletin.index.meta).toEqual({
      title: '安全生产大家谈',
      subtitle: '以高水平安全服务高质量发展 以新安全格局保障新发展格局',
      issue: '2023年第6期',
      date: '2023-06-16',
      publisher: ['衡阳市安全生产委员会办公室', '衡阳市应急管理局'],
      template: 'newspaper',
      pages: 1,
    });
  });

  it('orders the seven articles by file name', () => {
    expect(bulletin.articles.map((a) => a.meta.author)).toEqual(['胡小刚', '李健', '黄安平', '胡果雄', '廖志伟', '刘冬梅', '姜丽平']);
    expect(bulletin.articles[4].meta.title).toBe('坚决守住底线 不断开创安全生产新局面');
    expect(bulletin.articles[0].meta.role).toBe('衡阳国家高新区党工委副书记、管委会主任');
  });

  it('keeps source positions on body nodes', () => {
    const first = bulletin.articles[0].tree.children.find((n) => n.type === 'paragraph') as Paragraph;
    expect(first.position!.start.line).toBe(7);
    expect(first.position!.start.column).toBe(1);
    expect((first.children[0] as Text).value.startsWith('衡阳国家高新区紧紧围绕')).toBe(true);
  });

  it('keeps the lead as the body of index.md', () => {
    const lead = bulletin.index.tree.children.find((n) => n.type === 'paragraph') as Paragraph;
    expect((lead.children[0] as Text).value).toMatch(/^我市紧紧围绕.*社会大局稳定。$/);
  });
});

describe('file order', () => {
  it('uses numeric order for numeric prefixes', async () => {
    const { writeBulletin, VALID_INDEX, article } = await import('../helpers/cli.js');
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '10-c.md': article('丙', '丙'), '2-b.md': article('乙', '乙'), '1-a.md': article('甲', '甲') });
    const { bulletin } = await loadBulletin(dir);
    expect(bulletin.articles.map((a) => a.meta.title)).toEqual(['甲', '乙', '丙']);
  });
});
