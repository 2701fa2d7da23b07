// Seeded random bulletins, most of them broken: random and malformed front
// matter, Markdown, encodings, file names, symbolic links, images (good,
// damaged, outside the folder, remote), fonts (random bytes, a real font
// truncated or with bytes changed) and templates (broken, or random values
// within the schema's ranges). Each case is
// a function of its seed alone, so a failure is replayed with
// `FUZZ_SEED=<seed> FUZZ_COUNT=1 npx vitest run tests/fuzz`.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../helpers/random.js';

/** Sound files the cases copy and damage. */
export interface FuzzFiles {
  png: Buffer;
  jpeg: Buffer;
  grey: Buffer;
  alpha: Buffer;
  /** A small TrueType font (Latin only), set as a bulletin-local face and damaged. */
  font: Buffer;
}

export interface FuzzCase {
  seed: number;
  /** Folder of the case: the bulletin is `<root>/b`, files outside it are `<root>/outside.*`. */
  root: string;
  dir: string;
  /** build/compile options drawn for this case. */
  press: boolean;
  clean: boolean;
  template?: string;
  allowMissingGlyphs: boolean;
  /** Drawn to build (soundCase): its content errors are counted by rule at the end. */
  sound: boolean;
}

/** Seeded numbers in [0, 1); `sound` asks for text and images that build (the sound share of the cases). */
interface Rand {
  (): number;
  sound?: boolean;
}

const HAN = '安全生产大家谈以默默无闻的坚持防止发生惊天动地的事一是加强组织领导二三四五应急管理局衡阳市党委政府责任落实';
const PUNCT = '，。、；：？！“”‘’（）《》——……·【】「」';
const ODD = ['\u0000', '\u0007', '\u200b', '\ufeff', '\u202e', '😀', 'e\u0301', '\ud800', '\t', '\r', '\\', '`', '<', '&amp;', '&#0;', '&#x110000;', '%', '|', '$$', '\u3000'];

