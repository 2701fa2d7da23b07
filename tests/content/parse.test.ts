// parseMarkdown cuts a plain front-matter block off and parses only the body;
// the tree must be exactly the whole-file parse's, positions included.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseWhole, splitFrontMatter } from '../../src/content/parse.js';
import { SAMPLE } from '../helpers/cli.js';

const FM = '---\ntitle: 标题\nauthor: 作者\n---\n';

const CASES: Record<string, string> = {
  'body right after the fence': `${FM}正文第一段。\n`,
  'blank lines first': `${FM}\n\n\n正文。\n\n第二段。`,
  'no final newline': `${FM}\n正文`,
  'a thematic break opening the body': `${FM}---\n\n正文\n`,
  'a fence-like block in the body': `${FM}\n---\ntitle: x\n---\n\n正文\n`,
  'setext heading': `${FM}标题\n===\n\n正文\n`,
  'setext with dashes': `${FM}标题\n---\n正文\n`,
  'indented code': `${FM}    code\n\n正文\n`,
  'lists and quotes': `${FM}\n1. 一\n2. 二\n\n> 引\n> 用\n\n- a\n  - b\n`,
  'inline markup and entities': `${FM}\n**粗**、*斜*、\`码\`、[链](http://x)、![图](a.png)、&amp;、\\*、<!-- 注 -->\n`,
  'html comment only': `${FM}\n<!-- 注释 -->\n`,
  'CR in the body': `${FM}\n第一行\r\n第二行\r\n\r\n段\r`,
  'definition and reference': `${FM}\n[a]: http://x\n\n见[a]。\n`,
  'tabs and trailing spaces': `${FM}\n\t正文  \n第二行\t\n`,
  'astral characters': `${FM}\n𠀀𠀁，😀。\n`,
  'hard break': `${FM}\n一行  \n二行\\\n三行\n`,
  'table-like text': `${FM}\n| a | b |\n| --- | --- |\n| 1 | 2 |\n`,
  'blank line inside the block': '---\ntitle: a\n\n---\n正文\n',
  'CRLF file': '---\r\ntitle: a\r\nauthor: b\r\n---\r\n\r\n正文\r\n\r\n第二段\r\n',
  'CRLF block, LF body': '---\r\ntitle: a\r\n---\r\n正文\n\n段\n',
  'CRLF block, no blank line': '---\r\ntitle: a\r\n---\r\n正文',
  'indented dashes inside the block': '---\ntitle: a\n  ---\nb: c\n---\n正文\n',
};

/** Files the fast path leaves to the whole parse; the result is the same either way. */
const WHOLE: Record<string, string> = {
  'no front matter': '正文\n',
  'LF block with a CRLF line': '---\ntitle: a\r\n---\n正文\n',
  'CRLF block with an LF line': '---\r\ntitle: a\nb: c\r\n---\r\n正文\r\n',
  'CR alone in the block': '---\r\ntitle: a\rb\r\n---\r\n正文\r\n',
  'fence with trailing space': '---\ntitle: a\n--- \n正文\n',
  'opening fence with trailing space': '---  \ntitle: a\n---\n正文\n',
  'four dashes inside': '---\na: b\n----\n---\n正文\n',
  'empty block': '---\n---\n正文\n',
  'no body': '---\ntitle: a\n---\n',
  'only blank body': '---\ntitle: a\n---\n\n  \n',
  'unclosed': '---\ntitle: a\n\n正文\n',
  'thematic break first': '---\n\n正文\n',
};

describe('parseMarkdown', () => {
  it('gives the whole-file tree for every sample file', () => {
    for (const name of readdirSync(SAMPLE).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(SAMPLE, name), 'utf8');
      expect(splitFrontMatter(text), name).toBeDefined();
      expect(parseMarkdown(text), name).toEqual(parseWhole(text));
    }
  });

  it.each(Object.entries(CASES))('gives the whole-file tree: %s', (_, text) => {
    expect(splitFrontMatter(text)).toBeDefined();
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it.each(Object.entries(WHOLE))('gives the whole-file tree: %s', (_, text) => {
    expect(splitFrontMatter(text)).toBeUndefined();
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });
});
