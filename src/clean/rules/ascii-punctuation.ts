// ascii-punctuation: an ASCII mark between two Han characters (`安全,生产`),
// where Chinese text uses the full-width one (`安全，生产`). Marks between
// Latin letters or digits (`1+4+N`, `14.13`, `PDCA`) are left alone.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { hanBefore } from '../text.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'ascii-punctuation';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
// The Han before is tested on each match: a pattern opening with a lookbehind
// is tried at every character of the text, this one only at the marks.
const PATTERN = /([,.;:?!()])[ \t]*(?=\p{Script=Han})/gu;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  // exec on the shared pattern: matchAll would clone it for every paragraph.
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text.plain); m; m = PATTERN.exec(text.plain)) {
    if (!hanBefore(text.plain, m.index)) continue;
    const ch = m[1];
    out.push(lintDiagnostic(doc, text, m.index, RULE, `ASCII \`${ch}\` between Chinese characters: write the full-width \`${FULL_WIDTH[ch]}\`.`));
  }
  return out;
}
