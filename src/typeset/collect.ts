// Step 1: gather the paragraph's spans into one flat sequence of code points,
// each resolved once to a face, a glyph id and a natural advance. Flat typed
// arrays keep the later steps allocation-free and linear; they are reused
// from paragraph to paragraph (scratch.ts), so they may be longer than n.
import type { FaceChain } from '../fonts/face.js';
import type { Span } from './types.js';
import { classify } from './classes.js';
import { isDash, ligateDashes } from './dashes.js';
import { scratch } from './scratch.js';

export interface Collected {
  n: number;
  /** The spans' text joined; character i is text.slice(off[i], off[i + 1]) (no string per character until a glyph needs one). */
  text: string;
  /** UTF-16 offset of each character in `text`, n + 1 entries. */
  offsets: Uint32Array;
  codePoints: Uint32Array;
  classes: Uint8Array;
  /** Index into `faces` of the face each character is drawn with. */
  faceIndex: Uint16Array;
  faces: string[];
  glyphIds: Uint32Array;
  /** Natural advance in em. */
  advances: Float64Array;
  /**
   * At the first character of a dash run drawn as one glyph (dashes.ts): that
   * glyph's id + 1 (else 0), and how many characters it stands for.
   */
  ligatureGlyph: Uint32Array;
  ligatureLength: Uint8Array;
  /** The spans' chains and the character index where each span ends (for the hyphen glyph of a break). */
  chains: FaceChain[];
  spanEnds: number[];
  /** Where each attached span (Span.attached) begins: no line may start there. */
  attached: number[];
}

/** Face key used when a chain is empty (the font module has reported the gap). */
const NO_FACE = 'missing';

const offsetsBuf = scratch(Uint32Array);
const codePointsBuf = scratch(Uint32Array);
const classesBuf = scratch(Uint8Array);
const faceIndexBuf = scratch(Uint16Array);
const glyphIdsBuf = scratch(Uint32Array);
const advancesBuf = scratch(Float64Array);
const ligatureGlyphBuf = scratch(Uint32Array);
const ligatureLengthBuf = scratch(Uint8Array);

/** Index of `key` in `faces`, added when new (a paragraph uses a handful of faces: a scan beats a Map). */
function indexOfFace(faces: string[], key: string): number {
  for (let k = 0; k < faces.length; k++) if (faces[k] === key) return k;
  faces.push(key);
  return faces.length - 1;
}

export function collect(spans: readonly Span[]): Collected {
  let total = 0;
  for (const s of spans) total += s.text.length;
  const text = spans.length === 1 ? spans[0].text : spans.map((s) => s.text).join('');
  const offsets = offsetsBuf(total + 1);
  const codePoints = codePointsBuf(total);
  const classes = classesBuf(total);
  const faceIndex = faceIndexBuf(total);
  const glyphIds = glyphIdsBuf(total);
  const advances = advancesBuf(total);
  const ligatureGlyph = ligatureGlyphBuf(total, true);
  const ligatureLength = ligatureLengthBuf(total, true);
  const faces: string[] = [];
  const chains: FaceChain[] = [];
  const spanEnds: number[] = [];
  const attached: number[] = [];
  let n = 0;
  let at = 0;
  for (const span of spans) {
    const chain = span.chain;
    const t = span.text;
    // Consecutive characters mostly resolve to the same face: remember the last one's index.
    let lastKey = '';
    let lastIndex = -1;
    const from = n;
    if (span.attached && t.length > 0) attached.push(n);
    let dashes = 0;
    for (let u = 0; u < t.length; ) {
      // Code points, as `for…of` would give them (a lone surrogate is a character of its own).
      let cp = t.charCodeAt(u);
      let len = 1;
      if (cp >= 0xd800 && cp < 0xdc00 && u + 1 < t.length) {
        const lo = t.charCodeAt(u + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          len = 2;
        }
      }
      offsets[n] = at + u;
      codePoints[n] = cp;
      if (isDash(cp)) dashes++;
      classes[n] = classify(cp);
      const r = chain.resolve(cp);
      let key: string;
      if (r) {
        key = r.face.key;
        glyphIds[n] = r.glyph.id;
        advances[n] = r.glyph.advance;
      } else {
        // Uncovered: glyph 0 on the grid, so layout stays stable while the error is reported upstream.
        const fallback = chain.primary;
        key = fallback ? fallback.key : NO_FACE;
        glyphIds[n] = 0;
        advances[n] = 1;
      }
      if (key !== lastKey) {
        lastKey = key;
        lastIndex = indexOfFace(faces, key);
      }
      faceIndex[n] = lastIndex;
      n++;
      u += len;
    }
    at += t.length;
    if (dashes >= 2) ligateDashes({ codePoints, faceIndex, faces, advances }, chain, from, n, ligatureGlyph, ligatureLength);
    chains.push(chain);
    spanEnds.push(n);
  }
  offsets[n] = at;
  return {
    n, text, offsets, codePoints, classes, faceIndex, faces, glyphIds, advances, ligatureGlyph, ligatureLength, chains, spanEnds, attached,
  };
}
