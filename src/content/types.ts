// The typed content model: what docs/design/CONTENT.md calls a bulletin, after loading and
// parsing, before any cleaning. Bodies are mdast trees with source positions,
// so every later diagnostic can point at file:line:column.
import type { Root } from 'mdast';

export interface SourceFile {
  /** Path as shown to the user (relative to the working directory when possible). */
  path: string;
  absPath: string;
  /** The decoded text, without a byte-order mark. Line endings as in the file. */
  text: string;
  hasBom: boolean;
  /** The file's dominant line ending, kept when `fmt --write` rewrites it. */
  eol: '\n' | '\r\n';
}

export interface IssueMeta {
  title: string;
  subtitle?: string;
  issue?: string;
  /** YYYY-MM-DD */
  date?: string;
  publisher: string[];
  template?: string;
  /** The page count the bulletin must fill (copyfitting). */
  pages?: number;
}

export interface ArticleMeta {
  title: string;
  author: string;
  role?: string;
  subtitle?: string;
}

export interface ContentDocument<M> {
  source: SourceFile;
  meta: M;
  /** The whole file parsed (front matter is the `yaml` node, if any). */
  tree: Root;
}

export type IndexDocument = ContentDocument<IssueMeta>;
export type Article = ContentDocument<ArticleMeta>;

export interface Bulletin {
  /** The bulletin directory, absolute. */
  dir: string;
  index: IndexDocument;
  /** In file-name order. */
  articles: Article[];
}
