// `bulletin fmt --write` through the command line (run in-process) on a file saved with a BOM
// and CRLF line endings: both survive, untouched lines stay byte for byte.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBulletin, VALID_INDEX } from '../helpers/cli.js';
import { md } from './bulletin.js';
import { runCommand } from '../helpers/run-in-process.js';

const REPEATED = '四是以“全要素保障”强化安全支撑。每年安排20万元专项经费保障安全生产工作，实现人、财、物全方位保障。';

describe('fmt --write keeps the file’s encoding details', () => {
  it('keeps BOM and CRLF, and a second run changes nothing', async () => {
    const text = md(['开头段落，介绍本单位的基本情况。', REPEATED, '安全生产“抓一时利', '长远”，要始终树牢发展思想。', REPEATED]).replace(/\n/g, '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const dir = writeBulletin({ 'index.md': VALID_INDEX, '01-a.md': bytes });
    const r = await runCommand(['fmt', '--write', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/01-a\.md:8:1 .*\[exact-duplicate\]|01-a\.md:14:1 .*\[exact-duplicate\]/);
    const out = readFileSync(join(dir, '01-a.md'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const written = out.subarray(3).toString('utf8');
    expect(written).toBe(
      md(['开头段落，介绍本单位的基本情况。', REPEATED, '安全生产“抓一时利长远”，要始终树牢发展思想。']).replace(/\n/g, '\r\n'),
    );
    const again = await runCommand(['fmt', '--write', dir]);
    expect(again.stderr).toContain('nothing to change');
    expect(readFileSync(join(dir, '01-a.md')).equals(out)).toBe(true);
  });
});
