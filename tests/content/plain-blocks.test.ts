// Plain paragraphs are built without micromark (src/content/plain-blocks.ts);
// the tree must still be exactly the whole-file parse's, positions included,
// whatever surrounds them: fixed cases for each construct that could reach
// into a plain block, then generated files mixing all of them.
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseWhole, splitFrontMatter } from '../../src/content/parse.js';
import { isPlainBlock } from '../../src/content/plain-blocks.js';
import { prng as random } from '../helpers/random.js';

const FM = '---\ntitle: 标题\nauthor: 作者\n---\n';
const P = '安全生产责任重于泰山，隐患排查要到位。';

const CASES: Record<string, string> = {
  'plain paragraphs only': `${FM}\n${P}\n\n${P}\n第二行\n\n\n最后一段`,
  'trailing blank lines with spaces': `${FM}\n${P}\n\n  \n\t\n`,
  'trailing spaces at the very end': `${FM}\n${P}\n  `,
  'hard break by two spaces': `${FM}\n${P}  \n${P}\n\n${P}\n`,
  'one trailing space': `${FM}\n${P} \n${P}\n`,
  'hard break by backslash': `${FM}\n${P}\\\n${P}\n`,
  'tab inside': `${FM}\n安全\t生产\n\n${P}\n`,
  'NUL inside': `${FM}\n安全\u0000生产\n\n${P}\n`,
  'full-width space indent': `${FM}\n\u3000\u3000${P}\u3000\n\n${P}\n`,
  'astral characters': `${FM}\n𠀀𠀁，😀。\n𠀀\n\n${P}\n`,
  'entity and escape': `${FM}\n&amp; ${P}\n\n${P}\n`,
  'indented continuation line': `${FM}\n${P}\n   ${P}\n\n${P}\n`,
  'indented first line': `${FM}\n   ${P}\n\n${P}\n`,
  'indented code between': `${FM}\n${P}\n\n    code\n\n    more\n\n${P}\n`,
  'setext heading': `${FM}\n${P}\n===\n\n${P}\n---\n\n${P}\n`,
  'thematic breaks': `${FM}\n${P}\n\n***\n\n___\n\n${P}\n`,
  'ATX heading': `${FM}\n# 标题\n${P}\n\n## 小标题 ##\n\n${P}\n`,
  'list then plain': `${FM}\n- 一\n- 二\n\n${P}\n`,
  'loose list then plain': `${FM}\n- 一\n\n- 二\n\n\n${P}\n\n1. 一\n\n   续\n\n${P}`,
  'list interrupting a paragraph': `${FM}\n${P}\n- 一\n\n${P}\n1. 二\n2) 三\n`,
  'lazy list continuation': `${FM}\n- 一\n${P}\n\n${P}\n`,
  'numbered lines that are not lists': `${FM}\n2023年6月，${P}\n\n1.5倍${P}\n\n10 个\n`,
  'ordered list numbers': `${FM}\n3. 三\n\n${P}\n\n12) 十二\n`,
  'block quote then plain': `${FM}\n> 引用\n> 续\n\n${P}\n\n> 引用\n${P}\n\n${P}\n`,
  'closed fence with a blank line inside': `${FM}\n${P}\n\n\`\`\`\n代码\n\n${P}\n\`\`\`\n\n${P}\n`,
  'unclosed fence': `${FM}\n${P}\n\n~~~\n代码\n\n${P}\n`,
  'fence inside a list item': `${FM}\n- \`\`\`\n  x\n\n${P}\n`,
  'HTML comment over blank lines': `${FM}\n${P}\n\n<!-- 注\n\n${P}\n-->\n\n${P}\n`,
  'HTML block': `${FM}\n<div>\n${P}\n\n${P}\n</div>\n`,
  'inline HTML': `${FM}\n${P}<br>${P}\n\n${P}\n`,
  'emphasis and code': `${FM}\n**${P}**\n\n${P}\n\n*${P}*\n\n\`x\`\n\n_a_\n`,
  'definition after its reference': `${FM}\n见[链]。\n\n${P}\n\n[链]: http://x\n`,
  'link and image': `${FM}\n[链](http://x)${P}\n\n![图](a.png)\n\n${P}]\n`,
  'pipe table text': `${FM}\n| a | b |\n| --- | --- |\n\n${P}\n`,
  'angle bracket autolink': `${FM}\n<http://x>\n\n${P}\n`,
  'CRLF plain paragraphs': `---\r\ntitle: a\r\nauthor: b\r\n---\r\n\r\n${P}\r\n第二行\r\n\r\n${P}\r\n`,
  'CRLF with markup': `---\r\ntitle: a\r\n---\r\n\r\n- 一\r\n\r\n${P}\r\n\r\n> 引\r\n\r\n${P}`,
  'CRLF trailing spaces': `---\r\ntitle: a\r\n---\r\n${P}  \r\n${P}\r\n\r\n  \r\n`,
  'LF block, mixed body': `${FM}${P}\r\n${P}\n\n${P}\r\n`,
  'lone CR in the body': `${FM}\n${P}\r${P}\n\n${P}\n`,
  'body right after the fence': `${FM}${P}\n\n${P}`,
  'U+2028 inside a line': `${FM}\n安全\u2028# 生产\n\n${P}\n`,
  'bracket and bang alone': `${FM}\n${P}]！!\n\n${P}\n`,
  'markup and prose alternating': `${FM}\n${`**一是。**${P}\n\n${P}\n${P}\n\n- 项\n- 项\n\n${P}\n\n> 引\n\n`.repeat(5)}`,
  'a reference before prose, its definition after': `${FM}\n见[链]。\n\n${P}\n\n[链]: http://x\n\n${P}\n`,
  'lists split by prose': `${FM}\n1. 一\n\n${P}\n\n2. 二\n\n${P}\n\n- a\n\n  b\n\n${P}\n`,
  'CRLF prose around markup': `---\r\ntitle: a\r\n---\r\n${P}\r\n${P}\r\n\r\n**粗**\r\n\r\n${P}\r\n第二行\r\n第三行\r\n\r\n# 标题\r\n`,
};

