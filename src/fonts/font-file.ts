// A font file's bytes and table directory, for whatever reads tables itself
// (measuring in face.ts, the PDF subset in src/render/): one read of the
// file, shared with fontkit, which parses the same buffer. A plain TrueType
// font is read without its outlines (sparse-font.ts) and glyph records are
// loaded on request; anything else is read whole. In a collection the first
// member's directory is used, as face.ts takes the first member.
import { readFileSync } from 'node:fs';
import { openSparseFont } from './sparse-font.js';

export interface TableEntry {
  offset: number;
  length: number;
}

export interface FontFile {
  /** The file's bytes at their offsets (sparse: glyph records only once loaded). */
  bytes: Buffer;
  /** The font's tables by tag (empty for a file that is not an sfnt, such as WOFF). */
  tables: ReadonlyMap<string, TableEntry>;
  /** Glyph records are read on request (loadGlyphs) rather than with the file. */
  sparse: boolean;
  /** Makes the records of these glyphs (and of their components) readable in `bytes`. */
  loadGlyphs(ids: Iterable<number>): void;
}

const SFNT_VERSIONS = new Set([0x00010000, 0x74727565 /* true */, 0x4f54544f /* OTTO */]);

/** The table directory at `at` (an sfnt's offset 0, or a collection member's), checked against the file's size. */
function directoryAt(bytes: Buffer, at: number): Map<string, TableEntry> {
  const tables = new Map<string, TableEntry>();
  if (at + 12 > bytes.length || !SFNT_VERSIONS.has(bytes.readUInt32BE(at))) return tables;
  const n = bytes.readUInt16BE(at + 4);
  if (at + 12 + 16 * n > bytes.length) return tables;
  for (let i = 0; i < n; i++) {
    const e = at + 12 + 16 * i;
    const offset = bytes.readUInt32BE(e + 8);
    const length = bytes.readUInt32BE(e + 12);
    if (offset + length <= bytes.length) tables.set(bytes.toString('latin1', e, e + 4), { offset, length });
  }
  return tables;
}

export function tableDirectory(bytes: Buffer): Map<string, TableEntry> {
  if (bytes.length >= 16 && bytes.toString('latin1', 0, 4) === 'ttcf') return directoryAt(bytes, bytes.readUInt32BE(12));
  return directoryAt(bytes, 0);
}

export function openFontFile(path: string): FontFile {
  const sparse = openSparseFont(path);
  if (sparse) return { bytes: sparse.bytes, tables: tableDirectory(sparse.bytes), sparse: true, loadGlyphs: sparse.loadGlyphs };
  const bytes = readFileSync(path);
  return { bytes, tables: tableDirectory(bytes), sparse: false, loadGlyphs: () => {} };
}

/** A table's bytes (undefined when the font has no such table, or it is empty). */
export function tableBytes(file: FontFile, tag: string): Uint8Array | undefined {
  const t = file.tables.get(tag);
  return t && t.length > 0 ? file.bytes.subarray(t.offset, t.offset + t.length) : undefined;
}
