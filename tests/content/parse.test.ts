// The one Markdown parser (src/content/parse.ts): CommonMark with GFM and
// CJK-friendly emphasis, front matter as a `yaml` node, positions in file
// coordinates, parses kept by file text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { frontMatterOf, hasBody, parseMarkdown } from '../../src/content/parse.js';
import { SAMPLE } from '../helpers/cli.js';

const FM = '---\ntitle: 标题\nauthor: 作者\n---\n';

/** The body's nodes as [type, text] pairs, depth first (text: the node's own value or its children's text). */
function shape(tree: Root): [string, string][] {
  const out: [string, string][] = [];
  const textOf = (n: Nodes): string => ('value' in n ? String(n.value) : 'children' in n ? (n.children as Nodes[]).map(textOf).join('') : '');
  const walk = (nodes: (RootContent | PhrasingContent)[]): void => {
    for (const n of nodes) {
      if (n.type === 'yaml') continue;
      out.push([n.type, textOf(n)]);
      if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

const types = (text: string) => shape(parseMarkdown(text)).map(([t]) => t);

describe('parseMarkdown', () => {
  it('reads **bold** wherever Chinese puts it: after 。 before Han, around punctuation, inside quotes', () => {
    const cases: [string, string][] = [
      ['**一是加强组织领导。**各级党委要履行主体责任。', '一是加强组织领导。'],
      ['各级党委**（一）总体要求：**坚持安全第一。', '（一）总体要求：'],
      ['要坚持“**两个至上**”，筑牢防线。', '两个至上'],
      ['要坚持**“两个至上”**的理念。', '“两个至上”'],
      ['**积极承接用好政策。**落实好', '积极承接用好政策。'],
      ['正文**加粗**正文', '加粗'],
    ];
    for (const [text, bold] of cases) {
      const strong = shape(parseMarkdown(`${FM}\n${text}\n`)).filter(([t]) => t === 'strong');
      expect(strong, text).toEqual([['strong', bold]]);
    }
  });

  it('reads *emphasis* and _emphasis_ next to Han characters, and ~~strikethrough~~ after punctuation', () => {
    expect(types(`${FM}\n*一是。*正文`)).toContain('emphasis');
    expect(types(`${FM}\n正文~~删去的话。~~正文`)).toContain('delete');
  });

  it('leaves a single ~ as text: Chinese writes ranges with it', () => {
    const s = shape(parseMarkdown(`${FM}\n工期3~5天，改为7~8天。\n`));
    expect(s).toEqual([['paragraph', '工期3~5天，改为7~8天。'], ['text', '工期3~5天，改为7~8天。']]);
  });

  it('reads GFM: tables, footnotes, autolinks', () => {
    const t = types(`${FM}\n| 指标 | 数值 |\n| --- | ---: |\n| 事故 | 12 |\n\n见注[^1]，网址 https://www.mem.gov.cn/ 。\n\n[^1]: 注释。\n`);
    expect(t).toEqual(expect.arrayContaining(['table', 'tableRow', 'tableCell', 'footnoteReference', 'footnoteDefinition', 'link']));
  });

  it('keeps front matter as a yaml node with its lines, and positions in the file', () => {
    const text = `${FM}\n第一段。\n\n**二是。**第二段。\n`;
    const tree = parseMarkdown(text);
    expect(frontMatterOf(tree)).toEqual({ value: 'title: 标题\nauthor: 作者', firstLine: 2 });
    const second = tree.children[2];
    expect(second.position?.start).toEqual({ line: 8, column: 1, offset: text.indexOf('**二是') });
    expect(hasBody(tree)).toBe(true);
    expect(hasBody(parseMarkdown(`${FM}\n<!-- 备注 -->\n`))).toBe(false);
  });

  it('reads CRLF files with the same lines', () => {
    const text = '---\r\ntitle: a\r\nauthor: b\r\n---\r\n\r\n**一是。**正文\r\n\r\n第二段\r\n';
    const tree = parseMarkdown(text);
    expect(frontMatterOf(tree)?.firstLine).toBe(2);
    expect(tree.children.map((n) => [n.type, n.position?.start.line])).toEqual([['yaml', 1], ['paragraph', 6], ['paragraph', 8]]);
  });

  it('keeps the parse of a text, and parses a changed text anew', () => {
    const text = `${FM}\n正文。\n`;
    expect(parseMarkdown(text)).toBe(parseMarkdown(`${FM}\n正文。\n`));
    expect(parseMarkdown(`${text}\n又一段。\n`)).not.toBe(parseMarkdown(text));
  });

  it('reads every sample file to front matter and prose with no markup left in its text', () => {
    for (const name of readdirSync(SAMPLE).filter((n) => n.endsWith('.md'))) {
      const tree = parseMarkdown(readFileSync(join(SAMPLE, name), 'utf8'));
      expect(frontMatterOf(tree), name).toBeDefined();
      for (const [type, text] of shape(tree)) if (type === 'text') expect(text, name).not.toMatch(/\*\*|__|~~|\]\(|\[\^/);
    }
  });
});