describe('parseBody', () => {
  it.each(Object.entries(CASES))('gives the whole-file tree: %s', (_, text) => {
    expect(splitFrontMatter(text)).toBeDefined();
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it('takes prose as plain and markup as not', () => {
    expect(isPlainBlock(`${P}\n${P}`)).toBe(true);
    expect(isPlainBlock('2023年6月16日，“一是”（二）《通知》')).toBe(true);
    for (const block of [`${P}  `, `**${P}**`, `# ${P}`, `${P}\n- 一`, `1. ${P}`, `  ${P}`, `${P}\n===`, `<b>${P}`, `a\\`, `[a]`, '&amp;', 'a\tb']) {
      expect(isPlainBlock(block), block).toBe(false);
    }
  });
});

/** Lines that plain blocks are made of, and lines of every construct that could disturb them. */
const LINES = [
  P, P, P, '第二行，接上。', '𠀀😀', '\u3000缩进', '2023年', 'a b', ']', '!', '\f', '\v行', '\u00a0行\u00a0', '行\u3000',
  '', '', '', '  ', '\t',
  '- 项', '* 项', '+ 项', '1. 项', '2) 项', '  - 嵌套', '    代码', '   续行',
  '> 引用', '>', '# 标题', '===', '---', '***', '___',
  '```', '~~~', '<!-- 注', '-->', '<div>', '</div>', '<br>',
  '**粗**', '*斜', '`码`', '[链]', '[链]: http://x', '![图](a.png)', '&amp;', '行尾\\', '行尾  ', '行尾 ', '| a | b |',
];

describe('parseBody on generated files', () => {
  it('gives the whole-file tree for 600 files mixing plain and other blocks', () => {
    const next = random(20261129);
    for (let k = 0; k < 600; k++) {
      const eol = next() < 0.2 ? '\r\n' : '\n';
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 14);
      // Mostly prose, so that plain blocks and stretches alternate.
      for (let i = 0; i < count; i++) lines.push(next() < 0.5 ? (next() < 0.3 ? '' : P) : LINES[Math.floor(next() * LINES.length)]);
      const body = lines.join(eol) + (next() < 0.7 ? eol : '');
      const text = `---${eol}title: a${eol}---${eol}${body}`;
      if (!splitFrontMatter(text)) continue;
      expect(parseMarkdown(text), JSON.stringify(text)).toEqual(parseWhole(text));
    }
  });
});
