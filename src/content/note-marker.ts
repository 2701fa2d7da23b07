// The marker of an article's note n (1-based), in the text and before the
// note: ① … ⑳, then 〔21〕, 〔22〕 …: full-width, on the character grid, in
// every face the bulletin ships.
export function noteMarker(n: number): string {
  return n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `〔${n}〕`;
}
