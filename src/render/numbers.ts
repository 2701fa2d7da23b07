// Numbers in content streams: fixed precision so output never depends on
// floating-point noise (the same input must give the same bytes), and no
// exponent notation, which PDF does not allow.

// Formatting a fraction is the costly part of writing a text run (three per
// run, 20,000 runs in a 56-page issue), yet the values repeat: a few sizes,
// column edges, baselines on the grid (x60: 118 distinct x, 138 y, 9 sizes).
// So results are remembered; the bound keeps an unusual document from
// growing the table without end.
const memo = new Map<number, string>();
const MEMO_LIMIT = 4096;

/** A coordinate or length, rounded to 1/1000 pt. */
export function num(n: number): string {
  let s = memo.get(n);
  if (s === undefined) {
    const r = Math.round(n * 1000) / 1000;
    // -0 and tiny values both print as "0"; toString never uses exponents in this range.
    s = r === 0 ? '0' : String(r);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(n, s);
  }
  return s;
}
