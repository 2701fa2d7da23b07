// Small Int32Arrays (a paragraph's source offsets) as views of shared
// chunks: constructing a typed array gives it a backing store of its own,
// ~2 µs each, and cleaning makes thousands; a view of a chunk costs a tenth
// of that. A chunk lives as long as any of its views.

const CHUNK = 1 << 16;
let chunk = new Int32Array(0);
let used = 0;

/** A zero-filled Int32Array of length n (a view of a shared chunk when small). */
export function int32s(n: number): Int32Array {
  if (n > CHUNK >> 3) return new Int32Array(n);
  if (used + n > chunk.length) {
    chunk = new Int32Array(CHUNK);
    used = 0;
  }
  const view = chunk.subarray(used, used + n);
  used += n;
  return view;
}
