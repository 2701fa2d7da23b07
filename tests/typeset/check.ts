// An independent checker of TYPOGRAPHY.md §1–4 on composed lines. It reads
// only the output (glyph positions, advances, the fonts' ink boxes) and the
// spec's own character lists, not the engine's class tables, so that a bug in
// those tables cannot hide from it.
import { chainOf, openFace, type Face, type FaceChain } from '../../src/fonts/face.js';
import type { ComposedLine, ParagraphInput } from '../../src/typeset/index.js';

const NOTO = 'node_modules/@expo-google-fonts/noto-serif-sc';
export const serif = openFace('noto-serif-sc-400', `${NOTO}/400Regular/NotoSerifSC_400Regular.ttf`);
export const serifBold = openFace('noto-serif-sc-700', `${NOTO}/700Bold/NotoSerifSC_700Bold.ttf`);
export const body: FaceChain = chainOf('body', [serif]);
export const bold: FaceChain = chainOf('bold', [serifBold]);
const faces = new Map<string, Face>([
  [serif.key, serif],
  [serifBold.key, serifBold],
]);

// The spec's lists (TYPOGRAPHY.md §2, §3).
export const NO_START = '，。、；：？！）］｝〕〉》」』】〗”’·,.;:?!)]}%％‰℃';
export const NO_END = '（［｛〔〈《「『【〖“‘([{';
export const OPENING = '（［｛〔〈《「『【〖“‘';
/** Marks drawn in the left half of the em box: their right half is blank. */
export const LEFT_INK = '，。、；：？！）］｝〕〉》」』】〗”’';
const PUNCT = NO_START + NO_END + '—…·';
export const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
export const isAlnum = (ch: string): boolean => /^[A-Za-z0-9]$/.test(ch);

const bboxCache = new Map<string, { minX: number; maxX: number }>();
/** Ink extent of a glyph in em, or undefined for blank glyphs (spaces). */
function ink(face: Face, id: number): { minX: number; maxX: number } | undefined {
  const k = `${face.key}:${id}`;
  let b = bboxCache.get(k);
  if (!b) {
    // Faces are read without outlines (src/fonts/sparse-font.ts): the record is loaded before its box is read.
    face.loadGlyphs?.([id]);
    const bb = face.font.getGlyph(id).bbox;
    b = { minX: bb.minX / face.unitsPerEm, maxX: bb.maxX / face.unitsPerEm };
    bboxCache.set(k, b);
  }
  return Number.isFinite(b.minX) ? b : undefined;
}

export interface Placed {
  ch: string;
  /** Origin and origin + natural advance in pt from the column's left edge. */
  left: number;
  right: number;
  /** The glyph's box on the line (what render draws as its advance): left and right edges, pt. */
  boxLeft: number;
  boxRight: number;
  inkLeft: number;
  inkRight: number;
  blank: boolean;
  advance: number;
}

/** Glyphs of a line in column coordinates. */
export function place(line: ComposedLine): Placed[] {
  const out: Placed[] = [];
  for (const run of line.runs) {
    const face = faces.get(run.face)!;
    for (const g of run.glyphs.toArray()) {
      const left = line.start + run.x + g.x;
      const box = ink(face, g.id);
      const s = run.size;
      const boxLeft = left + (g.lead ?? 0);
      out.push({
        ch: g.text,
        left,
        right: left + g.advance,
        boxLeft,
        boxRight: boxLeft + (g.box ?? g.advance),
        inkLeft: box ? left + box.minX * s : left,
        inkRight: box ? left + box.maxX * s : left,
        blank: !box || /^\s$/.test(g.text),
        advance: g.advance,
      });
    }
  }
  return out;
}

const TOL = 0.01;
/** An unbreakable run at least this wide (em) may force its neighbour lines loose. */
export const LONG_RUN = 3;

