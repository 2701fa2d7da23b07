// The `fwid` (full widths) substitutions of a font, read from its GSUB table.
// CJK fonts map some punctuation Chinese sets full-width to proportional
// glyphs (the em dash of ——, 0.89 em in Noto) and offer the full-width form
// through `fwid` (face.ts). Asking fontkit (`font.layout(ch, ['fwid'])`) would
// build its whole shaping machinery per face — GSUB and GPOS decoded, script
// and language resolved — for a dozen look-ups (docs/performance.md, "Costs the code is shaped around").
// The substitution itself is a single-substitution lookup (OpenType GSUB
// type 1, maybe inside an extension, type 7) reached from the feature list of
// the default script's default language; this reads exactly that.
// tests/fonts/gsub-fwid.test.ts compares the result with fontkit's layout for
// every CJK punctuation mark in the fonts bulletin ships.

/** Scripts tried in order, as fontkit and HarfBuzz fall back for punctuation: default, then Latin. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/**
 * Glyph id → its `fwid` alternate, from the GSUB table at `offset` in `bytes`.
 * Empty when the font has no such feature or the table is not one read here.
 */
export function fwidAlternates(bytes: Uint8Array, offset: number, length: number): Map<number, number> {
  const out = new Map<number, number>();
  if (length < 10 || offset + length > bytes.length) return out;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  const u16 = (at: number) => view.getUint16(at);
  try {
    const scriptList = u16(4);
    const featureList = u16(6);
    const lookupList = u16(8);

    // The default LangSys of the first default script present.
    let langSys = -1;
    const scripts = u16(scriptList);
    for (const want of DEFAULT_SCRIPTS) {
      for (let i = 0; i < scripts && langSys < 0; i++) {
        const rec = scriptList + 2 + 6 * i;
        if (tag(view, rec) !== want) continue;
        const script = scriptList + u16(rec + 4);
        const def = u16(script);
        if (def !== 0) langSys = script + def;
      }
      if (langSys >= 0) break;
    }
    if (langSys < 0) return out;

    // Its `fwid` features' lookups, in lookup-list order (the order they apply in).
    const lookups = new Set<number>();
    const featureCount = u16(langSys + 4);
    for (let i = 0; i < featureCount; i++) {
      const index = u16(langSys + 6 + 2 * i);
      const rec = featureList + 2 + 6 * index;
      if (tag(view, rec) !== 'fwid') continue;
      const feature = featureList + u16(rec + 4);
      const n = u16(feature + 2);
      for (let k = 0; k < n; k++) lookups.add(u16(feature + 4 + 2 * k));
    }

    // Each lookup is one glyph → glyph map (the first subtable covering a glyph wins);
    // lookups apply one after another, each to what the previous produced.
    const steps: Map<number, number>[] = [];
    for (const index of [...lookups].sort((a, b) => a - b)) {
      const step = new Map<number, number>();
      const lookup = lookupList + u16(lookupList + 2 + 2 * index);
      const type = u16(lookup);
      const subtables = u16(lookup + 4);
      for (let s = 0; s < subtables; s++) {
        let sub = lookup + u16(lookup + 6 + 2 * s);
        let subType = type;
        if (type === 7) {
          // Extension: format 1, the real type, a 32-bit offset from here.
          subType = u16(sub + 2);
          sub += view.getUint32(sub + 4);
        }
        if (subType === 1) singleSubstitution(view, sub, step);
      }
      steps.push(step);
    }
    for (const step of steps) {
      for (const gid of step.keys()) {
        let cur = gid;
        for (const s of steps) cur = s.get(cur) ?? cur;
        if (cur !== gid && !out.has(gid)) out.set(gid, cur);
      }
    }
  } catch (e) {
    // A table cut short reads past its end: no alternates rather than wrong ones.
    if (e instanceof RangeError) return new Map();
    throw e;
  }
  return out;
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** Adds one single-substitution subtable's glyph → glyph pairs (glyphs an earlier subtable covered keep theirs). */
function singleSubstitution(view: DataView, sub: number, out: Map<number, number>): void {
  const format = view.getUint16(sub);
  const covered = coverage(view, sub + view.getUint16(sub + 2));
  if (format === 1) {
    const delta = view.getInt16(sub + 4);
    covered.forEach((gid) => {
      if (!out.has(gid)) out.set(gid, (gid + delta) & 0xffff);
    });
  } else if (format === 2) {
    const count = view.getUint16(sub + 4);
    covered.forEach((gid, i) => {
      if (i < count && !out.has(gid)) out.set(gid, view.getUint16(sub + 6 + 2 * i));
    });
  }
}

/** The glyph ids of a coverage table, in coverage-index order. */
function coverage(view: DataView, at: number): number[] {
  const format = view.getUint16(at);
  const ids: number[] = [];
  if (format === 1) {
    const n = view.getUint16(at + 2);
    for (let i = 0; i < n; i++) ids.push(view.getUint16(at + 4 + 2 * i));
  } else if (format === 2) {
    const ranges = view.getUint16(at + 2);
    for (let r = 0; r < ranges; r++) {
      const rec = at + 4 + 6 * r;
      const start = view.getUint16(rec);
      const end = view.getUint16(rec + 2);
      const first = view.getUint16(rec + 4);
      for (let g = start; g <= end; g++) ids[first + g - start] = g;
    }
  }
  return ids;
}
