// Break opportunities inside long Latin runs (src/typeset/latin.ts): URL and
// e-mail breaks after Chicago 6.8, English hyphenation as a penalised last
// resort, and the runs that must stay whole.
import { describe, expect, it } from 'vitest';
import { composeParagraph, type ComposedLine, type ParagraphInput } from '../../src/typeset/index.js';
import { addressBreaks, hyphenPoints } from '../../src/typeset/latin.js';
import { body, violations } from './check.js';

const URL = 'https://example.com/safety/guide?id=12345';

/** The pieces a string falls into when broken at every offset in `ks`. */
function pieces(s: string, ks: number[]): string[] {
  const out: string[] = [];
  let a = 0;
  for (const k of ks) {
    out.push(s.slice(a, k));
    a = k;
  }
  out.push(s.slice(a));
  return out;
}

function compose(text: string, ems: number, extra: Partial<ParagraphInput> = {}): { input: ParagraphInput; lines: ComposedLine[] } {
  const input: ParagraphInput = { spans: [{ text, chain: body }], size: 9, measure: ems * 9, ...extra };
  return { input, lines: composeParagraph(input) };
}

describe('URL and e-mail breaks', () => {
  it('break only after / . - _ ? & =, never between the slashes of // or inside the scheme', () => {
    expect(pieces(URL, addressBreaks(URL))).toEqual(['https://', 'example.', 'com/', 'safety/', 'guide?', 'id=', '12345']);
    expect(pieces('www.example.org/a&b', addressBreaks('www.example.org/a&b'))).toEqual(['www.', 'example.', 'org/', 'a&', 'b']);
    expect(pieces('ftp://my-host.cn/a_b', addressBreaks('ftp://my-host.cn/a_b'))).toEqual(['ftp://', 'my-', 'host.', 'cn/', 'a_', 'b']);
    for (const k of addressBreaks(URL)) expect('/.-_?&=').toContain(URL[k - 1]);
  });

  it('break an e-mail address after a period', () => {
    expect(pieces('safety@example.org', addressBreaks('safety@example.org'))).toEqual(['safety@example.', 'org']);
  });

  it('leave no line holding only punctuation: no break before a trailing period', () => {
    expect(pieces('https://a.cn/x.', addressBreaks('https://a.cn/x.'))).toEqual(['https://', 'a.', 'cn/', 'x.']);
  });

  it('recognise bare domains with a path or a common top-level domain, not numbers or abbreviations', () => {
    for (const [text, url] of [
      ['请登录yjj.hengyang.gov.cn/notice查看', 'yjj.hengyang.gov.cn/notice'],
      ['详见example.com。', 'example.com'],
    ]) {
      const { lines } = compose(text, 6, { indent: 0 });
      // Broken somewhere inside the address, only after one of its marks.
      const joined = lines.map((l) => l.text);
      const inside = joined.slice(0, -1).filter((t) => /[a-z]$/i.test(t) || /[./]$/.test(t));
      expect(joined.join(''), url).toBe(text);
      for (const t of inside) expect('/.-_?&=', t).toContain(t[t.length - 1]);
    }
    // "5.2" and "e.g." are not addresses: no break inside them.
    const { lines } = compose('增长5.2%，e.g.如此', 3, { indent: 0 });
    for (const l of lines) expect(/5\.$|e\.$/.test(l.text), l.text).toBe(false);
  });

  it('split a URL in a 13-em column without a hyphen, never letter-spacing it or the Han line before it', () => {
    const text = `为进一步加强安全生产宣传教育，请访问${URL}了解详情，安全生产工作是一项没有退路的工作。`;
    const { input, lines } = compose(text, 13);
    expect(violations(input, lines)).toEqual([]);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    // The URL really is split, and no line carries a hyphen.
    expect(lines.filter((l) => /[a-z0-9/]/.test(l.text)).length).toBeGreaterThan(1);
    expect(lines.some((l) => l.hyphen)).toBe(false);
    // Lines of Han text stay within the loose-line limit (¼ em per gap).
    for (const l of lines.slice(0, -1)) if (!/[a-z]/.test(l.text)) expect(l.gap, l.text).toBeLessThanOrEqual(0.25);
  });
});

describe('hyphenation of English words', () => {
  it('finds en-us points with at least 2 letters before and 3 after', () => {
    expect(pieces('regulation', hyphenPoints('regulation'))).toEqual(['reg', 'u', 'la', 'tion']);
    expect(pieces('inspectors', hyphenPoints('inspectors'))).toEqual(['in', 'spec', 'tors']);
    // "safe-ty" would leave 2 letters on the next line.
    expect(hyphenPoints('safety')).toEqual([]);
  });

  it('never hyphenates short words, acronyms, CamelCase or words glued to digits', () => {
    for (const w of ['lazy', 'jumps', 'PDCA', 'UNESCO', 'iPhone', 'PowerPoint', 'ISO9001']) expect(hyphenPoints(w), w).toEqual([]);
  });

  it('hyphenates in a narrow column, drawing a hyphen glyph that is not in the text', () => {
    const text = 'The quick brown fox jumps over the lazy dog while safety inspectors verify compliance with regulation GB/T 15834-2011. '.repeat(3).trim();
    const { input, lines } = compose(text, 13);
    expect(violations(input, lines)).toEqual([]);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    const hyphenated = lines.filter((l) => l.hyphen);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const l of hyphenated) {
      const run = l.runs[l.runs.length - 1];
      expect(run.glyphs.text(run.glyphs.length - 1)).toBe('-');
      expect(l.start + l.width).toBeCloseTo(13 * 9, 1);
      // At least two letters stay before the hyphen.
      expect(/[A-Za-z]{2}$/.test(l.text), l.text).toBe(true);
    }
  });

  it('prefers a hyphen to word spaces of more than half an em', () => {
    // Unhyphenated, "responsibility" / "implementation" go whole to the next line and the first line's spaces open to over an em.
    for (const text of ['We verify the responsibility of inspectors on site.', 'Our team reviewed the implementation of the regulation.']) {
      const { input, lines } = compose(text, 13, { indent: 0 });
      expect(violations(input, lines)).toEqual([]);
      expect(lines[0].hyphen, text).toBe(true);
      // A word space is 0.26 em plus the extra of the gaps on either side of it.
      expect(0.26 + 2 * lines[0].gap).toBeLessThanOrEqual(0.5);
    }
  });

  it('keeps short words and numbers whole however narrow the column', () => {
    const text = 'We saw 5.2% and 1,000 and 14.13 and S336 in the lazy dog test of the year 2023 by the fox.';
    for (const ems of [6, 7, 8, 9, 10]) {
      const { input, lines } = compose(text, ems, { indent: 0 });
      expect(violations(input, lines), `${ems} em`).toEqual([]);
      expect(lines.some((l) => l.hyphen)).toBe(false);
      for (const unit of ['5.2%', '1,000', '14.13', 'S336', '2023', 'lazy']) expect(lines.some((l) => l.text.includes(unit)), `${unit} @${ems}`).toBe(true);
    }
  });
});
