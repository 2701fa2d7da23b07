// Step 4: choose the breaks, Knuth–Plass total fit over the paragraph (the
// box/glue/penalty model of bramstein/typeset, specialised to CJK): every
// junction is glue with a small stretch, Han–Latin and word spaces are glue
// with limits, compressible blank halves of punctuation are shrink, a
// line-final closing mark's blank half is free shrink. Kinsoku 推出/推入 fall
// out of the model: a forbidden line start is simply not a breakpoint, so
// the optimiser either pulls a character down, pushes one up (shrinking
// punctuation), or spreads the line, whichever costs least over the whole
// paragraph.
//
// The stretch ratio is 1 where every gap has opened by GAP_STRETCH (0.05 em,
// the point at which a reader sees letter-spacing), every Han–Latin space
// has reached 0.34 em and every word space ½ em. Stretching costs 100·r³
// and shrinking a tenth of that, so the breaker pushes a character up
// (compressing punctuation) rather than spread a line. Beyond ratio 1 a line
// costs a letter-spacing penalty, and beyond ¼ em a gap a larger one, so a
// paragraph has as few letter-spaced and loose lines as it can. Passes, as TeX's pretolerance and tolerance: the first
// admits no line beyond ratio 1 and no hyphenation, so a paragraph that can
// be set without letter-spacing is; the second admits up to 1 em per gap
// and hyphens; the third any looseness; then breaks inside runs wider than
// a line (words first, kinsoku last); then anything, a lone too-wide glyph
// overflowing. A later pass runs only when the earlier found nothing, or
// found only a paragraph ending in a lone character (孤字).
//
// Only the first line differs in width, so a breakpoint needs one node (no
// line-number or fitness-class copies: adjacent lines in CJK text differ by
// hundredths of an em, and fitness demerits bought nothing measurable). Nodes
// live in typed arrays; a line's metrics come from prefix sums.
import { Brk } from './breakpoints.js';
import { GAP_STRETCH, HL_MAX, HL_MIN, HL_SPACE, WORD_MAX, type Prepared } from './prepare.js';
import { scratch } from './scratch.js';


export interface BreakConfig {
  /** Available width of the first line and of the others, em. */
  first: number;
  rest: number;
  /** false: a lone character (孤字) on the last line costs nothing extra (loose-lines.ts asks what that rule costs a paragraph). */
  orphans?: boolean;
}

/** Extra space per gap (em) beyond which a line is loose (TYPOGRAPHY.md §4). */
export const LOOSE_GAP = 0.25;
const LINE_PENALTY = 10;
/** The last line must hold two real characters (no 孤字): worse than any paragraph of feasible lines (each at most MAX_BADNESS²). */
const ORPHAN_DEMERITS = 1e24;
/**
 * What a letter-spaced line (beyond ratio 1) costs on top of its excess: more
 * than any line within the limit; and a loose one (beyond ¼ em a gap) more
 * than a few letter-spaced ones, so that a paragraph has as few loose lines
 * as it can. Its excess grows as a cube ten times steeper than within the
 * limit: a line twice as loose as another costs much more than two loose ones.
 */
const LETTERSPACED = 1000;
const LOOSE = 10000;
const LOOSER = 1000;
const MAX_BADNESS = 1e8;
/** Letter-spacing a lone word is the last resort. */
const LETTERSPACE_BADNESS = 1e6;
/**
 * A line that ends inside a URL: the URL is never letter-spaced, so beyond
 * ratio 1 only the line's other gaps open, up to the loose-line limit, and
 * what they cannot take leaves the line short. So is a line without gaps
 * (Latin words, Han–Latin spaces) beyond ratio 1 (Han–Latin spaces and
 * no word space): a Han–Latin space never passes its limit. A shortfall over half an em costs as a loose line
 * (readers see a ragged edge), this many ems of it as much as the excess of
 * a line at the loose limit.
 */
const URL_SHORT = 2;
/** A typical word space's stretch to WORD_MAX (a Latin space is about ¼ em), to count word spaces from their stretch. */
const WORD_SPACE_STRETCH = WORD_MAX - 0.25;
const URL_RAGGED = 0.5;
/**
 * Penalties of the breaks inside long Latin runs (latin.ts), squared into
 * demerits like TeX's. A URL break costs a little less than a line at the
 * letter-spacing limit. A hyphen is allowed only from the second pass on and
 * costs as much as a line at ratio ~1.4, so a word is hyphenated only when
 * the paragraph cannot be set without letter-spacing otherwise.
 */
