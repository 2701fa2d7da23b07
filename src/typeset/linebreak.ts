// Step 4: choose the breaks, Knuth–Plass total fit over the paragraph (the
// box/glue/penalty model of bramstein/typeset, specialised to CJK): every
// junction is glue with a small stretch (¼ em per gap ⇒ ratio 1), Han–Latin
// spaces and compressed punctuation halves are further glue, a line-final
// closing mark's blank half is free shrink. Kinsoku 推出/推入 fall out of the
// model: a forbidden line start is simply not a breakpoint, so the optimiser
// either pulls a character down, pushes one up (shrinking punctuation), or
// spreads the line, whichever costs least over the whole paragraph.
//
// Only the first line differs in width, so a breakpoint needs one node (no
// line-number or fitness-class copies: adjacent lines in CJK text differ by
// hundredths of an em, and fitness demerits bought nothing measurable). Nodes
// live in typed arrays; a line's metrics come from prefix sums.
import { Brk } from './breakpoints.js';
import { HL_MIN, HL_SPACE, type Prepared } from './prepare.js';
import { scratch } from './scratch.js';

export interface BreakConfig {
  /** Available width of the first line and of the others, em. */
  first: number;
  rest: number;
}

/** Extra space per gap (em) that counts as ratio 1: the loose-line threshold. */
export const LOOSE_GAP = 0.25;
const LINE_PENALTY = 10;
/** The last line must hold two real characters (no 孤字). */
const ORPHAN_DEMERITS = 1e9;
const MAX_BADNESS = 1e8;
/** Letter-spacing a lone word is the last resort. */
const LETTERSPACE_BADNESS = 1e6;
/**
 * Penalties of the breaks inside long Latin runs (latin.ts), squared into
 * demerits like TeX's. A URL break costs about as much as a line at the
 * loose-line limit, so it is taken only to avoid loose lines. A hyphen costs
 * about as much as a line whose Latin word spaces reach ~½ em (ratio ½: each
 * space has a gap on either side), so a paragraph hyphenates rather than
 * open wider spaces, as TeX's hyphenpenalty 50 does at its own stretch.
 */
export const URL_PENALTY = 100;
/** Before . , ? % : a URL line would start with a mark CJK readers take for a kinsoku error. */
export const URL_NOSTART_PENALTY = 150;
/** Between two letters of an address: dearer than any other URL break, cheaper than a loose line. */
export const URL_INSIDE_PENALTY = 400;
export const HYPHEN_PENALTY = 20;
/** Two hyphenated lines in a row, and a hyphen on the last line but one (TeX's doublehyphendemerits, finalhyphendemerits). */
const DOUBLE_HYPHEN_DEMERITS = 10000;
const FINAL_HYPHEN_DEMERITS = 5000;
const INFEASIBLE = -1;
const TOO_LOOSE = -2;
/**
 * First-pass tolerance: lines needing more than 1 em per gap are not
 * considered (a second pass allows them when nothing else works). Actives are
 * ordered by position, and a later start only makes a looser line, so the
 * scan over actives stops at the first too-loose line.
 */
const MAX_RATIO = 4;
const EPS = 1e-9;

/**
 * Junctions that an emergency pass may break: the never-break junctions
 * inside a run that is wider than the narrowest line can hold.
 */
const okBuf = scratch(Uint8Array);

function emergencyJunctions(p: Prepared, minAvail: number): Uint8Array {
  const { n, brk } = p;
  const ok = okBuf(n, true);
  let s = 0;
  for (let j = 0; j < n; j++) {
    if (brk[j] === Brk.NEVER && j < n - 1) continue;
    const e = p.lastVis[j];
    const width = e >= s ? p.PW[e + 1] - p.PW[s] + (p.PG[e] - p.PG[s]) - (p.PS[e + 1] - p.PS[s]) : 0;
    if (width > minAvail + EPS) for (let k = s; k < j; k++) if (p.emergency[k] > 0) ok[k] = 1;
    s = j + 1;
  }
  return ok;
}

