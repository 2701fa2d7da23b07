// The part of opentype.js 2.0 (which ships no types) that `bulletin fonts` uses.
declare module 'opentype.js' {
  export interface LocalizedName {
    [lang: string]: string;
  }
  export interface NameTable {
    fontFamily?: LocalizedName;
    fontSubfamily?: LocalizedName;
    preferredFamily?: LocalizedName;
    preferredSubfamily?: LocalizedName;
    fullName?: LocalizedName;
    version?: LocalizedName;
    license?: LocalizedName;
    licenseURL?: LocalizedName;
    manufacturer?: LocalizedName;
    copyright?: LocalizedName;
  }
  export interface LayoutTable {
    features?: Array<{ tag: string }>;
  }
  export interface Font {
    numGlyphs: number;
    names: { windows?: NameTable; macintosh?: NameTable; unicode?: NameTable } & NameTable;
    tables: { gsub?: LayoutTable; gpos?: LayoutTable; [name: string]: unknown };
  }
  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
