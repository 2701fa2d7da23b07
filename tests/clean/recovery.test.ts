// Defects injected into the repaired sample at random (a fixed seed, so the
// test is deterministic): fmt must give back exactly the repaired text, and
// never lose a character. Each article gets one of: a split at a random
// position (not after a sentence-final mark, which no rule can see), a
// repeated paragraph, the last two paragraphs repeated, a repeated tail, a
// repeated middle piece of at least 20 characters.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadBulletin } from '../../src/content/load.js';
import { bulletinOf, formatted, bodyParagraphs } from './bulletin.js';
import { SAMPLE } from '../helpers/cli.js';

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FINAL = '。！？…”’：；';

describe('recovery from injected defects', () => {
  let base: Record<string, string>;
  beforeAll(async () => {
    const { bulletin } = await loadBulletin(SAMPLE);
    const files: Record<string, string> = {};
    for (const d of [bulletin.index, ...bulletin.articles]) files[d.source.path.replace(/^.*\//, '')] = d.source.text;
    base = formatted(bulletinOf(files));
  });

  it('fmt restores the text exactly in 40 random trials', () => {
    const rnd = prng(20230616);
    const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
    let injected = 0;
    for (let trial = 0; trial < 40; trial++) {
      const files: Record<string, string> = { 'index.md': base['index.md'] };
      const what: Record<string, string> = {};
      for (const [f, text] of Object.entries(base)) {
        if (f === 'index.md') continue;
        const head = text.slice(0, text.indexOf('\n---\n') + 5);
        const paras = bodyParagraphs(text);
        const p = pick(paras.filter((x) => x.length > 40));
        const kind = pick(['split', 'exact', 'run', 'tail', 'middle']);
        what[f] = kind;
        if (kind === 'split') {
          let cut = 1;
          do cut = 1 + Math.floor(rnd() * (p.length - 1));
          while (FINAL.includes(p[cut - 1]));
          paras.splice(paras.indexOf(p), 1, p.slice(0, cut), '\n'.repeat(Math.floor(rnd() * 3)) + p.slice(cut));
        } else if (kind === 'exact') paras.push(p);
        else if (kind === 'run') paras.push(...paras.slice(-2));
        else if (kind === 'tail') paras.push(p.slice(Math.floor(rnd() * (p.length - 13))));
        else {
          const from = 1 + Math.floor(rnd() * (p.length - 22));
          paras.push(p.slice(from, from + 20 + Math.floor(rnd() * (p.length - from - 21))));
        }
        injected++;
        files[f] = `${head}\n${paras.join('\n\n')}\n`;
      }
      const out = formatted(bulletinOf(files));
      for (const f of Object.keys(base)) {
        expect({ f, kind: what[f], text: bodyParagraphs(out[f]) }).toEqual({ f, kind: what[f], text: bodyParagraphs(base[f]) });
      }
    }
    expect(injected).toBe(40 * 7);
  });
});
