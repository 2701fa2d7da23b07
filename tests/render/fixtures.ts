// Small hand-made display lists with the real Noto Serif SC face, for the
// render tests: glyph ids come from the font's cmap (face.glyph), advances
// from its hmtx, as layout would produce them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFace, type Face } from '../../src/fonts/face.js';
import type { Cmyk, DisplayItem, DisplayList, StructureTag, TextRun } from '../../src/layout/display-list.js';
import { GlyphRun } from '../../src/typeset/glyph-run.js';
import { tempDir } from '../helpers/cli.js';

export const SERIF = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
export const SERIF_BOLD = 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf';

let serif: Face | undefined;
let bold: Face | undefined;
export function serifFace(): Face {
  return (serif ??= openFace('body', SERIF));
}
export function boldFace(): Face {
  return (bold ??= openFace('bold', SERIF_BOLD));
}

export const A3 = { width: 841.89, height: 1190.55 };

export interface RunOptions {
  face?: Face;
  size?: number;
  /** Extra space after every glyph but the last, pt (justification, letter-spacing). */
  track?: number;
  /** Per-glyph advance override in em (compressed punctuation): index → advance. */
  advances?: Record<number, number>;
  color?: Cmyk;
  tag?: StructureTag;
}

/** A text run of `text` at (x, y) with glyphs from the face's cmap. */
export function run(text: string, x: number, y: number, o: RunOptions = {}): TextRun {
  const face = o.face ?? serifFace();
  const size = o.size ?? 9;
  let pen = 0;
  const chars = Array.from(text);
  const glyphs = chars.map((ch, i) => {
    const g = face.glyph(ch.codePointAt(0)!);
    if (!g) throw new Error(`fixture: ${face.key} has no glyph for ${ch}`);
    const placed = { id: g.id, text: ch, x: pen, advance: g.advance * size };
    pen += (o.advances?.[i] ?? g.advance) * size + (i + 1 < chars.length ? (o.track ?? 0) : 0);
    return placed;
  });
  return { kind: 'text', face: face.key, size, x, y, glyphs: GlyphRun.of(glyphs), color: o.color ?? [0, 0, 0, 100], tag: o.tag };
}

/** A display list of A3 pages with the serif (and bold) faces and simple metadata. */
export function list(pages: DisplayItem[][], extra: Partial<DisplayList> = {}): DisplayList {
  return {
    ...A3,
    faces: {
      body: { path: SERIF, name: serifFace().postscriptName },
      bold: { path: SERIF_BOLD, name: boldFace().postscriptName },
    },
    meta: {
      title: '安全生产大家谈 2023年第6期',
      author: '衡阳市安全生产委员会办公室、衡阳市应急管理局',
      subject: '以高水平安全服务高质量发展',
      keywords: ['安全生产', '衡阳'],
      date: '2023-06-16',
      lang: 'zh-CN',
    },
    outline: [],
    pages: pages.map((items, i) => ({ number: i + 1, items })),
    ...extra,
  };
}

/** Writes a PDF to a fresh temporary file (for the command-line tools). */
export function tempPdf(pdf: Uint8Array, name = 'out.pdf'): string {
  const dir = tempDir('bulletin-render-');
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

export function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface QpdfJson {
  /** Objects by "N G R" key: direct values, or streams as { stream: { dict } }. */
  objects: Record<string, { value?: any; stream?: { dict: any } }>;
  trailer: any;
  pages: { object: string; outlines: { title: string; dest: unknown[] }[] }[];
  pdfVersion: string;
}

/** qpdf's JSON view of a file (qpdf ≥ 11), for assertions on dictionaries. */
export function qpdfJson(file: string): QpdfJson {
  const j = JSON.parse(tool('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=none', file]));
  const objects: QpdfJson['objects'] = {};
  let trailer: any;
  for (const [k, v] of Object.entries(j.qpdf[1] as Record<string, any>)) {
    if (k === 'trailer') trailer = v.value;
    else objects[k.replace(/^obj:/, '')] = v;
  }
  return { objects, trailer, pages: j.pages, pdfVersion: j.qpdf[0].pdfversion };
}

/** A dictionary value from qpdf JSON, following "N G R" references. */
export function deref(q: QpdfJson, v: any): any {
  if (typeof v === 'string' && / \d+ R$/.test(v) && q.objects[v]) {
    const o = q.objects[v];
    return o.value ?? o.stream?.dict;
  }
  return v;
}
