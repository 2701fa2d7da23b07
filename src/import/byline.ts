// What a contributor's text says about itself: a headline is a short line
// that does not end a sentence; a byline is `单位职务 姓名` (the affiliation
// and position, a space, then a name), or a name alone, or `作者：姓名` /
// `文/姓名`. Guesses, reported for the editor to confirm (src/cli/import.ts).

export interface Byline {
  author: string;
  role?: string;
}

/** A personal name: 2–4 Han characters, a transliterated name with `·`, or capitalised Latin words. */
const NAME = String.raw`(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,8}[·•・]\p{Script=Han}{1,10}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})`;
/** The space between role and name: ASCII or ideographic, one or more. */
const GAP = String.raw`[ \t\u3000]+`;
const WITH_ROLE = new RegExp(String.raw`^(?<role>\S(?:.*\S)?)${GAP}(?<name>${NAME})$`, 'u');
const NAME_ONLY = new RegExp(`^(?<name>${NAME})$`, 'u');
/** `作者：张三`, `文/张三`, `文｜张三` (the role may stand between the mark and the name). */
const MARKED = /^(?:作者|文|撰稿|撰文)\s*[:：/／|｜]\s*/u;

/** Punctuation a role never holds: it is a name of a post, not a sentence. */
const SENTENCE_MARK = /[。！？；：，!?;:,]/u;
const ROLE_MAX = 48;
const HEADLINE_MAX = 40;

function roleOk(role: string): boolean {
  return role.length >= 2 && role.length <= ROLE_MAX && !SENTENCE_MARK.test(role) && /\p{Script=Han}/u.test(role);
}

/**
 * The byline a line holds, or undefined. `alone` allows a bare name (a line
 * of two to four Han characters), which is a byline only right under a
 * headline; anywhere else it may be a short heading.
 */
export function parseByline(line: string, alone = false): Byline | undefined {
  let text = line.trim();
  const marked = MARKED.exec(text);
  if (marked) text = text.slice(marked[0].length).trim();
  const withRole = WITH_ROLE.exec(text);
  if (withRole?.groups && roleOk(withRole.groups.role.trim())) {
    return { role: withRole.groups.role.trim().replace(/[ \t\u3000]+/g, ' '), author: withRole.groups.name };
  }
  const only = NAME_ONLY.exec(text);
  if (only?.groups && (alone || marked)) return { author: only.groups.name };
  return undefined;
}

/**
 * True for a line that can be a headline or one of its two lines: short, no
 * full stop inside, not ending on a pause or stop (a headline may end on a
 * closing quote or bracket), with some Han or Latin letters.
 */
export function isHeadlineLike(line: string): boolean {
  const text = line.trim();
  if (text.length < 2 || text.length > HEADLINE_MAX) return false;
  if (/[。！？!?]/u.test(text.slice(0, -1)) || /[。，、；：,;:…—]$/u.test(text)) return false;
  return /[\p{Script=Han}A-Za-z]/u.test(text);
}
