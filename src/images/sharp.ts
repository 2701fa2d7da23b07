// sharp (libvips, prebuilt in its npm packages) is a native addon: it cannot
// be in the start-up snapshot and is slow to load, so it is required on
// first use, only by a bulletin that has images (scripts/build.mjs keeps it
// external).
import type sharpModule from 'sharp';
import { BulletinError, diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { lazyRequire } from '../io/lazy-require.js';

export type Sharp = typeof sharpModule;

const requireSharp = lazyRequire<Sharp | { default: Sharp }>('sharp');
let loaded: Sharp | undefined;

/** sharp, loaded and set up; a machine where it cannot load gets an error at the first image. */
export async function loadSharp(at: SourcePoint): Promise<Sharp> {
  if (loaded) return loaded;
  let mod: ReturnType<typeof requireSharp>;
  try {
    mod = requireSharp();
  } catch (e) {
    throw new BulletinError(diagnostic(at, 'error', 'image-library',
      `images need the sharp package, which does not load here (${String((e as Error).message).split('\n')[0]}). Reinstall bulletin with \`npm ci\` on this machine.`));
  }
  const sharp = 'default' in mod && typeof mod.default === 'function' ? mod.default : (mod as Sharp);
  // No operation cache: a --watch session must see an image edited in place, and memory stays bounded.
  sharp.cache(false);
  return (loaded = sharp);
}
