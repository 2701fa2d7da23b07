// Loading a package only when it is first used, through Node's CommonJS
// loader. Why: `bulletin --version`, `check` and `fmt` must not pay for
// fontkit (~60 ms of module evaluation) or pinyin-pro (a 600 KB dictionary);
// and fontkit must be the very instance pdfkit requires (its CommonJS build),
// not a second copy loaded through the ESM condition.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= requireHere(id) as T);
}
