// The files a design reads, so that the output guard (output-guard.ts) can
// refuse an output that would replace one of them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../design/design.js';
import { FONTS_YAML_NAMES } from '../fonts/fonts-yaml.js';
import type { InputFile } from './output-guard.js';

/** The design's files, for the output guard: template files, font files, fonts.yaml. */
export function designInputs(design: Design): InputFile[] {
  const inputs: InputFile[] = design.template.files.map((f) => ({ path: f.path, kind: 'template' }));
  for (const role of design.fonts.roles()) inputs.push({ path: design.fonts.resolved(role).file, kind: 'font' });
  for (const dir of design.searchDirs) {
    for (const name of FONTS_YAML_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) inputs.push({ path, kind: 'fonts.yaml' });
    }
  }
  return inputs;
}
