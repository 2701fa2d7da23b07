import { describe, it, expect } from 'vitest';
import { analyseBulletin, cleanBulletin } from '../../src/clean/index.js';
import { bulletinOf, formatted, md, rulesOf, bodyParagraphs } from './bulletin.js';

const P1 = '四是以“全要素保障”强化安全支撑。每年安排20万元专项经费保障安全生产工作，组建了一支30人的救援队伍，实现人、财、物全方位保障。';
const P2 = '三是以“四防联动”防汛度汛。作为湘江沿岸乡镇，全方位构建了防汛救灾人防、物防、技防、工防机制，有力守护了汛期安全。';
const P3 = '在煤矿生产中，安全问题一直是我们面临的最大挑战，我们要承担起领导职责，凝聚维护安全的合力。';

const analyse = (files: Record<string, string>) => analyseBulletin(bulletinOf(files)).diagnostics;

describe('exact-duplicate', () => {
  it('drops the later copy and points at the first', () => {
    const found = rulesOf(analyse({ 'a.md': md([P2, P1, P3, P1]) }), 'exact-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'a.md', line: 12, column: 1, severity: 'warning' });
    expect(found[0].related).toEqual([{ file: 'a.md', line: 8, column: 1 }]);
  });

  it('drops a repeated run of paragraphs, across files too, whitespace and emphasis aside', () => {
    const files = { 'a.md': md([P2, P1, P3]), 'b.md': md(['另一篇文章的开头段落，介绍本单位的基本情况。', `**四是**以“全要素保障”强化安全支撑。每年安排20万元专项经费保障安全生产工作，\n组建了一支30人的救援队伍，实现人、财、物全方位保障。`, P3]) };
    const found = rulesOf(analyse(files), 'exact-duplicate');
    expect(found.map((d) => [d.file, d.line])).toEqual([['b.md', 8], ['b.md', 11]]);
    expect(found[0].related).toEqual([{ file: 'a.md', line: 8, column: 1 }]);
  });

  it('keeps a short line that recurs, such as 安全第一 closing two articles', () => {
    const files = { 'a.md': md([P2, '安全第一']), 'b.md': md([P3, '安全第一']), 'c.md': md([P1, '安全第一，预防为主。', '各单位要认真落实。', '安全第一，预防为主。']) };
    expect(rulesOf(analyse(files), 'exact-duplicate')).toEqual([]);
  });

  it('drops a short paragraph when it was repeated together with its neighbour', () => {
    const found = rulesOf(analyse({ 'a.md': md([P2, P1, '安全第一。', P3, P1, '安全第一。']) }), 'exact-duplicate');
    expect(found.map((d) => d.line)).toEqual([14, 16]);
  });
});

describe('fragment-duplicate', () => {
  it('drops the repeated tail of an earlier paragraph (the sample’s 人防、物防… case)', () => {
    const files = { 'a.md': md([P2, P1, '人防、物防、技防、工防机制，有力守护了汛期安全。']) };
    const found = rulesOf(analyse(files), 'fragment-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 10, related: [{ file: 'a.md', line: 6, column: 1 }] });
    expect(bodyParagraphs(formatted(bulletinOf(files))['a.md'])).toEqual([P2, P1]);
  });

  it('recognises the repeated tail of a split paragraph once the halves are joined', () => {
    const files = { 'a.md': md(['其次，我们要建立完善的安全管理制度。定期组织安全教育和培训，提', '高员工的安全意识和技能，制定应急预案，并定期演练。', P3, '高员工的安全意识和技能，制定应急预案，并定期演练。']) };
    const d = analyse(files);
    expect(rulesOf(d, 'split-paragraph')).toHaveLength(1);
    expect(rulesOf(d, 'fragment-duplicate').map((x) => x.line)).toEqual([12]);
    expect(bodyParagraphs(formatted(bulletinOf(files))['a.md'])).toEqual([
      '其次，我们要建立完善的安全管理制度。定期组织安全教育和培训，提高员工的安全意识和技能，制定应急预案，并定期演练。',
      P3,
    ]);
  });

  it('keeps a slogan that recurs inside a longer paragraph', () => {
    const files = {
      'a.md': md([
        '我们始终坚持“安全第一、预防为主、综合治理”的方针，把安全生产放在首位。',
        '全体员工牢记人民至上、生命至上，坚持统筹发展和安全，不断提升本质安全水平。',
        '安全第一、预防为主、综合治理',
        '人民至上、生命至上。',
      ]),
    };
    const d = analyse(files);
    expect(rulesOf(d, 'fragment-duplicate')).toEqual([]);
    expect(rulesOf(d, 'exact-duplicate')).toEqual([]);
  });

  it('keeps two paragraphs that share a long opening', () => {
    const opening = '习近平总书记指出，安全生产是民生大事，一丝一毫不能放松，要以对人民极端负责的精神抓好安全生产工作。';
    const files = {
      'a.md': md([`${opening}我们要坚持问题导向，精准聚焦薄弱环节，消除短板弱项，切实做到以一域保全局。`]),
      'b.md': md([`${opening}公司各级主要负责人要带头履职，打通全员落实安全生产责任的最后一公里。`]),
    };
    const d = analyse(files);
    for (const rule of ['fragment-duplicate', 'exact-duplicate', 'near-duplicate']) expect(rulesOf(d, rule)).toEqual([]);
  });

  it('keeps headings, list items and quotations that recur', () => {
    const files = {
      'a.md': md(['## 加强组织领导，压实安全生产责任', '一是加强组织领导，压实安全生产责任，确保各项措施落实落地。', '- 加强组织领导，压实安全生产责任', '> 加强组织领导，压实安全生产责任']),
      'b.md': md(['## 加强组织领导，压实安全生产责任', P3]),
    };
    const d = analyse(files);
    expect(rulesOf(d, 'fragment-duplicate')).toEqual([]);
    expect(rulesOf(d, 'exact-duplicate')).toEqual([]);
  });

  it('needs a longer fragment when the container is in another file', () => {
    const files = {
      'a.md': md(['各单位要深刻吸取各类安全事故教训，坚决做到风险管控零盲区、隐患排查零漏洞、隐患治理零容忍。']),
      'b.md': md(['坚决做到风险管控零盲区、隐患排查零漏洞。', '深刻吸取各类安全事故教训，坚决做到风险管控零盲区、隐患排查零漏洞、隐患治理零容忍。']),
    };
    expect(rulesOf(analyse(files), 'fragment-duplicate').map((d) => [d.file, d.line])).toEqual([['b.md', 8]]);
  });
});

describe('emptied-article', () => {
  it('leaves out an article whose every paragraph repeats another article, and says so', () => {
    const files = { 'a.md': md([P2, P1, P3]), 'b.md': md([P3, '本单位的情况另有说明，这一段不与别处重复。']), 'c.md': md([P1, P2]) };
    const cleaned = cleanBulletin(bulletinOf(files));
    expect(cleaned.bulletin.articles.map((a) => a.source.path)).toEqual(['a.md', 'b.md']);
    const found = rulesOf(cleaned.diagnostics, 'emptied-article');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'c.md', line: 1, column: 1, severity: 'warning' });
    expect(found[0].message).toContain('kept in a.md');
    // check reports the same; b.md keeps a paragraph of its own and stays.
    expect(rulesOf(analyse(files), 'emptied-article').map((d) => d.file)).toEqual(['c.md']);
  });

  it('is left as it is by fmt, which still removes the other repeats', () => {
    const files = { 'a.md': md([P2, P1, P3, P1]), 'b.md': md([P1, P2]) };
    const out = formatted(bulletinOf(files));
    expect(out['b.md']).toBe(files['b.md']);
    expect(bodyParagraphs(out['a.md'])).toEqual([P2, P1, P3]);
  });

  it('keeps an article with a picture, a heading or a list left after its repeats go', () => {
    const files = { 'a.md': md([P2, P1]), 'b.md': md([P1, '## 小标题', P2]), 'c.md': md([P2, '- 一项要求', P1]) };
    const cleaned = cleanBulletin(bulletinOf(files));
    expect(cleaned.bulletin.articles).toHaveLength(3);
    expect(rulesOf(cleaned.diagnostics, 'emptied-article')).toEqual([]);
  });
});
