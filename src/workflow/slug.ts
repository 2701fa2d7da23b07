// File-name slugs for new articles: the author's name in toneless pinyin,
// surname then given name (`胡小刚` → `hu-xiaogang`), as the sample's files are
// named. Anything that yields no ASCII letters falls back to `article`, so a
// file name is always safe on every filesystem and in URLs.
import type { pinyin as PinyinFn } from 'pinyin-pro';
import { lazyRequire } from '../io/lazy-require.js';

// Loaded on first use: its dictionary is large and only `bulletin new` needs it.
const loadPinyin = lazyRequire<{ pinyin: typeof PinyinFn }>('pinyin-pro');

/** Two-character surnames, so `欧阳修` becomes `ouyang-xiu` and not `ou-yangxiu`. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '闻人', '澹台', '公冶', '宗政', '濮阳', '太史',
  '申屠', '赫连', '钟离', '单于', '鲜于', '司空', '拓跋', '第五', '左丘', '东郭', '公羊', '梁丘', '羊舌',
]);

export const FALLBACK_SLUG = 'article';

const HAN = /\p{Script=Han}/u;

/** Lower-case ASCII letters and digits of a Latin-script word (accents dropped), or ''. */
function asciiWord(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Toneless pinyin syllables of a run of Han characters; surname readings for the first (曾 → zeng, 单 → shan). */
function syllables(han: string, asName: boolean): string[] {
  const out = loadPinyin().pinyin(han, { toneType: 'none', type: 'array', v: true, surname: asName ? 'head' : 'off' }) as string[];
  return out.map(asciiWord);
}

/**
 * One name part (no separators inside): Latin → the word; Han → surname and
 * given name when the part is the whole name (`胡小刚`), else one word per part
 * (transliterated names such as `阿卜杜·热合曼` have no surname split).
 */
function slugPart(part: string, isFirst: boolean, splitSurname: boolean): string[] {
  if (!HAN.test(part)) {
    const w = asciiWord(part);
    return w ? [w] : [];
  }
  // Mixed text such as `张Ａ` keeps the Latin bits in place.
  const runs = part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
  const words: string[] = [];
  for (const run of runs) {
    if (!HAN.test(run)) {
      const w = asciiWord(run);
      if (w) words.push(w);
      continue;
    }
    const syl = syllables(run, isFirst && words.length === 0);
    if (splitSurname && words.length === 0 && run.length >= 2) {
      const surnameLength = run.length >= 3 && COMPOUND_SURNAMES.has(run.slice(0, 2)) ? 2 : 1;
      words.push(syl.slice(0, surnameLength).join(''));
      const given = syl.slice(surnameLength).join('');
      if (given) words.push(given);
    } else {
      words.push(syl.join(''));
    }
  }
  return words.filter((w) => w.length > 0);
}

/**
 * The slug of an author's name: `胡小刚` → `hu-xiaogang`, `欧阳修` → `ouyang-xiu`,
 * `阿卜杜·热合曼` → `abudu-reheman`, `John Smith` → `john-smith`, `Иван` → `article`.
 */
export function authorSlug(name: string): string {
  // Separators between name parts: spaces, middle dots (transliterated names), hyphens, commas.
  const parts = name.trim().split(/[\s·・•‧.\-_,，、]+/u).filter(Boolean);
  const words: string[] = [];
  for (const [i, p] of parts.entries()) words.push(...slugPart(p, i === 0, parts.length === 1));
  const slug = words.join('-').replace(/-+/g, '-').slice(0, 60).replace(/-$/, '');
  return slug || FALLBACK_SLUG;
}
