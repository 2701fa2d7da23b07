// Which punctuation Chinese text sets full-width, shared by the face (its
// `fwid` substitution) and the grid chain (fallback to a full-width face).

/**
 * Punctuation that Chinese text sets full-width (GB/T 15834): from General
 * Punctuation the quotation marks “ ” ‘ ’, the dashes — ― and ‖, the
 * ellipses … ‥, the middle dots · ‧ and ※ (not hyphens, the en dash or the
 * bullet, which stay proportional); CJK Symbols and Punctuation; the CJK
 * compatibility and vertical forms; the punctuation of the Fullwidth Forms
 * block (not its letters and digits).
 */
export function isCjkPunctuation(cp: number): boolean {
  return (
    cp === 0x00b7 ||
    (cp >= 0x2014 && cp <= 0x2016) ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    (cp >= 0x2025 && cp <= 0x2027) ||
    cp === 0x203b ||
    (cp >= 0x3001 && cp <= 0x303f) ||
    cp === 0x30fb ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65)
  );
}

/**
 * The ems a mark spans on the character grid: 1 for the punctuation above, 2
 * and 3 for the two- and three-em dashes U+2E3A and U+2E3B (one continuous
 * line for —— and ———, typeset/dashes.ts), 0 for anything else.
 */
export function gridEms(cp: number): number {
  if (cp === 0x2e3a) return 2;
  if (cp === 0x2e3b) return 3;
  return isCjkPunctuation(cp) ? 1 : 0;
}
