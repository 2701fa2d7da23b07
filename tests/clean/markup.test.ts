// Markup that would not print as meant: leftover markers and constructs that
// are not typeset (unsupported-markdown), and HTML (raw-html).
import { describe, it, expect } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { bulletinOf, md } from './bulletin.js';

const found = (files: Record<string, string>, rule: string) =>
  analyseBulletin(bulletinOf(files)).diagnostics.filter((d) => d.rule === rule).map((d) => [d.line, d.column]);

describe('unsupported-markdown', () => {
  it('is silent on bold lead-ins in every position Chinese puts them (read as bold, CJK-friendly)', () => {
    const paragraphs = ['**一是。**加强领导，落实责任。', '要坚持“**两个至上**”。', '各地**（三）强化监督：**对重点行业开展检查。', '**一是**加强领导。', '**二是。** 完善制度。'];
    expect(found({ 'a.md': md(paragraphs) }, 'unsupported-markdown')).toEqual([]);
  });

  it('finds ** that closes nothing', () => {
    expect(found({ 'a.md': md(['**一是加强领导，落实责任。']) }, 'unsupported-markdown')).toEqual([[6, 1]]);
  });

  it('finds __ and _ that cannot mark up between Han characters, ~~ alone and a footnote without a definition', () => {
    expect(found({ 'a.md': md(['__三是__健全机制。']) }, 'unsupported-markdown')).toEqual([[6, 1], [6, 5]]);
    expect(found({ 'a.md': md(['要以_零容忍_的态度抓整治。']) }, 'unsupported-markdown')).toEqual([[6, 3], [6, 7]]);
    expect(found({ 'a.md': md(['数据见注[^9]，删去~~一句。']) }, 'unsupported-markdown')).toEqual([[6, 5], [6, 12]]);
  });

  it('leaves file_names, 5*3 and #1机组 alone', () => {
    expect(found({ 'a.md': md(['见附件 report_2024_final.pdf，按 5*3 排列，#1机组检修。']) }, 'unsupported-markdown')).toEqual([]);
  });

  it('finds leftover markup in headings and table cells, and a task list checkbox', () => {
    const text = md(['## 标题**一', '| 甲 | 乙 |\n| --- | --- |\n| __丙 | 丁 |', '- [ ] 待办事项']);
    expect(found({ 'a.md': text }, 'unsupported-markdown')).toEqual([[6, 6], [10, 3], [12, 1]]);
  });
});

describe('raw-html', () => {
  it('finds an HTML block and inline tags (their text is kept), not an editor comment or a closing tag', () => {
    const text = '---\ntitle: 标题\nauthor: 张三\n---\n\n正文。\n\n<div>说明</div>\n\n<!-- 编辑备注 -->\n\n> <span>引文</span>\n';
    expect(found({ 'a.md': text }, 'raw-html')).toEqual([[8, 1], [12, 3]]);
  });
});
