// The number of the next article file: one after the highest numeric prefix
// in the folder, padded to the width the folder already uses (`09-` → `10-`,
// `001-` → `002-`), two digits in an empty folder.
const PREFIX = /^(\d+)-/;

export interface NextNumber {
  /** The prefix without the hyphen, e.g. `08`. */
  prefix: string;
  value: number;
}

export function nextArticleNumber(fileNames: readonly string[], defaultWidth = 2): NextNumber {
  let highest = 0;
  let width = defaultWidth;
  let seen = false;
  for (const name of fileNames) {
    if (!name.toLowerCase().endsWith('.md')) continue;
    const m = PREFIX.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    if (!seen) width = m[1].length;
    else width = Math.max(width, m[1].length);
    seen = true;
    highest = Math.max(highest, n);
  }
  const value = highest + 1;
  return { prefix: String(value).padStart(width, '0'), value };
}