/**
 * Every violation of the rules found in `lines` for `input`, as messages
 * (empty when the composition is correct). `looseMinGaps`: lines with at
 * least this many gaps must not be loose (> ¼ em per gap) unless the checker
 * sees why it was unavoidable (see the exemptions below).
 */
export function violations(input: ParagraphInput, lines: ComposedLine[], looseMinGaps = Infinity): string[] {
  const bad: string[] = [];
  const text = input.spans.map((s) => s.text).join('');
  const size = input.size;
  const half = size / 2;
  const align = input.align ?? 'justify';
  if (lines.map((l) => l.text).join('') !== text) bad.push('text does not round-trip');
  // The paragraph as characters with natural advances (em), and the spec's break rules over it.
  const chars: string[] = [];
  const adv: number[] = [];
  for (const span of input.spans) {
    for (const ch of span.text) {
      chars.push(ch);
      adv.push(span.chain.resolve(ch.codePointAt(0)!)?.glyph.advance ?? 1);
    }
  }
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1] + [...line.text].length);
  const latinish = (ch: string | undefined): boolean => ch !== undefined && /^[!-~０-９Ａ-Ｚａ-ｚ]$/.test(ch);
  const hanLatin = (i: number): boolean => (isHan(chars[i] ?? '') && isAlnum(chars[i + 1] ?? '')) || (isAlnum(chars[i] ?? '') && isHan(chars[i + 1] ?? ''));
  const rangeDash = (d: number): boolean => chars[d] === '—' && isAlnum(chars[d - 1] ?? '') && isAlnum(chars[d + 1] ?? '');
  /** Whether the spec allows a break before character r. */
  const canBreak = (r: number): boolean => {
    if (/\s/u.test(chars[r])) return false;
    let q = r - 1;
    while (q > 0 && /\s/u.test(chars[q])) q--;
    const L = chars[q];
    const R = chars[r];
    if (NO_START.includes(R) || NO_END.includes(L)) return false;
    if (q < r - 1) return true;
    return !(latinish(L) && latinish(R)) && L + R !== '——' && L + R !== '……' && !rangeDash(r - 1) && !rangeDash(r);
  };
  const minAvail = input.measure / size - Math.max(input.indent ?? 2, input.hangingIndent ?? 0);
  /** Whether the break before p lies inside an unbreakable run wider than a line can hold even fully compressed. */
  const insideLongRun = (p: number): boolean => {
    let a = p - 1;
    while (a > 0 && !canBreak(a)) a--;
    let b = p;
    while (b < chars.length && !canBreak(b)) b++;
    let w = 0;
    for (let i = a; i < b; i++) w += LEFT_INK.includes(chars[i]) || OPENING.includes(chars[i]) ? adv[i] / 2 : adv[i];
    return w > minAvail;
  };
  lines.forEach((line, k) => {
    const where = `line ${k} «${line.text}»`;
    const glyphText = line.runs.map((r) => r.glyphs.toArray().map((g) => g.text).join('')).join('');
    if (glyphText !== line.text + (line.hyphen ? '-' : '')) bad.push(`${where}: glyph text differs`);
    if (line.last !== (k === lines.length - 1)) bad.push(`${where}: wrong last flag`);
    // Runs abut: each starts where the previous one's last glyph box (plus its glue) ends, never before.
    for (let r = 1; r < line.runs.length; r++) {
      const prev = line.runs[r - 1];
      const g = prev.glyphs.at(prev.glyphs.length - 1);
      if (line.runs[r].x + TOL < prev.x + g.x) bad.push(`${where}: runs out of order`);
      if (prev.face === line.runs[r].face) bad.push(`${where}: two adjacent runs of one face`);
    }
    const ps = place(line);
    const vis = ps.filter((p) => !p.blank);
    // Spaces after the last visible glyph hang past the line end.
    let lastVisible = ps.length - 1;
    while (lastVisible > 0 && ps[lastVisible].blank && /^\s$/u.test(ps[lastVisible].ch)) lastVisible--;
    if (vis.length === 0) return;
    const lineStartCol = (k === 0 ? input.indent ?? 2 : input.hangingIndent ?? 0) * size;
    // Ink inside the column.
    for (const p of vis) {
      if (Math.min(p.inkRight, p.right) > input.measure + TOL) bad.push(`${where}: «${p.ch}» ink past the measure`);
      if (p.advance > 0.9 * size && p.inkLeft < lineStartCol - TOL && align !== 'center') bad.push(`${where}: «${p.ch}» ink before the line start`);
    }
    // Boxes never overlap (render draws each glyph with its box's advance); Han never squeezed.
    for (let i = 1; i < ps.length; i++) {
      const a = ps[i - 1];
      const b = ps[i];
      const full = (q: Placed): boolean => q.advance > 0.9 * size;
      if (b.boxLeft + TOL < a.boxRight && i <= lastVisible) bad.push(`${where}: boxes of «${a.ch}» and «${b.ch}» overlap`);
      if (a.blank || b.blank) continue;
      // A box holds its glyph's ink.
      for (const q of [a, b]) if (full(q) && (q.inkLeft < q.boxLeft - TOL || q.inkRight > q.boxRight + TOL)) bad.push(`${where}: ink of «${q.ch}» outside its box`);
      if ((full(a) || full(b)) && b.inkLeft < a.inkRight - TOL) bad.push(`${where}: ink of «${a.ch}${b.ch}» collides`);
      if (isHan(a.ch) && isHan(b.ch) && b.left < a.right - TOL) bad.push(`${where}: Han squeezed`);
      // Adjacent marks whose blank halves face each other lose one of them, always (TYPOGRAPHY.md §3).
      const facing = full(a) && full(b) && ((LEFT_INK.includes(a.ch) && (LEFT_INK.includes(b.ch) || OPENING.includes(b.ch))) || (OPENING.includes(a.ch) && OPENING.includes(b.ch)));
      if (facing && b.left - a.left > half + line.gap * size + TOL) bad.push(`${where}: «${a.ch}${b.ch}» not compressed`);
    }
    // Han–Latin space 0.15–0.35 em, whether from a junction or a source space, always.
    // A line has a gap to open where two full-width characters meet outside a word (full-width digits and letters are one) or a dash or ellipsis pair.
    const fullAlnum = (ch: string): boolean => /^[０-９Ａ-Ｚａ-ｚ]$/u.test(ch);
    const cjkGap = vis.some(
      (q, i) => i > 0 && q.advance > 0.9 * size && vis[i - 1].advance > 0.9 * size && !(vis[i - 1].ch + q.ch).match(/^(——|……)$/) && !(fullAlnum(q.ch) && fullAlnum(vis[i - 1].ch)),
    );
    for (let i = 1; i < vis.length; i++) {
      const a = vis[i - 1];
      const b = vis[i];
      if (!((isHan(a.ch) && isAlnum(b.ch)) || (isAlnum(a.ch) && isHan(b.ch)))) continue;
      const g = (b.boxLeft - a.boxRight) / size;
      if (g < 0.15 - 1e-6 || g > 0.35 + 1e-6) bad.push(`${where}: Han–Latin space ${g.toFixed(3)} em at «${a.ch}${b.ch}»`);
    }
    const first = vis[0];
    const lastG = vis[vis.length - 1];
    // Line start: the first box starts at the line start (an opening mark's blank half is cut off there).
    if (align !== 'center') {
      const d = first.boxLeft - lineStartCol;
      if (Math.abs(d) > TOL) bad.push(`${where}: starts at ${d.toFixed(3)} pt from the line start`);
    }
    // Flush right for justified lines but the last. A line may fall short where nothing can take the
    // space within its limits: it ends inside a URL (never letter-spaced), or it has neither two
    // adjacent full-width characters nor a word space (its Han–Latin spaces stay within 0.35 em).
    const endP = offsets[k + 1];
    const endsInUrl = k < lines.length - 1 && !/\s/u.test(chars[endP - 1]) && urlBreak(chars, endP);
    const latin = (q: Placed | undefined): boolean => q !== undefined && /^[!-~\u00c0-\u024f]$/u.test(q.ch);
    const wordSpace = ps.some((q, i) => /^\s$/u.test(q.ch) && i < lastVisible && latin(ps[i - 1]) && latin(ps[i + 1]));
    const mayFallShort = endsInUrl || (!cjkGap && !wordSpace);
    if (align === 'justify' && k < lines.length - 1) {
      const d = lastG.boxRight - input.measure;
      const okEnd = Math.abs(d) <= TOL || (mayFallShort && d < 0);
      if (!okEnd) bad.push(`${where}: not flush (${d.toFixed(3)} pt)`);
      if (!mayFallShort && Math.abs(line.start + line.width - input.measure) > TOL) bad.push(`${where}: width field not measure − start`);
    } else if (lastG.boxRight > input.measure + TOL) bad.push(`${where}: overflows`);
    if (k === lines.length - 1) return;
    // The break after this line, judged on the whole paragraph's text.
    const p = offsets[k + 1];
    let q = p - 1;
    while (q > 0 && /\s/u.test(chars[q])) q--;
    const L = chars[q];
    const R = chars[p];
    const url = q === p - 1 && urlBreak(chars, p);
    const hyphenOk = q === p - 1 && hyphenPoint(chars, p);
    if (line.hyphen && !hyphenOk) bad.push(`${where}: hyphen where a word may not be hyphenated`);
    if (line.hyphen && url) bad.push(`${where}: hyphen added inside an address`);
    if (!insideLongRun(p) && !url && !line.hyphen) {
      if (NO_START.includes(R)) bad.push(`${where}: next line starts with «${R}»`);
      if (NO_END.includes(L)) bad.push(`${where}: ends with «${L}»`);
      if (q === p - 1) {
        if (isAlnum(L) && isAlnum(R)) bad.push(`${where}: breaks a word or number «${L}${R}»`);
        if (/[.,]/.test(L) && /[0-9]/.test(chars[p - 2] ?? '') && /[0-9]/.test(R)) bad.push(`${where}: breaks a number «${L}${R}»`);
        if (rangeDash(p - 1) || rangeDash(p)) bad.push(`${where}: breaks a range «${L}${R}»`);
        if (L + R === '——' || L + R === '……') bad.push(`${where}: splits «${L}${R}»`);
      }
    }
    // A loose line is allowed only when what follows could not have joined it.
    if (align === 'justify' && line.gap > 0.25 + 1e-6 && gapsOf(line) >= looseMinGaps) {
      let used = 0;
      for (let i = offsets[k]; i <= q; i++) used += adv[i] + (hanLatin(i) ? 0.25 : 0);
      const slack = (input.measure - lineStartCol) / size - used;
      let r = p;
      let chunk = hanLatin(p - 1) ? 0.25 : 0;
      do chunk += adv[r] + (hanLatin(r) ? 0.25 : 0);
      while (++r < chars.length && !canBreak(r));
      // Exempt: the next line is the last (no-orphan rule) or holds a long unbreakable run that the optimiser had to place.
      const nextIsLast = k + 1 === lines.length - 1;
      let longRun = false;
      for (let i = p; i < offsets[k + 2] && !longRun; ) {
        let w = 0;
        let e = i;
        do w += LEFT_INK.includes(chars[e]) || OPENING.includes(chars[e]) ? adv[e] / 2 : adv[e];
        while (++e < chars.length && !canBreak(e));
        longRun = w >= LONG_RUN;
        i = e;
      }
      if (chunk <= slack && !nextIsLast && !longRun) bad.push(`${where}: loose (${line.gap.toFixed(3)} em per gap) though «${chars.slice(p, r).join('')}» would fit`);
    }
  });
  // No orphan on the last line.
  const count = (s: string): number => [...s].filter((ch) => !/\s/u.test(ch) && !PUNCT.includes(ch)).length;
  if (lines.length > 1 && count(text) >= 2 && count(lines[lines.length - 1].text) < 2) bad.push('last line holds fewer than two characters');
  return bad;
}

