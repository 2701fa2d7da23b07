// One test (or a few) per rule of TYPOGRAPHY.md §1–4, on real Noto Serif SC
// advances. Positions are asserted in ems of a 10 pt body.
import { describe, expect, it } from 'vitest';
import { chainOf, openFace } from '../../src/fonts/face.js';
import { Cls, classify, composeParagraph, isNoEnd, isNoStart, measureSpans, type ComposedLine, type ParagraphInput } from '../../src/typeset/index.js';
import { body, bold, place, serif, serifBold, violations } from './check.js';

const S = 10;
const HAN10 = '一二三四五六七八九十';

function compose(text: string, ems: number, extra: Partial<ParagraphInput> = {}): ComposedLine[] {
  return composeParagraph({ spans: [{ text, chain: body }], size: S, measure: ems * S, indent: 0, ...extra });
}

/** Left edge of each glyph of a line in em from the column edge, keyed by position. */
function xs(line: ComposedLine): number[] {
  return place(line).map((p) => Math.round((p.left / S) * 1000) / 1000);
}

describe('character classes (§2)', () => {
  it('lists every mark the spec forbids at a line start or end', () => {
    for (const ch of '，。、；：？！）］｝〕〉》」』】〗”’·,.;:?!)]}%％‰℃') expect(isNoStart(classify(ch.codePointAt(0)!)), ch).toBe(true);
    for (const ch of '（［｛〔〈《「『【〖“‘([{') expect(isNoEnd(classify(ch.codePointAt(0)!)), ch).toBe(true);
    for (const ch of '中国安。（“a1') expect(isNoStart(classify(ch.codePointAt(0)!)) && isNoEnd(classify(ch.codePointAt(0)!)), ch).toBe(false);
    expect(classify('中'.codePointAt(0)!)).toBe(Cls.HAN);
    expect(classify('A'.codePointAt(0)!)).toBe(Cls.LETTER);
    expect(classify('—'.codePointAt(0)!)).toBe(Cls.DASH);
  });
});

describe('line breaking (§2)', () => {
  it('never starts a line with a closing mark: pushes it in by compressing, or pulls a character down', () => {
    // Ten Han then 。 at a 10 em measure: 。 cannot start line 2.
    const lines = compose(`${HAN10}。${HAN10}`, 10);
    expect(lines[1].text[0]).not.toBe('。');
    expect(violations({ spans: [{ text: `${HAN10}。${HAN10}`, chain: body }], size: S, measure: 100, indent: 0 }, lines)).toEqual([]);
  });

  it('pushes a stop into the line when compressing punctuation makes it fit (推入)', () => {
    // "…九”。" is 9 + ½ (” before 。) + 1 = 10.5 em; 。 gives up its blank half at the line end.
    const lines = compose('一二三四五六七八九”。十一二三四五六七八九十', 10);
    expect(lines[0].text).toBe('一二三四五六七八九”。');
    const p = place(lines[0]);
    expect(p[10].left / S).toBeCloseTo(9.5, 6);
    expect(p[10].inkRight).toBeLessThanOrEqual(100);
    expect(lines[0].gap).toBeCloseTo(0, 9);
  });

  it('never ends a line with an opening mark', () => {
    const lines = compose(`一二三四五六七八九（十）${HAN10}`, 10);
    expect(lines[0].text.endsWith('（')).toBe(false);
    expect(lines[1].text[0]).toBe('（');
  });

  it('keeps words, numbers, ranges, —— and …… whole', () => {
    for (const unit of ['5.2%', '1,000', '14.13', 'S336', 'PDCA', '2023', '1—2', '——', '……', 'COVID-19']) {
      // Slide the unit across the line end at every offset.
      for (let k = 6; k < 10; k++) {
        const text = `${HAN10.slice(0, k)}${unit}${HAN10}${HAN10}`;
        const lines = compose(text, 10);
        const joined = lines.map((l) => l.text);
        expect(joined.some((t) => t.includes(unit)), `${unit} at ${k}: ${joined.join('|')}`).toBe(true);
      }
    }
  });

  it('never starts a line with a note mark: it stays with the text it marks', () => {
    for (const mark of ['①', '⑳', '〔21〕']) {
      // Slide the mark across the line end; ① alone may start a line (an item of a run-in enumeration).
      for (let k = 6; k <= 10; k++) {
        const spans = [
          { text: HAN10.slice(0, k), chain: body },
          { text: mark, chain: body, attached: true },
          { text: `${HAN10}${HAN10}一二三四五`, chain: body },
        ];
        const lines = composeParagraph({ spans, size: S, measure: 10 * S, indent: 0 });
        expect(lines.map((l) => l.text).join(''), mark).toBe(spans.map((s) => s.text).join(''));
        for (const l of lines.slice(1)) expect(l.text.startsWith(mark[0]), `${k}: ${l.text}`).toBe(false);
        const plain = composeParagraph({ spans: spans.map((s) => ({ text: s.text, chain: s.chain })), size: S, measure: 10 * S, indent: 0 });
        if (k === 10 && mark === '①') expect(plain[1].text.startsWith('①')).toBe(true);
      }
    }
  });

  it('breaks between Latin words at the space, which hangs and survives in the text', () => {
    const text = '一二三四五 Hello world again 六七八九十';
    const lines = compose(text, 8);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const l of lines) expect(/\S\s\S/.test(l.text) || !/[a-z] [a-z]/.test(l.text)).toBe(true);
    const broken = lines.find((l) => / $/.test(l.text));
    expect(broken).toBeDefined();
  });
});

