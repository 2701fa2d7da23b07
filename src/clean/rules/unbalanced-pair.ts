// unbalanced-pair: a quotation mark or bracket opened and never closed in the
// paragraph, or closed without being opened.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Doc } from '../paragraphs.js';
import { lintDiagnostic, type LintText } from './lint-text.js';

export const RULE = 'unbalanced-pair';

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '【': '】' };
const OPEN_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSE_OF).map(([o, c]) => [c, o]));
/** Every opening and closing mark above. */
const MARKS = new RegExp(`[${Object.entries(CLOSE_OF).flat().join('')}]`, 'g');

/** `1）` `a）` `三）`: a numbered item written with a closing bracket only. */
const ITEM_NUMBER = /(?:^|[\s。；：，！？、])[0-9A-Za-z一二三四五六七八九十]{1,3}$/;

export function check(doc: Doc, text: LintText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const s = text.plain;
  const stack: { ch: string; at: number }[] = [];
  // Jump from mark to mark: looking every character up in CLOSE_OF cost more than the rest of the lint together.
  MARKS.lastIndex = 0;
  for (let found = MARKS.exec(s); found; found = MARKS.exec(s)) {
    const i = found.index;
    const ch = found[0];
    if (CLOSE_OF[ch]) {
      stack.push({ ch, at: i });
      continue;
    }
    const open = OPEN_OF[ch];
    if (!open) continue;
    // ’ between two Latin letters is an apostrophe (don’t).
    if (ch === '’' && /[A-Za-z]/.test(s[i - 1] ?? '') && /[A-Za-z]/.test(s[i + 1] ?? '')) continue;
    if (ch === '）' && ITEM_NUMBER.test(s.slice(Math.max(0, i - 4), i)) && !stack.some((e) => e.ch === '（')) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k].ch !== open) k--;
    if (k < 0) {
      out.push(lintDiagnostic(doc, text, i, RULE, `\`${ch}\` closes a \`${open}\` that was never opened in this paragraph: add the \`${open}\` or remove the \`${ch}\`.`));
      continue;
    }
    // Marks opened after the one this closes were never closed.
    for (let u = k + 1; u < stack.length; u++) out.push(unclosedAt(doc, text, stack[u]));
    stack.length = k;
  }
  for (const unclosed of stack) out.push(unclosedAt(doc, text, unclosed));
  return out;
}

function unclosedAt(doc: Doc, text: LintText, e: { ch: string; at: number }): Diagnostic {
  return lintDiagnostic(doc, text, e.at, RULE, `\`${e.ch}\` is never closed in this paragraph: add the matching \`${CLOSE_OF[e.ch]}\`.`);
}
