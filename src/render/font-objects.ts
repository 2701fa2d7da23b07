// A face's font objects, written by render (ISO 32000-1, 9.7): a Type0 font
// with Identity-H encoding over one CID font, its FontDescriptor with the
// embedded program, the widths of the glyphs drawn (W), and a ToUnicode CMap
// giving each code its text. The descriptor's numbers are read from the
// font's head, hhea, OS/2 and post tables as stored.
import { createHash } from 'node:crypto';
import { tableBytes, type FontFile } from '../fonts/font-file.js';
import type { FontProgram } from './font-program.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import { deflatedStream } from './streams.js';

export interface FontObjectsInput {
  postscriptName: string;
  unitsPerEm: number;
  file: FontFile;
  program: FontProgram;
  /** Width of each code, 1/1000 em (code = subset index). */
  widths: readonly number[];
  /** Text of each code, as code points. */
  unicode: readonly (readonly number[])[];
}

interface Descriptor {
  flags: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
}

/** FontDescriptor numbers in font units (Flags: FixedPitch, Serif, Symbolic, Script, Italic as pdfkit sets them). */
function descriptor(file: FontFile): Descriptor {
  const view = (tag: string, need: number) => {
    const t = tableBytes(file, tag);
    return t && t.length >= need ? new DataView(t.buffer, t.byteOffset, t.byteLength) : undefined;
  };
  const head = view('head', 54);
  const hhea = view('hhea', 36);
  const os2 = view('OS/2', 78);
  const post = view('post', 16);
  const ascent = hhea?.getInt16(4) ?? 0;
  const familyClass = (os2?.getInt16(30) ?? 0) >> 8;
  let flags = 1 << 2; // Symbolic: the codes are glyph indices, not a standard encoding
  if (post && post.getUint32(12) !== 0) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (head && (head.getUint16(44) & 0x02) !== 0) flags |= 1 << 6;
  // OS/2 version 2 and later carry sxHeight and sCapHeight.
  const modernOs2 = os2 !== undefined && os2.byteLength >= 90 && os2.getUint16(0) >= 2;
  return {
    flags,
    bbox: head ? [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)] : [0, 0, 0, 0],
    italicAngle: post ? post.getInt32(4) / 65536 : 0,
    ascent,
    descent: hhea?.getInt16(6) ?? 0,
    capHeight: modernOs2 ? os2.getInt16(88) || ascent : ascent,
    xHeight: modernOs2 ? os2.getInt16(86) : 0,
  };
}

/**
 * The subset's name tag (ISO 32000-1, 9.6.4): six capitals from a digest of
 * the font and its glyph list, so that different subsets never share a name
 * and the same subset always has the same one.
 */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const digest = createHash('md5').update(`${postscriptName}:${glyphs.join(',')}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** A ToUnicode CMap: bfrange lines of 256 codes each, every code's text as UTF-16BE. */
export function toUnicodeCmap(unicode: readonly (readonly number[])[]): string {
  const entries = unicode.map((cps) => {
    const units: string[] = [];
    for (const cp of cps ?? [0]) {
      if (cp > 0xffff) {
        const v = cp - 0x10000;
        units.push(hex4(0xd800 | ((v >> 10) & 0x3ff)), hex4(0xdc00 | (v & 0x3ff)));
      } else units.push(hex4(cp));
    }
    return `<${units.join(' ')}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <<',
    '  /Registry (Adobe)',
    '  /Ordering (UCS)',
    '  /Supplement 0',
    '>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Writes the font objects into `type0` (made when the face was first drawn, so pages could name it). */
export function writeFontObjects(doc: PdfDoc, type0: PdfRef, f: FontObjectsInput): void {
  const cff = f.program.outlines === 'CFF';
  const fontFile = deflatedStream(doc, cff ? { Subtype: 'CIDFontType0C' } : {}, f.program.encode());
  const name = `${subsetTag(f.postscriptName, f.program.glyphs)}+${f.postscriptName.replaceAll(' ', '_')}`;
  const d = descriptor(f.file);
  const scale = 1000 / f.unitsPerEm;
  const fontDescriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: d.flags,
    FontBBox: d.bbox.map((v) => v * scale),
    ItalicAngle: d.italicAngle,
    Ascent: d.ascent * scale,
    Descent: d.descent * scale,
    CapHeight: d.capHeight * scale,
    XHeight: d.xHeight * scale,
    StemV: 0,
    [cff ? 'FontFile3' : 'FontFile2']: fontFile,
  });
  fontDescriptor.end();
  const cidFont = doc.ref({
    Type: 'Font',
    Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: fontDescriptor,
    W: [0, [...f.widths]],
    ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
  });
  cidFont.end();
  const toUnicode = deflatedStream(doc, {}, Buffer.from(toUnicodeCmap(f.unicode), 'latin1'));
  Object.assign(type0.data, { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode });
  type0.end();
}
