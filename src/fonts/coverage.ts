// The coverage check: a character that no font of its role's chain has would
// print as a blank box (tofu), so it is reported before anything is drawn,
// once per character per file, at its first occurrence (docs/design/TYPOGRAPHY.md §6).
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FaceChain } from './face.js';
import type { FontSet } from './font-set.js';
import { collectText, isGlyphCharacter, walkText, type TextItem, type TextRoleMap } from './collect-text.js';
import type { Bulletin } from '../content/types.js';

export { collectText, isGlyphCharacter, type TextItem, type TextRoleMap } from './collect-text.js';

export interface CoverageOptions {
  /** Report missing characters as warnings instead of errors (`--allow-missing-glyphs`). */
  allowMissing?: boolean;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

interface Missing {
  cp: number;
  file: string;
  line: number;
  column: number;
  count: number;
  roles: Set<string>;
}

const UNKNOWN = 0;
const PRINTS = 1;
const MISSING = 2;

/**
 * Per role: what each code point does (UNKNOWN until first seen). A bulletin
 * repeats a few thousand distinct characters hundreds of thousands of times,
 * so each is tested (glyph character? in the chain?) once per role, and every
 * other occurrence costs one table read.
 */
class RoleCoverage {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();

  constructor(private readonly chain: FaceChain) {}

  missing(cp: number): boolean {
    let state = cp < 0x10000 ? this.bmp[cp] : (this.astral.get(cp) ?? UNKNOWN);
    if (state === UNKNOWN) {
      state = isGlyphCharacter(cp) && !this.chain.resolve(cp) ? MISSING : PRINTS;
      if (cp < 0x10000) this.bmp[cp] = state;
      else this.astral.set(cp, state);
    }
    return state === MISSING;
  }
}

/** Per role's chain, what each code point does (RoleCoverage), made on first use. */
class Coverage {
  private readonly roles = new Map<string, RoleCoverage>();
  constructor(private readonly fontSet: FontSet) {}
  role(name: string): RoleCoverage {
    let role = this.roles.get(name);
    if (!role) this.roles.set(name, (role = new RoleCoverage(this.fontSet.chain(name))));
    return role;
  }
}

/**
 * Whether any printed character of the bulletin is missing from its role's
 * chain. The same walk as collectText, without positions: placing every
 * character on its line and column is most of the cost of the exact check
 * (docs/performance.md, "Costs the code is shaped around"), and is needed only when something is missing.
 */
export function anyMissing(bulletin: Bulletin, fontSet: FontSet, roles: TextRoleMap): boolean {
  const coverage = new Coverage(fontSet);
  let missing = false;
  const scanner = {
    scan(value: string, _start: number, _end: number, roleName: string): void {
      if (missing) return;
      const role = coverage.role(roleName);
      for (let i = 0; i < value.length; ) {
        const cp = value.codePointAt(i)!;
        if (role.missing(cp)) {
          missing = true;
          return;
        }
        i += cp > 0xffff ? 2 : 1;
      }
    },
  };
  walkText(bulletin, () => scanner, roles);
  return missing;
}

/**
 * The coverage diagnostics of a bulletin, its text in the roles layout sets
 * it in (`roles`, layout/text-roles.ts): none when nothing is missing (the
 * quick walk), else checkCoverage on the positioned text.
 */
export function bulletinCoverage(bulletin: Bulletin, fontSet: FontSet, roles: TextRoleMap, options: CoverageOptions = {}): Diagnostic[] {
  return anyMissing(bulletin, fontSet, roles) ? checkCoverage(collectText(bulletin, roles), fontSet, options) : [];
}

/** Calls `visit` for every glyph character whose role's chain has no glyph, with its exact position. */
export function forEachMissing(
  items: readonly TextItem[],
  fontSet: FontSet,
  visit: (cp: number, item: TextItem, line: number, column: number) => void,
): void {
  const coverage = new Coverage(fontSet);
  for (const item of items) {
    const role = coverage.role(item.role);
    const text = item.text;
    for (let offset = 0; offset < text.length; ) {
      const cp = text.codePointAt(offset)!;
      if (role.missing(cp)) visit(cp, item, item.line, item.column + offset);
      offset += cp > 0xffff ? 2 : 1;
    }
  }
}

export function checkCoverage(items: readonly TextItem[], fontSet: FontSet, options: CoverageOptions = {}): Diagnostic[] {
  const found = new Map<string, Missing>();
  forEachMissing(items, fontSet, (cp, item, line, column) => {
    const id = `${item.file}\u0000${cp}`;
    const m = found.get(id);
    if (m) {
      m.count++;
      m.roles.add(item.role);
    } else {
      found.set(id, { cp, file: item.file, line, column, count: 1, roles: new Set([item.role]) });
    }
  });
  const severity = options.allowMissing ? 'warning' : 'error';
  const list = [...found.values()].map((m) => {
    const roles = [...m.roles];
    const fonts = [...new Set(roles.flatMap((r) => fontSet.chain(r).faces.map((f) => f.font.familyName)))].join(', ');
    const times = m.count > 1 ? ` (${m.count} times in this file; this is the first)` : '';
    return diagnostic({ file: m.file, line: m.line, column: m.column }, severity, 'missing-glyph',
      `“${String.fromCodePoint(m.cp)}” (${codePointLabel(m.cp)}) is in none of the fonts for ${roles.map((r) => `"${r}"`).join(', ')} text (${fonts})${times}: it would print as a blank box. ` +
        `Add a font that has it in fonts/fonts.yaml (e.g. \`${roles[0]}: fonts/MyFont.ttf\`; run \`bulletin fonts\` to see the chains), or replace the character.`);
  });
  return sortDiagnostics(list);
}
