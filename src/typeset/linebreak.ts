// Step 4: choose the breaks, Knuth–Plass total fit over the paragraph (the
// box/glue/penalty model of bramstein/typeset, specialised to CJK): every
// junction is glue with a small stretch (¼ em per gap ⇒ ratio 1), Han–Latin
// spaces and compressed punctuation halves are further glue, a line-final
// closing mark's blank half is free shrink. Kinsoku 推出/推入 fall out of the
// model: a forbidden line start is simply not a breakpoint, so the optimiser
// either pulls a character down, pushes one up (shrinking punctuation), or
// spreads the line, whichever costs least over the whole paragraph.
import { Brk } from './breakpoints.js';
import { lineMetrics, type LineMetrics, type Prepared } from './prepare.js';

export interface BreakConfig {
  /** Available width of the first line and of the others, em. */
  first: number;
  rest: number;
}

/** Extra space per gap (em) that counts as ratio 1: the loose-line threshold. */
export const LOOSE_GAP = 0.25;
const LINE_PENALTY = 10;
const ADJ_DEMERITS = 3000;
/** The last line must hold two real characters (no 孤字). */
const ORPHAN_DEMERITS = 1e9;
const MAX_BADNESS = 1e8;
const EPS = 1e-9;

interface Node {
  /** First character of the line that starts here. */
  pos: number;
  line: number;
  fit: number;
  total: number;
  prev: Node | null;
  /** Junction this break is at (−1 for the start). */
  at: number;
  /** Whether a line from here has been tried yet (emergency: the first one may overflow). */
  tried: boolean;
}

/** Badness and adjustment ratio of a line, or undefined when it cannot be made to fit. */
export function lineBadness(m: LineMetrics, avail: number, last: boolean, a: number, e: number): { bad: number; r: number } | undefined {
  let E = avail - m.width;
  // A line-final closing mark or stop gives up its whole blank half, or none of it, so that its ink sits at the edge.
  if (E < -EPS) E += m.endShrink;
  if (E < -EPS) {
    if (-E > m.shrink + EPS) return undefined;
    // Compressing punctuation is the preferred fix (TYPOGRAPHY.md §2), so shrinking costs a tenth of stretching.
    const r = E / m.shrink;
    return { bad: 10 * -r * r * r, r };
  }
  if (last || E <= EPS) return { bad: 0, r: 0 };
  const gaps = m.gaps > 0 ? m.gaps : e - a;
  if (gaps === 0) return { bad: MAX_BADNESS, r: 10 };
  const r = E / (LOOSE_GAP * gaps);
  // Letter-spacing a lone word is the last resort.
  const bad = Math.min(MAX_BADNESS, 100 * r * r * r + (m.gaps > 0 ? 0 : 1e6));
  return { bad, r };
}

function fitness(r: number): number {
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/**
 * Junctions that an emergency pass may break: the never-break junctions
 * inside a run that is wider than the narrowest line can hold.
 */
function emergencyJunctions(p: Prepared, minAvail: number): Uint8Array {
  const { n, brk } = p;
  const ok = new Uint8Array(n);
  let s = 0;
  for (let j = 0; j < n; j++) {
    if (brk[j] !== Brk.ALLOWED && j < n - 1) continue;
    const e = p.lastVis[j];
    const width = e >= s ? p.PW[e + 1] - p.PW[s] + (p.PG[e] - p.PG[s]) - (p.PS[e + 1] - p.PS[s]) : 0;
    if (width > minAvail + EPS) for (let k = s; k < j; k++) if (p.emergency[k] > 0) ok[k] = 1;
    s = j + 1;
  }
  return ok;
}

function run(p: Prepared, cfg: BreakConfig, emergency: Uint8Array | undefined): number[] | undefined {
  const { n, brk, lastVis } = p;
  const totalChars = p.PN[n];
  let active: Node[] = [{ pos: 0, line: 0, fit: 1, total: 0, prev: null, at: -1, tried: false }];
  const m: LineMetrics = { width: 0, endShrink: 0, shrink: 0, hl: 0, trims: 0, gaps: 0, chars: 0 };
  const best: (Node | undefined)[] = [undefined, undefined, undefined, undefined];
  const bestTotal = new Float64Array(4);
  let final: Node | undefined;
  for (let j = 0; j < n; j++) {
    const penalty = brk[j] === Brk.ALLOWED ? 0 : emergency && emergency[j] ? p.emergency[j] : -1;
    if (penalty < 0) continue;
    const last = j === n - 1;
    const e = lastVis[j];
    bestTotal.fill(Infinity);
    best.fill(undefined);
    let kept = 0;
    for (let k = 0; k < active.length; k++) {
      const A = active[k];
      const a = A.pos;
      if (e < a) {
        active[kept++] = A;
        continue;
      }
      const avail = A.line === 0 ? cfg.first : cfg.rest;
      lineMetrics(p, a, e, m);
      let b = lineBadness(m, avail, last, a, e);
      if (!b) {
        // Too long already: longer lines from A cannot fit either. In an
        // emergency the shortest line from A may overflow (a glyph wider than the measure).
        if (emergency && !A.tried) b = { bad: MAX_BADNESS, r: 0 };
        else continue;
      } else active[kept++] = A;
      A.tried = true;
      const fit = fitness(b.r);
      let d = (LINE_PENALTY + b.bad) ** 2 + penalty * penalty;
      if (A.prev && Math.abs(fit - A.fit) > 1) d += ADJ_DEMERITS;
      if (last && m.chars < 2 && totalChars >= 2 && a > 0) d += ORPHAN_DEMERITS;
      const total = A.total + d;
      if (total < bestTotal[fit]) {
        bestTotal[fit] = total;
        best[fit] = A;
      }
    }
    active.length = kept;
    for (let f = 0; f < 4; f++) {
      const A = best[f];
      if (!A) continue;
      const node: Node = { pos: j + 1, line: A.line + 1, fit: f, total: bestTotal[f], prev: A, at: j, tried: false };
      if (last) {
        if (!final || node.total < final.total) final = node;
      } else active.push(node);
    }
    if (active.length === 0 && !last) return undefined;
  }
  if (!final) return undefined;
  const breaks: number[] = [];
  for (let node: Node | null = final; node && node.at >= 0; node = node.prev) breaks.push(node.at);
  return breaks.reverse();
}

/** Junctions at which lines end, the last one being n−1. */
export function breakLines(p: Prepared, cfg: BreakConfig): number[] {
  if (p.n === 0) return [];
  return run(p, cfg, undefined) ?? run(p, cfg, emergencyJunctions(p, Math.min(cfg.first, cfg.rest))) ?? run(p, cfg, Uint8Array.from(p.emergency, (x) => (x > 0 ? 1 : 0)))!;
}
