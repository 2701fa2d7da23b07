// `--press[=STANDARD]` on build and preflight. Commander gives an option with
// an optional value the next word when it is not an option, so in
// `bulletin preflight --press issue.pdf` or `bulletin build --press content`
// the file or folder arrives as the value: a word that names no standard is
// handed back as the positional argument it was meant to be.
import { UsageError } from './exit.js';
import { pressStandard, PRESS_STANDARDS, type PressStandard } from '../render/standards.js';

export interface PressArgument {
  /** `--press` was given. */
  press: boolean;
  /** The standard it names (`--press=x4`), undefined for `--press` alone. */
  standard?: PressStandard;
  /** The positional argument, after taking back one `--press` swallowed. */
  positional?: string;
}

export function pressArgument(value: boolean | string | undefined, positional: string | undefined): PressArgument {
  if (value === undefined || value === false) return { press: false, positional };
  if (value === true) return { press: true, positional };
  if ((PRESS_STANDARDS as readonly string[]).includes(value.toLowerCase())) return { press: true, standard: pressStandard(value), positional };
  if (positional === undefined && !value.startsWith('-')) return { press: true, positional: value };
  throw new UsageError(`--press=${value} is not a standard bulletin knows: use --press (PDF/X-1a:2001), --press=x1a-2001, --press=x1a-2003 or --press=x4`);
}
