// The preflight's content-stream pass: operators with their name operand,
// .notdef codes in hex and literal strings, property lists and inline images
// that must not be mistaken for text.
import { describe, expect, it } from 'vitest';
import { scanContentStream } from '../../src/render/content-scan.js';

function scan(src: string) {
  const ops: [string, string, number][] = [];
  const images: Record<string, string>[] = [];
  scanContentStream(Buffer.from(src, 'latin1'), {
    op: (op, name, zeros) => ops.push([op, name, zeros]),
    inlineImage: (e) => images.push(Object.fromEntries(e)),
  });
  return { ops, images };
}

describe('content scan', () => {
  it('pairs operators with their last name operand and counts zero codes', () => {
    const { ops } = scan('q 0 0 0 1 k BT /F2 9 Tf 1 0 0 -1 50 100 Tm [<00010000> -55.5 <0002 00 00>] TJ ET Q /Im1 Do');
    expect(ops).toEqual([
      ['q', '', 0],
      ['k', '', 0],
      ['BT', '', 0],
      ['Tf', 'F2', 0],
      ['Tm', '', 0],
      ['TJ', '', 2],
      ['ET', '', 0],
      ['Q', '', 0],
      ['Do', 'Im1', 0],
    ]);
  });

  it('decodes literal strings (octal and escapes) into two-byte codes', () => {
    const { ops } = scan('(\\000\\000\\000A) Tj (a\\(\\)b) Tj (\\0\\0) Tj');
    expect(ops.map((o) => o[2])).toEqual([1, 0, 1]);
  });

  it('ignores strings inside property lists and skips inline image data', () => {
    const { ops, images } = scan('/Span << /ActualText <0000> /MCID 3 >> BDC EMC BI /W 2 /H 1 /CS /RGB /BPC 8 ID \x00\x00EI\xff\x00 EI /DeviceRGB cs');
    expect(ops).toEqual([
      ['BDC', 'Span', 0],
      ['EMC', '', 0],
      ['cs', 'DeviceRGB', 0],
    ]);
    expect(images).toEqual([{ W: '2', H: '1', CS: 'RGB', BPC: '8' }]);
  });
});
