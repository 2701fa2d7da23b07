// Numbers in content streams: fixed precision so output never depends on
// floating-point noise (the same input must give the same bytes), and no
// exponent notation, which PDF does not allow.

/** A coordinate or length, rounded to 1/1000 pt. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  // -0 and tiny values both print as "0"; toString never uses exponents in this range.
  return r === 0 ? '0' : String(r);
}
