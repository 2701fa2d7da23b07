// Writes profiles/sRGB-bulletin.icc: an ICC v2 display (matrix/TRC) profile
// of sRGB, computed from the numbers IEC 61966-2-1 publishes (the primaries
// and white point adapted to the ICC's D50 with the Bradford transform, and
// the sRGB transfer curve sampled at 1024 points). Made once and shipped;
// run `node scripts/make-srgb-icc.mjs` to make it again (same bytes).
import { writeFileSync } from 'node:fs';

const s15 = (v) => Math.round(v * 65536);
const be32 = (n) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const xyz = (x, y, z) => Buffer.concat([Buffer.from('XYZ \0\0\0\0', 'latin1'), be32(s15(x)), be32(s15(y)), be32(s15(z))]);
const text = (s) => Buffer.concat([Buffer.from('text\0\0\0\0', 'latin1'), Buffer.from(s + '\0', 'latin1')]);
function desc(s) {
  const ascii = Buffer.from(s + '\0', 'latin1');
  const count = Buffer.alloc(4); count.writeUInt32BE(ascii.length);
  // ASCII part, then empty Unicode (language 0, count 0) and ScriptCode (code 0, count 0, 67 bytes) parts.
  return Buffer.concat([Buffer.from('desc\0\0\0\0', 'latin1'), count, ascii, Buffer.alloc(8), Buffer.alloc(2 + 1 + 67)]);
}
function curve() {
  const n = 1024;
  const b = Buffer.alloc(12 + 2 * n);
  b.write('curv', 0, 'latin1');
  b.writeUInt32BE(n, 8);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.writeUInt16BE(Math.round(lin * 65535), 12 + 2 * i);
  }
  return b;
}
const pad4 = (b) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

const trc = curve();
const tags = [
  ['desc', desc('sRGB IEC61966-2.1 (bulletin)')],
  ['cprt', text('No copyright, use freely (computed by bulletin from IEC 61966-2-1)')],
  ['wtpt', xyz(0.9642, 1.0, 0.8249)],
  ['rXYZ', xyz(0.4360747, 0.2225045, 0.0139322)],
  ['gXYZ', xyz(0.3850649, 0.7168786, 0.0971045)],
  ['bXYZ', xyz(0.1430804, 0.0606169, 0.7141733)],
  ['rTRC', trc],
  ['gTRC', trc],
  ['bTRC', trc],
];
const tableSize = 4 + 12 * tags.length;
let offset = 128 + tableSize;
const table = [be32(tags.length)];
const data = [];
const placed = new Map();
for (const [sig, body] of tags) {
  let at = placed.get(body);
  if (at === undefined) {
    at = offset;
    placed.set(body, at);
    const padded = pad4(body);
    data.push(padded);
    offset += padded.length;
  }
  table.push(Buffer.from(sig, 'latin1'), be32(at), be32(body.length));
}
const header = Buffer.alloc(128);
header.writeUInt32BE(offset, 0);
header.writeUInt32BE(0x02100000, 8); // version 2.1
header.write('mntr', 12, 'latin1');
header.write('RGB ', 16, 'latin1');
header.write('XYZ ', 20, 'latin1');
// Date 2026-01-01 00:00:00, fixed so that the file is the same every time.
for (const [i, v] of [2026, 1, 1, 0, 0, 0].entries()) header.writeUInt16BE(v, 24 + 2 * i);
header.write('acsp', 36, 'latin1');
header.writeUInt32BE(0, 64); // perceptual
header.writeInt32BE(s15(0.9642), 68);
header.writeInt32BE(s15(1.0), 72);
header.writeInt32BE(s15(0.8249), 76);
const out = Buffer.concat([header, ...table, ...data]);
writeFileSync(new URL('../profiles/sRGB-bulletin.icc', import.meta.url), out);
console.log(`profiles/sRGB-bulletin.icc: ${out.length} bytes`);
