// Copyfitting's levers (docs/design/LAYOUT.md "Page composition"; docs/layout.md,
// "Copyfitting"): what the build may change, within the ranges the template
// gives (`levers:`), so that the copy fills the page count. A setting is one
// value per lever; applied, it is a template (sizes, the lead's leading) and
// the search space's air and gap. The body's size and leading are never a
// lever: its lines are composed once, whatever the setting.
import { AIR } from './page-search/space.js';
import { LEVER_NAMES, type LeverName, type Template } from '../design/template.js';

/** Rows of air under every byline (AIR), and rows above each module, when the template moves neither. */
const DEFAULT_AIR = AIR;
export const DEFAULT_GAP = 1;
/** The lead's line pitch, a multiple of its size, when the template gives none. */
export const DEFAULT_LEAD_LEADING = 1.6;

/** What one lever is: the step it moves by, its unit for messages, what it is called there, and how it reads and sets a setting. */
interface LeverKind {
  step: number;
  unit: string;
  label: string;
  nominal(t: Template): number;
}

const KINDS: Record<LeverName, LeverKind> = {
  headline: { step: 1, unit: ' pt', label: 'headlines', nominal: (t) => t.sizes.headline.max },
  headlineFit: { step: 0.5, unit: ' pt', label: 'smallest headlines', nominal: (t) => t.sizes.headline.min },
  air: { step: 1, unit: ' rows', label: 'air under bylines', nominal: () => DEFAULT_AIR },
  lead: { step: 0.5, unit: ' pt', label: 'lead', nominal: (t) => t.sizes.lead },
  leadLeading: { step: 0.05, unit: '', label: 'lead leading', nominal: (t) => t.lead?.leading ?? DEFAULT_LEAD_LEADING },
  masthead: { step: 4, unit: ' pt', label: 'masthead', nominal: (t) => t.sizes.masthead },
  gap: { step: 1, unit: ' rows', label: 'gap between modules', nominal: () => DEFAULT_GAP },
};

/** A lever as the template gives it: its range and the template's own value. */
export interface Lever {
  name: LeverName;
  least: number;
  most: number;
  nominal: number;
}

/** One value per lever, in the template's order. */
export type Setting = readonly number[];

/** A setting applied: the template to lay out with, and the page search's air and gap rows. */
export interface Applied {
  template: Template;
  air: number;
  gap: number;
}

/** The template's levers, in its order (a range that does not hold the template's value is widened to it). */
export function leversOf(t: Template): Lever[] {
  const out: Lever[] = [];
  const given = t.levers ?? {};
  for (const name of Object.keys(given) as LeverName[]) {
    const range = given[name];
    if (!range || !LEVER_NAMES.includes(name)) continue;
    const nominal = KINDS[name].nominal(t);
    out.push({ name, least: Math.min(range[0], nominal), most: Math.max(range[1], nominal), nominal });
  }
  return out;
}

/** Every lever at the template's own value. */
export function nominalSetting(levers: readonly Lever[]): Setting {
  return levers.map((l) => l.nominal);
}

/**
 * The settings that tighten the page, in the order they are tried: the first lever a step at a time
 * from its value to its least, then (with the first at its least) the second, and so on.
 */
export function tighterSettings(levers: readonly Lever[]): Setting[] {
  return movedSettings(levers, -1);
}

/** The settings that loosen it, the same way toward each lever's most. */
export function looserSettings(levers: readonly Lever[]): Setting[] {
  return movedSettings(levers, 1);
}

function movedSettings(levers: readonly Lever[], direction: -1 | 1): Setting[] {
  const out: Setting[] = [];
  const at = nominalSetting(levers).slice();
  levers.forEach((l, j) => {
    for (const v of valuesToward(l, direction)) {
      at[j] = v;
      out.push(at.slice());
    }
  });
  return out;
}

/** A lever's values from the template's a step at a time toward its least (−1) or most (1), its end last. */
export function valuesToward(l: Lever, direction: -1 | 1): number[] {
  const { step } = KINDS[l.name];
  const end = direction < 0 ? l.least : l.most;
  const out: number[] = [];
  for (let v = l.nominal + direction * step; direction < 0 ? v > end + 1e-9 : v < end - 1e-9; v += direction * step) out.push(Math.round(v * 100) / 100);
  // A range that is not a whole number of steps ends at its end.
  if (Math.abs(l.nominal - end) > 1e-9) out.push(end);
  return out;
}

/** Steps a setting is away from the template's own values, summed over the levers: what the search prices (cost.ts LEVER_STEP). */
export function settingSteps(levers: readonly Lever[], s: Setting): number {
  let steps = 0;
  for (const [j, l] of levers.entries()) steps += Math.abs(s[j] - l.nominal) / KINDS[l.name].step;
  return steps;
}

/** The template and space a setting lays out with. */
export function applySetting(t: Template, levers: readonly Lever[], s: Setting): Applied {
  const value = (name: LeverName, otherwise: number): number => {
    const j = levers.findIndex((l) => l.name === name);
    return j >= 0 ? s[j] : otherwise;
  };
  const max = value('headline', t.sizes.headline.max);
  const min = Math.min(max, value('headlineFit', t.sizes.headline.min));
  const template: Template = {
    ...t,
    sizes: { ...t.sizes, headline: { min, max }, lead: value('lead', t.sizes.lead), masthead: value('masthead', t.sizes.masthead) },
    lead: { ...t.lead, leading: value('leadLeading', t.lead?.leading ?? DEFAULT_LEAD_LEADING) },
  };
  return { template, air: value('air', DEFAULT_AIR), gap: value('gap', DEFAULT_GAP) };
}

/** What a setting changed, for the build's report: `headlines 20→16 pt, lead 11→9.5 pt`. */
export function describeSetting(levers: readonly Lever[], s: Setting): string[] {
  const out: string[] = [];
  levers.forEach((l, j) => {
    if (Math.abs(s[j] - l.nominal) < 1e-9) return;
    const k = KINDS[l.name];
    out.push(`${k.label} ${l.nominal}→${s[j]}${k.unit}`);
  });
  return out;
}
