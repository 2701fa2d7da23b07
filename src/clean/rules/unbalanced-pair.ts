// unbalanced-pair: a quotation mark or bracket opened and never closed in the
// paragraph, or closed without being opened.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'unbalanced-pair';

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '【': '】' };
/** Every opening and closing mark above. */
const MARKS = new RegExp(`[${Object.entries(CLOSE_OF).flat().join('')}]`, 'g');
// The same pairs by UTF-16 unit: a one-character string from the text, used as
// a property key, is looked up in V8's string table first (most of this rule's time).
const CLOSE_CODE = new Map(Object.entries(CLOSE_OF).map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
const OPEN_CODE = new Map(Object.entries(CLOSE_OF).map(([o, c]) => [c.charCodeAt(0), o.charCodeAt(0)]));
const APOSTROPHE = 0x2019; // ’
const OPEN_PAREN = 0xff08; // （
const CLOSE_PAREN = 0xff09; // ）

/** `1）` `a）` `三）`: a numbered item written with a closing bracket only. */
const ITEM_NUMBER = /(?:^|[\s。；：，！？、])[0-9A-Za-z一二三四五六七八九十]{1,3}$/;

interface Open {
  /** The mark, as a UTF-16 unit. */
  code: number;
  at: number;
}

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const s = text.plain;
  const stack: Open[] = [];
  // Jump from mark to mark (test on the global pattern moves lastIndex past
  // the mark without building a match): looking every character up cost more
  // than the rest of the lint together.
  MARKS.lastIndex = 0;
  while (MARKS.test(s)) {
    const i = MARKS.lastIndex - 1;
    const code = s.charCodeAt(i);
    if (CLOSE_CODE.has(code)) {
      stack.push({ code, at: i });
      continue;
    }
    const open = OPEN_CODE.get(code);
    if (open === undefined) continue;
    // ’ between two Latin letters is an apostrophe (don’t).
    if (code === APOSTROPHE && isLatinLetter(s.charCodeAt(i - 1)) && isLatinLetter(s.charCodeAt(i + 1))) continue;
    if (code === CLOSE_PAREN && ITEM_NUMBER.test(s.slice(Math.max(0, i - 4), i)) && !stack.some((e) => e.code === OPEN_PAREN)) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k].code !== open) k--;
    if (k < 0) {
      const ch = String.fromCharCode(code);
      const opener = String.fromCharCode(open);
      out.push(lintDiagnostic(doc, text, i, RULE, `\`${ch}\` closes a \`${opener}\` that was never opened in this paragraph: add the \`${opener}\` or remove the \`${ch}\`.`));
      continue;
    }
    // Marks opened after the one this closes were never closed.
    for (let u = k + 1; u < stack.length; u++) out.push(unclosedAt(doc, text, stack[u]));
    stack.length = k;
  }
  for (const unclosed of stack) out.push(unclosedAt(doc, text, unclosed));
  return out;
}

/** A–Z or a–z (NaN, off either end of the text, is not). */
function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function unclosedAt(doc: Doc, text: LintText, e: Open): Diagnostic {
  const ch = String.fromCharCode(e.code);
  return lintDiagnostic(doc, text, e.at, RULE, `\`${ch}\` is never closed in this paragraph: add the matching \`${CLOSE_OF[ch]}\`.`);
}
