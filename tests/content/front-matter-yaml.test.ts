// The front-matter fast path must read every block it accepts exactly as the
// yaml package does (values, node kinds, ranges, line starts), and hand
// everything else to the package.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseFrontMatterYaml, readSimple, readWithPackage, type FrontMatterYaml } from '../../src/content/front-matter-yaml.js';
import { SAMPLE } from '../helpers/cli.js';

function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  const n = node as YamlNode;
  if (isScalar(n)) return { value: n.value, type: n.type, range: n.range };
  if (isSeq(n)) return { seq: n.items.map(shape), range: n.range };
  if (isMap(n)) return { map: n.items.map((p) => [shape(p.key), shape(p.value)]), range: n.range };
  return { other: String(node) };
}

function view(y: FrontMatterYaml): unknown {
  return { contents: shape(y.contents), errors: y.errors.length, lineStarts: y.lineCounter.lineStarts };
}

const sampleBlocks = readdirSync(SAMPLE)
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => {
    const text = readFileSync(join(SAMPLE, n), 'utf8');
    return text.slice(4, text.indexOf('\n---', 3));
  });

/** Blocks the fast path must accept. */
const SIMPLE = [
  'title: 以默默无闻的坚持 防止发生惊天动地的事\nauthor: 胡小刚\nrole: 衡阳国家高新区党工委副书记、管委会主任',
  'title: 坚持“两个至上” 筑牢  \nauthor:   x [a] b{c}\nsubtitle: 安全　',
  'title: a\npublisher:\n  - 衡阳市安全生产委员会办公室\n  - 衡阳市应急管理局  ',
  'title: a\npublisher:\n    -   x\n    - y\nauthor: b',
  'title: a:b#c\nauthor: 姓名 - 职务',
  'unknown_key: value\ntitle: x',
  'title: a\nissue: 2023年第6期\ndate: 2023-06-16',
  'issue: 6期',
  'title: a\r\nauthor: b  \r\npublisher:\r\n  - x\r\n  - y',
  'title: a\r\nauthor: b\nrole: c',
];

/** Blocks that need the package (each for a different reason); both paths must then agree via parseFrontMatterYaml. */
const NOT_SIMPLE = [
  '',
  'title: "quoted"',
  "title: 'quoted'",
  'issue: 2023',
  'issue: 12.5',
  'issue: 1e3',
  'issue: 0x1F',
  'issue: 0o17',
  'issue: 2023-6-16',
  'date: 2023-06-16 10:00',
  'title: true',
  'title: Null',
  'title: ~',
  'title: .inf',
  'title: -x',
  'title: x # comment',
  'title: a: b',
  'title: a:',
  'title:\nauthor: b',
  'title: a\nsubtitle:',
  'title: a\rb',
  'title: a\nauthor: b\r',
  'title:\ta',
  'title: a\n  continued',
  'title: a\n\nauthor: b',
  'title: a\ntitle: b',
  'title: [a, b]',
  'title: {a: b}',
  'title: |\n  block',
  'title: >\n  folded',
  'title: &anchor x',
  'title: *alias',
  'title: !tag x',
  'true: x',
  'title:x',
  '# comment\ntitle: x',
  'publisher:\n  - x\n   - y',
  'publisher:\n- x',
  'title: a\n  - x',
  'title: a\u0085b',
  'title: a\u2028b',
  '- a\n- b',
  'just text',
];

describe('front-matter YAML fast path', () => {
  it('accepts the sample articles and reads them as the package does', () => {
    let accepted = 0;
    for (const block of sampleBlocks) {
      const fast = readSimple(block);
      if (!fast) continue;
      accepted++;
      expect(view(fast)).toEqual(view(readWithPackage(block)));
    }
    expect(accepted).toBe(sampleBlocks.length);
  });

  it.each(SIMPLE)('reads %j as the package does', (block) => {
    const fast = readSimple(block);
    expect(fast).toBeDefined();
    expect(view(fast!)).toEqual(view(readWithPackage(block)));
  });

  it.each(NOT_SIMPLE)('leaves %j to the package', (block) => {
    expect(readSimple(block)).toBeUndefined();
    expect(view(parseFrontMatterYaml(block))).toEqual(view(readWithPackage(block)));
  });

  it('agrees with the package on generated blocks', () => {
    // Lines drawn from fragments that sit at the edges of the fast path (fixed seed).
    const keys = ['title', 'author', 'role', 'subtitle', 'publisher', 'x-y', 'null'];
    const values = ['2023年', '2023-06-16', '12', '1.5', '0x1', '1e5', '安全生产', ' 两 个 ', 'a:b', 'a: b', '1期', '', '“引”', '#x', 'a #b', 'x  ', '　全角', 'TRUE', 'no', 'on', '[x]', 'a,b', '-', '- y', '?x', '%x', '@x', 'é'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let accepted = 0;
    for (let k = 0; k < 5000; k++) {
      const lines: string[] = [];
      const count = 1 + rand(5);
      for (let i = 0; i < count; i++) {
        const kind = rand(6);
        if (kind === 0) lines.push(`${' '.repeat(1 + rand(3))}- ${values[rand(values.length)]}`);
        else lines.push(`${keys[rand(keys.length)]}:${rand(4) === 0 ? '' : ' '.repeat(1 + rand(2))}${values[rand(values.length)]}`);
      }
      const block = lines.join(rand(3) === 0 ? '\r\n' : '\n');
      const fast = readSimple(block);
      if (!fast) continue;
      accepted++;
      expect(view(fast), block).toEqual(view(readWithPackage(block)));
    }
    expect(accepted).toBeGreaterThan(250);
  });
});
