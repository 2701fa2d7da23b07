// How deep a file's Markdown nests, checked around parsing: thousands of
// block quotes or list items inside each other (`>>>>…`, `- - - …`), or of
// emphasis inside emphasis (`****…a…****`), make the parser take minutes and
// the tree walkers of every stage run out of stack (an internal error where
// the file is at fault). No article nests that deep; the file gets an error at
// the line where it does, and is not read further.
import type { Nodes, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Block quotes and list items opened at the start of one line, at most. */
export const MAX_LINE_NESTING = 32;
/** Levels of the parsed tree, at most: MAX_LINE_NESTING lists (a list and an item each), and inline nesting inside. */
export const MAX_TREE_DEPTH = 2 * MAX_LINE_NESTING + 36;

/** One container marker at the start of a line: `>`, a bullet or an ordered-list number, each with the space after it. */
const MARKER = /^[ \t]{0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/;
/** Lists nested by indentation, one level a line: a list item indented this many columns is that deep too. */
const DEEP_INDENT = 4 * MAX_LINE_NESTING;
const ITEM_START = /^(?:[-+*>]|\d{1,9}[.)])[ \t]/;
/** A thematic break (`- - -`, `***`): bullets that open nothing. */
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

const ADVICE = 'no article needs that many: remove the extra markers (`>`, list bullets, `*`), or set the text as plain paragraphs.';

/** What is too deep about one line of the source, or undefined. */
function lineProblem(line: string): string | undefined {
  let rest = line;
  let depth = 0;
  for (let m = MARKER.exec(rest); m && depth <= MAX_LINE_NESTING; m = MARKER.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  if (depth > MAX_LINE_NESTING) return THEMATIC_BREAK.test(line) ? undefined : `more than ${MAX_LINE_NESTING} block quotes or list items open on this line`;
  let indent = 0;
  let i = 0;
  for (; i < line.length && (line[i] === ' ' || line[i] === '\t'); i++) indent += line[i] === '\t' ? 4 : 1;
  if (indent >= DEEP_INDENT && ITEM_START.test(line.slice(i))) return `this list item is indented ${indent} columns, more than ${MAX_LINE_NESTING} levels of lists inside each other`;
  return undefined;
}

/** The first line that nests too deep (more than MAX_LINE_NESTING quotes and list items), before the text is parsed. */
export function deepLine(path: string, text: string): Diagnostic | undefined {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const problem = lineProblem(text.slice(start, end));
    if (problem) return diagnostic({ file: path, line, column: 1 }, 'error', 'nesting-too-deep', `${problem}; ${ADVICE}`);
    start = end + 1;
  }
  return undefined;
}

/** The first node deeper than MAX_TREE_DEPTH levels, found without recursion (which is what a deep tree breaks). */
export function deepNode(path: string, tree: Root): Diagnostic | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      const at = node.position?.start ?? { line: 1, column: 1 };
      return diagnostic({ file: path, line: at.line, column: at.column }, 'error', 'nesting-too-deep',
        `the Markdown nests more than ${MAX_TREE_DEPTH} levels deep here (quotes, lists, emphasis or links inside each other); ${ADVICE}`);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, depth: depth + 1 });
  }
  return undefined;
}
