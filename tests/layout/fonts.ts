// The fonts of the layout tests: the font layer's built-in roles (Noto Serif
// SC, Noto Sans SC, LXGW WenKai converted to TTF once and cached), loaded
// once per test process.
import { loadFontSet, type FontSet } from '../../src/fonts/font-set.js';
import type { Template } from '../../src/design/template.js';

const sets = new Map<string, FontSet>();

/** The FontSet a build would use for `template` (its `fonts` map over the built-in roles). */
export function fontsFor(template: Template): FontSet {
  const key = JSON.stringify(template.fonts);
  let set = sets.get(key);
  if (!set) {
    set = loadFontSet({ roles: template.fonts, rolesBaseDir: template.dir, searchDirs: [] });
    sets.set(key, set);
  }
  return set;
}