function pick<T>(r: Rand, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function int(r: Rand, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

function text(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const x = r();
    s += x < 0.8 ? pick(r, [...HAN]) : x < 0.93 ? pick(r, [...PUNCT]) : x < 0.995 || r.sound ? pick(r, ['a', 'B', '7', ' ', 'http://x.cn', '2024']) : pick(r, ODD);
  }
  return s;
}

const IMAGE_URLS = [
  'ok.png', 'ok.jpg', 'grey.png', 'alpha.png', 'bad.png', 'trunc.png', 'trunc.jpg', 'noise.jpg', 'text.png', 'empty.png',
  'missing.png', 'sub/../ok.png', '../outside.png', '/etc/passwd', '../../../../../../etc/hostname', 'https://example.com/a.png',
  'data:image/png;base64,AAAA', 'file:///etc/passwd', 'a%zz.png', '%E4%B8%AD.png', 'dir.png', 'link-out.png', 'link-in.png',
  'link-broken.png', '', ' ', 'ok.png "title"', '<ok.png>', 'C:\\x.png', 'ok.svg',
];

const GOOD_IMAGES = ['ok.png', 'ok.jpg', 'grey.png', 'alpha.png', 'link-in.png', 'sub/../ok.png', '%6Fk.png'];

/** One Markdown block, well-formed or not. */
function block(r: Rand): string {
  switch (int(r, 0, 15)) {
    case 0:
      return `${'#'.repeat(int(r, 1, 7))}${r() < 0.8 ? ' ' : ''}${text(r, int(r, 0, 12))}`;
    case 1:
      return Array.from({ length: int(r, 1, 4) }, (_, i) => `${r() < 0.5 ? `${i + 1}.` : '-'} ${text(r, int(r, 1, 30))}`).join('\n');
    case 2:
      return `${'>'.repeat(int(r, 1, r() < 0.3 ? 40 : 3))} ${text(r, int(r, 1, 40))}`;
    case 3: {
      const cols = int(r, 1, r() < 0.1 ? 30 : 4);
      const row = () => `| ${Array.from({ length: cols }, () => text(r, int(r, 0, 8))).join(' | ')} |`;
      return [row(), `|${' --- |'.repeat(cols)}`, ...Array.from({ length: int(r, 0, 3) }, row)].join('\n');
    }
    case 4:
      return `![${text(r, int(r, 0, 6))}](${r() < 0.6 || r.sound ? pick(r, GOOD_IMAGES) : pick(r, IMAGE_URLS)})`;
    case 5:
      return `${text(r, 10)}[^${int(r, 1, 3)}]${text(r, 5)}\n\n[^${int(r, 1, 3)}]: ${text(r, int(r, 0, 20))}`;
    case 6:
      return pick(r, ['---', '***', '___', '- - -', '```', '```js\nlet x = 1;\n```', '<div>' + text(r, 9) + '</div>', '<!-- 备注 -->', '<script>x</script>', '<img src="/etc/passwd">']);
    case 7:
      return `**${text(r, int(r, 1, 10))}${r() < 0.7 ? '**' : ''}${text(r, int(r, 0, 20))}`;
    case 8:
      return `[${text(r, 5)}](${pick(r, ['https://example.com', 'javascript:alert(1)', '', '../x.md', 'mailto:a@b.cn'])}) ${text(r, 10)}`;
    case 9:
      return `![ref][${pick(r, ['a', 'b'])}]\n\n[a]: ${pick(r, r.sound ? GOOD_IMAGES : IMAGE_URLS)}`;
    case 10:
      return text(r, r() < 0.05 ? int(r, 2000, 6000) : int(r, 1, 80));
    case 11:
      return `一、${text(r, 12)}\n二、${text(r, 12)}\n${pick(r, ['三、', '五、', '（一）', '①'])}${text(r, 12)}`;
    case 12:
      return `${text(r, 8)}  \n${text(r, 8)}\\\n${text(r, 8)}`;
    case 13:
      return `~~${text(r, 6)}~~ *${text(r, 4)}* _${text(r, 4)}_ \`${text(r, 3)}\``;
    default:
      return text(r, int(r, 20, 200));
  }
}

const FRONT_VALUES = ['', '"   "', '""', '[]', '{}', '[a, b]', '{a: 1}', '123', 'true', 'null', '~', '2024-13-45', '2024-02-30', '&a x', '*a', '!!binary AAAA', '"\\u0000"', '>\n  folded', '|\n  literal'];

/** Front matter: valid, with odd values, unclosed, unfenced, or not YAML. */
function frontMatter(r: Rand, keys: string[]): string {
  const value = () => (r() < 0.6 ? text(r, int(r, 1, 16)).replace(/[\r\n]/g, '') : pick(r, FRONT_VALUES));
  const lines = keys.filter(() => r() < 0.9).map((k) => `${k}: ${value()}`);
  if (r() < 0.15) lines.push(`${pick(r, ['titel', 'auther', 'date', 'title', '- x', '? y', ':', '  bad indent'])}: ${value()}`);
  switch (int(r, 0, 9)) {
    case 0:
      return `---\n${lines.join('\n')}\n`;
    case 1:
      return `${lines.join('\n')}\n\n`;
    case 2:
      return `---\n${text(r, 30)}\n---\n\n`;
    case 3:
      return `---\n- ${lines.join('\n- ')}\n---\n\n`;
    case 4:
      return `--- \n${lines.join('\n')}\n...\n\n`;
    default:
      return `---\n${lines.join('\n')}\n---\n\n`;
  }
}

function markdown(r: Rand, keys: string[]): string {
  const body = Array.from({ length: int(r, 0, 6) }, () => block(r)).join(r() < 0.9 ? '\n\n' : '\n');
  return frontMatter(r, keys) + body + (r() < 0.8 ? '\n' : '');
}

/** The text as bytes: UTF-8 mostly, with a BOM, CRLF or CR, UTF-16, or bytes that are not UTF-8. */
function encode(r: Rand, s: string): Buffer {
  const x = r();
  if (r.sound) {
    // Encodings that must read: UTF-8, with a BOM, CRLF or (old Mac) CR line ends.
    const bom = x < 0.1 ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
    const ends = x < 0.8 ? s : s.replace(/\n/g, x < 0.9 ? '\r\n' : '\r');
    return Buffer.concat([bom, Buffer.from(ends, 'utf8')]);
  }
  if (x < 0.9) return Buffer.from(s, 'utf8');
  if (x < 0.94) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);
  if (x < 0.97) return Buffer.from(s.replace(/\n/g, '\r\n'), 'utf8');
  if (x < 0.98) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const b = Buffer.from(s, 'utf8');
  for (let i = 0; i < int(r, 1, 3); i++) if (b.length > 0) b[int(r, 0, b.length - 1)] = pick(r, [0xff, 0xc0, 0x80, 0x00, 0xed]);
  return b;
}