/** The maximal run of Latin characters (no spaces, no Han) around the junction before p, as [start, end). */
function token(chars: string[], p: number): [number, number] {
  const latin = (c: string | undefined): boolean => c !== undefined && /^[!-~\p{Script=Latin}]$/u.test(c);
  let a = p;
  while (latin(chars[a - 1])) a--;
  let b = p;
  while (latin(chars[b])) b++;
  return [a, b];
}

/** Whether the token holds a URL, an e-mail address or a bare domain (written independently of the engine's pattern). */
function isAddress(t: string): boolean {
  return (
    t.includes('://') ||
    /(^|[^A-Za-z0-9])www\./i.test(t) ||
    /[A-Za-z0-9]@[A-Za-z0-9-]+\.[A-Za-z]/.test(t) ||
    /[A-Za-z0-9-]+\.[A-Za-z]{2,}\//.test(t) ||
    /[A-Za-z0-9-]+\.(com|net|org|cn|gov|edu|info|io)($|[^A-Za-z0-9])/i.test(t)
  );
}

/**
 * A URL may break only after / . - _ ? & = (issue 13), never between the two
 * slashes of "//" or inside the scheme, never before a mark that may not start
 * a line (. , ? % : ; !), and something to read must stay on either side.
 */
export function urlBreak(chars: string[], p: number): boolean {
  const [a, b] = token(chars, p);
  if (p <= a || p >= b) return false;
  const t = chars.slice(a, b).join('');
  if (!isAddress(t)) return false;
  const scheme = t.indexOf('://');
  if (scheme >= 0 && p - a < scheme + 3) return false;
  const L = chars[p - 1];
  const R = chars[p];
  if ('.,?%:;!'.includes(R) || (L === '/' && R === '/')) return false;
  return '/.-_?&='.includes(L) && /[A-Za-z0-9]/.test(chars.slice(p, b).join('')) && /[A-Za-z0-9]/.test(chars.slice(a, p).join(''));
}

