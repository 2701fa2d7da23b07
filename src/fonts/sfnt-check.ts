// The structure of a font file, checked before a parser trusts it: fontkit
// reads a table that runs past the end of a truncated file as zeros, and the
// PDF then prints blank glyphs with exit 0. A font is refused when its table
// directory is cut short, a table ends past the end of the file, or a table
// every font needs is missing. Only the directory is read (a few hundred
// bytes), so every face is checked on every build.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Tables every font bulletin can use has (OpenType's required tables, plus outlines). */
const REQUIRED = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];
/** Directories read at most in a collection (a .ttc): more than any real one holds. */
const MAX_FONTS = 64;

interface FileBytes {
  size: number;
  read(at: number, length: number): Buffer;
}

function openBytes(fd: number): FileBytes {
  const size = fstatSync(fd).size;
  return {
    size,
    read(at: number, length: number): Buffer {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, at + done);
        if (n === 0) break;
        done += n;
      }
      return out;
    },
  };
}

/** What is wrong with the table directory at `at`, or undefined. */
function directoryProblem(file: FileBytes, at: number): string | undefined {
  const head = file.read(at, 12);
  if (head.length < 12) return 'the file ends inside its header (truncated)';
  const n = head.readUInt16BE(4);
  const entries = file.read(at + 12, 16 * n);
  if (entries.length < 16 * n) return 'the file ends inside its table directory (truncated)';
  const tags = new Set<string>();
  for (let i = 0; i < n; i++) {
    const tag = entries.toString('latin1', 16 * i, 16 * i + 4);
    const end = entries.readUInt32BE(16 * i + 8) + entries.readUInt32BE(16 * i + 12);
    if (end > file.size) return `its ${tag.trim()} table ends past the end of the file (truncated at ${file.size} bytes, ${end} needed)`;
    tags.add(tag);
  }
  const missing = REQUIRED.filter((t) => !tags.has(t));
  if (!(tags.has('glyf') && tags.has('loca')) && !tags.has('CFF ') && !tags.has('CFF2')) missing.push('glyf');
  return missing.length > 0 ? `it has no ${missing.join(', ')} table` : undefined;
}

/**
 * Why the TrueType/OpenType file or collection at `path` cannot be a sound
 * font, or undefined. Other formats (WOFF) are the converter's to judge:
 * its output is checked here.
 */
export function sfntProblem(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const file = openBytes(fd);
    const tag = file.read(0, 4).toString('latin1');
    if (tag !== 'ttcf') return ['\u0000\u0001\u0000\u0000', 'true', 'OTTO'].includes(tag) ? directoryProblem(file, 0) : undefined;
    const header = file.read(0, 12);
    if (header.length < 12) return 'the file ends inside its header (truncated)';
    const count = Math.min(header.readUInt32BE(8), MAX_FONTS);
    const offsets = file.read(12, 4 * count);
    if (offsets.length < 4 * count) return 'the file ends inside its header (truncated)';
    for (let i = 0; i < count; i++) {
      const problem = directoryProblem(file, offsets.readUInt32BE(4 * i));
      if (problem) return problem;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
