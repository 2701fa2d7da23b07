// A bulletin's design: its template and the fonts that template and the
// fonts/ folders choose. One function, so `build` and `bulletin fonts` can
// never disagree about which fonts a bulletin uses.
import type { Bulletin } from '../content/types.js';
import { loadFontSet, type FontSet } from '../fonts/font-set.js';
import { fontSearchDirs } from '../fonts/search-dirs.js';
import { loadTemplate, type Template } from '../layout/template.js';

export interface Design {
  template: Template;
  fonts: FontSet;
}

/** `templateSpec` (a name or path) overrides index.md's `template:`. */
export function loadDesign(bulletin: Bulletin, templateSpec?: string): Design {
  const template = loadTemplate(templateSpec ?? bulletin.index.meta.template, bulletin.dir);
  // Layers: built-in < the template's map < fonts/ folders (package, project, bulletin).
  const fonts = loadFontSet({
    roles: template.fonts,
    rolesBaseDir: template.dir,
    rolesOrigin: `template ${template.file}`,
    searchDirs: fontSearchDirs(bulletin.dir),
  });
  return { template, fonts };
}
