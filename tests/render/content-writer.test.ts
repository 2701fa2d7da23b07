import { describe, expect, it } from 'vitest';
import { ContentWriter } from '../../src/render/content-writer.js';
import { Lexer } from '../../src/render/pdf-reader.js';

describe('ContentWriter', () => {
  it('writes operators and raw bytes in order, growing past its first buffer', () => {
    const w = new ContentWriter();
    const expected: string[] = [];
    // ~1 MB: several doublings of the 64 KiB start.
    for (let i = 0; i < 20000; i++) {
      w.text(`BT /F1 9 Tf 1 0 0 -1 ${i} 10 Tm [(`);
      w.code2(0x4142);
      w.text(') -750 (');
      w.code2(0);
      w.line(')] TJ ET');
      w.bytes(Uint8Array.of(0x71, 0x0a));
      expected.push(`BT /F1 9 Tf 1 0 0 -1 ${i} 10 Tm [(AB) -750 (\0\0)] TJ ET\nq\n`);
    }
    const out = w.take();
    expect(out.toString('latin1')).toBe(expected.join(''));
    expect(w.length).toBe(0);
    w.line('EMC');
    expect(w.take().toString('latin1')).toBe('EMC\n');
  });

  it('writes every two-byte code so that a PDF reader gets the same two bytes back', () => {
    const w = new ContentWriter();
    w.byte(0x28);
    for (let code = 0; code <= 0xffff; code++) w.code2(code);
    w.byte(0x29);
    const bytes = w.take();
    // Escapes: ( ) \ as \( \) \\, CR as \r (a raw CR would be read as LF).
    expect(bytes.subarray(1, -1).includes(0x0d)).toBe(false);
    const read = new Lexer(bytes).next();
    expect(typeof read).toBe('string');
    const s = read as string;
    expect(s.length).toBe(0x20000);
    for (let code = 0; code <= 0xffff; code++) {
      if (((s.charCodeAt(2 * code) << 8) | s.charCodeAt(2 * code + 1)) !== code) throw new Error(`code ${code} read back wrong`);
    }
  });
});
