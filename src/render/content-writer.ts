// One page's content stream, built as bytes in one growing buffer. pdfkit
// turns every content string into a fresh Uint8Array one character at a time
// and keeps them as separate chunks until the page ends; a long issue has
// megabytes of text operators, so render writes them here instead, pdfkit's own
// operators (page transform, marked content, images) included, and hands
// pdfkit one finished buffer per page (index.ts).

/** Bytes a literal string must escape → the character after the backslash (0: none). */
const ESCAPE = new Uint8Array(256);
ESCAPE[0x28] = 0x28; // (
ESCAPE[0x29] = 0x29; // )
ESCAPE[0x5c] = 0x5c; // \
ESCAPE[0x0d] = 0x72; // CR as \r

export class ContentWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Latin-1 text as bytes (content streams are ASCII apart from string operands). */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let at = this.len;
    // Operators are short: a loop beats crossing into Buffer.write for each.
    for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i) & 0xff;
    this.len = at;
  }

  /** Text and a newline (what pdfkit's addContent writes for a string). */
  line(s: string): void {
    this.text(s);
    this.byte(0x0a);
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.len++] = c;
  }

  /**
   * A two-byte character code inside a literal string `( … )`: the two bytes
   * as they are, half the size of hex digits (less to build and to deflate).
   * `(`, `)` and `\` are escaped; so is CR, which a reader would turn into LF
   * (ISO 32000-1, 7.3.4.2); every other byte, LF included, stands for itself.
   */
  code2(code: number): void {
    const hi = (code >> 8) & 0xff;
    const lo = code & 0xff;
    if (this.len + 4 > this.buf.length) this.room(4);
    const b = this.buf;
    if (ESCAPE[hi] === 0 && ESCAPE[lo] === 0) {
      b[this.len] = hi;
      b[this.len + 1] = lo;
      this.len += 2;
      return;
    }
    this.stringByte(hi);
    this.stringByte(lo);
  }

  private stringByte(c: number): void {
    const b = this.buf;
    const e = ESCAPE[c];
    if (e !== 0) b[this.len++] = 0x5c;
    b[this.len++] = e === 0 ? c : e;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  /**
   * The bytes written so far, and an empty writer for the next page. The view
   * shares this writer's memory: use it (deflate it, copy it) before writing on.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.len);
    this.len = 0;
    return out;
  }
}