export const URL_PENALTY = 60;
export const HYPHEN_PENALTY = 300;
/** Two hyphenated lines in a row, and a hyphen on the last line but one (TeX's doublehyphendemerits, finalhyphendemerits). */
const DOUBLE_HYPHEN_DEMERITS = 100000;
const FINAL_HYPHEN_DEMERITS = 50000;
const INFEASIBLE = -1;
const TOO_LOOSE = -2;
/** Ratio limits of the first two passes: the letter-spacing limit, then 1 em per gap. */
const PRETOLERANCE = 1;
const TOLERANCE = 1 / GAP_STRETCH;
const EPS = 1e-9;

/**
 * Junctions that an emergency pass may break: the never-break junctions
 * inside a run that is wider than the narrowest line can hold.
 */
const okBuf = scratch(Uint8Array);

function emergencyJunctions(p: Prepared, minAvail: number): Uint8Array {
  const { n, breakKind } = p;
  const ok = okBuf(n, true);
  let s = 0;
  for (let j = 0; j < n; j++) {
    if (breakKind[j] === Brk.NEVER && j < n - 1) continue;
    const e = p.lastVisible[j];
    const natural = p.widthBefore[e + 1] - p.widthBefore[s] + (p.glueBefore[e] - p.glueBefore[s]);
    const width = e >= s ? natural - (p.shrinkBefore[e + 1] - p.shrinkBefore[s]) : 0;
    if (width > minAvail + EPS) for (let k = s; k < j; k++) if (p.emergencyPenalty[k] > 0) ok[k] = 1;
    s = j + 1;
  }
  return ok;
}

