// Headline breaking (LAYOUT.md): at the phrase space when two lines are
// needed, else between words (never inside one), balanced; never a closing
// mark at a line start, never a line of one or two characters; the largest
// size that needs the fewest lines. Captions break the same way.
import { describe, expect, it } from 'vitest';
import { captionLines } from '../../src/layout/caption.js';
import { breakHeadline, fitHeadline, prepareHeadline } from '../../src/layout/headline.js';
import { loadTemplate } from '../../src/design/template.js';
import { pageGrid, spanWidth } from '../../src/layout/grid.js';
import { fontsFor } from './fonts.js';

const template = loadTemplate('newspaper', process.cwd());
const heavy = fontsFor(template).chain('heavy');
const NO_START = /^[，。、；：？！）》」』】”’]/;

// Headlines nobody tuned for, each written as the words a reader sees (|
// between them, by hand, not by the segmenter): a break may fall only
// between two of them.
const WORDED = [
  '坚持|高质量|发展|和|高水平|安全|良性|互动',
  '笃行|力行|惠民生|聚人心',
  '扎实|推进|安全|生产|治本|攻坚|三年|行动',
  '牢记|嘱托|砥砺|前行|奋力|谱写|新篇章',
  '用心|用情|用力|解决|群众|急难愁盼|问题',
  '全力以赴|做好|防汛|救灾|工作',
  '深入|开展|重大|事故|隐患|专项|排查|整治|行动',
  '持续|深化|安全|生产|专项|整治|三年|行动|成果',
  '凝聚|维护|安全的|合力|确保|公司|经营|稳步|发展',
  '以|高水平|安全|服务|高质量|发展',
  '从严|从实|抓好|森林|防灭火|工作',
  '学|思想|强|党性|重|实践|建新功',
  '防患于未然|把|隐患|消灭|在|萌芽|状态',
  '把|安全|责任|落实到|每一个|岗位',
  '一名|老矿工的|三十年|安全路',
  '推进|应急|管理|体系|和|能力|现代化',
];

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
    const texts = ['安全生产 人人有责', '坚持问题导向精准发力，坚决守牢安全生产底线和红线', '“引号开头”的标题 ！', '以默默无闻的坚持 防止发生惊天动地的事', ...WORDED.map((w) => w.replaceAll('|', ''))];
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

/** Code-point offsets where a worded headline may break (between its words). */
function wordEnds(worded: string): Set<number> {
  const ends = new Set<number>();
  let at = 0;
  for (const word of worded.split('|')) ends.add((at += [...word].length));
  return ends;
}

describe('a headline without a phrase space', () => {
  it('breaks between words where a character-count break would split one', () => {
    const grid = pageGrid(template);
    // Not 坚持高质量发展和高 / 水平安全良性互动, nor 笃行力行惠 / 民生聚人心.
    expect(breakHeadline('坚持高质量发展和高水平安全良性互动', heavy, 16, 20, spanWidth(grid, 2)).lines).toEqual(['坚持高质量发展和', '高水平安全良性互动']);
    expect(breakHeadline('笃行力行惠民生聚人心', heavy, 16, 20, spanWidth(grid, 1)).lines).toEqual(['笃行力行', '惠民生聚人心']);
  });

  it('takes a line more rather than break inside a word, and a smaller size rather than a worse break', () => {
    const grid = pageGrid(template);
    // Two phrases of ten characters in one column: three lines only by splitting a word.
    const b = breakHeadline('坚持问题导向精准发力 坚决守牢安全生产底线', heavy, 16, 20, spanWidth(grid, 1));
    expect(b.lines).toEqual(['坚持问题', '导向精准发力', '坚决守牢', '安全生产底线']);
    const prepared = prepareHeadline('牢记嘱托砥砺前行奋力谱写新篇章', heavy);
    // At 20 pt three lines of five would split 砥砺; at a smaller size the words stay whole.
    const fit = breakHeadline(prepared, heavy, 16, 20, spanWidth(grid, 1));
    expect(fit.lines).toEqual(['牢记嘱托', '砥砺前行奋力', '谱写新篇章']);
    expect(fitHeadline(prepared, 16, 20, spanWidth(grid, 1))).toEqual({ size: fit.size, lines: 3 });
  });

  it('breaks between words, never inside one, at every module width up to three columns', () => {
    const grid = pageGrid(template);
    for (const worded of WORDED) {
      const text = worded.replaceAll('|', '');
      const ends = wordEnds(worded);
      for (const columns of [1, 2, 3]) {
        const measure = spanWidth(grid, columns);
        const b = breakHeadline(text, heavy, 16, 20, measure);
        expect(b.lines.join('')).toBe(text);
        let at = 0;
        for (const line of b.lines.slice(0, -1)) {
          at += [...line].length;
          expect(ends.has(at), `${b.lines.join(' / ')} at ${measure} pt`).toBe(true);
        }
        // Never a line of one or two characters.
        for (const line of b.lines) if (b.lines.length > 1) expect([...line].length, b.lines.join(' / ')).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('a caption', () => {
  it('keeps its words and its （资料图） whole, over balanced lines', () => {
    const kai = fontsFor(template).chain('kai');
    const grid = pageGrid(template);
    const text = '镇党委书记带队在河堤检查防汛物资储备情况（资料图）';
    const lines = captionLines({ text, chain: kai, size: template.sizes.caption, measure: grid.measure, scheme: 'quanjiao' });
    const texts = lines.map((l) => l.text);
    expect(texts.join('')).toBe(text);
    expect(texts.length).toBe(2);
    expect(texts[1].endsWith('（资料图）')).toBe(true);
    expect(wordEnds('镇|党委|书记|带队|在|河堤|检查|防汛|物资|储备|情况|（资料图）').has([...texts[0]].length)).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(grid.measure + 1e-6);
    const lengths = texts.map((t) => [...t].length);
    expect(Math.abs(lengths[0] - lengths[1])).toBeLessThanOrEqual(4);
    expect(lines.map((l) => l.last)).toEqual([false, true]);
  });
});
