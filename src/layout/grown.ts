// Growing the page search's typed arrays (tail-table.ts, split-runs.ts).

/** A copy of `a` with room for at least `need` entries (doubling, so that growing costs little). */
export function grown(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}
