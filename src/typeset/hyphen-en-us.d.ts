// The `hyphen` package ships no types; this is the part of its API we use.
declare module 'hyphen/en-us/index.js' {
  const hyphenator: {
    /** The text with `hyphenChar` inserted at every hyphenation point of the en-us Liang patterns. */
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default hyphenator;
}
