// Growing the page search's typed arrays (band-tails.ts, split-runs.ts).

type Growable = Int32Array | Uint8Array | Float64Array;

/** A copy of `a`, of its own kind, with room for at least `need` entries (doubling, so that growing costs little). */
export function grown<T extends Growable>(a: T, need: number): T {
  const b = new (a.constructor as new (length: number) => T)(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}
