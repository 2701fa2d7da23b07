// The stand-ins for modules left out of the start-up snapshot must behave as
// the modules themselves, and must not load them before first use.
import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../src/io/lazy-module.js';
import { requireNearProgram } from '../../src/io/lazy-require.js';

describe('lazyModule', () => {
  it('loads nothing until used, and not for the __esModule probe', () => {
    const loaded: string[] = [];
    const m = lazyModule('linebreak', (id) => {
      loaded.push(id);
      return requireNearProgram(id);
    }) as { __esModule?: unknown };
    expect(m.__esModule).toBeUndefined();
    expect(loaded).toEqual([]);
  });

  it('constructs a class (pdfkit: new LineBreaker(text))', () => {
    const LineBreaker = lazyModule('linebreak') as new (s: string) => { nextBreak(): { position: number } | null };
    const breaker = new LineBreaker('one two');
    expect(breaker.nextBreak()?.position).toBe(4);
  });

  it('reads members (pdfkit: aes.cbc) and calls a function module (fontkit: brotli decompress)', () => {
    const aes = lazyModule('@noble/ciphers/aes') as { cbc: unknown };
    expect(typeof aes.cbc).toBe('function');
    const real = requireNearProgram('brotli/decompress.js');
    const decompress = lazyModule('brotli/decompress.js') as (b: Uint8Array) => Uint8Array;
    // A Brotli stream of the empty input (one byte: ISLAST, ISEMPTY).
    expect(Array.from(decompress(Uint8Array.of(0x06)))).toEqual(Array.from((real as (b: Uint8Array) => Uint8Array)(Uint8Array.of(0x06))));
  });
});
