// The layout stays readable (docs/layout.md): no function in src/layout/ is
// longer than about 80 lines or takes more than five parameters (a small typed
// record instead). scripts/function-size.mjs finds them with the TypeScript
// parser that vite ships; run it on any folder to list offenders.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Offender {
  path: string;
  line: number;
  name: string;
  lines: number;
  parameters: number;
}
interface FunctionSize {
  offendersIn(dirs: string[]): Offender[];
  offendersOf(path: string, text: string): Offender[];
}

const script = '../../scripts/function-size.mjs';
const { offendersIn, offendersOf } = (await import(script)) as FunctionSize;

describe('function size in src/layout/', () => {
  it('finds a long function and a long parameter list', () => {
    const long = `export function f(a: number) {\n${'  a += 1;\n'.repeat(90)}  return a;\n}\nconst g = (a: number, b: number, c: number, d: number, e: number, f: number) => a;\n`;
    const found = offendersOf('x.ts', long);
    expect(found.map((o) => [o.name, o.lines > 80, o.parameters])).toEqual([['f', true, 1], ['g', false, 6]]);
  });

  it('has no function over 80 lines or 5 parameters', () => {
    const found = offendersIn([fileURLToPath(new URL('../../src/layout', import.meta.url))]);
    expect(found.map((o) => `${o.path.replace(/.*src\//, 'src/')}:${o.line} ${o.name} (${o.lines} lines, ${o.parameters} parameters)`)).toEqual([]);
  });
});
