// The paragraph `bulletin new` writes where the article's text goes: a real
// paragraph, so that a new file builds (and `build --watch` and `preview` go
// on showing the page), with a mark that the placeholder-text rule
// (src/clean/rules/placeholder-text.ts) recognises, so `check` says it is
// still there.
export const PLACEHOLDER_MARK = '【待写正文】';

/** The placeholder of the article numbered `number`: distinct per file, so two new files are not each other's repeats. */
export function placeholderParagraph(number: number): string {
  return `${PLACEHOLDER_MARK}这一段是第${number}篇文章的占位文字，请换成正文。`;
}
