// Where a line of display text (a headline, a caption) may break between two
// characters, from the words of the text (docs/design/LAYOUT.md: headlines break at
// words, never inside one). The words come from ICU's dictionary segmenter
// (Intl.Segmenter, word granularity, built into Node). It splits what its
// dictionary lacks into single characters (守|牢, 砥|砺, 惠民|生), so a single
// Han character standing alone is loose: a junction beside it may be inside a
// word the dictionary did not know, and is only a weak break. Most words it
// does not know are two characters (守牢, 砥砺, 专项), so an even run of loose
// characters is read as pairs (砥|砺|前|行 as 砥砺 前行): a break inside a pair is
// bound, a break between pairs or at the run's edges is between words.
// Single characters of known roles bind to one side: a particle or a suffix to
// what precedes it (a line may end after 的 or 化, not start with it), a
// preposition or a prefix to what follows (a line may start with 以 or 高, not
// end with it); a conjunction (和, 与) is a word on both sides.

/** How a line may break at a junction between two characters. */
export const Junction = {
  /** Inside a word: never. */
  INSIDE: 0,
  /** Inside a pair of loose characters, or between a bound character and what it binds to. */
  BOUND: 1,
  /** Beside a loose single character (or inside an odd run of them). */
  WEAK: 2,
  /** Between two words. */
  WORD: 3,
} as const;
export type Junction = (typeof Junction)[keyof typeof Junction];

/** Single characters that close what precedes them: particles, the complement 到 and suffixes. */
const BIND_LEFT = new Set([...'的地得之了着过们等到', ...'化性式型者员率度市省县区镇村局']);
/** Single characters that open what follows them: prepositions and prefixes. */
const BIND_RIGHT = new Set([...'以在对为把被将从于让给', ...'高新副非超总各每第全']);
/** Conjunctions: words of their own on either side. */
const CONJUNCTIONS = new Set([...'和与及并或而且']);

/** Han ideographs (the CJK blocks and extensions): a word of one of them is a single character. */
const HAN = /^\p{Script=Han}$/u;

let segmenter: Intl.Segmenter | undefined;

/** A segment of the text: its first character's index (in code points) and its code-point length. */
interface Word {
  text: string;
  start: number;
  length: number;
}

function words(text: string): Word[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Word[] = [];
  let at = 0;
  for (const { segment } of segmenter.segment(text)) {
    const length = [...segment].length;
    out.push({ text: segment, start: at, length });
    at += length;
  }
  return out;
}

/** A single Han character the segmenter left alone, of no known role: perhaps part of a word it did not know. */
function loose(w: Word): boolean {
  return w.length === 1 && HAN.test(w.text) && !BIND_LEFT.has(w.text) && !BIND_RIGHT.has(w.text) && !CONJUNCTIONS.has(w.text);
}

/** How many loose words in a row start at each word (0 where the word is not loose). */
function looseRuns(ws: Word[]): number[] {
  const runs = new Array<number>(ws.length + 1).fill(0);
  for (let k = ws.length - 1; k >= 0; k--) runs[k] = loose(ws[k]) ? runs[k + 1] + 1 : 0;
  return runs;
}

/**
 * The junction between words k and k + 1. `runs[k]` is the number of loose
 * words in a row from word k; `runStart`, where the run holding word k (if
 * any) starts.
 */
function between(ws: Word[], runs: number[], k: number, runStart: number): Junction {
  const left = ws[k];
  const right = ws[k + 1];
  if (BIND_LEFT.has(right.text) || BIND_RIGHT.has(left.text)) return Junction.BOUND;
  const leftLoose = runs[k] > 0;
  const rightLoose = runs[k + 1] > 0;
  if (!leftLoose && !rightLoose) return Junction.WORD;
  // The run the junction touches: at its start (right begins it) or inside or at its end (left is in it).
  const from = leftLoose ? runStart : k + 1;
  const even = runs[from] % 2 === 0;
  if (!even) return Junction.WEAK;
  // An even run, read as pairs: inside a pair bound, between pairs or at the edges a word boundary.
  return leftLoose && rightLoose && (k - from) % 2 === 0 ? Junction.BOUND : Junction.WORD;
}

/**
 * The junction before each code point of `text` (entry 0, before the first,
 * is WORD): INSIDE within a word, else how strong a break there is. Only
 * word boundaries are judged; punctuation and spaces are the caller's rules.
 */
export function junctions(text: string): Junction[] {
  const ws = words(text);
  const runs = looseRuns(ws);
  const out: Junction[] = [Junction.WORD];
  let runStart = -1;
  ws.forEach((w, k) => {
    if (runs[k] > 0 && (k === 0 || runs[k - 1] === 0)) runStart = k;
    for (let i = 1; i < w.length; i++) out.push(Junction.INSIDE);
    if (k + 1 < ws.length) out.push(between(ws, runs, k, runStart));
  });
  return out;
}
