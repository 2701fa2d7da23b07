// Markup that would not print as meant: unclosed bold stars and raw HTML.
import { describe, it, expect } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { bulletinOf, md } from './bulletin.js';

const found = (files: Record<string, string>, rule: string) =>
  analyseBulletin(bulletinOf(files)).diagnostics.filter((d) => d.rule === rule).map((d) => [d.line, d.column]);

describe('stray-emphasis', () => {
  it('is silent on a bold lead-in that ends with punctuation (**一是。**正文: read as bold, CJK-friendly)', () => {
    expect(found({ 'a.md': md(['**一是。**加强领导，落实责任。', '要坚持“**两个至上**”。']) }, 'stray-emphasis')).toEqual([]);
  });

  it('finds ** that closes nothing', () => {
    expect(found({ 'a.md': md(['**一是加强领导，落实责任。']) }, 'stray-emphasis')).toEqual([[6, 1]]);
  });

  it('is silent on bold that closes', () => {
    expect(found({ 'a.md': md(['**一是**加强领导。', '**二是。** 完善制度。']) }, 'stray-emphasis')).toEqual([]);
  });

  it('finds __ that cannot close between Han characters (__三是__健全: underscores need a word boundary)', () => {
    expect(found({ 'a.md': md(['__三是__健全机制。']) }, 'stray-emphasis')).toEqual([[6, 1], [6, 5]]);
  });
});

describe('raw-html', () => {
  it('finds an HTML block (left out of the PDF), not an editor comment', () => {
    const text = '---\ntitle: 标题\nauthor: 张三\n---\n\n正文。\n\n<div>说明</div>\n\n<!-- 编辑备注 -->\n\n> <span>引文</span>\n';
    expect(found({ 'a.md': text }, 'raw-html')).toEqual([[8, 1]]);
  });
});
