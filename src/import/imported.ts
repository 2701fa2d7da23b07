// What an importer gives the writer: one article's fields, its body as an
// mdast tree, the images it brought, and where its fields were read from
// (for the editor to confirm the guesses).
import type { Root } from 'mdast';

export interface ImportedImage {
  /** The URL the body's image node holds until the image is named. */
  placeholder: string;
  /** File extension without the dot: png, jpg, gif… */
  ext: string;
  data: Uint8Array;
}

export interface ImportedArticle {
  title: string;
  author: string | undefined;
  role: string | undefined;
  body: Root;
  images: ImportedImage[];
  /** Where the title was read: `line 5` or `the first paragraph`. */
  titleFrom: string;
  /** Where author and role were read, or undefined when they were not found. */
  bylineFrom: string | undefined;
}

export interface ImportResult {
  articles: ImportedArticle[];
  /** What the editor should know: text not imported, images not printable, the converter's warnings. */
  notes: string[];
}
