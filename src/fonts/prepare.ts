// Install-time preparation (scripts/prepare-fonts.mjs): converts the built-in
// WOFF fonts to cached TTFs ahead of the first build, so that build does not
// pay the conversion. Only the default weight unless
// all are asked for; anything missed here is converted on first use.
import { builtinFonts, needsConversion } from './catalog.js';
import { cachedSfnt } from './ttf-cache.js';

export interface Prepared {
  source: string;
  path: string;
  converted: boolean;
  ms: number;
}

export function prepareFonts(options: { allWeights?: boolean; cacheDirs?: string[] } = {}): Prepared[] {
  const done: Prepared[] = [];
  for (const font of builtinFonts().values()) {
    const weights = options.allWeights ? font.weights : [font.defaultWeight];
    for (const w of weights) {
      const source = font.file(w);
      if (!source || !needsConversion(source)) continue;
      const start = performance.now();
      const r = cachedSfnt(source, options.cacheDirs);
      done.push({ source, path: r.path, converted: r.converted, ms: Math.round(performance.now() - start) });
    }
  }
  return done;
}
