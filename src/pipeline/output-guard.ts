// Outputs never replace inputs: the PDF (`-o`) and the page images
// (`--png DIR`: DIR/page-N.png) are compared with every file the build reads,
// through symbolic and hard links, before anything is written. A clash is a
// content error naming both paths.
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type SourcePoint } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/read-source.js';
import { identityOf, realPath, sameFile, type FileIdentity } from '../io/file-identity.js';
import { FONTS_YAML_NAMES } from '../fonts/fonts-yaml.js';

export type InputKind = 'article' | 'index.md' | 'image' | 'template' | 'font' | 'fonts.yaml' | 'ICC profile';

/** A file the build reads, and where it is named (for images: the Markdown line). */
export interface InputFile {
  path: string;
  kind: InputKind;
  at?: SourcePoint;
}

export interface Outputs {
  /** The PDF, as given with -o. */
  pdf?: string;
  /** The folder given with --png. */
  pngDir?: string;
}

/** The names `build --png` writes (src/io/png.ts). */
export const PAGE_PNG = /^page-\d+\.png$/;

interface Target {
  shown: string;
  option: string;
  id: FileIdentity;
}

function targets(outputs: Outputs): { files: Target[]; pngDir?: string } {
  const files: Target[] = [];
  if (outputs.pdf) files.push({ shown: outputs.pdf, option: '-o', id: identityOf(outputs.pdf) });
  if (!outputs.pngDir) return { files };
  let names: string[] = [];
  try {
    names = readdirSync(resolve(outputs.pngDir)).filter((n) => PAGE_PNG.test(n));
  } catch {
    // Not there yet: it will be made, empty.
  }
  for (const n of names) files.push({ shown: join(outputs.pngDir, n), option: '--png', id: identityOf(join(outputs.pngDir, n)) });
  return { files, pngDir: realPath(outputs.pngDir) };
}

/** How a message names each kind of input ("the index.md index.md" reads badly). */
const NOUN: Record<InputKind, string> = {
  article: 'article',
  'index.md': 'bulletin index',
  image: 'image',
  template: 'template',
  font: 'font',
  'fonts.yaml': 'font list',
  'ICC profile': 'ICC profile',
};

const HOW: Record<string, string> = {
  'same path': 'is',
  'symbolic link': 'leads (through a symbolic link) to',
  'hard link': 'is a hard link to',
};

/** One error for each output that is, or leads to, a file the build reads. */
export function outputClashes(outputs: Outputs, inputs: readonly InputFile[]): Diagnostic[] {
  const { files, pngDir } = targets(outputs);
  const found: Diagnostic[] = [];
  for (const input of inputs) {
    const id = identityOf(input.path);
    const shownInput = displayPath(id.path);
    for (const t of files) {
      const how = sameFile(t.id, id);
      if (!how) continue;
      found.push(clash(t.shown, `the ${t.option} output ${t.shown} ${HOW[how]} the ${NOUN[input.kind]} ${shownInput}, which the build reads`, t.option));
    }
    if (pngDir && PAGE_PNG.test(basename(id.real)) && dirname(id.real) === pngDir) {
      found.push(clash(outputs.pngDir!, `--png ${outputs.pngDir} would write over the ${NOUN[input.kind]} ${shownInput}, which the build reads`, '--png'));
    }
  }
  return dedupe(found);
}

/**
 * A PDF written where the next build would read it: as an `.md` file in the
 * bulletin folder (an article) or as a fonts.yaml in a fonts/ folder the
 * build reads (`fontDirs`). Refused even when no such file exists yet.
 */
export function outputReadNextTime(outputs: Outputs, bulletinDir: string, fontDirs: readonly string[]): Diagnostic[] {
  if (!outputs.pdf) return [];
  // The PDF is renamed into place: a link of that name is replaced, so its folder is what counts.
  const real = join(realPath(dirname(resolve(outputs.pdf))), basename(outputs.pdf));
  if (extname(real).toLowerCase() === '.md' && dirname(real) === realPath(bulletinDir)) {
    return [clash(outputs.pdf, `the -o output ${outputs.pdf} is a .md file in the bulletin folder: the next build would read the PDF as an article`, '-o', '')];
  }
  if (FONTS_YAML_NAMES.includes(basename(real)) && fontDirs.some((d) => realPath(d) === dirname(real))) {
    return [clash(outputs.pdf, `the -o output ${outputs.pdf} is the fonts.yaml of a fonts folder the build reads: the next build would read the PDF as its font list`, '-o', '')];
  }
  return [];
}

function clash(file: string, what: string, option: string, harm = ': writing there would destroy it'): Diagnostic {
  const fix = option === '--png' ? 'Choose another folder with --png DIR' : 'Choose another path with -o FILE.pdf';
  return diagnostic({ file, line: 0, column: 0 }, 'error', 'output-is-input', `${what}${harm}. Nothing was written. ${fix}.`);
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    if (seen.has(d.message)) return false;
    seen.add(d.message);
    return true;
  });
}
