// Splitting pasted text into articles (src/import/pieces.ts), on texts other
// than the sample: bylines in their usual forms, headlines on one or two
// lines, page furniture between pieces.
import { describe, expect, it } from 'vitest';
import { parseByline, isHeadlineLike } from '../../src/import/byline.js';
import { splitPieces, titleOf } from '../../src/import/pieces.js';

describe('bylines', () => {
  it('reads role and name, a name alone under a headline, and marked forms', () => {
    expect(parseByline('湖南省某某市应急管理局党委书记、局长 王建国')).toEqual({ role: '湖南省某某市应急管理局党委书记、局长', author: '王建国' });
    expect(parseByline('某某公司安全总监\u3000\u3000李娜')).toEqual({ role: '某某公司安全总监', author: '李娜' });
    expect(parseByline('作者：张伟')).toEqual({ author: '张伟' });
    expect(parseByline('文/某某县委书记 陈刚')).toEqual({ role: '某某县委书记', author: '陈刚' });
    expect(parseByline('阿卜杜·热合曼', true)).toEqual({ author: '阿卜杜·热合曼' });
    expect(parseByline('刘洋', true)).toEqual({ author: '刘洋' });
    expect(parseByline('刘洋')).toBeUndefined();
  });

  it('does not take a sentence or a long headline for a byline', () => {
    expect(parseByline('我们要坚持安全第一，预防为主 综合治理')).toBeUndefined();
    expect(parseByline('以默默无闻的坚持 防止发生惊天动地的事')).toBeUndefined();
    expect(isHeadlineLike('各地要组织力量排查隐患。')).toBe(false);
    expect(isHeadlineLike('安全生产，你准备好了吗？')).toBe(true);
  });
});

describe('splitting a page’s text', () => {
  const page = [
    '本期导语：全市上下扎实开展安全生产月活动。',
    '',
    '织密安全网',
    '守护万家灯火',
    '某某区区长 赵强',
    '今年以来，我区扎实推进隐患排查整治。',
    '一是压实责任。',
    '本版编辑 钱多多',
    '安全生产 重在落实',
    '某某集团董事长 孙丽',
    '集团始终把安全生产放在首位。',
    '第2版',
  ].join('\n');

  it('finds each headline and byline, joins a headline set on two lines, and keeps the rest out of the articles', () => {
    const s = splitPieces(page);
    expect(s.pieces.map(titleOf)).toEqual(['织密安全网 守护万家灯火', '安全生产 重在落实']);
    expect(s.pieces.map((p) => p.byline?.author)).toEqual(['赵强', '孙丽']);
    expect(s.pieces[0].paragraphs.map((l) => l.text)).toEqual(['今年以来，我区扎实推进隐患排查整治。', '一是压实责任。']);
    expect(s.before.map((l) => l.line)).toEqual([1]);
    // An editor's credit line and a page number end the pieces' text without ending a sentence.
    expect(s.between.map((l) => l.text)).toEqual(['本版编辑 钱多多', '第2版']);
  });

  it('gives one piece, titled by its first line, to text without a headline and byline pair', () => {
    const s = splitPieces('\uFEFF汛期安全\r\n\r\n第一段。\r\n第二段。');
    expect(s.pieces).toHaveLength(1);
    expect(titleOf(s.pieces[0])).toBe('汛期安全');
    expect(s.pieces[0].byline).toBeUndefined();
    expect(s.pieces[0].paragraphs.map((l) => [l.line, l.text])).toEqual([[3, '第一段。'], [4, '第二段。']]);
  });
});
