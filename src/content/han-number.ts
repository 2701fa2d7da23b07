// Chinese numerals as editors number things with them (一, 十二, 三十五):
// read by the enumeration check and by the numbered-line lists.

const HAN_DIGITS = '一二三四五六七八九';

/** A pattern for one such numeral (one to three characters). */
export const HAN_NUM = '[一二三四五六七八九十]{1,3}';

/** 一 … 九十九 written with 十; undefined for anything else. */
export function hanNumber(s: string): number | undefined {
  const d = (c: string | undefined): number => (c ? HAN_DIGITS.indexOf(c) + 1 : 0);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return undefined;
  if (!m[2]) return m[3] ? undefined : d(m[1]);
  return (m[1] ? d(m[1]) : 1) * 10 + d(m[3]);
}

/** 1 → 一, 12 → 十二, 35 → 三十五 (up to 99). */
export function toHan(n: number): string {
  if (n < 10) return HAN_DIGITS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? HAN_DIGITS[tens - 1] : ''}十${ones ? HAN_DIGITS[ones - 1] : ''}`;
}