const NAMES = ['01-a.md', '02-b.md', '10-c.md', '2-d.md', '中文.md', 'ü-x.md', ' space.md', '.hidden.md', 'UPPER.MD', 'x.md.md', `${'长'.repeat(60)}.md`, 'a b.md'];

function images(r: Rand, dir: string, root: string, im: FuzzFiles): void {
  const png = im.png;
  const files: Record<string, Buffer> = {
    'ok.png': png,
    'ok.jpg': im.jpeg,
    'grey.png': im.grey,
    'alpha.png': im.alpha,
    'bad.png': Buffer.concat([png.subarray(0, 60), Buffer.alloc(Math.max(0, png.length - 60))]),
    'trunc.png': png.subarray(0, int(r, 8, png.length - 1)),
    'trunc.jpg': im.jpeg.subarray(0, int(r, 2, im.jpeg.length - 1)),
    'noise.jpg': Buffer.from(Array.from({ length: int(r, 0, 400) }, () => int(r, 0, 255))),
    'text.png': Buffer.from('not an image'),
    'empty.png': Buffer.alloc(0),
    'ok.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'),
  };
  for (const [name, bytes] of Object.entries(files)) if (r() < 0.95 || r.sound) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(root, 'outside.png'), png);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  if (r() < 0.5) mkdirSync(join(dir, 'dir.png'));
  const link = (target: string, name: string) => {
    try {
      symlinkSync(target, join(dir, name));
    } catch {
      // A name drawn twice: the first stays.
    }
  };
  if (r() < 0.6) link(join(root, 'outside.png'), 'link-out.png');
  if (r() < 0.6 || r.sound) link('ok.png', 'link-in.png');
  if (r() < 0.6) link('nowhere.png', 'link-broken.png');
}

