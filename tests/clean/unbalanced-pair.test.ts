// unbalanced-pair on random runs of marks, against a plain reference of the
// rule (a stack of open marks; a closer pops back to its opener, reporting
// what was opened after it; a closer without opener is reported).
import { describe, expect, it } from 'vitest';
import { analyseBulletin } from '../../src/clean/index.js';
import { bulletinOf, md } from './bulletin.js';
import { prng as random } from '../helpers/random.js';

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '【': '】' };
const OPEN_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSE_OF).map(([o, c]) => [c, o]));

/** Columns (1-based, in the paragraph) of the marks reported, in the rule's order. */
function reference(s: string): number[] {
  const out: number[] = [];
  const stack: { ch: string; at: number }[] = [];
  for (const [i, ch] of [...s].entries()) {
    if (CLOSE_OF[ch]) {
      stack.push({ ch, at: i });
      continue;
    }
    const open = OPEN_OF[ch];
    if (!open) continue;
    const k = stack.map((e) => e.ch).lastIndexOf(open);
    if (k < 0) {
      out.push(i + 1);
      continue;
    }
    for (const e of stack.splice(k).slice(1)) out.push(e.at + 1);
  }
  for (const e of stack) out.push(e.at + 1);
  return out;
}

describe('unbalanced-pair', () => {
  it('reports what the reference reports, in the same order', () => {
    const next = random(11);
    const marks = ['安', '全', '“', '”', '《', '》', '（', '）', '「', '」', '【', '】'];
    const paragraphs = Array.from({ length: 300 }, () =>
      `安${Array.from({ length: 2 + Math.floor(next() * 12) }, () => marks[Math.floor(next() * marks.length)]).join('')}。`);
    const got = analyseBulletin(bulletinOf({ 'a.md': md(paragraphs) })).diagnostics.filter((d) => d.rule === 'unbalanced-pair');
    // md() puts paragraph k on line 6 + 2k.
    const want = paragraphs.flatMap((p, k) => reference(p).map((column) => [6 + 2 * k, column]));
    expect(got.map((d) => [d.line, d.column])).toEqual(want);
  });
});
