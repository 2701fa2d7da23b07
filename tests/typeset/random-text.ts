// Deterministic random paragraphs for the property test: Han text mixed with
// every punctuation class, numbers with separators, Latin words, dashes and
// ellipses, in the combinations real commentary produces (and some it should not).

import { prng } from '../helpers/random.js';

export { prng };

const HAN = '安全生产工作是一项没有退路的要么成功失败不满分就零差多及格把放在重中之位置留缝隙空白始终坚持问题导向密切关注隐患集领域精准聚焦薄弱环节消除短板项余地抓监管情面执法宣传做到以保全局衡阳国家高新区紧围绕三决两确总目标严打翻身仗';
const STOPS = ['，', '。', '、', '；', '：', '？', '！'];
const PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》'], ['「', '」'], ['『', '』'], ['【', '】'], ['〔', '〕'], ['〈', '〉'], ['〖', '〗'], ['［', '］'], ['｛', '｝'], ['(', ')'], ['[', ']']];
const LATIN = ['PDCA', 'S336', 'GDP', 'Excel', 'iPhone', 'COVID-19', 'Hello world', 'e.g.', 'ABC', 'x', 'AI', 'Internet of Things', 'ISO9001', 'Windows'];
/** Long Latin: hyphenatable words, a URL and an e-mail address (set off by spaces, as writers do; glued to another word they would make an unbreakable monster). */
const LONG_LATIN = ['information', 'responsibility checks', 'see https://example.com/safety/guide?id=12345', 'safety@example.org', 'international standards'];

/** `longLatin`: also English words long enough to hyphenate, URLs and e-mail addresses (latin.ts). */
export function randomParagraph(rand: () => number, length: number, longLatin = false): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const han = (k: number): string => {
    let s = '';
    for (let i = 0; i < k; i++) s += HAN[Math.floor(rand() * HAN.length)];
    return s;
  };
  let out = '';
  const open: string[] = [];
  while ([...out].length < length) {
    const r = rand();
    if (r < 0.45) out += han(1 + Math.floor(rand() * 6));
    else if (r < 0.6) out += pick(STOPS);
    else if (r < 0.7) {
      const [o, c] = pick(PAIRS);
      out += o;
      open.push(c);
    } else if (r < 0.78 && open.length) out += open.pop();
    else if (r < 0.82) out += pick(['2023', '5.2%', '1,000', '14.13', '1—2', '３０', '98.6℃', '3‰', '25％', '100']);
    else if (r < 0.87) out += pick(LATIN);
    else if (r < 0.89) out += '——';
    else if (r < 0.91) out += '……';
    else if (r < 0.92) out += '·';
    else if (r < 0.94) out += pick(['。”', '”，', '）、', '！”', '？」', '”（', '，“', '。）', '》《', '、“']);
    else if (r < 0.95) out += ' ' + pick(LATIN) + ' ';
    else if (longLatin && r < 0.97) out += ' ' + pick(LONG_LATIN) + ' ';
    else out += han(2);
  }
  while (open.length) out += open.pop();
  return out + pick(['。', '', '！', '。”', '……']);
}
