// The loose-line warning (issue 16): a line composition had to letter-space is
// reported at the Markdown file:line:column where it starts, and the sample's
// warnings are the lines its PDF, read back glyph by glyph (pdfjs-dist), shows
// letter-spaced: more than 0.05 em on average between adjacent Han ideographs,
// on lines with at least three such pairs (as pdf-audit's chars.letterspacing
// counts them).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { compile, type CompileResult } from '../../src/pipeline/compile.js';
import { glyphLines, readPdfGlyphs, type PdfGlyph } from '../helpers/pdf-glyphs.js';
import { article, ROOT, SAMPLE, VALID_INDEX, writeBulletin } from '../helpers/cli.js';

const EM = 9;
const HAN = '安全生产责任重于泰山各级各部门要坚持人民至上生命至上统筹发展和安全';
const isIdeograph = (ch: string): boolean => /^[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]$/u.test(ch);

/** The body-size lines of the PDF whose mean Han–Han extra exceeds 0.05 em, as their first ten characters. */
async function letterSpacedLines(pdf: Uint8Array): Promise<string[]> {
  const pages = await readPdfGlyphs(pdf);
  const out: string[] = [];
  for (const page of pages) {
    for (const line of glyphLines(page.filter((g) => Math.abs(g.size - EM) < 0.01), EM)) {
      const extra = spacing(line);
      if (extra.length >= 3 && extra.reduce((a, b) => a + b, 0) / extra.length > 0.05) out.push(line.slice(0, 10).map((g) => g.text).join(''));
    }
  }
  return out;
}

function spacing(line: PdfGlyph[]): number[] {
  const extra: number[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (isIdeograph(a.text) && isIdeograph(b.text)) extra.push((b.x - a.x - a.w) / EM);
  }
  return extra;
}

describe('loose-line warnings', () => {
  let res: CompileResult;
  let file: string;
  beforeAll(async () => {
    // A tight paragraph, then one whose first line must stop before fourteen digits: nothing else fits there on a 13-em column.
    const tight = `${HAN}，${HAN.slice(0, 12)}“${HAN.slice(3, 9)}”。`;
    const loose = `${HAN.slice(0, 7)}20242024202420年${HAN.slice(7, 30)}。`;
    file = article('松散的行 测试', '张三', `${tight}\n\n${loose}`);
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': file });
    res = await compile({ dir });
  });

  it('are given at the line where the letter-spaced line starts, saying how loose, why and what to change', async () => {
    const found = res.diagnostics.filter((d) => d.rule === 'loose-line');
    const lines = file.split('\n');
    const at = lines.findIndex((l) => l.startsWith(HAN.slice(0, 7) + '2024')) + 1;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: expect.stringMatching(/01-a\.md$/), line: at, column: 1, severity: 'warning' });
    expect(found[0].message).toContain(`“${HAN.slice(0, 7)}”`);
    expect(found[0].message).toMatch(/letter-spaced 0\.\d{3} em a gap/);
    expect(found[0].message).toContain('“20242024202420”, which cannot be broken');
    expect(found[0].message).toMatch(/add about \d characters? in this paragraph/i);
    // The PDF shows that line letter-spaced, and no other.
    expect(await letterSpacedLines(res.pdf)).toEqual([HAN.slice(0, 7)]);
  });

  it('on the sample match the letter-spaced lines of its PDF, line for line', async () => {
    const sample = await compile({ dir: SAMPLE });
    const found = sample.diagnostics.filter((d) => d.rule === 'loose-line');
    const spaced = await letterSpacedLines(sample.pdf);
    expect(found.length).toBe(spaced.length);
    // Each warning quotes its line, and sits where that line starts in the file.
    for (const d of found) {
      const quoted = /“([^”]+?)…?”/.exec(d.message)![1];
      expect(spaced.some((s) => s.startsWith(quoted.slice(0, 6))), quoted).toBe(true);
      const text = readFileSync(isAbsolute(d.file) ? d.file : join(ROOT, d.file), 'utf8').split('\n')[d.line - 1];
      expect(text.slice(d.column - 1).replace(/\s/g, '').startsWith(quoted.replace(/\s/g, '').slice(0, 4)), `${d.file}:${d.line}:${d.column}`).toBe(true);
    }
  });
});
