// A small PDF object reader for preflight: enough of ISO 32000 to open the
// files bulletin writes and most others (classic xref or xref streams, object
// streams, Flate-compressed streams), without qpdf or pdfjs at run time.
// Objects are found by scanning for `n g obj` (later definitions win, as with
// incremental updates) rather than by trusting the xref table, so a damaged
// table does not hide what preflight must see.
import { inflateSync } from 'node:zlib';

export class PdfRefId {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export class PdfNameValue {
  constructor(readonly name: string) {}
}

export type PdfValue =
  | null
  | boolean
  | number
  | string // a PDF string, as bytes in latin1
  | PdfNameValue
  | PdfValue[]
  | PdfDict
  | PdfRefId
  | PdfStream;

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
/** Byte → 1 for whitespace, 2 for a delimiter, 0 for a regular character (one array read per byte). */
const CLASS = new Uint8Array(256);
for (const c of WS) CLASS[c] = 1;
for (const c of DELIM) CLASS[c] = 2;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A short run of bytes as text (tokens are a few characters: no Buffer per token). */
function ascii(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** An unsigned decimal integer token (object numbers, generations). */
function isDigits(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A tokenizer/parser over bytes; used for files and for content streams. */
export class Lexer {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  skipWs(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos];
      if (CLASS[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** A regular token (keyword or number) as text. */
  private word(): string {
    const b = this.buf;
    const start = this.pos;
    while (this.pos < b.length && CLASS[b[this.pos]] === 0) this.pos++;
    return ascii(b, start, this.pos);
  }

  private name(): PdfNameValue {
    this.pos++; // '/'
    const raw = this.word();
    if (!raw.includes('#')) return new PdfNameValue(raw);
    return new PdfNameValue(raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private literalString(): string {
    const b = this.buf;
    this.pos++; // '('
    let depth = 1;
    let out = '';
    while (this.pos < b.length) {
      const c = b[this.pos++];
      if (c === 0x5c) {
        const n = b[this.pos++];
        const map: Record<number, string> = { 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x62: '\b', 0x66: '\f', 0x28: '(', 0x29: ')', 0x5c: '\\' };
        if (map[n] !== undefined) out += map[n];
        else if (n >= 0x30 && n <= 0x37) {
          let oct = String.fromCharCode(n);
          for (let i = 0; i < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; i++) oct += String.fromCharCode(b[this.pos++]);
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out += String.fromCharCode(n);
      } else if (c === 0x28) {
        depth++;
        out += '(';
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out += ')';
      } else out += String.fromCharCode(c);
    }
    return out;
  }

  private hexString(): string {
    const b = this.buf;
    this.pos++; // '<'
    let hex = '';
    while (this.pos < b.length && b[this.pos] !== 0x3e) {
      const c = b[this.pos++];
      if (!WS.has(c)) hex += String.fromCharCode(c);
    }
    this.pos++; // '>'
    if (hex.length % 2) hex += '0';
    let out = '';
    for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return out;
  }

  /**
   * The next value, or an operator keyword wrapped as `{ op }` (content streams),
   * or undefined at the end. `n g R` is folded into a reference.
   */
  next(): PdfValue | { op: string } | undefined {
    this.skipWs();
    const b = this.buf;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos];
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      return this.hexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (this.pos >= b.length) break;
        if (b[this.pos] === 0x5d) {
          this.pos++;
          break;
        }
        const v = this.next();
        if (v === undefined) break;
        if (isOp(v)) continue; // stray keyword inside an array: ignore
        arr.push(v);
      }
      return arr;
    }
    if (c === 0x5d || c === 0x3e || c === 0x29 || c === 0x7b || c === 0x7d) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const w = this.word();
    const digits = isDigits(w);
    if (digits || NUMBER.test(w)) {
      const n = Number(w);
      // Fold `n g R` into a reference when it follows.
      if (digits) {
        const save = this.pos;
        this.skipWs();
        const g = this.peekWord();
        if (g !== null && isDigits(g)) {
          this.pos += g.length;
          this.skipWs();
          if (this.buf[this.pos] === 0x52 && (this.pos + 1 >= this.buf.length || CLASS[this.buf[this.pos + 1]] !== 0)) {
            this.pos++;
            return new PdfRefId(n, Number(g));
          }
        }
        this.pos = save;
      }
      return n;
    }
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (w === '') {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    return { op: w };
  }

  private peekWord(): string | null {
    const save = this.pos;
    const w = this.word();
    this.pos = save;
    return w === '' ? null : w;
  }

  private dict(): PdfDict {
    const map = new Map<string, PdfValue>();
    const b = this.buf;
    for (;;) {
      this.skipWs();
      if (this.pos >= b.length) break;
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      const k = this.next();
      if (k === undefined) break;
      if (!(k instanceof PdfNameValue)) continue;
      const v = this.next();
      if (v === undefined) break;
      map.set(k.name, isOp(v) ? null : v);
    }
    return new PdfDict(map);
  }
}

export function isOp(v: unknown): v is { op: string } {
  return typeof v === 'object' && v !== null && 'op' in v && !(v instanceof PdfDict);
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** An opened PDF: objects by number, the trailer, the page list. */
export class PdfFile {
  readonly version: string;
  private readonly offsets = new Map<number, number>();
  private readonly inStream = new Map<number, { stream: number; index: number }>();
  private readonly cache = new Map<number, PdfValue>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Uint8Array) {
    const text = latin1(bytes);
    const header = /%PDF-(\d\.\d)/.exec(text.slice(0, 1024));
    if (!header) throw new Error('not a PDF file (no %PDF- header)');
    this.version = header[1];
    const re = /(\d+)\s+(\d+)\s+obj\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      // Only at a line start (or after whitespace): avoids numbers inside streams' text.
      const before = m.index === 0 ? 0x0a : bytes[m.index - 1];
      if (!WS.has(before)) continue;
      this.offsets.set(Number(m[1]), m.index);
    }
    let trailer: PdfDict | undefined;
    const t = text.lastIndexOf('trailer');
    if (t >= 0) {
      const v = new Lexer(bytes, t + 7).next();
      if (v instanceof PdfDict) trailer = v;
    }
    // Object streams and cross-reference streams (PDF 1.5+): only looked for
    // when the file names them somewhere (bulletin's own output never does).
    const packed = text.includes('/ObjStm') || (!trailer && text.includes('/XRef'));
    for (const [num, off] of packed ? this.offsets : []) {
      // Only stream dictionaries that name these types need parsing here.
      const head = text.slice(off, off + 512);
      if (!head.includes('/ObjStm') && !head.includes('/XRef')) continue;
      const o = this.object(num);
      if (!(o instanceof PdfStream)) continue;
      const type = o.dict.get('Type');
      if (type instanceof PdfNameValue && type.name === 'ObjStm') this.indexObjectStream(num, o);
      if (type instanceof PdfNameValue && type.name === 'XRef' && !trailer) trailer = o.dict;
    }
    this.trailer = trailer ?? new PdfDict(new Map());
  }

  private indexObjectStream(num: number, s: PdfStream): void {
    const data = decodeStream(s);
    if (!data) return;
    const n = Number(s.dict.get('N') ?? 0);
    const lex = new Lexer(data);
    for (let i = 0; i < n; i++) {
      const objNum = lex.next();
      lex.next();
      if (typeof objNum === 'number' && !this.offsets.has(objNum)) this.inStream.set(objNum, { stream: num, index: i });
    }
  }

  /** The object with number `num` (streams included), undefined when missing. */
  object(num: number): PdfValue | undefined {
    if (this.cache.has(num)) return this.cache.get(num);
    let v: PdfValue | undefined;
    const off = this.offsets.get(num);
    if (off !== undefined) v = this.parseAt(off);
    else {
      const loc = this.inStream.get(num);
      if (loc) v = this.fromObjectStream(loc.stream, loc.index);
    }
    if (v !== undefined) this.cache.set(num, v);
    return v;
  }

  private parseAt(off: number): PdfValue | undefined {
    const lex = new Lexer(this.bytes, off);
    lex.next();
    lex.next();
    const kw = lex.next();
    if (!isOp(kw) || kw.op !== 'obj') return undefined;
    const v = lex.next();
    if (v === undefined || isOp(v)) return undefined;
    if (v instanceof PdfDict) {
      const save = lex.pos;
      lex.skipWs();
      const after = lex.next();
      if (isOp(after) && after.op === 'stream') {
        let start = lex.pos;
        if (this.bytes[start] === 0x0d) start++;
        if (this.bytes[start] === 0x0a) start++;
        const len = v.get('Length');
        let end = typeof len === 'number' ? start + len : -1;
        const lenRef = len instanceof PdfRefId ? this.object(len.num) : undefined;
        if (typeof lenRef === 'number') end = start + lenRef;
        if (end < 0 || end > this.bytes.length || latin1(this.bytes.subarray(end, Math.min(end + 12, this.bytes.length))).trim().indexOf('endstream') !== 0) {
          const idx = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).indexOf('endstream', start, 'latin1');
          end = idx < 0 ? this.bytes.length : idx;
          while (end > start && (this.bytes[end - 1] === 0x0a || this.bytes[end - 1] === 0x0d)) end--;
        }
        return new PdfStream(v, this.bytes.subarray(start, end));
      }
      lex.pos = save;
    }
    return v;
  }

  private fromObjectStream(streamNum: number, index: number): PdfValue | undefined {
    const s = this.object(streamNum);
    if (!(s instanceof PdfStream)) return undefined;
    const data = decodeStream(s);
    if (!data) return undefined;
    const n = Number(s.dict.get('N') ?? 0);
    const first = Number(s.dict.get('First') ?? 0);
    const lex = new Lexer(data);
    const offs: number[] = [];
    for (let i = 0; i < n; i++) {
      lex.next();
      offs.push(Number(lex.next()));
    }
    const v = new Lexer(data, first + offs[index]).next();
    return v === undefined || isOp(v) ? undefined : v;
  }

  /** Follows a reference (one level or a chain). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let cur = v;
    for (let i = 0; i < 32 && cur instanceof PdfRefId; i++) cur = this.object(cur.num);
    return cur;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    if (r instanceof PdfDict) return r;
    if (r instanceof PdfStream) return r.dict;
    return undefined;
  }

  get catalog(): PdfDict | undefined {
    return this.dict(this.trailer.get('Root'));
  }

  get info(): PdfDict | undefined {
    return this.dict(this.trailer.get('Info'));
  }

  /** Pages in order, with inherited Resources and MediaBox resolved, and their object numbers. */
  pages(): { num: number; dict: PdfDict; resources: PdfDict | undefined }[] {
    const out: { num: number; dict: PdfDict; resources: PdfDict | undefined }[] = [];
    const walk = (ref: PdfValue | undefined, inherited: PdfDict | undefined, depth: number) => {
      if (depth > 64) return;
      const node = this.dict(ref);
      if (!node) return;
      const resources = this.dict(node.get('Resources')) ?? inherited;
      const type = node.get('Type');
      const kids = this.resolve(node.get('Kids'));
      if ((type instanceof PdfNameValue && type.name === 'Pages') || Array.isArray(kids)) {
        if (Array.isArray(kids)) for (const k of kids) walk(k, resources, depth + 1);
      } else {
        out.push({ num: ref instanceof PdfRefId ? ref.num : 0, dict: node, resources });
      }
    };
    walk(this.catalog?.get('Pages'), undefined, 0);
    return out;
  }
}

/** Decodes a stream's data (FlateDecode, or none); undefined for filters this reader does not know. */
export function decodeStream(s: PdfStream): Uint8Array | undefined {
  const f = s.dict.get('Filter');
  const filters = Array.isArray(f) ? f : f ? [f] : [];
  let data: Uint8Array = s.raw;
  for (const filter of filters) {
    if (!(filter instanceof PdfNameValue)) return undefined;
    if (filter.name === 'FlateDecode' || filter.name === 'Fl') {
      try {
        data = inflateSync(data);
      } catch {
        return undefined;
      }
    } else return undefined;
  }
  return data;
}

/** A PDF text string (UTF-16BE with BOM, or PDFDocEncoding ≈ latin1) as JS text. */
export function textString(v: PdfValue | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.charCodeAt(0) === 0xfe && v.charCodeAt(1) === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < v.length; i += 2) out += String.fromCharCode((v.charCodeAt(i) << 8) | v.charCodeAt(i + 1));
    return out;
  }
  return v;
}