describe('the grid (§1) and Han–Latin spacing (§4)', () => {
  it('sets pure Han solid on whole ems with a two-em indent', () => {
    const text = HAN10.repeat(5);
    const lines = composeParagraph({ spans: [{ text, chain: body }], size: S, measure: 20 * S });
    expect(lines[0].start).toBe(20);
    expect(lines[0].text.length).toBe(18);
    expect(xs(lines[0])).toEqual(Array.from({ length: 18 }, (_, i) => i + 2));
    expect(xs(lines[1])).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (const l of lines) expect(l.gap).toBe(0);
  });

  it('puts a quarter em between Han and Latin or digits, none next to punctuation', () => {
    const [line] = compose('中文PDCA中文，2023年', 30);
    const p = place(line);
    expect((p[2].left - p[1].right) / S).toBeCloseTo(0.25, 9); // 文P
    expect((p[6].left - p[5].right) / S).toBeCloseTo(0.25, 9); // A中
    expect((p[9].left - p[8].right) / S).toBeCloseTo(0, 9); // ，2
    expect((p[13].left - p[12].right) / S).toBeCloseTo(0.25, 9); // 3年
  });

  it('uses a source space between Han and Latin as that quarter em, keeping it in the text', () => {
    const [line] = compose('中文 PDCA 中文', 30);
    const p = place(line);
    expect(line.text).toBe('中文 PDCA 中文');
    expect((p[3].left - p[1].right) / S).toBeCloseTo(0.25, 9);
  });

  it('sets a list marker flush right in the box of the hanging indent, the text of every line at the box', () => {
    // "1．" (a digit and a full-width stop) in a box of two ems, "10．" in three; the tab takes either to the box.
    for (const [marker, box] of [['1．', 2], ['10．', 3]] as const) {
      const lines = composeParagraph({ spans: [{ text: `${marker}\t${HAN10.repeat(3)}`, chain: body }], size: S, measure: 12 * S, indent: 0, hangingIndent: box });
      const first = place(lines[0]);
      const text = first.findIndex((g) => g.ch === '一');
      expect(first[text].boxLeft / S, marker).toBeCloseTo(box, 9);
      // The stop's box ends at the box: the marker is flush right, and there is no glyph for the tab.
      expect(first[text - 1].ch).toBe('．');
      expect(first[text - 1].boxRight / S).toBeCloseTo(box, 9);
      expect(first[0].boxLeft / S).toBeGreaterThan(0);
      for (const line of lines.slice(1)) expect(place(line)[0].boxLeft / S).toBeCloseTo(box, 9);
      expect(lines.map((l) => l.text).join('')).toBe(`${marker}\t${HAN10.repeat(3)}`);
      // The marker never shrinks nor stretches, and the text lines are whole ems: no line is spread.
      for (const line of lines.slice(0, -1)) expect(line.gap).toBeCloseTo(0, 9);
    }
  });

  it('compresses a marker too wide for its box: its stop gives up its blank half', () => {
    const [line] = composeParagraph({ spans: [{ text: `10．\t${HAN10}`, chain: body }], size: S, measure: 14 * S, indent: 0, hangingIndent: 2 });
    const p = place(line);
    const stop = p.findIndex((g) => g.ch === '．');
    expect((p[stop].boxRight - p[stop].boxLeft) / S).toBeCloseTo(0.5, 9);
    expect(p[stop + 1].boxLeft / S).toBeCloseTo(2, 9);
  });

  it('indents lines after the first by the hanging indent', () => {
    const lines = composeParagraph({ spans: [{ text: HAN10.repeat(3), chain: body }], size: S, measure: 12 * S, indent: 0, hangingIndent: 2 });
    expect(lines[1].start).toBe(20);
    expect(lines[1].text.length).toBe(10);
  });
});