/** Whether the break before p is inside an English word of more than 8 ASCII letters, 2 or more before and 3 or more after it, outside any address. */
export function hyphenPoint(chars: string[], p: number): boolean {
  const letter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
  if (!letter(chars[p - 1]) || !letter(chars[p])) return false;
  let a = p;
  while (letter(chars[a - 1])) a--;
  let b = p;
  while (letter(chars[b])) b++;
  // Another Latin-script letter or a digit glued on ("ISO9001", "café") makes it no plain English word.
  const glued = (c: string | undefined): boolean => c !== undefined && /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]$/u.test(c);
  if (glued(chars[a - 1]) || glued(chars[b])) return false;
  const [ta, tb] = token(chars, p);
  return b - a >= 9 && p - a >= 2 && b - p >= 3 && !isAddress(chars.slice(ta, tb).join(''));
}

/** Number of places in a line where characters meet outside words (what `gap` is averaged over). */
export function gapsOf(line: ComposedLine): number {
  const t = [...line.text.replace(/\s+$/u, '')];
  let gaps = 0;
  for (let i = 1; i < t.length; i++) {
    const latin = (c: string): boolean => /[A-Za-z0-9.,;:?!()[\]{}%'"\-/+&@#]/.test(c);
    if (latin(t[i - 1]) && latin(t[i])) continue;
    if ((t[i - 1] === '—' && t[i] === '—') || (t[i - 1] === '…' && t[i] === '…')) continue;
    gaps++;
  }
  return gaps;
}
