// The search's states and the band each keeps (docs/layout.md, "States"). A
// state is the article that starts next, the item it resumes at (0: its
// start) and the rows left on the page; its value is the least cost of the
// rest of the bulletin from there, and the band that achieves it. One table
// type holds both kinds of state: fresh ones (nothing half-set), indexed by
// article and rows left, and continued ones (a part resuming at a fresh
// page), indexed by article and item. Typed arrays: a long bulletin has a
// few hundred thousand states, kept for the whole search.
import { INFEASIBLE } from './cost.js';

/** What a state's band is. */
export const BandKind = {
  /** No band: the page ends here, and the state goes on at the top of the next. */
  PageBreak: 0,
  /** A band of whole modules. */
  Whole: 1,
  /** A band whose last module continues on the next page. */
  Split: 2,
} as const;
export type BandKind = (typeof BandKind)[keyof typeof BandKind];

/** The band a state keeps: its kind and rows, its first slot (k columns of n modules; k 0: the first slot is the split one) and tail. */
export interface BandChoice {
  kind: BandKind;
  rows: number;
  /** For a split band: the item the split article resumes at. */
  resume: number;
  firstK: number;
  firstN: number;
  /** Its tail (band-tails.ts), −1 for a page break. */
  tail: number;
}

export class StateTable {
  private readonly costOf: Float64Array;
  private readonly kindOf: Uint8Array;
  private readonly rowsOf: Int32Array;
  private readonly resumeOf: Int32Array;
  private readonly firstKOf: Uint8Array;
  private readonly firstNOf: Uint8Array;
  private readonly tailOf: Int32Array;
  private readonly settledOf: Uint8Array;

  constructor(states: number) {
    this.costOf = new Float64Array(states);
    this.kindOf = new Uint8Array(states);
    this.rowsOf = new Int32Array(states);
    this.resumeOf = new Int32Array(states);
    this.firstKOf = new Uint8Array(states);
    this.firstNOf = new Uint8Array(states);
    this.tailOf = new Int32Array(states);
    this.settledOf = new Uint8Array(states);
  }

  /** The state's least cost: final once settled, the best so far while it is being settled. */
  cost(x: number): number {
    return this.costOf[x];
  }

  settled(x: number): boolean {
    return this.settledOf[x] === 1;
  }

  /** States [from, to] are settled. */
  settle(from: number, to: number): void {
    this.settledOf.fill(1, from, to + 1);
  }

  /** Starts settling a state: no band yet, a page break at `pageBreak` (INFEASIBLE when it may not break). */
  open(x: number, pageBreak: number): void {
    this.costOf[x] = Math.min(INFEASIBLE, pageBreak);
    this.kindOf[x] = BandKind.PageBreak;
    this.rowsOf[x] = 0;
    this.resumeOf[x] = 0;
    this.tailOf[x] = -1;
    this.firstKOf[x] = 0;
    this.firstNOf[x] = 0;
  }

  /** A better band for state x, at `cost`. */
  record(x: number, cost: number, band: BandChoice): void {
    this.costOf[x] = cost;
    this.kindOf[x] = band.kind;
    this.rowsOf[x] = band.rows;
    this.resumeOf[x] = band.resume;
    this.tailOf[x] = band.tail;
    this.firstKOf[x] = band.firstK;
    this.firstNOf[x] = band.firstN;
  }

  /** The band state x keeps. */
  choice(x: number): BandChoice {
    return {
      kind: this.kindOf[x] as BandKind, rows: this.rowsOf[x], resume: this.resumeOf[x],
      firstK: this.firstKOf[x], firstN: this.firstNOf[x], tail: this.tailOf[x],
    };
  }
}

/** A row of states in a table: the state with `rem` rows left is at base + rem. */
export interface StateRow {
  table: StateTable;
  base: number;
}
