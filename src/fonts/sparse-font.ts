// Reading a TrueType font without its outlines. Nearly all of a CJK font is
// its glyf table (the outlines of 30,000+ glyphs); measuring needs none of
// it, and the PDF embeds the outlines of the few thousand glyphs a bulletin
// draws. Reading whole files would be the largest single cost of a cold
// build (docs/performance.md, "Costs the code is shaped around"). So the file's bytes
// are laid out in a buffer of its full size (fontkit reads tables at their
// file offsets), every table but glyf is read into place, and glyph records
// are read on request (`loadGlyphs`), before anything copies them.
//
// Nothing may read a glyph record that was not loaded: it would read zeros.
// Who reads glyf: the PDF subset (src/render/truetype-subset.ts and
// font-program.ts load every glyph they copy, components included), and
// fontkit's glyph outlines and metrics, which nothing here asks for
// (advances come from hmtx). Fonts this does not cover (collections, CFF outlines, WOFF, short
// loca offsets included) are read whole.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Glyph records closer than this are read in one call (fewer system calls, a little more data). */
const MERGE_GAP = 16 * 1024;

export interface SparseFont {
  /** The file's bytes at their offsets: every table but glyf, and the glyph records loaded so far. */
  bytes: Buffer;
  /** Reads the records of these glyphs (and of the components of compound glyphs) into `bytes`. */
  loadGlyphs(ids: Iterable<number>): void;
}

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

function tableDirectory(head: Buffer): TableEntry[] | undefined {
  if (head.length < 12) return undefined;
  const version = head.readUInt32BE(0);
  // TrueType outlines only: 0x00010000 or 'true'. 'OTTO' (CFF), 'ttcf' and 'wOFF' are read whole.
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  const n = head.readUInt16BE(4);
  if (head.length < 12 + 16 * n) return undefined;
  const tables: TableEntry[] = [];
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    tables.push({ tag: head.toString('latin1', at, at + 4), offset: head.readUInt32BE(at + 8), length: head.readUInt32BE(at + 12) });
  }
  return tables;
}

function readAt(fd: number, into: Buffer, start: number, end: number): void {
  let at = start;
  while (at < end) {
    const n = readSync(fd, into, at, end - at, at);
    if (n === 0) throw new Error(`unexpected end of font file at byte ${at}`);
    at += n;
  }
}

/**
 * Reads each byte range of the file into the same place in `into`, ranges
 * closer than MERGE_GAP in one call (fewer system calls, a little more data).
 * Sorts `ranges` by start.
 */
function readRanges(fd: number, into: Buffer, ranges: { start: number; end: number }[]): void {
  ranges.sort((a, b) => a.start - b.start);
  let from = -1;
  let to = -1;
  for (const r of ranges) {
    if (from >= 0 && r.start <= to + MERGE_GAP) to = Math.max(to, r.end);
    else {
      if (from >= 0) readAt(fd, into, from, to);
      from = r.start;
      to = r.end;
    }
  }
  if (from >= 0) readAt(fd, into, from, to);
}

/**
 * Opens a font for reading with glyph records on demand, or undefined when the
 * file is not a plain TrueType font with long loca offsets (read it whole).
 * The file stays open until the process ends: records are read as pages are
 * drawn, and a bulletin opens a handful of faces.
 */
export function openSparseFont(path: string): SparseFont | undefined {
  const fd = openSync(path, 'r');
  let keep = false;
  try {
    const size = fstatSync(fd).size;
    const probe = Buffer.alloc(Math.min(size, 12 + 16 * 64));
    readAt(fd, probe, 0, probe.length);
    const tables = tableDirectory(probe);
    const glyf = tables?.find((t) => t.tag === 'glyf');
    const loca = tables?.find((t) => t.tag === 'loca');
    const head = tables?.find((t) => t.tag === 'head');
    if (!tables || !glyf || !loca || !head || head.length < 54) return undefined;
    if (tables.some((t) => t.offset + t.length > size)) return undefined;

    // Zero-filled by the allocator's fresh pages: the parts never read cost no memory.
    const bytes = Buffer.from(new ArrayBuffer(size));
    probe.copy(bytes, 0);
    // Everything but glyf (tables sit side by side: a few reads).
    readRanges(fd, bytes, tables.filter((t) => t !== glyf && t.length > 0).map((t) => ({ start: t.offset, end: t.offset + t.length })));

    // indexToLocFormat 1: 32-bit offsets (every CJK font); short ones are read whole.
    if (bytes.readInt16BE(head.offset + 50) !== 1) return undefined;
    const glyphs = Math.floor(loca.length / 4) - 1;
    const offsetOf = (id: number) => bytes.readUInt32BE(loca.offset + 4 * id);
    const loaded = new Uint8Array(Math.max(glyphs, 0));

    const recordRange = (id: number): [number, number] | undefined => {
      if (id < 0 || id >= glyphs || loaded[id]) return undefined;
      const start = glyf.offset + offsetOf(id);
      const end = glyf.offset + offsetOf(id + 1);
      if (end <= start || end > glyf.offset + glyf.length) {
        loaded[id] = 1; // an empty glyph (a space) or a broken offset: nothing to read
        return undefined;
      }
      return [start, end];
    };

    const loadGlyphs = (ids: Iterable<number>): void => {
      let wanted = [...ids];
      // Compound glyphs name their components in their own record: loaded in rounds.
      while (wanted.length > 0) {
        const want: { id: number; start: number; end: number }[] = [];
        for (const id of wanted) {
          const r = recordRange(id);
          if (r) want.push({ id, start: r[0], end: r[1] });
        }
        readRanges(fd, bytes, want);
        const next: number[] = [];
        for (const w of want) {
          loaded[w.id] = 1;
          componentsOf(bytes, w.start, w.end, next);
        }
        wanted = next;
      }
    };

    // Glyph 0 (.notdef) is drawn for characters no font covers, and pdfkit asks for its metrics.
    loadGlyphs([0]);
    keep = true;
    return { bytes, loadGlyphs };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * The component glyph ids of a compound glyph record (OpenType glyf:
 * numberOfContours < 0, then flags / glyphIndex / arguments / transform per
 * component while MORE_COMPONENTS is set); nothing for a simple glyph.
 */
export function componentsOf(bytes: Uint8Array, start: number, end: number, out: number[]): void {
  if (end - start < 10 || (bytes[start] & 0x80) === 0) return;
  let at = start + 10;
  for (;;) {
    if (at + 4 > end) return;
    const flags = (bytes[at] << 8) | bytes[at + 1];
    out.push((bytes[at + 2] << 8) | bytes[at + 3]);
    at += 4;
    at += flags & 0x0001 ? 4 : 2; // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
    if ((flags & 0x0020) === 0) return; // MORE_COMPONENTS
  }
}
