// A bulletin's design: its template and the fonts that template and the
// fonts/ folders choose. One function, so `build` and `bulletin fonts` can
// never disagree about which fonts a bulletin uses. Every template and font
// file named by path must be inside the roots (src/io/roots.ts): templates are
// checked before they are read, font files before they are opened.
import type { Bulletin } from '../content/types.js';
import { BulletinError, diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/read-source.js';
import { loadFontSet, type FontSet } from '../fonts/font-set.js';
import { fontSearchDirs } from '../fonts/search-dirs.js';
import { realPath } from '../io/file-identity.js';
import { insideRoots, ROOT_ADVICE } from '../io/roots.js';
import { loadTemplate, type Template } from './template.js';

export interface Design {
  template: Template;
  fonts: FontSet;
  /** The fonts/ folders searched, lowest priority first. */
  searchDirs: string[];
}

/** `templateSpec` (a name or path) overrides index.md's `template:`; `roots` are where design files may be (default: anywhere). */
export function loadDesign(bulletin: Bulletin, templateSpec?: string, roots?: readonly string[]): Design {
  const fromIndex = templateSpec === undefined && bulletin.index.meta.template !== undefined;
  const template = loadTemplate(templateSpec ?? bulletin.index.meta.template, bulletin.dir, {
    roots,
    at: fromIndex ? templateLine(bulletin) : undefined,
  });
  const searchDirs = fontSearchDirs(bulletin.dir);
  // Layers: built-in < the template's map < fonts/ folders (package, project, bulletin).
  const fonts = loadFontSet({
    roles: template.fonts,
    rolesBaseDir: template.dir,
    rolesOrigin: `template ${template.file}`,
    searchDirs,
  });
  const design = { template, fonts, searchDirs };
  if (roots) {
    const outside = outsideRoots(design, roots);
    if (outside.length > 0) throw new BulletinError(outside);
  }
  return design;
}

/** Where index.md says `template:` (its line), for messages about that template. */
function templateLine(bulletin: Bulletin): SourcePoint {
  const lines = bulletin.index.source.text.split('\n');
  const i = lines.findIndex((l) => /^template\s*:/.test(l));
  return { file: bulletin.index.source.path, line: i >= 0 ? i + 1 : 1, column: 1 };
}

function outsideRoots(design: Design, roots: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const refuse = (at: SourcePoint, what: string, path: string) => {
    const real = realPath(path);
    found.push(diagnostic(at, 'error', 'outside-root', `${what} ${displayPath(real)} is outside the bulletin folder; ${ROOT_ADVICE}.`));
  };
  for (const role of design.fonts.roles()) {
    const r = design.fonts.resolved(role);
    if (r.builtin || insideRoots(r.file, roots)) continue;
    refuse(r.origin.at, `role "${role}": font`, r.file);
  }
  return found;
}
