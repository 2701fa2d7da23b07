// Copyfitting (docs/design/LAYOUT.md "Page composition"; docs/layout.md, "Copyfitting"):
// the page count is the editor's, and the copy is made to fit it by the
// template's levers (levers.ts). The page search prices every plan (cost.ts:
// NEW_PAGE for a page more, LAST_FOOT for white under the last band, and
// LEVER_STEP for each step a lever is moved); this file decides which
// settings it is asked about, in the template's order, so that it is asked as
// few times as it can be:
//   - without a page count: the natural count, or one page fewer when the
//     last page would be less than REFIT_BELOW full (on a bulletin of a few
//     pages) and a setting fits that;
//   - too long: the tightest setting first (when even that does not fit, the
//     copy is overset: overset.ts); else the first setting of the template's
//     order that fits, found by halving (a tighter setting never needs more
//     pages);
//   - short of the count or of a full last page: each lever in turn a step
//     looser, kept while the plan stays on the count and its price falls.
// Settings that set every header, the first page's top, the air and the gap
// as another setting did are that setting's plan: not searched again.
import { leverCost } from './page-search/cost.js';
import type { PlannedPage } from './page-search/index.js';
import { describeSetting, nominalSetting, settingSteps, tighterSettings, valuesToward, type Lever, type Setting } from './levers.js';

/** The least share of the last page a bulletin without a page count may leave filled before it is fitted to one page fewer. */
export const REFIT_BELOW = 1 / 3;
/**
 * The most pages a bulletin without a page count may have for it to be fitted to one page fewer:
 * a special page or a few (each setting tried is a search of the whole bulletin; an editor of a
 * long one gives `pages:`).
 */
export const REFIT_MOST_PAGES = 4;
/** A last page filled to this share is full: no lever is loosened to fill it more. */
export const FULL_PAGE = 0.95;

/** One setting laid out and searched. */
export interface Trial {
  setting: Setting;
  pages: PlannedPage[];
  /** Its pages' count (infinite: the setting cannot set the bulletin at all). */
  count: number;
  /** The search's cost and the levers' price. */
  total: number;
  /** How full the last page is: the rows its bands take over the rows it has. */
  lastFill: number;
}

/** What the fitter asks: the plan of a setting (`fitting`: priced for a page count, cost.ts NEW_PAGE). */
export type Attempt = (setting: Setting, fitting: boolean) => Trial;

export interface FitRequest {
  levers: readonly Lever[];
  /** The page count asked for (`pages:` or --pages); undefined: the natural count, one fewer when its last page is nearly empty. */
  pages?: number;
  attempt: Attempt;
}

export interface Fitted {
  trial: Trial;
  /** What the levers changed (`headlines 20→16 pt`), empty when nothing. */
  changes: string[];
  /** Overset: the tightest setting's plan, on more pages than asked for. */
  overset?: Trial;
}

export function fitToPages(req: FitRequest): Fitted {
  const { levers, attempt } = req;
  const nominal = nominalSetting(levers);
  const done = (trial: Trial): Fitted => ({ trial, changes: describeSetting(levers, trial.setting) });
  if (req.pages === undefined) {
    const natural = attempt(nominal, false);
    if (natural.count <= 1 || natural.count > REFIT_MOST_PAGES || natural.lastFill >= REFIT_BELOW) return done(natural);
    const fitted = tighten(req, natural.count - 1);
    return fitted.fits ? done(fitted.trial) : done(natural);
  }
  const target = req.pages;
  const first = attempt(nominal, true);
  if (first.count > target) {
    const fitted = tighten(req, target);
    return fitted.fits ? done(fitted.trial) : { ...done(first), overset: fitted.trial };
  }
  return done(grow(req, first, target));
}

/** The first setting of the template's order that fits `target` pages (fits: false and the tightest's plan when none does). */
function tighten(req: FitRequest, target: number): { fits: boolean; trial: Trial } {
  const settings = tighterSettings(req.levers);
  if (settings.length === 0) return { fits: false, trial: req.attempt(nominalSetting(req.levers), true) };
  const tightest = req.attempt(settings[settings.length - 1], true);
  if (tightest.count > target) return { fits: false, trial: tightest };
  // settings[hi] fits; everything up to lo (the nominal, −1) does not.
  let lo = -1;
  let hi = settings.length - 1;
  let best = tightest;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const trial = req.attempt(settings[mid], true);
    if (trial.count <= target) {
      hi = mid;
      best = trial;
    } else lo = mid;
  }
  return { fits: true, trial: best };
}

/** Each lever in turn a step looser while the plan stays on `target` pages and costs less, until the last page is full. */
function grow(req: FitRequest, from: Trial, target: number): Trial {
  let best = from;
  req.levers.forEach((lever, j) => {
    for (const v of valuesToward(lever, 1)) {
      if (best.lastFill >= FULL_PAGE) return;
      const setting = best.setting.slice();
      setting[j] = v;
      const trial = req.attempt(setting, true);
      if (trial.count > target || trial.total >= best.total) return;
      best = trial;
    }
  });
  return best;
}

/** A trial's total: the search's cost and the levers' price. */
export function trialTotal(levers: readonly Lever[], setting: Setting, searchCost: number): number {
  return searchCost + leverCost(settingSteps(levers, setting));
}