describe('dashes and ellipses (§3)', () => {
  it('draws —— as one glyph two ems wide, the face\'s two-em dash, standing for both characters', () => {
    const [line] = compose('预防——预见', 30);
    const p = place(line);
    const dash = p.find((g) => g.ch === '——')!;
    expect(dash.boxRight - dash.boxLeft).toBeCloseTo(2 * S, 9);
    expect(dash.right - dash.left).toBeCloseTo(2 * S, 9);
    expect(p.map((g) => g.ch).join('')).toBe('预防——预见');
    expect(line.text).toBe('预防——预见');
    // One stroke: the glyph's ink spans nearly both ems (two em dashes side by side leave a gap of 0.14 em).
    expect((dash.inkRight - dash.inkLeft) / S).toBeGreaterThan(1.85);
    // And ——— as the three-em dash.
    const three = place(compose('预防———预见', 30)[0]).find((g) => g.ch === '———')!;
    expect((three.boxRight - three.boxLeft) / S).toBeCloseTo(3, 9);
  });

  it('keeps a range dash tight between its numbers: no spacing inside 1—2 however a line is spread', () => {
    // 安排 + 1—2 + 名 + 9 Han is 13.8 em: the first line (9 em) is spread around the range.
    const lines = compose(`安排1—2名${HAN10}${HAN10}`, 9);
    expect(lines[0].text.startsWith('安排1—2名')).toBe(true);
    expect(lines[0].gap).toBeGreaterThan(0);
    for (const line of lines) {
      const p = place(line);
      const d = p.findIndex((g) => g.ch === '—');
      if (d < 0) continue;
      // Boxes are single floats: equal to a millionth of a point.
      expect(p[d].boxLeft - p[d - 1].boxRight).toBeCloseTo(0, 6);
      expect(p[d + 1].boxLeft - p[d].boxRight).toBeCloseTo(0, 6);
    }
  });

  it('sets …… as two abutting ellipses, never spaced apart', () => {
    const lines = compose(`自查……发现${HAN10}${HAN10}`, 9);
    expect(lines[0].text.startsWith('自查……')).toBe(true);
    for (const line of lines) {
      const p = place(line);
      const k = p.findIndex((g, i) => g.ch === '…' && p[i + 1]?.ch === '…');
      if (k >= 0) expect(p[k + 1].boxLeft - p[k].boxRight).toBeCloseTo(0, 6);
    }
  });
});

