// Reading a content file: bytes → SourceFile. The only place content bytes
// are decoded, so encoding problems are reported once, precisely.
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { relative, isAbsolute, sep } from 'node:path';
import { BulletinError } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './types.js';

/** Path as the user should see it: relative to the working directory when inside it. */
export function displayPath(absPath: string, cwd = process.cwd()): string {
  const rel = plainRest(absPath, cwd) ?? relative(cwd, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
}

/** A segment that normalising would change: empty (`//`), `.` or `..`. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * What path.relative(cwd, absPath) gives when both are normalised and absPath
 * is `cwd/` followed by plain segments, read off the string (a bulletin shows
 * hundreds of file paths, and relative normalises both paths every time);
 * undefined when it is not that simple, or on Windows (relative compares
 * paths ignoring case there).
 */
function plainRest(absPath: string, cwd: string): string | undefined {
  if (sep !== '/' || !cwd.startsWith('/') || ODD_SEGMENT.test(cwd.slice(1)) || !absPath.startsWith(`${cwd}/`)) return undefined;
  const rest = absPath.slice(cwd.length + 1);
  return ODD_SEGMENT.test(rest) ? undefined : rest;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

export function decodeSource(bytes: Uint8Array, absPath: string): SourceFile {
  const path = displayPath(absPath);
  // The native check answers the common case; the scan finds where it fails.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = bytes[bad].toString(16).padStart(2, '0').toUpperCase();
    throw new BulletinError({
      file: path,
      line,
      column,
      severity: 'error',
      rule: 'encoding',
      message: `not valid UTF-8: byte 0x${hex} at byte offset ${bad}. Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8).`,
    });
  }
  // ignoreBOM: keep the BOM in the decoded text so it is seen (and restored by fmt).
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const hasBom = text.charCodeAt(0) === 0xfeff;
  if (hasBom) text = text.slice(1);
  // A carriage return alone ends a line (old Mac files; CommonMark agrees): made a line feed here, so no
  // stage sees a CR inside a line's text (it would print as a missing glyph). Line numbers stay the same.
  if (LONE_CR.test(text)) text = text.replace(LONE_CR_ALL, '\n');
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return { path, absPath, text, hasBom, eol: crlf > lf ? '\r\n' : '\n' };
}

/**
 * The same, blocking. Loading a bulletin reads hundreds of small files: one
 * synchronous read each takes a fraction of what as many asynchronous reads
 * cost in thread-pool round trips (docs/performance.md, "Costs the code is shaped around").
 */
export function readSourceSync(absPath: string): SourceFile {
  return decodeSource(readFileSync(absPath), absPath);
}