/** Every junction an emergency may break at all (the last resort). */
function anyEmergency(p: Prepared): Uint8Array {
  const ok = okBuf(p.n);
  for (let j = 0; j < p.n; j++) ok[j] = p.emergencyPenalty[j] > 0 ? 1 : 0;
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
// the inner loop then reads one array at the node's index instead of several at its position.
const availBuf = scratch(Float64Array);
const startWidthBuf = scratch(Float64Array);
const startGlueBuf = scratch(Float64Array);
const startShrinkBuf = scratch(Float64Array);
const startStretchBuf = scratch(Float64Array);
const startWordsBuf = scratch(Float64Array);
const startGapsBuf = scratch(Float64Array);
const afterHyphenBuf = scratch(Uint8Array);

interface Pass {
  maxRatio: number;
  hyphens: boolean;
  emergencyBreaks: Uint8Array | undefined;
}

interface Found {
  breaks: number[];
  total: number;
}

/** The penalty of breaking at junction j in this pass, or −1 when the pass may not break there. */
function penaltyAt(p: Prepared, j: number, pass: Pass): number {
  const kind = p.breakKind[j];
  if (kind === Brk.ALLOWED) return 0;
  if (kind === Brk.URL) return URL_PENALTY;
  if (kind === Brk.HYPHEN && pass.hyphens) return HYPHEN_PENALTY;
  return pass.emergencyBreaks?.[j] ? p.emergencyPenalty[j] : -1;
}

/** One Knuth–Plass pass; undefined when no sequence of feasible lines reaches the end. */
function run(p: Prepared, cfg: BreakConfig, pass: Pass): Found | undefined {
  const { n, breakKind, lastVisible, charactersBefore, hyphenWidth, isGap } = p;
  // Prefix sums in locals: the Prepared object is too wide for fast property access.
  const { widthBefore, glueBefore, shrinkBefore, stretchBefore, wordStretchBefore, gapsBefore } = p;
  const { shrinkLeft, shrinkRight, hanLatinGlue, spaceShrink } = p;
  const { maxRatio, emergencyBreaks } = pass;
  const lone = emergencyBreaks !== undefined;
  const orphans = cfg.orphans !== false;
  const totalChars = charactersBefore[n];
  // Node k: a break before character pos[k], reached with demerits total[k] via node prev[k] at junction at[k].
  const cap = n + 1;
  const pos = posBuf(cap);
  const total = totalBuf(cap);
  const prev = prevBuf(cap);
  const at = atBuf(cap);
  const tried = triedBuf(cap, true);
  const active = activeBuf(cap);
  const avail = availBuf(cap);
  const startWidth = startWidthBuf(cap);
  const startGlue = startGlueBuf(cap);
  const startShrink = startShrinkBuf(cap);
  const startStretch = startStretchBuf(cap);
  const startWords = startWordsBuf(cap);
  const startGaps = startGapsBuf(cap);
  const afterHyphen = afterHyphenBuf(cap);
  let nodes = 1;
  let nActive = 1;
  pos[0] = 0;
  total[0] = 0;
  active[0] = 0;
  prev[0] = -1;
  at[0] = -1;
  avail[0] = cfg.first;
  startWidth[0] = widthBefore[0];
  startGlue[0] = glueBefore[0];
  startShrink[0] = shrinkLeft[0];
  startStretch[0] = stretchBefore[0];
  startWords[0] = wordStretchBefore[0];
  startGaps[0] = gapsBefore[0];
  afterHyphen[0] = 0;
  for (let j = 0; j < n; j++) {
    const penalty = penaltyAt(p, j, pass);
    if (penalty < 0) continue;
    const kind = breakKind[j];
    const hyphen = kind === Brk.HYPHEN ? hyphenWidth[j] : 0;
    const last = j === n - 1;
    const e = lastVisible[j];
    // The line's end, the same for every candidate start.
    const endWidth = widthBefore[e + 1];
    const endGlue = glueBefore[e];
    const endShrink = shrinkRight[e];
    const hanLatinAtEnd = hanLatinGlue[e] > 0;
    const endWords = wordStretchBefore[e + 1];
    const endGaps = gapsBefore[e];
    const endStretch = stretchBefore[e + 1] - (e < n - 1 ? isGap[e] : 0) * GAP_STRETCH - (hanLatinAtEnd ? HL_MAX - HL_SPACE : 0);
    const url = kind === Brk.URL;
    let best = -1;
    let bestTotal = Infinity;
    let kept = 0;
    for (let k = 0; k < nActive; k++) {
      const node = active[k];
      const a = pos[node];
      if (e < a) {
        active[kept++] = node;
        continue;
      }
      // The line's badness, or INFEASIBLE when it cannot fit even with all shrink used. Written out
      // here rather than called: the breaker asks millions of times on a long bulletin, and a double
      // returned from a call V8 does not inline is a new heap object each time.
      let bad: number;
      let slack = avail[node] - (endWidth - startWidth[node] + (endGlue - startGlue[node]) - startShrink[node] + hyphen);
      // A line-final closing mark or stop gives up its whole blank half, or none of it, so that its ink sits at the edge.
      if (slack < -EPS) slack += endShrink;
      if (slack < -EPS) {
        const endGlueShrink = (hanLatinAtEnd ? HL_SPACE - HL_MIN : 0) + spaceShrink[e];
        const shrink = shrinkBefore[e + 1] - shrinkBefore[a] - shrinkLeft[a] - endShrink - endGlueShrink;
        // Compressing punctuation is the preferred fix (TYPOGRAPHY.md §2), so shrinking costs a tenth of stretching.
        const r = -slack / shrink;
        bad = -slack > shrink + EPS ? INFEASIBLE : 10 * r * r * r;
      } else if (last || slack <= EPS) bad = 0;
      else {
        const stretch = endStretch - startStretch[node];
        const gaps = endGaps - startGaps[node];
        const words = endWords - startWords[node];
        if ((url || (gaps === 0 && words <= EPS && stretch > EPS)) && slack > stretch + EPS) {
          // Not in the first pass, which sets a paragraph without letter-spacing and without shortfalls when it can.
          if (maxRatio === PRETOLERANCE) {
            while (k < nActive) active[kept++] = active[k++];
            break;
          }
          const room = url ? (LOOSE_GAP - GAP_STRETCH) * gaps : 0;
          const spread = room > EPS ? Math.min(1, (slack - stretch) / room) : 0;
          const short = Math.max(0, slack - stretch - room);
          const q = short / URL_SHORT;
          const ragged = short > URL_RAGGED ? LOOSE + LOOSER * q * q * q : 0;
          bad = Math.min(MAX_BADNESS, LETTERSPACED + 100 * spread * spread * spread + ragged);
        } else if (stretch > EPS) {
          const r = slack / stretch;
          if (r > maxRatio) bad = TOO_LOOSE;
          else if (r <= 1) bad = 100 * r * r * r;
          else {
            // Beyond the limit the gaps alone take the rest (word and Han–Latin spaces stay at their limits):
            // q = 1 where they reach the loose-line limit, ¼ em. A line of Latin words without gaps opens
            // its word spaces instead, the last resort (a word space counts as 1 em of gaps: q = 1 at about 1 em).
            const units = gaps > 0 ? gaps : words / WORD_SPACE_STRETCH / (LOOSE_GAP - GAP_STRETCH) / 2;
            const q = (slack - stretch) / ((LOOSE_GAP - GAP_STRETCH) * units);
            bad = Math.min(MAX_BADNESS, LETTERSPACED + (q > 1 ? LOOSE + LOOSER * q * q * q : 100 * q * q * q));
          }
        } else if (maxRatio < Infinity || (e === a && !lone)) {
          // A lone character cannot be justified: only the last-resort pass may set one (a glyph wider than the measure).
          bad = TOO_LOOSE;
        } else if (e === a) bad = MAX_BADNESS;
        else {
          const r = slack / (LOOSE_GAP * (e - a));
          bad = Math.min(MAX_BADNESS, 100 * r * r * r + LETTERSPACE_BADNESS);
        }
      }
      if (bad === TOO_LOOSE) {
        while (k < nActive) active[kept++] = active[k++];
        break;
      }
      if (bad === INFEASIBLE) {
        // Too long already: longer lines from this node cannot fit either. In an
        // emergency the shortest line from it may overflow (a glyph wider than the measure).
        if (!emergencyBreaks || tried[node]) continue;
        bad = MAX_BADNESS;
      } else active[kept++] = node;
      tried[node] = 1;
      const linePenalty = LINE_PENALTY + bad;
      let demerits = linePenalty * linePenalty + penalty * penalty;
      if (orphans && last && a > 0 && totalChars >= 2 && charactersBefore[e + 1] - charactersBefore[a] < 2) demerits += ORPHAN_DEMERITS;
      if (afterHyphen[node] && last) demerits += FINAL_HYPHEN_DEMERITS;
      else if (afterHyphen[node] && kind === Brk.HYPHEN) demerits += DOUBLE_HYPHEN_DEMERITS;
      const t = total[node] + demerits;
      if (t < bestTotal) {
        bestTotal = t;
        best = node;
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
      startWidth[k] = widthBefore[j + 1];
      startGlue[k] = glueBefore[j + 1];
      startShrink[k] = shrinkLeft[j + 1];
      startStretch[k] = stretchBefore[j + 1];
      startWords[k] = wordStretchBefore[j + 1];
      startGaps[k] = gapsBefore[j + 1];
      afterHyphen[k] = kind === Brk.HYPHEN ? 1 : 0;
      if (last) {
        const breaks: number[] = [];
        for (let q = k; at[q] >= 0; q = prev[q]) breaks.push(at[q]);
        return { breaks: breaks.reverse(), total: bestTotal };
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
  if (p.lastVisible[p.n - 1] < 0) return [p.n - 1]; // nothing but spaces
  // Each looser pass is tried only when the tighter ones found nothing, or only a paragraph ending in a 孤字.
  let found: Found | undefined;
  for (const pass of [
    { maxRatio: PRETOLERANCE, hyphens: false, emergencyBreaks: undefined },
    { maxRatio: TOLERANCE, hyphens: true, emergencyBreaks: undefined },
    { maxRatio: Infinity, hyphens: true, emergencyBreaks: undefined },
  ]) {
    const f = run(p, cfg, pass);
    if (f && (!found || f.total < found.total)) found = f;
    if (found && found.total < ORPHAN_DEMERITS) break;
  }
  // Breaking inside a word or against kinsoku only when nothing else can set the paragraph at all.
  found ??= run(p, cfg, { maxRatio: Infinity, hyphens: true, emergencyBreaks: emergencyJunctions(p, Math.min(cfg.first, cfg.rest)) });
  found ??= run(p, cfg, { maxRatio: Infinity, hyphens: true, emergencyBreaks: anyEmergency(p) });
  return found!.breaks;
}
