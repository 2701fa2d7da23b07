// A Face is one font file opened with fontkit, the same library pdfkit draws
// with, so measured advances are exactly the drawn ones (FACTS.md). Glyph
// look-ups are cached per code point: a bulletin uses a few thousand distinct
// characters and measures each many times.
import type * as fontkit from 'fontkit';
import { gridEms } from './cjk-punctuation.js';
import { lazyRequire } from '../io/lazy-require.js';
import { openFontFile, tableBytes, type FontFile } from './font-file.js';
import { fwidAlternates } from './gsub-fwid.js';

/** fontkit's CommonJS build: the instance pdfkit itself requires. */
const loadFontkit = lazyRequire<typeof fontkit>('fontkit');

/** Glyphs at least this wide (in em) count as full-width. */
export const FULL_WIDTH = 0.9;

export interface FaceGlyph {
  /** Glyph id in this font. */
  id: number;
  /** Advance width in em (1 = the font size). */
  advance: number;
}

export interface Face {
  /** Unique id of this font file, used as the display list's `face` key (e.g. `noto-serif-sc-400`). */
  key: string;
  /** Path of the font file (render embeds this file). */
  path: string;
  postscriptName: string;
  /** The underlying fontkit font, for shaping features or metrics. */
  font: fontkit.Font;
  unitsPerEm: number;
  /** Ascender/descender in em, for vertical placement. */
  ascent: number;
  descent: number;
  /** The glyph for a code point, or undefined when the font does not cover it. */
  glyph(codePoint: number): FaceGlyph | undefined;
  /** The file's bytes and tables, which fontkit parses too (font-file.ts): render subsets from them. */
  file: FontFile;
  /**
   * Present when the font was opened without its outlines (sparse-font.ts):
   * reads these glyphs' records. Whatever copies outlines (the PDF subset)
   * must call it first.
   */
  loadGlyphs?(ids: Iterable<number>): void;
}

/** Opens a font file as a Face. Collections (.ttc) take the first font. */
export function openFace(key: string, path: string): Face {
  const fk = loadFontkit();
  // Without the outlines when the file allows (sparse-font.ts), else whole.
  const file = openFontFile(path);
  const opened = fk.create(file.bytes) as fontkit.Font | fontkit.FontCollection;
  const font = ('fonts' in opened ? opened.fonts[0] : opened) as fontkit.Font;
  const upem = font.unitsPerEm;
  const cache = new Map<number, FaceGlyph | undefined>();
  const metrics = rawMetrics(file);
  return {
    key,
    path,
    postscriptName: font.postscriptName,
    font,
    unitsPerEm: upem,
    ascent: font.ascent / upem,
    descent: font.descent / upem,
    file,
    ...(file.sparse ? { loadGlyphs: file.loadGlyphs } : {}),
    glyph(cp: number): FaceGlyph | undefined {
      if (cache.has(cp)) return cache.get(cp);
      let g: FaceGlyph | undefined;
      // fontkit's cmap look-up: glyph 0 when the font does not cover the code point.
      const id = font.glyphForCodePoint(cp)?.id ?? 0;
      if (id !== 0) {
        g = { id, advance: (metrics ? metrics.advance(id) : font.getGlyph(id).advanceWidth) / upem };
        // CJK fonts map some punctuation that Chinese sets full-width (the
        // em dash of ——, for one: 0.89 em in Noto) to a proportional glyph,
        // and offer the full-width form through the `fwid` feature. Take it,
        // so —— spans exactly two ems on the character grid (and the two-em
        // dash ⸺, 1.69 em in Noto, its two ems).
        const ems = gridEms(cp);
        if (ems > 0 && g.advance < ems * FULL_WIDTH) {
          if (metrics) {
            const alt = metrics.fwid(id);
            const advance = alt === undefined ? 0 : metrics.advance(alt) / upem;
            if (alt !== undefined && advance >= ems * FULL_WIDTH) g = { id: alt, advance };
          } else {
            const run = font.layout(String.fromCodePoint(cp), ['fwid']);
            const alt = run.glyphs.length === 1 ? run.glyphs[0] : undefined;
            if (alt && alt.id !== id && alt.advanceWidth / upem >= ems * FULL_WIDTH) g = { id: alt.id, advance: alt.advanceWidth / upem };
          }
        }
      }
      cache.set(cp, g);
      return g;
    },
  };
}

/** A glyph found for a code point, and the face it comes from. */
export interface ResolvedGlyph {
  face: Face;
  glyph: FaceGlyph;
}

