// The start-up snapshot's entry (built by scripts/build.mjs into
// dist/bulletin.blob with `node --build-snapshot`; started by bin/bulletin).
// A cold `bulletin build` spent ~250 ms before reading its first file: Node
// itself, compiling the 1 MB bundle, and loading pdfkit and fontkit (their
// CommonJS graphs, fontkit's Unicode tables inflated, pdfkit's cipher tables
// built). Everything here is evaluated once when the snapshot is built; a
// run deserialises the heap and goes straight to `main`.
// Only Node's built-in modules may be required while the snapshot is built,
// so this file is bundled with pdfkit and fontkit inside it; packages needed
// only by some commands are loaded from node_modules at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString, startupSnapshot } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitWith, main } from './cli/main.js';
import { preload } from './io/lazy-require.js';
import { lazyModule } from './io/lazy-module.js';
import { parseTemplateText } from './design/template.js';
import { cleanBulletin } from './clean/index.js';
import { parseArticleMeta, parseIssueMeta } from './content/front-matter.js';
import { frontMatterOf, parseMarkdown } from './content/parse.js';
import { readSourceSync } from './content/read-source.js';
import { fillPlaceholders } from './workflow/init.js';
import { SHIPPED_PROFILE_FILE } from './images/press-profile.js';
import { deflatedProfile, readCmykProfile } from './render/output-intent.js';

declare global {
  var __bulletinLazyModule: (id: string) => unknown;
}

// Modules left out of the snapshot (scripts/build-snapshot.mjs) stand in as lazyModule proxies.
globalThis.__bulletinLazyModule = lazyModule;

// `require` of the CommonJS builds, as src/io/lazy-require.ts loads them: pdfkit
// requires the same fontkit instance the font layer measures with.
declare const require: (id: string) => unknown;
preload('pdfkit', require('pdfkit'));
preload('fontkit', require('fontkit'));
// The template schema's validator, precompiled by scripts/build.mjs just before the snapshot is built.
preload('template-validator', require('../dist/template-validator.cjs'));

// The modules are evaluated; their top levels' bytecode goes (see dropCompiledCode).
dropCompiledCode();

// __filename is this script while the snapshot is built: dist/snapshot-entry.cjs.
declare const __filename: string;
const packageDir = join(dirname(__filename), '..');
// The built-in templates, parsed now (template.ts finds them by their text).
for (const name of readdirSync(join(packageDir, 'templates')).filter((n) => n.endsWith('.yaml')).sort()) {
  parseTemplateText(readFileSync(join(packageDir, 'templates', name), 'utf8'));
}
// The shipped output profile, deflated now (every screen build embeds it; output-intent.ts keeps it by its bytes).
deflatedProfile(readCmykProfile(join(packageDir, 'profiles', SHIPPED_PROFILE_FILE)));
warmUp(join(packageDir, 'templates', 'init', 'content'));

/**
 * Runs the first stages on the bulletin `bulletin init` writes, so that the
 * snapshot holds the bytecode of the Markdown and YAML parsers and of the
 * cleaning rules: every build runs them, and compiling them from source on
 * first call was a sizeable part of a small build's CPU time (figures in
 * docs/performance.md). The trees it parses stay in the parser's cache by
 * their text, where they belong; nothing else is kept.
 */
function warmUp(dir: string): void {
  const document = <M>(name: string, parseMeta: (file: string, block: ReturnType<typeof frontMatterOf>) => { meta?: M }) => {
    const read = readSourceSync(join(dir, name));
    const source = { ...read, text: fillPlaceholders(read.text, new Date(2000, 0, 1)) };
    const tree = parseMarkdown(source.text);
    const meta = parseMeta(source.path, frontMatterOf(tree)).meta;
    if (!meta) throw new Error(`snapshot: ${source.path} has no valid front matter`);
    return { source, meta, tree };
  };
  const articles = readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'index.md').sort().map((n) => document(n, parseArticleMeta));
  cleanBulletin({ dir, index: document('index.md', parseIssueMeta), articles });
}

/** The blob's path, from `--snapshot-blob PATH` (or `=PATH`) among Node's own arguments. */
function blobPath(execArgv: readonly string[]): string | undefined {
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (a === '--snapshot-blob') return execArgv[i + 1];
    if (a.startsWith('--snapshot-blob=')) return a.slice('--snapshot-blob='.length);
  }
  return undefined;
}

startupSnapshot.setDeserializeMainFunction(() => {
  const blob = blobPath(process.execArgv);
  if (!blob) {
    process.stderr.write('bulletin: started from a snapshot without --snapshot-blob; run bin/bulletin or dist/cli.js\n');
    process.exitCode = 70;
    return;
  }
  // dist/cli.js of this install: files next to the program are found from it (module-url.ts).
  // bin/bulletin names the install's dist/ when the blob is in a cache folder
  // (written on the first run, scripts/snapshot-blob.mjs); else the blob is in dist/.
  const dist = resolve(process.env.BULLETIN_DIST || dirname(resolve(blob)));
  delete process.env.BULLETIN_DIST;
  globalThis.__bulletinBundleUrl = pathToFileURL(join(dist, 'cli.js')).href;
  void main(process.argv.slice(1)).then(exitWith);
});

/**
 * Drops the compiled code (bytecode) of every function not running now, so
 * that the snapshot keeps only their source. It is called once the modules
 * are evaluated: the functions that have run are their top levels, run once
 * here and never again, and a run starts with ~0.6 MB less to read and
 * deserialise (~2 ms). What runs after it (templates, warmUp) keeps its
 * bytecode, which every build would otherwise compile again from source. V8 flushes bytecode in a full
 * collection when --stress-flush-code is on; %CollectGarbage is V8's own call
 * for one, compiled while --allow-natives-syntax is on. Both options are
 * switched off again before the snapshot is written: it records V8's options,
 * and a run must start with the same ones (SNAPSHOT_V8_FLAGS in
 * scripts/build-snapshot.mjs). A V8 without either keeps the compiled code:
 * a larger snapshot, the same program.
 */
function dropCompiledCode(): void {
  try {
    setFlagsFromString('--allow-natives-syntax');
    const fullCollection = new Function('%CollectGarbage(0)') as () => void;
    setFlagsFromString('--stress-flush-code');
    fullCollection();
  } catch {
    // Kept compiled (see above).
  } finally {
    setFlagsFromString('--no-allow-natives-syntax');
    setFlagsFromString('--no-stress-flush-code');
  }
}
