// Every threshold of the cleaning rules, in one place, so docs/cleaning.md
// and the code cannot drift apart. Lengths count characters of the
// normalised text (whitespace and Markdown markup removed).

/** exact-duplicate: shortest repeated paragraph removed when both copies are in the same file. */
export const EXACT_MIN_SAME_FILE = 12;
/** exact-duplicate: shortest repeated paragraph removed when the first copy is in another file. */
export const EXACT_MIN_OTHER_FILE = 20;

/** fragment-duplicate: shortest fragment removed when it is the tail of an earlier paragraph of the same file. */
export const FRAGMENT_MIN_TAIL = 12;
/** fragment-duplicate: shortest fragment removed when it sits elsewhere inside an earlier paragraph of the same file. */
export const FRAGMENT_MIN_SAME_FILE = 16;
/** fragment-duplicate: shortest fragment removed when its container is in another file. */
export const FRAGMENT_MIN_OTHER_FILE = 30;

/** A punctuation-free line at most this long is a slogan or a heading typed as a paragraph. */
export const STANDALONE_LINE_MAX = 10;

/** near-duplicate: both paragraphs at least this long. */
export const NEAR_MIN_LENGTH = 20;
/** near-duplicate: character n-gram size. */
export const NEAR_SHINGLE = 3;
/** near-duplicate: Jaccard similarity of the n-gram sets, at least (also the candidate filter's bound). */
export const NEAR_JACCARD = 0.4;
/** near-duplicate: 1 − Levenshtein distance / longer length, at least. */
export const NEAR_EDIT_SIMILARITY = 0.75;
/** near-duplicate: an n-gram in the indexed prefixes of more paragraphs than this proposes no candidates. */
export const NEAR_MAX_POSTINGS = 32;
