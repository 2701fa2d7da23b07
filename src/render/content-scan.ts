// A fast, allocation-light pass over a content stream for preflight: a long
// issue's text operators take the general object Lexer twenty times as long
// (docs/performance.md, "Costs the code is shaped around"). It reports only what preflight asks about:
// operators with their last name operand and their numbers (outside arrays),
// and per text-showing operator how many two-byte codes were 0 (glyph 0,
// .notdef, under Identity-H).

export interface ContentEvents {
  /**
   * An operator; `name` is the last name operand before it (without '/'), or
   * ''; `nums` its number operands outside arrays, in order (reused: read it
   * during the call).
   */
  op(op: string, name: string, zeroCodes: number, nums: readonly number[]): void;
  /** An inline image's dictionary entries (BI … ID), as raw key/value names. */
  inlineImage(entries: Map<string, string>): void;
}

const enum C {
  LF = 0x0a,
  CR = 0x0d,
  SP = 0x20,
  PERCENT = 0x25,
  LPAREN = 0x28,
  RPAREN = 0x29,
  SLASH = 0x2f,
  LT = 0x3c,
  GT = 0x3e,
  LBRACKET = 0x5b,
  RBRACKET = 0x5d,
  LBRACE = 0x7b,
  RBRACE = 0x7d,
  BACKSLASH = 0x5c,
}

function isWs(c: number): boolean {
  return c === C.SP || c === C.LF || c === C.CR || c === 0x09 || c === 0x0c || c === 0x00;
}

function isDelim(c: number): boolean {
  return (
    c === C.LPAREN || c === C.RPAREN || c === C.LT || c === C.GT || c === C.LBRACKET || c === C.RBRACKET ||
    c === C.LBRACE || c === C.RBRACE || c === C.SLASH || c === C.PERCENT
  );
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export function scanContentStream(b: Uint8Array, ev: ContentEvents): void {
  const n = b.length;
  let i = 0;
  let name = '';
  let zeros = 0;
  let dictDepth = 0;
  let arrayDepth = 0;
  const nums: number[] = [];
  while (i < n) {
    const c = b[i];
    if (isWs(c)) {
      i++;
      continue;
    }
    if (c === C.PERCENT) {
      while (i < n && b[i] !== C.LF && b[i] !== C.CR) i++;
      continue;
    }
    if (c === C.SLASH) {
      const start = ++i;
      while (i < n && !isWs(b[i]) && !isDelim(b[i])) i++;
      if (dictDepth === 0) name = latin1(b, start, i);
      continue;
    }
    if (c === C.LT) {
      if (b[i + 1] === C.LT) {
        dictDepth++;
        i += 2;
        continue;
      }
      // Hex string: count 2-byte codes that are 0.
      i++;
      let digits = 0;
      let code = 0;
      while (i < n && b[i] !== C.GT) {
        const v = hexVal(b[i++]);
        if (v < 0) continue;
        code = (code << 4) | v;
        if (++digits === 4) {
          if (code === 0 && dictDepth === 0) zeros++;
          digits = 0;
          code = 0;
        }
      }
      i++;
      continue;
    }
    if (c === C.GT) {
      if (b[i + 1] === C.GT && dictDepth > 0) dictDepth--;
      i += b[i + 1] === C.GT ? 2 : 1;
      continue;
    }
    if (c === C.LPAREN) {
      // Literal string: decode escapes just enough to pair bytes into codes.
      i++;
      let depth = 1;
      let hi = -1;
      while (i < n) {
        let byte = b[i++];
        if (byte === C.BACKSLASH) {
          const e = b[i++];
          if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && b[i] >= 0x30 && b[i] <= 0x37; k++) v = v * 8 + (b[i++] - 0x30);
            byte = v & 0xff;
          } else if (e === C.LF) continue;
          else if (e === C.CR) {
            if (b[i] === C.LF) i++;
            continue;
          } else byte = e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x74 ? 0x09 : e === 0x62 ? 0x08 : e === 0x66 ? 0x0c : e;
        } else if (byte === C.LPAREN) depth++;
        else if (byte === C.RPAREN && --depth === 0) break;
        if (hi < 0) hi = byte;
        else {
          if (hi === 0 && byte === 0 && dictDepth === 0) zeros++;
          hi = -1;
        }
      }
      continue;
    }
    if (c === C.LBRACKET || c === C.RBRACKET) {
      arrayDepth = Math.max(0, arrayDepth + (c === C.LBRACKET ? 1 : -1));
      i++;
      continue;
    }
    if (c === C.LBRACE || c === C.RBRACE || c === C.RPAREN) {
      i++;
      continue;
    }
    // A regular token: number or operator.
    const start = i;
    while (i < n && !isWs(b[i]) && !isDelim(b[i])) i++;
    const first = b[start];
    if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
      if (arrayDepth === 0 && dictDepth === 0) nums.push(Number(latin1(b, start, i)));
      continue;
    }
    const op = latin1(b, start, i);
    if (op === 'true' || op === 'false' || op === 'null') continue;
    if (op === 'BI') {
      i = inlineImage(b, i, ev);
    } else {
      ev.op(op, name, zeros, nums);
    }
    name = '';
    zeros = 0;
    nums.length = 0;
    arrayDepth = 0;
  }
}

/** Reads `BI <dict> ID <data> EI`, reporting the dictionary; returns the index after EI. */
function inlineImage(b: Uint8Array, i: number, ev: ContentEvents): number {
  const n = b.length;
  const tokens: string[] = [];
  while (i < n) {
    while (i < n && isWs(b[i])) i++;
    const start = i;
    if (b[i] === C.SLASH) i++;
    while (i < n && !isWs(b[i]) && !isDelim(b[i])) i++;
    if (i === start) {
      i++;
      continue;
    }
    const t = latin1(b, start, i);
    if (t === 'ID') break;
    tokens.push(t);
  }
  const entries = new Map<string, string>();
  for (let k = 0; k + 1 < tokens.length; k += 2) entries.set(tokens[k].replace(/^\//, ''), tokens[k + 1].replace(/^\//, ''));
  ev.inlineImage(entries);
  // Data ends at whitespace + EI + whitespace (or end).
  i++;
  while (i < n) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && isWs(b[i - 1]) && (i + 2 >= n || isWs(b[i + 2]))) return i + 2;
    i++;
  }
  return n;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k++) s += String.fromCharCode(b[k]);
  return s;
}