/** Every junction an emergency may break at all (the last resort). */
function anyEmergency(p: Prepared): Uint8Array {
  const ok = okBuf(p.n);
  for (let j = 0; j < p.n; j++) ok[j] = p.emergency[j] > 0 ? 1 : 0;
  return ok;
}

// The node arrays of a pass, reused across passes and paragraphs (scratch.ts).
const posBuf = scratch(Int32Array);
const totalBuf = scratch(Float64Array);
const prevBuf = scratch(Int32Array);
const atBuf = scratch(Int32Array);
const triedBuf = scratch(Uint8Array);
const activeBuf = scratch(Int32Array);
// What a line from node k needs of its start, copied from the prefix sums when the node is made:
// the inner loop then reads one array at the node's index instead of five at its position.
const availBuf = scratch(Float64Array);
const startWBuf = scratch(Float64Array);
const startGBuf = scratch(Float64Array);
const startShBuf = scratch(Float64Array);
const startJBuf = scratch(Float64Array);
const afterHyphenBuf = scratch(Uint8Array);

/** One Knuth–Plass pass; undefined when no sequence of feasible lines reaches the end. */
function run(p: Prepared, cfg: BreakConfig, maxRatio: number, emergency: Uint8Array | undefined): number[] | undefined {
  const { n, brk, lastVis, PN, hyw } = p;
  // Prefix sums in locals: the Prepared object is too wide for fast property access.
  const { PW, PG, PS, PJ, shL, shR, gl, spSh } = p;
  const lone = emergency !== undefined;
  const totalChars = PN[n];
  const urgency = p.emergency;
  // Node k: a break before character pos[k], reached with demerits total[k] via node prev[k] at junction at[k].
  const cap = n + 1;
  const pos = posBuf(cap);
  const total = totalBuf(cap);
  const prev = prevBuf(cap);
  const at = atBuf(cap);
  const tried = triedBuf(cap, true);
  const active = activeBuf(cap);
  const avail = availBuf(cap);
  const startW = startWBuf(cap);
  const startG = startGBuf(cap);
  const startSh = startShBuf(cap);
  const startJ = startJBuf(cap);
  const afterHyphen = afterHyphenBuf(cap);
  let nodes = 1;
  let nActive = 1;
  pos[0] = 0;
  total[0] = 0;
  active[0] = 0;
  prev[0] = -1;
  at[0] = -1;
  avail[0] = cfg.first;
  startW[0] = PW[0];
  startG[0] = PG[0];
  startSh[0] = shL[0];
  startJ[0] = PJ[0];
  afterHyphen[0] = 0;
  for (let j = 0; j < n; j++) {
    const kind = brk[j];
    const penalty =
      kind === Brk.ALLOWED ? 0 : kind === Brk.HYPHEN ? HYPHEN_PENALTY : kind === Brk.URL ? URL_PENALTY : kind === Brk.URL_NOSTART ? URL_NOSTART_PENALTY : kind === Brk.URL_INSIDE ? URL_INSIDE_PENALTY : emergency && emergency[j] ? urgency[j] : -1;
    if (penalty < 0) continue;
    const hyphen = kind === Brk.HYPHEN ? hyw[j] : 0;
    const last = j === n - 1;
    const e = lastVis[j];
    // The line's end, the same for every candidate start.
    const endW = PW[e + 1];
    const endG = PG[e];
    const endSh = shR[e];
    const endJ = PJ[e];
    let best = -1;
    let bestTotal = Infinity;
    let kept = 0;
    for (let k = 0; k < nActive; k++) {
      const A = active[k];
      const a = pos[A];
      if (e < a) {
        active[kept++] = A;
        continue;
      }
      // The line's badness, or INFEASIBLE when it cannot fit even with all shrink used. Written out
      // here rather than called: the breaker asks millions of times on a long bulletin, and a double
      // returned from a call V8 does not inline is a new heap object each time.
      let bad: number;
      let E = avail[A] - (endW - startW[A] + (endG - startG[A]) - startSh[A] + hyphen);
      // A line-final closing mark or stop gives up its whole blank half, or none of it, so that its ink sits at the edge.
      if (E < -EPS) E += endSh;
      if (E < -EPS) {
        const shrink = PS[e + 1] - PS[a] - shL[a] - shR[e] - (gl[e] > 0 ? HL_SPACE - HL_MIN : 0) - spSh[e];
        // Compressing punctuation is the preferred fix (TYPOGRAPHY.md §2), so shrinking costs a tenth of stretching.
        const r = -E / shrink;
        bad = -E > shrink + EPS ? INFEASIBLE : 10 * r * r * r;
      } else if (last || E <= EPS) bad = 0;
      else {
        const gaps = endJ - startJ[A];
        if (gaps > 0) {
          const r = E / (LOOSE_GAP * gaps);
          bad = r > maxRatio ? TOO_LOOSE : Math.min(MAX_BADNESS, 100 * r * r * r);
        } else if (maxRatio < Infinity || (e === a && !lone)) {
          // A lone character cannot be justified: only the last-resort pass may set one (a glyph wider than the measure).
          bad = TOO_LOOSE;
        } else if (e === a) bad = MAX_BADNESS;
        else {
          const r = E / (LOOSE_GAP * (e - a));
          bad = Math.min(MAX_BADNESS, 100 * r * r * r + LETTERSPACE_BADNESS);
        }
      }
      if (bad === TOO_LOOSE) {
        while (k < nActive) active[kept++] = active[k++];
        break;
      }
      if (bad === INFEASIBLE) {
        // Too long already: longer lines from A cannot fit either. In an
        // emergency the shortest line from A may overflow (a glyph wider than the measure).
        if (!emergency || tried[A]) continue;
        bad = MAX_BADNESS;
      } else active[kept++] = A;
      tried[A] = 1;
      const lp = LINE_PENALTY + bad;
      let d = lp * lp + penalty * penalty;
      if (last && a > 0 && totalChars >= 2 && PN[e + 1] - PN[a] < 2) d += ORPHAN_DEMERITS;
      if (afterHyphen[A]) d += last ? FINAL_HYPHEN_DEMERITS : kind === Brk.HYPHEN ? DOUBLE_HYPHEN_DEMERITS : 0;
      const t = total[A] + d;
      if (t < bestTotal) {
        bestTotal = t;
        best = A;
      }
    }
    nActive = kept;
    if (best >= 0) {
      const k = nodes++;
      pos[k] = j + 1;
      total[k] = bestTotal;
      prev[k] = best;
      at[k] = j;
      avail[k] = cfg.rest;
      startW[k] = PW[j + 1];
      startG[k] = PG[j + 1];
      startSh[k] = shL[j + 1];
      startJ[k] = PJ[j + 1];
      afterHyphen[k] = kind === Brk.HYPHEN ? 1 : 0;
      if (last) {
        const breaks: number[] = [];
        for (let q = k; at[q] >= 0; q = prev[q]) breaks.push(at[q]);
        return breaks.reverse();
      }
      active[nActive++] = k;
    }
    if (nActive === 0) return undefined;
  }
  return undefined;
}

/** Junctions at which lines end, the last one being n−1. */
export function breakLines(p: Prepared, cfg: BreakConfig): number[] {
  if (p.n === 0) return [];
  if (p.lastVis[p.n - 1] < 0) return [p.n - 1]; // nothing but spaces
  return (
    run(p, cfg, MAX_RATIO, undefined) ??
    run(p, cfg, Infinity, undefined) ??
    run(p, cfg, Infinity, emergencyJunctions(p, Math.min(cfg.first, cfg.rest))) ??
    run(p, cfg, Infinity, anyEmergency(p))!
  );
}
