// Synthetic bulletins for layout tests and the layout benchmark: text made
// deterministically from the sample's own sentences (no randomness), in
// articles of varied length, some with subheadings, lists, quotes, bold runs
// and a picture, so the page search meets more than the sample's shapes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const SAMPLE_DIR = process.env.BULLETIN_SAMPLE ?? fileURLToPath(new URL('../../content/', import.meta.url));

/** The sample's sentences (bodies only, front matter dropped), in file order. */
export function sampleSentences(dir = SAMPLE_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    for (const para of text.split(/\n\s*\n/)) {
      const p = para.replace(/\s+/g, '');
      for (const s of p.match(/[^。！？]+[。！？]/g) ?? []) if (s.length >= 8) out.push(s);
    }
  }
  return out;
}

const TITLES = [
  '以默默无闻的坚持 防止发生惊天动地的事', '坚持问题导向精准发力 坚决守牢安全生产底线', '坚持“两个至上” 筑牢高质量发展底板',
  '坚持三个“决不” 筑牢安全防线', '坚决守住底线 不断开创安全生产新局面', '凝聚维护安全的合力 确保公司经营稳步发展', '安全生产 人人有责',
];
const ROLES = ['衡阳国家高新区党工委副书记、管委会主任', '中共蒸湘区委副书记、人民政府区长', '公司安全环保部部长', '总装车间主任'];
const NAMES = ['胡小刚', '李健', '黄安平', '胡果雄', '廖志伟', '刘冬梅', '姜丽平'];

/** A small valid PNG (grey), width × height pixels. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x99);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface SyntheticOptions {
  articles: number;
  /** Add subheadings, lists, quotes, bold runs and pictures to some articles. */
  rich?: boolean;
  /** Paragraphs of the first article instead of its usual few (a piece longer than a page). */
  longFirst?: number;
  /** Paragraphs of each article instead of the usual cycle (its length: articles is then lengths.length). */
  lengths?: number[];
}

/** Writes a bulletin with `articles` articles into `dir`; returns dir. */
export function writeSynthetic(dir: string, options: SyntheticOptions): string {
  const sentences = sampleSentences();
  const S = sentences.length;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.md'), [
    '---', 'title: 安全生产大家谈', 'subtitle: 以高水平安全服务高质量发展 以新安全格局保障新发展格局', 'issue: 2023年第7期',
    'date: 2023-07-14', 'publisher:', '  - 衡阳市安全生产委员会办公室', '  - 衡阳市应急管理局', '---', '',
    sentences.slice(0, 4).join(''), '',
  ].join('\n'));
  if (options.rich) writeFileSync(join(dir, 'photo.png'), png(40, 30));
  let cursor = 0;
  const take = (n: number) => {
    const out: string[] = [];
    for (let j = 0; j < n; j++) out.push(sentences[(cursor++ * 7) % S]);
    return out.join('');
  };
  for (let i = 0; i < options.articles; i++) {
    // Lengths cycle through short, medium and long pieces (3 to 11 paragraphs of 1 to 4 sentences).
    const paragraphs = options.lengths?.[i] ?? (i === 0 && options.longFirst ? options.longFirst : 3 + ((i * 5) % 9));
    const body: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const n = 1 + ((i + p * 3) % 4);
      let text = take(n);
      if (options.rich && p === 1 && i % 3 === 0) text = `**${text.slice(0, 6)}**${text.slice(6)}`;
      body.push(text);
      if (options.rich && p === 1 && i % 4 === 1) body.push(`## ${['一、压实责任', '二、排查隐患', '三、强化保障'][i % 3]}`);
      if (options.rich && p === 2 && i % 5 === 2) body.push(['1. ' + take(1), '2. ' + take(2), '3. ' + take(1)].join('\n'));
      if (options.rich && p === 2 && i % 6 === 3) body.push('> ' + take(2));
      if (options.rich && p === 1 && i % 7 === 4) body.push('![工作人员在现场检查安全设施](photo.png)');
    }
    const fm = ['---', `title: ${TITLES[i % TITLES.length]}`, `author: ${NAMES[i % NAMES.length]}`, `role: ${ROLES[i % ROLES.length]}`, '---', ''];
    writeFileSync(join(dir, `${String(i + 1).padStart(3, '0')}-article.md`), [...fm, body.join('\n\n'), ''].join('\n'));
  }
  return dir;
}
