// The content stage's helpers for real-world Markdown: numbered lines read as
// a list, the text of raw HTML, leftover markup.
import { describe, expect, it } from 'vitest';
import type { List, Paragraph, Text } from 'mdast';
import { parseMarkdown } from '../../src/content/parse.js';
import { htmlText } from '../../src/content/html-text.js';
import { findLeftovers, withoutLeftovers } from '../../src/content/leftover-markup.js';

const FM = '---\ntitle: 标题\nauthor: 作者\n---\n\n';

describe('numbered lines', () => {
  it('become a list, one item per line, the number kept in the text, positions exact', () => {
    for (const lines of [['一、坚持问题导向', '二、坚持系统观念', '三、坚持创新驱动'], ['（一）建立平台', '（二）完善体系'], ['1、排查', '2、整治'], ['①排查', '②整治']]) {
      const text = `${FM}${lines.join('\n')}\n`;
      const list = parseMarkdown(text).children[1] as List;
      expect(list.type, lines[0]).toBe('list');
      expect(list.data?.inlineNumbers).toBe(true);
      list.children.forEach((item, k) => {
        const t = (item.children[0] as Paragraph).children[0] as Text;
        expect(t.value).toBe(lines[k]);
        expect(text.slice(t.position!.start.offset, t.position!.end.offset)).toBe(lines[k]);
        expect(t.position!.start.line).toBe(6 + k);
      });
    }
  });

  it('works with CRLF line endings and bold inside a line', () => {
    const text = `${FM}一、**坚持**问题导向\r\n二、坚持系统观念\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r');
    expect(parseMarkdown(text).children[1].type).toBe('list');
  });

  it('leaves a paragraph whose lines are not numbered one after another', () => {
    for (const body of ['一、甲\n三、乙', '一、甲\n正文', '一、甲', '安全一、二、三\n四、五']) {
      expect(parseMarkdown(`${FM}${body}\n`).children[1].type, body).toBe('paragraph');
    }
  });
});

describe('htmlText', () => {
  it('drops tags, comments, scripts and styles, ends lines at <br> and block ends, decodes references', () => {
    expect(htmlText('<div class="x">说明&amp;备注</div><p>第二&#x884C;</p><!-- 注 --><script>alert(1)</script>')).toBe('说明&备注\n第二行');
    expect(htmlText('<span>热线</span>12350<br/>邮箱')).toBe('热线12350\n邮箱');
    expect(htmlText('<hr>')).toBe('');
  });
});

describe('leftover markup', () => {
  it('is found and dropped, and text that only looks like it is left', () => {
    expect(withoutLeftovers('**一是加强领导', true)).toBe('一是加强领导');
    expect(withoutLeftovers('以_零容忍_的态度，见注[^3]', false)).toBe('以零容忍的态度，见注');
    expect(withoutLeftovers('##标题', true)).toBe('标题');
    expect(withoutLeftovers('##标题', false)).toBe('##标题');
    for (const t of ['#1机组', 'my_file_name', '5*3=15', '3~5天']) expect(findLeftovers(t, true), t).toEqual([]);
  });
});
