// The CMYK profile RGB pictures are converted with in press builds. It must
// be the printing condition the PDF declares in its OutputIntent: the
// user's --output-profile when given (embedded as DestOutputProfile), else
// for the default condition FOGRA39 the profile shipped in profiles/ (made
// from Fogra's FOGRA39L data, see profiles/README.md; embedded when used).
// Another condition without its profile has nothing to convert with.
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';

export const SHIPPED_CONDITION = 'FOGRA39';
/** The shipped profile's file name in the package's profiles/ folder. */
export const SHIPPED_PROFILE_FILE = 'FOGRA39L-bulletin.icc';

/** The profile to convert to `condition` with, or undefined when there is none. */
export function conversionProfile(condition: string, outputProfile: string | undefined): string | undefined {
  if (outputProfile) return outputProfile;
  return condition === SHIPPED_CONDITION ? join(packageRoot(), 'profiles', SHIPPED_PROFILE_FILE) : undefined;
}
