import { describe, it, expect } from 'vitest';
import { parseMarkdown } from '../../src/content/parse.js';
import type { Bulletin, ContentDocument, SourceFile } from '../../src/content/types.js';
import { loadFontSet } from '../../src/fonts/font-set.js';
import { anyMissing, bulletinCoverage, checkCoverage, collectText as collectWith, isGlyphCharacter, type TextItem } from '../../src/fonts/coverage.js';
import { printedTextRoles } from '../../src/layout/text-roles.js';

/** The roles of the default template (emphasis in Kai, links in parentheses), layout's own table. */
const ROLES = printedTextRoles({});
const collectText = (b: Bulletin): TextItem[] => collectWith(b, ROLES);

function doc<M>(path: string, text: string, meta: M): ContentDocument<M> {
  const source: SourceFile = { path, absPath: `/x/${path}`, text, hasBom: false, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return { source, meta, tree: parseMarkdown(text) };
}

const INDEX = ['---', 'title: 安全𠀀谈', 'publisher:', '  - 某某局', '---', '', '导语\uE000在此，㐀字在宋体里。', ''].join('\n');
const ARTICLE = [
  '---',
  'title: 标题',
  'author: 王😀',
  '---',
  '',
  '第一段**加粗𠀀**文字。',
  '',
  '> 引用第一行',
  '> 第二行有𠀀字',
  '',
  '中&amp;文\\*𠀀',
  '',
  '![图片说明](a.jpg)',
  '',
  '空\u200B格\u3000在 此',
  '',
].join('\r\n');

const bulletin: Bulletin = {
  dir: '/x',
  index: doc('issue/index.md', INDEX, { title: '安全𠀀谈', publisher: ['某某局'] }),
  articles: [doc('issue/01-a.md', ARTICLE, { title: '标题', author: '王😀' })],
};

/** Every character of the items with its position, as `char@line:column/role`. */
function positions(items: TextItem[], file: string): string[] {
  const out: string[] = [];
  for (const item of items.filter((i) => i.file === file)) {
    let offset = 0;
    for (const ch of item.text) {
      out.push(`${ch}@${item.line}:${item.column + offset}/${item.role}`);
      offset += ch.length;
    }
  }
  return out;
}

describe('collectText', () => {
  const items = collectText(bulletin);

  it('places front-matter values and the lead with their roles', () => {
    const index = positions(items, 'issue/index.md');
    expect(index.slice(0, 8)).toEqual([
      // The title twice: the masthead's heavy and the running head's bold; the publishers in the footer's body face.
      '安@2:8/heavy', '全@2:9/heavy', '𠀀@2:10/heavy', '谈@2:12/heavy', '安@2:8/bold', '全@2:9/bold', '𠀀@2:10/bold', '谈@2:12/bold',
    ]);
    expect(index.slice(8, 12)).toEqual(['某@4:5/body', '某@4:6/body', '局@4:7/body', '导@7:1/kai']);
  });

  it('finds each character in the source through markup, quotes, escapes, entities and CRLF', () => {
    const a = positions(items, 'issue/01-a.md');
    expect(a).toContain('王@3:9/kai');
    expect(a).toContain('😀@3:10/kai');
    expect(a).toContain('段@6:3/body');
    expect(a).toContain('加@6:6/bold');
    expect(a).toContain('𠀀@6:8/bold');
    expect(a).toContain('文@6:12/body');
    // A block quote in Kai, as layout sets it.
    expect(a).toContain('第@9:3/kai');
    expect(a).toContain('𠀀@9:7/kai');
    expect(a).toContain('&@11:2/body');
    expect(a).toContain('文@11:7/body');
    expect(a).toContain('*@11:9/body');
    expect(a).toContain('𠀀@11:10/body');
    // A caption in Kai.
    expect(a).toContain('图@13:3/kai');
    // White space and format characters are not glyphs.
    expect(a.filter((p) => p.startsWith('空') || p.startsWith('格') || p.startsWith('在') || p.startsWith('此'))).toEqual([
      '空@15:1/body', '格@15:3/body', '在@15:5/body', '此@15:7/body',
    ]);
  });

  it('groups only characters that are adjacent on one source line', () => {
    const lead = items.find((i) => i.role === 'kai' && i.file === 'issue/index.md');
    expect(lead).toEqual({ text: '导语\uE000在此，㐀字在宋体里。', role: 'kai', file: 'issue/index.md', line: 7, column: 1 });
    expect(items.filter((i) => i.file === 'issue/01-a.md' && i.line === 8)).toEqual([
      { text: '引用第一行', role: 'kai', file: 'issue/01-a.md', line: 8, column: 3 },
    ]);
  });
});

describe('checkCoverage', () => {
  const set = loadFontSet({ searchDirs: [] });

  it('reports each missing character once per file, at its first occurrence', () => {
    const found = checkCoverage(collectText(bulletin), set);
    expect(found.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['issue/01-a.md', 3, 10, 'error', 'missing-glyph'],
      ['issue/01-a.md', 6, 8, 'error', 'missing-glyph'],
      ['issue/index.md', 2, 10, 'error', 'missing-glyph'],
      ['issue/index.md', 7, 3, 'error', 'missing-glyph'],
    ]);
    const [emoji, ext, , pua] = found.map((d) => d.message);
    expect(emoji).toContain('“😀” (U+1F600)');
    expect(emoji).toContain('"kai" text (LXGW WenKai, Noto Serif SC, Noto Sans SC)');
    expect(ext).toContain('“𠀀” (U+20000)');
    expect(ext).toContain('(3 times in this file; this is the first)');
    // In bold, in the quote's Kai and in body text: every role it is set in.
    expect(ext).toContain('"bold", "kai", "body"');
    expect(ext).toMatch(/fonts\/fonts\.yaml .*replace the character/);
    expect(pua).toContain('(U+E000)');
    // 㐀 is not in WenKai but the kai chain finds it in Noto Serif SC: no finding.
    expect(found.some((d) => d.message.includes('U+3400'))).toBe(false);
  });

  it('downgrades to warnings with allowMissing', () => {
    const found = checkCoverage(collectText(bulletin), set, { allowMissing: true });
    expect(found).toHaveLength(4);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('accepts items built by hand and skips characters that are not glyphs', () => {
    const found = checkCoverage([{ text: 'ab\u200B\u0007 \uFE0F𠀀', role: 'sans', file: 'f.md', line: 4, column: 2 }], set);
    expect(found.map((d) => [d.line, d.column])).toEqual([[4, 8]]);
    expect([0x200b, 0x7, 0x20, 0x3000, 0xfe0f, 0xfeff].some(isGlyphCharacter)).toBe(false);
    expect(isGlyphCharacter(0x20000)).toBe(true);
  });
});

describe('bulletinCoverage (the quick walk first)', () => {
  const set = loadFontSet({ searchDirs: [] });
  const covered = (text: string): Bulletin => ({
    dir: '/x',
    index: doc('c/index.md', '---\ntitle: 安全谈\n---\n\n导语。\n', { title: '安全谈', publisher: ['某某局'] }),
    articles: [doc('c/01-a.md', `---\ntitle: 标题\nauthor: 王五\n---\n\n${text}\n`, { title: '标题', author: '王五' })],
  });

  it('finds nothing missing where every character prints, and then reports nothing', () => {
    const b = covered('第一段**加粗**文字，*强调*与`code`。');
    expect(anyMissing(b, set, ROLES)).toBe(false);
    expect(bulletinCoverage(b, set, ROLES)).toEqual([]);
    expect(checkCoverage(collectText(b), set)).toEqual([]);
  });

  it('finds a missing character anywhere the exact check would, and then reports exactly what it reports', () => {
    expect(anyMissing(bulletin, set, ROLES)).toBe(true);
    expect(bulletinCoverage(bulletin, set, ROLES)).toEqual(checkCoverage(collectText(bulletin), set));
    // In a code span only, in a heading only, in an image caption only: each found.
    for (const text of ['`𠀀`', '## 标题𠀀', '![说明😀](a.jpg)']) {
      expect(anyMissing(covered(text), set, ROLES), text).toBe(true);
      expect(bulletinCoverage(covered(text), set, ROLES), text).toEqual(checkCoverage(collectText(covered(text)), set));
    }
  });
});