/** Markdown nested deep (quotes, lists, emphasis inside each other), the inputs that exhaust a parser's stack or time. */
function deepMarkdown(r: Rand): string {
  const n = int(r, 20, r() < 0.3 ? 3000 : 120);
  switch (int(r, 0, 5)) {
    case 0:
      return `${'> '.repeat(n)}引文`;
    case 1:
      return `${pick(r, ['- ', '1. ', '* ', '> - '])}`.repeat(n) + '列表';
    case 2:
      return Array.from({ length: Math.min(n, 200) }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n');
    case 3:
      return `${'*'.repeat(Math.min(n, 400))}强调${'*'.repeat(Math.min(n, 400))}`;
    case 4:
      return `${'*a **a '.repeat(Math.min(n, 150))}中${' a** a*'.repeat(Math.min(n, 150))}`;
    default:
      return `${'[链接 '.repeat(Math.min(n, 500))}文${'](u)'.repeat(Math.min(n, 500))}`;
  }
}

/** A copy of `font` damaged one way (or sound): cut short, bytes changed, the table directory scrambled, a stretch zeroed. */
function damagedFont(r: Rand, font: Buffer): Buffer {
  const b = Buffer.from(font);
  switch (int(r, 0, 4)) {
    case 0:
      return b.subarray(0, int(r, 0, b.length - 1));
    case 1:
      for (let i = int(r, 1, 200); i > 0; i--) b[int(r, 0, b.length - 1)] = int(r, 0, 255);
      return b;
    case 2:
      for (let i = int(r, 1, 12); i > 0; i--) b[int(r, 4, Math.min(b.length - 1, 12 + 16 * 20))] = int(r, 0, 255);
      return b;
    case 3: {
      const from = int(r, 0, b.length - 1);
      return b.fill(0, from, Math.min(b.length, from + int(r, 1, 4096)));
    }
    default:
      return b;
  }
}

const num = (r: Rand, lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 10) / 10;

/** A template whose every value is within the schema's range, in combinations no designer would choose. */
function randomTemplate(r: Rand): string {
  const width = int(r, 90, 600);
  const lines = [
    `extends: ${pick(r, ['newspaper', 'a4'])}`,
    `page: { width: ${width}, height: ${int(r, 90, 900)} }`,
    `margins: { top: ${int(r, 0, 40)}, bottom: ${int(r, 0, 40)}, left: ${int(r, 0, 40)}, right: ${int(r, 0, 40)} }`,
    `grid: { columns: ${int(r, 1, 12)}, bodySize: ${num(r, 6, 14)}, leading: ${num(r, 1.2, 2.5)}, gutter: { min: ${num(r, 1, 5)}, max: ${num(r, 5, 30)} }, columnRules: ${r() < 0.5} }`,
    `sizes: { masthead: ${int(r, 12, 200)}, lead: ${num(r, 6, 16)}, caption: ${num(r, 6, 12)}, byline: ${num(r, 6, 14)}, headline: { min: ${num(r, 16, 18)}, max: ${num(r, 18, 20)} } }`,
    `punctuation: ${pick(r, ['quanjiao', 'kaiming', 'banjiao'])}`,
    `emphasis: ${pick(r, ['kai', 'dots'])}`,
    `links: ${pick(r, ['parentheses', 'notes'])}`,
    `press: ${r() < 0.3}`,
  ];
  return lines.filter(() => r() < 0.8).join('\n') + '\n';
}

function extras(r: Rand, dir: string, root: string): void {
  if (r() < 0.15) {
    mkdirSync(join(dir, 'fonts'), { recursive: true });
    writeFileSync(join(dir, 'fonts', 'fonts.yaml'), pick(r, [
      'kai: Missing.ttf\n', `body: ${join(root, 'outside.ttf')}\n`, 'sans: bad.ttf\n', ': :\n', 'body: noto-serif-sc:950\n', 'kai: lxgw-wenkai\n', text(r, 20),
    ]));
    writeFileSync(join(dir, 'fonts', 'bad.ttf'), Buffer.from(Array.from({ length: int(r, 0, 300) }, () => int(r, 0, 255))));
    writeFileSync(join(root, 'outside.ttf'), 'not a font');
  }
  if (r() < 0.2) {
    writeFileSync(join(dir, 'mine.yaml'), pick(r, [
      'extends: a4\n', 'extends: mine\n', 'extends: ../outside.yaml\n', 'extends: newspaper\ngrid:\n  columns: 0\n', 'extends: a4\nfonts:\n  body: /etc/passwd\n',
      'page: [1, 2]\n', text(r, 40), 'extends: a4\nsizes:\n  body: -5\n', 'extends: newspaper\npunctuation: nope\n',
    ]));
    writeFileSync(join(root, 'outside.yaml'), 'extends: a4\n');
  }
  if (r() < 0.1) {
    const outside = join(root, 'outside.md');
    writeFileSync(outside, '---\ntitle: 外 面\nauthor: 某\n---\n\n外面的文章正文一段。\n');
    try {
      symlinkSync(pick(r, [outside, 'nowhere.md', '01-a.md']), join(dir, '50-link.md'));
    } catch {
      // Already there.
    }
  }
  if (r() < 0.05) mkdirSync(join(dir, '60-folder.md'), { recursive: true });
}

/** Writes case `seed` under `root` (an empty folder) and says how to build it. */
export function writeCase(seed: number, root: string, im: FuzzFiles): FuzzCase {
  const r: Rand = prng(seed);
  const dir = join(root, 'b');
  mkdirSync(dir, { recursive: true });
  // A third of the cases are sound bulletins in odd shapes: they must build, and print all their text.
  r.sound = r() < 0.35;
  const c = r.sound ? soundCase(r, dir) : brokenCase(r, dir);
  images(r, dir, root, im);
  if (!r.sound) extras(r, dir, root);
  const drawn: FuzzCase = { seed, root, dir, press: r() < 0.3, clean: r() < 0.85, template: c.template, allowMissingGlyphs: r() < 0.5, sound: r.sound };
  return { ...drawn, ...designs(r, dir, im, drawn) };
}

function soundCase(r: Rand, dir: string): Partial<FuzzCase> {
  writeFileSync(join(dir, 'index.md'), `---\ntitle: ${text(r, int(r, 2, 8)).replace(/[\r\n]/g, '').trim() || '安全'}\ndate: 2024-01-15\n---\n\n${text(r, int(r, 0, 120))}\n`);
  for (let i = 0, n = int(r, 1, 6); i < n; i++) {
    const title = text(r, int(r, 2, 14)).replace(/[\r\n]/g, '').trim() || '标题';
    const body = Array.from({ length: int(r, 1, 6) }, () => block(r)).join('\n\n');
    writeFileSync(join(dir, `${String(i + 1).padStart(2, '0')}-a.md`), encode(r, `---\ntitle: "${title.replace(/["\\]/g, '')}"\nauthor: 张三\n---\n\n正文。\n\n${body}\n`));
  }
  return { template: r() < 0.2 ? pick(r, ['a4', 'newspaper']) : undefined };
}

function brokenCase(r: Rand, dir: string): Partial<FuzzCase> {
  const template = r() < 0.15 ? pick(r, ['a4', 'newspaper', 'mine.yaml', 'nope', '../outside.yaml', '/etc/passwd']) : undefined;
  if (r() < 0.95) {
    const indexKeys = ['title', 'subtitle', 'issue', 'date', 'publisher', ...(r() < 0.1 ? ['template'] : [])];
    writeFileSync(join(dir, 'index.md'), encode(r, r() < 0.9 ? `---\ntitle: ${text(r, 6).replace(/[\r\n]/g, '')}\ndate: 2024-01-15\n---\n\n${text(r, int(r, 0, 120))}\n` : markdown(r, indexKeys)));
  }
  const count = r() < 0.05 ? 0 : int(r, 1, 4);
  for (let i = 0; i < count; i++) {
    const name = r() < 0.85 ? `${String(i + 1).padStart(2, '0')}-a.md` : pick(r, NAMES);
    const valid = r() < 0.85;
    const md = valid ? `---\ntitle: ${text(r, 8).replace(/[\r\n]/g, '') || '标题'}\nauthor: 张三\n---\n\n${Array.from({ length: int(r, 1, 4) }, () => block(r)).join('\n\n')}\n` : markdown(r, ['title', 'author', 'role', 'subtitle']);
    writeFileSync(join(dir, name), encode(r, md));
  }
  return { template };
}

/**
 * A real font, damaged or sound, as a face of the bulletin (with Latin text
 * that face sets); Markdown nested too deep; a template of random values
 * within the schema's ranges.
 */
function designs(r: Rand, dir: string, files: FuzzFiles, c: FuzzCase): Partial<FuzzCase> {
  const latin = () => pick(r, ['Safety first: ISO 45001, 2024.', 'The quick brown fox jumps over the lazy dog 0123456789', '“Quoted” — dashes, (parentheses) & ampersands; ½ ¾ ™ ©.']);
  if (r() < 0.05 && !r.sound) {
    mkdirSync(join(dir, 'fonts'), { recursive: true });
    writeFileSync(join(dir, 'fonts', 'fonts.yaml'), `${pick(r, ['body', 'bold', 'sans', 'kai', 'heavy'])}: Face.ttf\n`);
    writeFileSync(join(dir, 'fonts', 'Face.ttf'), damagedFont(r, files.font));
    writeFileSync(join(dir, '90-latin.md'), `---\ntitle: ${latin().slice(0, 20)}\nauthor: Lee\n---\n\n${latin()} **${latin()}** *${latin()}*\n\n## ${latin()}\n\n${latin()}\n`);
  }
  if (r() < 0.03) writeFileSync(join(dir, '95-deep.md'), `---\ntitle: 深\nauthor: 某\n---\n\n正文。\n\n${deepMarkdown(r)}\n`);
  if (r() < 0.08) {
    writeFileSync(join(dir, 'random.yaml'), randomTemplate(r));
    return { template: 'random.yaml', press: r() < 0.3 || c.press };
  }
  return {};
}
