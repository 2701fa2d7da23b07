// One page's content stream, built as bytes in one growing buffer. pdfkit
// turns every content string into a fresh Uint8Array one character at a time
// and keeps them as separate chunks until the page ends; a 56-page issue has
// ~2.5 MB of text operators, so render writes them here instead, pdfkit's own
// operators (page transform, marked content, images) included, and hands
// pdfkit one finished buffer per page (index.ts).

/** ASCII codes of the lowercase hex digits. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

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

  /** A two-byte character code as four lowercase hex digits. */
  hex4(code: number): void {
    this.room(4);
    const b = this.buf;
    const at = this.len;
    b[at] = HEX[(code >> 12) & 15];
    b[at + 1] = HEX[(code >> 8) & 15];
    b[at + 2] = HEX[(code >> 4) & 15];
    b[at + 3] = HEX[code & 15];
    this.len = at + 4;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  /** The bytes written so far (a copy), and an empty writer for the next page. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}
