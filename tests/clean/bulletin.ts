// In-memory bulletins for the cleaning tests: Markdown strings in, a parsed
// Bulletin out (the same parse the loader does), plus helpers to read what
// cleaning and fmt leave behind.
import { decodeSource } from '../../src/content/read-source.js';
import { parseMarkdown } from '../../src/content/parse.js';
import type { Article, Bulletin } from '../../src/content/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { planFormatting } from '../../src/clean/format.js';

export const INDEX = '---\ntitle: 测试专栏\n---\n\n本期导语：各单位围绕安全生产主题开展了形式多样的宣传活动。\n';

/** An article file: front matter, then the paragraphs separated by blank lines. */
export function md(paragraphs: string[], title = '标题一 标题二', author = '张三'): string {
  return `---\ntitle: ${title}\nauthor: ${author}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** A bulletin from article sources (file name → text); index.md is INDEX unless given. */
export function bulletinOf(files: Record<string, string | Uint8Array>): Bulletin {
  const doc = (name: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const source = decodeSource(bytes, `/virtual/${name}`);
    // The BOM is taken from the bytes here, so these tests do not depend on how the loader detects it.
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    return { source: { ...source, text, hasBom, path: name }, tree: parseMarkdown(text) };
  };
  const { 'index.md': index = INDEX, ...rest } = files;
  const articles: Article[] = Object.keys(rest)
    .sort()
    .map((name) => ({ ...doc(name, rest[name]), meta: { title: 't', author: 'a' } }));
  return { dir: '/virtual', index: { ...doc('index.md', index), meta: { title: 't', publisher: [] } }, articles };
}

export function rulesOf(list: Diagnostic[], rule: string): Diagnostic[] {
  return list.filter((d) => d.rule === rule);
}

/** The file texts after `fmt --write` (unchanged files as they were), keyed by path. */
export function formatted(b: Bulletin): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [b.index, ...b.articles]) out[d.source.path] = d.source.text;
  for (const e of planFormatting(b).edits) out[e.absPath.replace('/virtual/', '')] = e.text;
  return out;
}

/** Body paragraphs of a Markdown file (top-level, blank-line separated, front matter dropped). */
export function bodyParagraphs(text: string): string[] {
  return text
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .split(/(?:\r?\n){2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