/**
 * A role's fonts in order of preference (`body` → Noto Serif SC, then Noto
 * Sans SC, …). Text is set in the first face that covers a character.
 * Fallback faces are opened only when a character needs them: a CJK font is
 * a 15 MB file, and most bulletins never touch most fallbacks.
 */
export interface FaceChain {
  /** The role (`body`, `bold`, `heavy`, `sans`, `kai`, …). */
  role: string;
  /** The role's own face (opened). */
  readonly primary: Face;
  /** Every face of the chain, in order (opens any not yet open). */
  readonly faces: Face[];
  /** The faces opened so far: the only ones `resolve` can have answered with. */
  opened(): Face[];
  resolve(codePoint: number): ResolvedGlyph | undefined;
}

/** A face, or a function that opens it on first use. */
export type FaceSlot = Face | (() => Face);

/** Lazily opened faces of a chain, in order. */
export class ChainFaces {
  private readonly open: (Face | undefined)[];
  constructor(private readonly slots: readonly FaceSlot[]) {
    this.open = slots.map((s) => (typeof s === 'function' ? undefined : s));
  }
  get length(): number {
    return this.slots.length;
  }
  at(i: number): Face {
    let f = this.open[i];
    if (!f) {
      f = (this.slots[i] as () => Face)();
      this.open[i] = f;
    }
    return f;
  }
  all(): Face[] {
    return this.slots.map((_, i) => this.at(i));
  }
  opened(): Face[] {
    return this.open.filter((f): f is Face => f !== undefined);
  }
}

/** Builds a chain from a resolver over lazily opened faces, caching per code point. */
export function makeChain(role: string, slots: readonly FaceSlot[], find: (faces: ChainFaces, cp: number) => ResolvedGlyph | undefined): FaceChain {
  const faces = new ChainFaces(slots);
  // Composition resolves every character of the bulletin (a million on a 50-page one): BMP code
  // points by index in a flat table (null: no face has it), the rest in a map.
  let bmp: (ResolvedGlyph | null | undefined)[] | undefined;
  const astral = new Map<number, ResolvedGlyph | null>();
  return {
    role,
    get primary() {
      return faces.at(0);
    },
    get faces() {
      return faces.all();
    },
    opened: () => faces.opened(),
    resolve(cp: number): ResolvedGlyph | undefined {
      const known = cp < 0x10000 ? bmp?.[cp] : astral.get(cp);
      if (known !== undefined) return known ?? undefined;
      const found = find(faces, cp);
      if (cp < 0x10000) (bmp ??= new Array(0x10000))[cp] = found ?? null;
      else astral.set(cp, found ?? null);
      return found;
    },
  };
}

/** The plain chain: the first face that has the character wins. */
export function chainOf(role: string, slots: readonly FaceSlot[]): FaceChain {
  return makeChain(role, slots, (faces, cp) => {
    for (let i = 0; i < faces.length; i++) {
      const face = faces.at(i);
      const glyph = face.glyph(cp);
      if (glyph) return { face, glyph };
    }
    return undefined;
  });
}

/** The look-ups measuring needs, straight from the font's tables. */
interface RawMetrics {
  /** Advance width in font units, from the hmtx table. */
  advance(id: number): number;
  /** The glyph's `fwid` alternate from GSUB (gsub-fwid.ts), if it has one. */
  fwid(id: number): number | undefined;
}

/**
 * Why not `font.glyphForCodePoint(cp).advanceWidth`: fontkit decodes a glyph's
 * metrics through its generic table parser, about 0.1 ms a glyph; a bulletin
 * measures thousands of distinct characters in several faces on every cold
 * build. The advance is two bytes of the file's hmtx (font-file.ts), the
 * `fwid` alternate a look-up in its GSUB (gsub-fwid.ts). Undefined (and
 * fontkit's metrics used) when the font does not have the tables.
 */
function rawMetrics(file: FontFile): RawMetrics | undefined {
  const hmtx = file.tables.get('hmtx');
  const gsub = file.tables.get('GSUB');
  const hhea = tableBytes(file, 'hhea');
  const n = hhea && hhea.length >= 36 ? (hhea[34] << 8) | hhea[35] : 0;
  if (!hmtx || n === 0 || 4 * n > hmtx.length) return undefined;
  const buf = file.bytes;
  let alternates: Map<number, number> | undefined;
  return {
    fwid: (id) => (alternates ??= gsub ? fwidAlternates(buf, gsub.offset, gsub.length) : new Map()).get(id),
    // Glyphs past numberOfMetrics share the last advance (OpenType hmtx).
    advance: (id) => buf.readUInt16BE(hmtx.offset + 4 * Math.min(id, n - 1)),
  };
}
