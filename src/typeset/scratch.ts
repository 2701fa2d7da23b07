// Reusable per-paragraph arrays. Composition handles one paragraph at a time
// and none of its working arrays outlives composeParagraph (the lines it
// returns hold only plain objects), so each array is allocated once at the
// largest paragraph seen and reused: a 50-page bulletin composes ~10 000
// paragraphs, and ~40 typed arrays each, every one with its own off-heap
// buffer, would keep the garbage collector busy. Consequence for readers of
// these arrays: they may be longer than the paragraph, so code indexes below
// n (prefix sums: up to n) and never uses `.length`.

type Typed = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type Ctor<T extends Typed> = new (n: number) => T;

/** A numbered slot per array, so that two live arrays never share a buffer. */
const pool: Typed[] = [];
let nextSlot = 0;

/** A scratch array of its own: `get(n)` returns a buffer of at least n entries, its first n zeroed when `zero` is set. */
export function scratch<T extends Typed>(ctor: Ctor<T>): (n: number, zero?: boolean) => T {
  const slot = nextSlot++;
  return (n: number, zero = false): T => {
    let a = pool[slot] as T | undefined;
    if (!a || a.length < n) {
      // Grow geometrically so a run of ever-longer paragraphs reallocates only a few times.
      a = new ctor(Math.max(n, 2 * (a?.length ?? 128)));
      pool[slot] = a;
    } else if (zero) a.fill(0, 0, n);
    return a;
  };
}
