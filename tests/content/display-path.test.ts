// displayPath reads the relative path off the string when it can: the answer
// must be what path.relative gives, for every kind of path and working directory.
import { isAbsolute, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/content/read-source.js';

function reference(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
}

describe('displayPath', () => {
  it('agrees with path.relative on plain, odd and outside paths', () => {
    const segments = ['', '.', '..', 'a', '..md', '.x', 'x..', 'a b', '中文.md'];
    const cwds = ['/', '/work', '/work/', '/work/main', '/work/./main', '/work/../work/main', '//work'];
    const prefixes = ['', '/work', '/work/main', '/other', '/work/mainx'];
    let checked = 0;
    for (const cwd of cwds) {
      for (const prefix of prefixes) {
        for (const s1 of segments) {
          for (const s2 of segments) {
            for (const path of [`${prefix}/${s1}/${s2}`, `${prefix}/${s1}`, `${prefix}/${s1}/`]) {
              expect(displayPath(path, cwd), `${path} from ${cwd}`).toBe(reference(path, cwd));
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
