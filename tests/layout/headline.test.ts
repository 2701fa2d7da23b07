// Headline breaking (LAYOUT.md): at the phrase space when two lines are
// needed, balanced otherwise; never a closing mark at a line start, never one
// or two characters alone on the last line; the largest size that needs the
// fewest lines.
import { describe, expect, it } from 'vitest';
import { breakHeadline, fitHeadline, prepareHeadline } from '../../src/layout/headline.js';
import { loadTemplate } from '../../src/design/template.js';
import { fontsFor } from './fonts.js';

const heavy = fontsFor(loadTemplate('newspaper', process.cwd())).chain('heavy');
const NO_START = /^[，。、；：？！）》」』】”’]/;

describe('breakHeadline', () => {
  it('keeps a headline that fits on one line whole, at the largest size', () => {
    const b = breakHeadline('安全生产 人人有责', heavy, 16, 20, 300);
    expect(b).toEqual({ size: 20, lines: ['安全生产 人人有责'] });
  });

  it('drops a space before a closing mark or after an opening one (no gap, no break there)', () => {
    expect(breakHeadline('“引号开头”的标题 ！', heavy, 16, 20, 300).lines).toEqual(['“引号开头”的标题！']);
    expect(breakHeadline('《 安全生产法》 解读', heavy, 16, 20, 300).lines).toEqual(['《安全生产法》 解读']);
    for (const measure of [60, 90, 120]) {
      for (const line of breakHeadline('“引号开头”的标题 ！', heavy, 16, 20, measure).lines) expect(line).not.toMatch(NO_START);
    }
  });

  it('breaks a two-phrase headline at its space', () => {
    const b = breakHeadline('以默默无闻的坚持 防止发生惊天动地的事', heavy, 16, 20, 200);
    expect(b.lines).toEqual(['以默默无闻的坚持', '防止发生惊天动地的事']);
    expect(b.size).toBe(20);
  });

  it('balances a headline without a space and keeps punctuation off line starts', () => {
    const text = '坚持问题导向精准发力，坚决守牢安全生产底线和红线';
    for (const measure of [120, 160, 200, 240]) {
      const b = breakHeadline(text, heavy, 16, 20, measure);
      expect(b.lines.join('')).toBe(text);
      for (const line of b.lines) expect(line).not.toMatch(NO_START);
      const lengths = b.lines.map((l) => [...l].length);
      // Balanced: no line much shorter than the others, the last never one or two characters.
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(3);
      expect(lengths[lengths.length - 1]).toBeGreaterThanOrEqual(3);
    }
  });

  it('never leaves one or two characters alone on the last line', () => {
    // 13 characters in 190 pt: at 16 pt a greedy break would leave one character on line two.
    const b = breakHeadline('坚决守住底线不断开创新局面', heavy, 16, 20, 190);
    expect(b.lines.length).toBeGreaterThan(1);
    expect([...b.lines[b.lines.length - 1]].length).toBeGreaterThanOrEqual(3);
  });

  it('sizes a headline for the page search as it breaks it (fitHeadline: size and line count, no lines set)', () => {
    // From one line at the largest size, through balanced breaks, to the greedy fallback of a very narrow measure.
    const texts = ['安全生产 人人有责', '坚持问题导向精准发力，坚决守牢安全生产底线和红线', '“引号开头”的标题 ！', '以默默无闻的坚持 防止发生惊天动地的事'];
    const seen = new Set<number>();
    for (const text of texts) {
      const prepared = prepareHeadline(text, heavy);
      for (let measure = 20; measure <= 420; measure += 10) {
        const b = breakHeadline(prepared, heavy, 16, 20, measure);
        expect(fitHeadline(prepared, 16, 20, measure)).toEqual({ size: b.size, lines: b.lines.length });
        seen.add(b.lines.length);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});
