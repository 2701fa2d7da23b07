// Colour spaces as preflight judges them: what family a colour space is
// (resolving resource names, ICC component counts, the bases of Indexed
// and Pattern, the alternates of Separation and DeviceN), whether the
// claimed standard allows it, and whether a colour is fit for small type.
import { type PdfDict, type PdfFile, PdfNameValue, PdfStream, type PdfValue } from './pdf-reader.js';
import { nameOf } from './preflight-claim.js';
import type { StandardRules } from './standards.js';

export type Family = 'cmyk' | 'gray' | 'rgb' | 'icc' | 'cie' | 'separation' | 'pattern' | 'unknown';

export interface SpaceInfo {
  family: Family;
  /** How a message names it: `DeviceRGB`, `ICCBased RGB`, `Separation /All`. */
  label: string;
  /** Components of a colour in it (0 for a pattern). */
  components: number;
  /** The spaces it leans on (an Indexed base, a Separation's alternate, a pattern's underlying space). */
  under?: SpaceInfo;
}

const DEVICE: Record<string, SpaceInfo> = {
  DeviceCMYK: { family: 'cmyk', label: 'DeviceCMYK', components: 4 },
  CMYK: { family: 'cmyk', label: 'DeviceCMYK', components: 4 },
  DeviceGray: { family: 'gray', label: 'DeviceGray', components: 1 },
  G: { family: 'gray', label: 'DeviceGray', components: 1 },
  DeviceRGB: { family: 'rgb', label: 'DeviceRGB', components: 3 },
  RGB: { family: 'rgb', label: 'DeviceRGB', components: 3 },
  Pattern: { family: 'pattern', label: 'Pattern', components: 0 },
};

/** A colour space operand or value, resolved through the resources' ColorSpace dictionary. */
export function spaceInfo(doc: PdfFile, space: PdfValue | undefined, resources: PdfDict | undefined, depth = 0): SpaceInfo {
  let v = doc.resolve(space);
  if (depth > 8) return { family: 'unknown', label: 'a colour space nested too deep', components: 0 };
  if (v instanceof PdfNameValue) {
    const device = DEVICE[v.name];
    if (device) return device;
    v = doc.resolve(doc.dict(resources?.get('ColorSpace'))?.get(v.name));
    if (v instanceof PdfNameValue) return DEVICE[v.name] ?? { family: 'unknown', label: `/${v.name}`, components: 0 };
  }
  if (!Array.isArray(v) || v.length === 0) return { family: 'unknown', label: 'an unknown colour space', components: 0 };
  const kind = nameOf(doc.resolve(v[0]));
  switch (kind) {
    case 'ICCBased': {
      const s = doc.resolve(v[1]);
      const n = s instanceof PdfStream ? Number(doc.resolve(s.dict.get('N'))) : 0;
      const what = n === 3 ? 'RGB' : n === 4 ? 'CMYK' : n === 1 ? 'Gray' : `N=${n}`;
      return { family: 'icc', label: `ICCBased ${what}`, components: n };
    }
    case 'CalRGB':
    case 'CalGray':
    case 'Lab':
      return { family: 'cie', label: kind, components: kind === 'CalGray' ? 1 : 3 };
    case 'Indexed': {
      const base = spaceInfo(doc, v[1], resources, depth + 1);
      return { ...base, label: `Indexed ${base.label}`, components: 1, under: base };
    }
    case 'Separation':
    case 'DeviceN': {
      const names = doc.resolve(v[1]);
      const alternate = spaceInfo(doc, v[2], resources, depth + 1);
      const n = kind === 'Separation' ? 1 : Array.isArray(names) ? names.length : 1;
      const label = kind === 'Separation' ? `Separation /${nameOf(names) ?? '?'}` : 'DeviceN';
      return { family: 'separation', label, components: n, under: alternate };
    }
    case 'Pattern':
      return { family: 'pattern', label: 'Pattern', components: 0, under: v[1] ? spaceInfo(doc, v[1], resources, depth + 1) : undefined };
    default:
      return DEVICE[kind ?? ''] ?? { family: 'unknown', label: `/${kind ?? '?'}`, components: 0 };
  }
}

/**
 * Why the standard refuses this colour space (undefined when it allows it).
 * PDF/X-1a: DeviceCMYK, DeviceGray, Separation and DeviceN over them, and
 * Indexed and Pattern of those. PDF/X-4: anything device-independent too,
 * but no DeviceRGB (its output intent is CMYK).
 */
export function refusedSpace(rules: StandardRules, space: SpaceInfo): string | undefined {
  switch (space.family) {
    case 'cmyk':
      if (rules.outputSpace === 'rgb') return space.label;
      return space.under ? refusedSpace(rules, space.under) : undefined;
    case 'gray':
    case 'pattern':
      return space.under ? refusedSpace(rules, space.under) : undefined;
    case 'rgb':
      return rules.outputSpace === 'rgb' ? undefined : space.label;
    case 'icc':
    case 'cie':
      return rules.iccColour ? undefined : space.label;
    case 'separation':
      return space.under && refusedSpace(rules, space.under) ? `${space.label} with alternate ${space.under.label}` : undefined;
    default:
      return rules.iccColour ? undefined : space.label;
  }
}

/** Whether the family names RGB (for the `rgb-colour` rule) rather than another refused space. */
export function isRgb(label: string): boolean {
  return /RGB/.test(label);
}

/**
 * Small type (under 12 pt) must print without screening or registration:
 * 100 % K, or at most two process inks each at 0 or 100 %, or a spot colour
 * at 100 %. Returns the colour's description when it breaks that.
 */
export function smallTypeFault(space: SpaceInfo, values: readonly number[]): string | undefined {
  const full = (x: number) => Math.abs(x - 1) < 0.005;
  const none = (x: number) => Math.abs(x) < 0.005;
  const pct = (x: number) => Math.round(x * 100);
  if (space.family === 'cmyk' && values.length === 4) {
    const [c, m, y, k] = values;
    const label = `C${pct(c)} M${pct(m)} Y${pct(y)} K${pct(k)}`;
    if (!values.every((x) => full(x) || none(x))) return `${label} (a tint)`;
    const inks = values.filter(full).length;
    return inks > 2 ? `${label} (${inks} inks)` : undefined;
  }
  if (space.family === 'gray' && values.length === 1) {
    return full(values[0]) || none(values[0]) ? undefined : `${pct(1 - values[0])} % grey (a tint)`;
  }
  if (space.family === 'separation' && values.length === 1) {
    return full(values[0]) || none(values[0]) ? undefined : `${space.label} at ${pct(values[0])} % (a tint)`;
  }
  return undefined;
}
