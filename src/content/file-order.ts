// Article order: file names sorted as `Intl.Collator('en', { numeric: true })`
// sorts them (docs/design/CONTENT.md: `2-…` before `10-…`). Making the collator loads
// ICU's collation data, a noticeable part of a cold build; names written only with
// lowercase ASCII letters, digits, `-`, `_` and `.` — nearly all — are
// compared here by the same rules instead (tests/content/file-order.test.ts
// checks the two agree), any other name sends the whole list to the collator.

// Made on first use, not at module load: an Intl object holds a native handle,
// which the start-up snapshot (src/snapshot.ts) cannot contain.
let collator: Intl.Collator | undefined;

const SIMPLE = /^[a-z0-9._-]*$/;
/** The collator reads at most 254 digits as one number. */
const LONG_NUMBER = /\d{255}/;

/** The names in article order (a new array). */
export function sortFileNames(names: readonly string[]): string[] {
  if (names.every((n) => SIMPLE.test(n) && !LONG_NUMBER.test(n))) return [...names].sort(compareSimple);
  collator ??= new Intl.Collator('en', { numeric: true });
  return [...names].sort(collator.compare);
}

/**
 * The collator's order on SIMPLE names: element by element, where an element is
 * a run of digits (compared by value, leading zeros ignored) or one character;
 * `_` < `-` < `.` < numbers < letters, and a name that ends first comes first.
 */
export function compareSimple(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const ea = digitsEnd(a, i);
      const eb = digitsEnd(b, j);
      const byValue = compareNumbers(a, i, ea, b, j, eb);
      if (byValue !== 0) return byValue;
      i = ea;
      j = eb;
      continue;
    }
    const byWeight = weight(x) - weight(y);
    if (byWeight !== 0) return byWeight;
    i++;
    j++;
  }
  return (a.length - i > 0 ? 1 : 0) - (b.length - j > 0 ? 1 : 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digitsEnd(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** The digit runs a[i…ea) and b[j…eb) by value, of any length (read in place: sorting compares names thousands of times). */
function compareNumbers(a: string, i: number, ea: number, b: string, j: number, eb: number): number {
  // Leading zeros do not count.
  while (i < ea && a.charCodeAt(i) === 48) i++;
  while (j < eb && b.charCodeAt(j) === 48) j++;
  if (ea - i !== eb - j) return ea - i - (eb - j);
  for (; i < ea; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  return 0;
}

/** Primary weight in the collator's order (a digit here is a number: between `.` and the letters). */
function weight(c: number): number {
  if (c === 95) return 0; // _
  if (c === 45) return 1; // -
  if (c === 46) return 2; // .
  if (isDigit(c)) return 3;
  return 4 + c; // a–z
}