describe('punctuation compression (§3)', () => {
  it('adjacent marks lose the blank half between them', () => {
    const cases: [string, number][] = [['中。”中', 3.5], ['中”，中', 3.5], ['中）、中', 3.5], ['中，“中', 3.5], ['中！？中', 3.5]];
    for (const [text, width] of cases) {
      const [line] = compose(text, 30);
      expect(line.width / S, text).toBeCloseTo(width, 9);
    }
  });

  it('shifts a left-compressed opening mark so its ink keeps its place', () => {
    // "（“": “ loses its blank left half; its pen moves half an em left of where that half began.
    const [line] = compose('中（“中', 30);
    const p = place(line);
    expect(p[2].left / S).toBeCloseTo(1.5, 9);
    expect(p[3].left / S).toBeCloseTo(2.5, 9);
    expect(p[2].inkLeft).toBeGreaterThan(p[1].inkRight);
  });

  it('an opening mark at a line start loses its blank left half, also after the indent', () => {
    const [first] = composeParagraph({ spans: [{ text: '“中文”', chain: body }], size: S, measure: 100 });
    expect(place(first)[0].left / S).toBeCloseTo(1.5, 9);
    expect(place(first)[0].inkLeft / S).toBeGreaterThan(2 - 1e-9);
    expect(first.width / S).toBeCloseTo(3.5, 9);
  });

  it('kaiming keeps 。？！ full and halves the rest; banjiao halves all', () => {
    const k = compose('中，中。中“中”中', 30, { scheme: 'kaiming' });
    expect(xs(k[0])).toEqual([0, 1, 1.5, 2.5, 3.5, 4, 5, 6, 6.5]);
    const b = compose('中，中。中“中”中', 30, { scheme: 'banjiao' });
    expect(xs(b[0])).toEqual([0, 1, 1.5, 2.5, 3, 3.5, 4.5, 5.5, 6]);
    const q = compose('中，中。中“中”中', 30);
    expect(xs(q[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('leaves proportional quotes alone (LXGW WenKai draws “ ” at 0.35 em)', () => {
    const kai = openFace('lxgw-wenkai-latin', 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');
    const chain = chainOf('kai', [kai, serif]);
    const [line] = composeParagraph({ spans: [{ text: '“中”。', chain }], size: S, measure: 300, indent: 0, scheme: 'banjiao' });
    const adv = kai.glyph('“'.codePointAt(0)!)!.advance;
    expect(adv).toBeLessThan(0.9);
    expect(line.width / S).toBeCloseTo(2 * adv + 1 + 0.5, 9);
    expect(line.runs[0].glyphs.x(0)).toBe(0);
  });
});

describe('justification (§4)', () => {
  it('spreads a small stretch evenly over every gap, the Han–Latin spaces included', () => {
    const natural = measureSpans([{ text: '中文PDCA中文', chain: body }], S);
    const lines = composeParagraph({ spans: [{ text: `中文PDCA中文${HAN10}`, chain: body }], size: S, measure: natural + 0.16 * S, indent: 0 });
    const p = place(lines[0]);
    expect(lines[0].text).toBe('中文PDCA中文');
    // Four places share 0.16 em: two Han gaps and two Han–Latin spaces, 0.04 em each.
    expect((p[1].left - p[0].right) / S).toBeCloseTo(0.04, 9);
    expect((p[2].left - p[1].right) / S).toBeCloseTo(0.29, 9);
    expect((p[7].left - p[6].right) / S).toBeCloseTo(0.04, 9);
    expect(lines[0].gap).toBeCloseTo(0.04, 9);
  });

  it('keeps a line at the letter-spacing limit under 0.05 em a gap: the Han–Latin spaces take the last thousandths', () => {
    const natural = measureSpans([{ text: '中文PDCA中文', chain: body }], S);
    const lines = composeParagraph({ spans: [{ text: `中文PDCA中文${HAN10}`, chain: body }], size: S, measure: natural + 0.2 * S, indent: 0 });
    const p = place(lines[0]);
    expect(lines[0].text).toBe('中文PDCA中文');
    // 0.2 em over two Han gaps and two Han–Latin spaces: the gaps stop at 0.049 em, the spaces take 0.051 em each.
    expect((p[1].left - p[0].right) / S).toBeCloseTo(0.049, 9);
    expect((p[7].left - p[6].right) / S).toBeCloseTo(0.049, 9);
    expect((p[2].left - p[1].right) / S).toBeCloseTo(0.301, 9);
    expect(lines[0].gap).toBeLessThan(0.05);
  });

  it('keeps Han–Latin spaces within 0.35 em when a line must open wider: they reach it first, the Han gaps take the rest', () => {
    const natural = measureSpans([{ text: '中文PDCA中文', chain: body }], S);
    const lines = composeParagraph({ spans: [{ text: `中文PDCA中文${HAN10}`, chain: body }], size: S, measure: natural + 0.7 * S, indent: 0 });
    const p = place(lines[0]);
    expect(lines[0].text).toBe('中文PDCA中文');
    expect((p[2].left - p[1].right) / S).toBeCloseTo(0.34, 9);
    // 0.7 em − 2 × 0.09 em of the Han–Latin spaces, over the two Han gaps ("中文PDCA中文一" cannot shrink 0.3 em).
    expect((p[1].left - p[0].right) / S).toBeCloseTo(0.26, 9);
  });

  it('never re-expands compressed punctuation to fill a line: the gaps take it', () => {
    const text = '中文。”中文中文中文中文中文中文';
    const lines = compose(text, 9);
    for (const line of lines) {
      const p = place(line);
      const k = p.findIndex((g) => g.ch === '。');
      if (k >= 0 && p[k + 1]?.ch === '”') expect((p[k + 1].left - p[k].left) / S, line.text).toBeCloseTo(0.5 + line.gap, 9);
    }
    expect(violations({ spans: [{ text, chain: body }], size: S, measure: 90, indent: 0 }, lines)).toEqual([]);
    // Pure Han with one character pulled down: evenly over the gaps.
    const even = compose(`${HAN10}，${HAN10}`, 10);
    expect(even[0].text).toBe('一二三四五六七八九');
    const q = place(even[0]);
    for (let i = 1; i < q.length; i++) expect((q[i].left - q[i - 1].right) / S).toBeCloseTo(1 / 8, 9);
    expect(even[0].gap).toBeCloseTo(1 / 8, 9);
  });

  it('shrinks punctuation first, then Han–Latin spaces, never under 0.15 em', () => {
    // 13 em of text on 12.5 em: the comma's blank half goes first.
    const text = '中文中文中文PDCA中，中文';
    const natural = measureSpans([{ text, chain: body }], S);
    const lines = composeParagraph({ spans: [{ text: text + HAN10, chain: body }], size: S, measure: natural - 0.3 * S, indent: 0 });
    expect(lines[0].text).toBe(text);
    const p = place(lines[0]);
    const c = p.findIndex((g) => g.ch === '，');
    expect((p[c + 1].boxLeft - p[c].boxLeft) / S).toBeCloseTo(0.7, 9);
    const d = p.findIndex((g) => g.ch === 'P');
    expect((p[d].boxLeft - p[d - 1].boxRight) / S).toBeCloseTo(0.25, 9);
  });

  it('breaks so that no line is letter-spaced (over 0.05 em a gap) when it can: the sample line 蒸湘区作为衡阳中心城', () => {
    // At 13 em the first line cannot be helped
    // (11 em after the indent: "…城区，" is 11.5 em even with its comma at the edge,
    // and "，" may not start a line); the second can, by pushing 消 down and 防、 after it.
    const text =
      '蒸湘区作为衡阳中心城区，主要安全问题风险在消防、道路交通、工贸领域。蒸湘区始终绷紧安全生产这根弦，聚焦“三个坚持”，精准发力下好“三步棋”，连续两年荣获全省安全生产与消防工作优秀县市区。';
    const input: ParagraphInput = { spans: [{ text, chain: body }], size: 9, measure: 13 * 9 };
    const lines = composeParagraph(input);
    expect(violations(input, lines)).toEqual([]);
    expect(lines[0].text).toBe('蒸湘区作为衡阳中心城');
    for (const l of lines.slice(1, -1)) expect(l.gap, l.text).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('chooses breaks over the whole paragraph so that no line is loose', () => {
    // A greedy breaker would leave "中文中文中文" then a 4-em word: the optimiser evens it out.
    const text = '中文中文中文中文中，ABCDEFGH中文中文中文中文中文中文中文中文中文中文中文';
    const lines = compose(text, 12);
    for (const l of lines.slice(0, -1)) expect(l.gap).toBeLessThanOrEqual(0.25);
    expect(violations({ spans: [{ text, chain: body }], size: S, measure: 120, indent: 0 }, lines)).toEqual([]);
  });

  it('breaks a run of marks longer than the measure rather than overflowing, when nothing else can', () => {
    const text = '中' + '）'.repeat(40);
    const lines = compose(text, 8);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const l of lines) expect(l.start + l.width).toBeLessThanOrEqual(80 + 0.01);
    expect(lines[0].text.startsWith('中）')).toBe(true);
  });

  it('breaks a word longer than the measure by character instead of overflowing', () => {
    const text = '中文Pneumonoultramicroscopicsilicovolcanoconiosis中文';
    const lines = compose(text, 8);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const l of lines) expect(l.start + l.width).toBeLessThanOrEqual(80 + 0.01);
  });
});

describe('last line (§4)', () => {
  it('holds at least two characters besides punctuation', () => {
    for (const text of [`${HAN10}一`, `${HAN10}一。`, `${HAN10}一”。`]) {
      const lines = compose(text, 10);
      const last = lines[lines.length - 1].text.replace(/[。”]/g, '');
      expect(last.length, text).toBeGreaterThanOrEqual(2);
      expect(lines[0].gap).toBeGreaterThan(0);
    }
    expect(compose('一。', 10).length).toBe(1);
  });

  it('is flush left, or centred', () => {
    const [l] = compose('中文中文', 10);
    expect(l.start).toBe(0);
    expect(l.width).toBe(40);
    expect(l.gap).toBe(0);
    const [c] = compose('中文中文', 10, { align: 'center' });
    expect(c.start).toBe(30);
  });
});

describe('output (§6)', () => {
  it('one run per face, abutting, with glyph ids from the chain', () => {
    const lines = composeParagraph({
      spans: [
        { text: '中文', chain: body },
        { text: '粗体', chain: bold },
        { text: '中文', chain: body },
      ],
      size: S,
      measure: 300,
    });
    const runs = lines[0].runs;
    expect(runs.map((r) => r.face)).toEqual([serif.key, serifBold.key, serif.key]);
    expect(runs.map((r) => r.x / S)).toEqual([0, 2, 4]);
    expect(runs[1].glyphs.id(0)).toBe(serifBold.glyph('粗'.codePointAt(0)!)!.id);
    expect(runs[1].glyphs.x(0)).toBe(0);
  });

  it('sets an uncovered code point as glyph 0, one em wide', () => {
    const [line] = compose('中\u0378文', 10);
    expect(line.runs[0].glyphs.id(1)).toBe(0);
    expect(xs(line)).toEqual([0, 1, 2]);
  });

  it('returns no lines for an empty paragraph and keeps a paragraph of spaces as text', () => {
    expect(compose('', 10)).toEqual([]);
    const lines = compose('  ', 10);
    expect(lines.map((l) => l.text).join('')).toBe('  ');
  });

  it('measures headlines with the same compression and spacing', () => {
    const w = measureSpans([{ text: '安全，“生产”。', chain: body }], S);
    expect(w / S).toBeCloseTo(2 + 0.5 + 1 + 2 + 0.5 + 1, 9);
    const [line] = compose('安全，“生产”。', 30);
    expect(line.width).toBeCloseTo(w, 9);
  });
});
