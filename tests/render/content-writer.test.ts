import { describe, expect, it } from 'vitest';
import { ContentWriter } from '../../src/render/content-writer.js';

describe('ContentWriter', () => {
  it('writes operators, hex codes and raw bytes in order, growing past its first buffer', () => {
    const w = new ContentWriter();
    const expected: string[] = [];
    // ~1 MB: several doublings of the 64 KiB start.
    for (let i = 0; i < 20000; i++) {
      w.text(`BT /F1 9 Tf 1 0 0 -1 ${i} 10 Tm [<`);
      w.hex4(i & 0xffff);
      w.hex4(0xabcd);
      w.text('> -750 <');
      w.hex4(0);
      w.line('>] TJ ET');
      w.bytes(Uint8Array.of(0x71, 0x0a));
      expected.push(`BT /F1 9 Tf 1 0 0 -1 ${i} 10 Tm [<${(i & 0xffff).toString(16).padStart(4, '0')}abcd> -750 <0000>] TJ ET\nq\n`);
    }
    const out = w.take();
    expect(out.toString('latin1')).toBe(expected.join(''));
    expect(w.length).toBe(0);
    w.line('EMC');
    expect(w.take().toString('latin1')).toBe('EMC\n');
  });
});
