// Step 1: gather the paragraph's spans into one flat sequence of code points,
// each resolved once to a face, a glyph id and a natural advance. Flat typed
// arrays keep the later steps allocation-free and linear.
import type { Face } from '../fonts/face.js';
import type { Span } from './types.js';
import { classify } from './classes.js';

export interface Collected {
  n: number;
  /** The characters, one code point each (for `text` and glyph `text`). */
  chars: string[];
  cps: Uint32Array;
  cls: Uint8Array;
  /** Index into `faces` of the face each character is drawn with. */
  face: Uint16Array;
  faces: string[];
  gid: Uint32Array;
  /** Natural advance in em. */
  adv: Float64Array;
}

/** Face key used when a chain is empty (the font module has reported the gap). */
const NO_FACE = 'missing';

export function collect(spans: readonly Span[]): Collected {
  let total = 0;
  for (const s of spans) total += s.text.length;
  const chars: string[] = [];
  const cps = new Uint32Array(total);
  const cls = new Uint8Array(total);
  const face = new Uint16Array(total);
  const gid = new Uint32Array(total);
  const adv = new Float64Array(total);
  const faces: string[] = [];
  const faceIndex = new Map<string, number>();
  const indexOf = (key: string): number => {
    let k = faceIndex.get(key);
    if (k === undefined) {
      k = faces.length;
      faces.push(key);
      faceIndex.set(key, k);
    }
    return k;
  };
  let n = 0;
  for (const span of spans) {
    const chain = span.chain;
    const fallback: Face | undefined = chain.primary;
    for (const ch of span.text) {
      const cp = ch.codePointAt(0)!;
      chars.push(ch);
      cps[n] = cp;
      cls[n] = classify(cp);
      const r = chain.resolve(cp);
      if (r) {
        face[n] = indexOf(r.face.key);
        gid[n] = r.glyph.id;
        adv[n] = r.glyph.advance;
      } else {
        // Uncovered: glyph 0 on the grid, so layout stays stable while the error is reported upstream.
        face[n] = indexOf(fallback ? fallback.key : NO_FACE);
        gid[n] = 0;
        adv[n] = 1;
      }
      n++;
    }
  }
  return { n, chars, cps: cps.subarray(0, n), cls: cls.subarray(0, n), face: face.subarray(0, n), faces, gid: gid.subarray(0, n), adv: adv.subarray(0, n) };
}
