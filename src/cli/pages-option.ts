// `--pages N` (build, check): the page count to fit the copy to.
import { MAX_PAGES } from '../content/front-matter.js';
import { UsageError } from './exit.js';

/** A whole number of pages from 1 to MAX_PAGES; anything else is a usage error. */
export function parsePages(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > MAX_PAGES) throw new UsageError(`--pages must be a whole number of pages from 1 to ${MAX_PAGES} (got "${value}")`);
  return n;
}
