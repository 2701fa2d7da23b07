// `--dpi N` of `build --png`: page images readable on a screen by default
// (150 dpi: an A3 page is 1754×2480 pixels, body text legible), any whole
// number from 36 (a thumbnail) to 1200 (a proof to zoom into).
import { UsageError } from './exit.js';

export const DEFAULT_DPI = 150;
const MIN_DPI = 36;
const MAX_DPI = 1200;

export function parseDpi(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DPI;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < MIN_DPI || n > MAX_DPI) {
    throw new UsageError(`--dpi must be a whole number from ${MIN_DPI} to ${MAX_DPI} (got "${value}")`);
  }
  return n;
}
