// Loading a package only when it is first used, through Node's CommonJS
// loader. Why: `bulletin --version`, `check` and `fmt` must not pay for
// fontkit's module evaluation or pinyin-pro's dictionary;
// and fontkit must be the very instance pdfkit requires (its CommonJS build),
// not a second copy loaded through the ESM condition. The start-up snapshot
// (src/snapshot.ts) has pdfkit and fontkit evaluated already and hands them
// over through `preload`.
import { createRequire } from 'node:module';
import { bundleUrl } from './module-url.js';

const preloadedModules = new Map<string, unknown>();

/** Registers a module evaluated ahead of time under its package name (the snapshot does). */
export function preload(id: string, mod: unknown): void {
  preloadedModules.set(id, mod);
}

/** A module registered with `preload`, if any. */
export function preloaded<T>(id: string): T | undefined {
  return preloadedModules.get(id) as T | undefined;
}

/** A require for files and packages next to the running program (created on use: see module-url.ts). */
export function requireNearProgram(id: string): unknown {
  return createRequire(bundleUrl())(id);
}

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= preloaded<T>(id) ?? (requireNearProgram(id) as T));
}

/** Where `requireNearProgram(id)` would load from. */
export function resolveNearProgram(id: string): string {
  return createRequire(bundleUrl()).resolve(id);
}
