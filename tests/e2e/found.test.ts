// What the fuzz test (fuzz.test.ts) and the hostile inputs tried around it
// found, each kept as a case through the binary: every one of these was an
// internal error (exit 70), a hang, a build that said it succeeded while text
// was missing from the page, or a misleading message.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article, ROOT, runCli, SAMPLE, tempDir, VALID_INDEX, writeBulletin } from '../helpers/cli.js';
import { tinyPng } from '../safety/images.js';

const LIBERATION = join(ROOT, 'node_modules', 'pdfjs-dist', 'standard_fonts', 'LiberationSans-Regular.ttf');

function build(dir: string, ...args: string[]): { code: number; stderr: string; text: string } {
  const out = join(tempDir(), 'out.pdf');
  const r = runCli(['build', dir, '-o', out, ...args]);
  let text = '';
  if (r.code === 0) text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { code: r.code, stderr: r.stderr, text };
}

function expectContentError(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}

/** A bulletin whose one article has `body`, its Markdown starting at line 6. */
function bulletinWith(body: string): string {
  return writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': `---\ntitle: 标题一 标题二\nauthor: 张三\n---\n\n${body}\n` });
}

describe('Markdown nested too deep', () => {
  it('thousands of quotes or list items on one line are an error at that line, before the parser runs out of stack', () => {
    for (const markers of ['>'.repeat(5000), '- '.repeat(5000), '1. '.repeat(3000)]) {
      const r = build(bulletinWith(`第一段。\n\n${markers}正文`));
      expectContentError(r, /01-a\.md:8:1 +error +more than 32 block quotes or list items open on this line.*\[nesting-too-deep\]/);
    }
  });

  it('lists nested by indentation, and emphasis inside emphasis, are an error at their place', () => {
    const lists = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n');
    expectContentError(build(bulletinWith(`第一段。\n\n${lists}`)), /01-a\.md:\d+:\d+ +error +.*(indented|nests more than).*\[nesting-too-deep\]/);
    const stars = `${'*'.repeat(1200)}强调${'*'.repeat(1200)}`;
    expectContentError(build(bulletinWith(`第一段。\n\n${stars}`)), /01-a\.md:8:\d+ +error +the Markdown nests more than 100 levels deep here.*\[nesting-too-deep\]/);
  });

  it('a long thematic break and nesting an article may have still build', () => {
    const r = build(bulletinWith(`第一段。\n\n${'- '.repeat(40)}\n\n${'> '.repeat(6)}六层引文。\n\n- 一\n  - 二\n    - 三层列表`));
    expect(r.code, r.stderr).toBe(0);
    expect(r.text).toContain('六层引文');
    expect(r.text).toContain('三层列表');
  });
});

describe('text that a build printed without a word, or lost', () => {
  it('a quote nested deeper than the column is wide prints all of its text', () => {
    const quote = '引文的每一个字都要印在版面上，一个也不能少。';
    for (const depth of [10, 30]) {
      const r = build(bulletinWith(`第一段。\n\n${'> '.repeat(depth)}${quote}\n\n第三段。`));
      expect(r.code, r.stderr).toBe(0);
      expect(r.text).toContain(quote);
    }
  });

  it('a footnote label defined twice prints both notes, with a warning at the second', () => {
    const r = build(bulletinWith('正文有一个注释[^1]。\n\n[^1]: 第一个注释的内容。\n\n[^1]: 第二个注释的内容。'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.text).toContain('第一个注释的内容');
    expect(r.text).toContain('第二个注释的内容');
    expect(r.stderr).toMatch(/01-a\.md:10:1 +warning +footnote `\[\^1\]` is defined again \(first at line 8\).*\[repeated-footnote\]/);
  });

  it('lines ended by a carriage return alone (old Mac files) read as lines', () => {
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': article('标题一 标题二', '张三', '第一段正文。\n\n第二段正文。').replace(/\n/g, '\r') });
    const r = build(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.text).toContain('第一段正文。');
    expect(r.text).toContain('第二段正文。');
  });

  it('--allow-missing-glyphs builds a character no font has, as asked, with the warning', () => {
    const r = build(bulletinWith('正文里有一个没有字形的字符：\u{1D11E}。'), '--allow-missing-glyphs');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning .*U\+1D11E/);
  });
});

describe('a binary file where YAML is expected', () => {
  it('is reported in a line, not with the file\'s bytes in the message', () => {
    const dir = bulletinWith('第一段正文。');
    // A PDF saved under the name of a YAML file, as `-o fonts/fonts.yaml` once did.
    const pdf = join(tempDir(), 'out.pdf');
    expect(runCli(['build', SAMPLE, '-o', pdf]).code).toBe(0);
    const bytes = readFileSync(pdf);
    mkdirSync(join(dir, 'fonts'));
    writeFileSync(join(dir, 'fonts', 'fonts.yaml'), bytes);
    writeFileSync(join(dir, 'house.yaml'), bytes);
    for (const r of [build(dir), build(dir, '--template', 'house.yaml')]) {
      expectContentError(r, /error +(fonts\.yaml|the template) is not valid YAML/);
      for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(400);
    }
  });
});

describe('damaged fonts and oversized images', () => {
  function withFont(bytes: Buffer): string {
    const dir = bulletinWith('Safety first: the quick brown fox. 第一段正文。');
    mkdirSync(join(dir, 'fonts'));
    writeFileSync(join(dir, 'fonts', 'fonts.yaml'), 'body: Face.ttf\n');
    writeFileSync(join(dir, 'fonts', 'Face.ttf'), bytes);
    return dir;
  }

  it('a font cut short is an error at the fonts.yaml line, not a page of blank glyphs', () => {
    const font = readFileSync(LIBERATION);
    const sound = build(withFont(font));
    expect(sound.code, sound.stderr).toBe(0);
    expect(sound.text).toContain('Safetyfirst');
    const r = build(withFont(font.subarray(0, Math.floor(font.length * 0.6))));
    expectContentError(r, /fonts\.yaml:1:7 +error +role "body": cannot read font "Face\.ttf" .*the file is damaged: its \w+ table ends past the end of the file \(truncated/);
  });

  it('a font whose table directory is damaged is an error, not an internal error', () => {
    const font = Buffer.from(readFileSync(LIBERATION));
    font.write('glyX', font.indexOf('glyf'), 'latin1');
    expectContentError(build(withFont(font)), /fonts\.yaml:1:7 +error +.*the file is damaged: it has no glyf table/);
  });

  it('a picture of more pixels than bulletin decodes is an error saying so, not "damaged"', async () => {
    // A PNG whose header says 20000 × 20000 (its data is a small picture's): refused from the header, before decoding.
    const png = Buffer.from(await tinyPng(40, 30));
    png.writeUInt32BE(20000, 16);
    png.writeUInt32BE(20000, 20);
    png.writeInt32BE(crc32(png.subarray(12, 29)), 29);
    const dir = bulletinWith('第一段。\n\n![照片](huge.png)');
    writeFileSync(join(dir, 'huge.png'), png);
    expectContentError(build(dir), /01-a\.md:8:1 +error +huge\.png is 20000×20000 px, more than bulletin decodes \(268 million pixels\): save it smaller.*\[image-too-large\]/);
  });
});

/** CRC-32 of PNG chunks (ISO 3309), signed as Buffer.writeInt32BE takes it. */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c | 0;
}
