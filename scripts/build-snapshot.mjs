// The start-up snapshot (src/snapshot.ts): the whole program, pdfkit and
// fontkit bundled into one CommonJS script, evaluated once here by
// `node --build-snapshot` (scripts/snapshot-blob.mjs), and saved as
// dist/bulletin.blob. bin/bulletin starts from it (about 100 ms less per run
// than loading dist/cli.js and its packages). The package ships the script,
// not the blob (a blob only works with the Node binary that wrote it): an
// install writes its blob on its first run, into a cache named by
// dist/build-id. Anything going wrong leaves no blob: bin/bulletin then runs
// dist/cli.js, which is the same program.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SNAPSHOT_V8_FLAGS, writeSnapshotBlob } from './snapshot-blob.mjs';

export { SNAPSHOT_V8_FLAGS };

const ENTRY = 'dist/snapshot-entry.cjs';
const BLOB = 'dist/bulletin.blob';
const NODE = 'dist/snapshot-node';
const BUILD_ID = 'dist/build-id';

// Why these V8 options (SNAPSHOT_V8_FLAGS, in scripts/snapshot-blob.mjs). A 192 MB initial
// heap: a 60-article issue grows its heap to ~130 MB, and with V8's default
// start the old generation was marked and compacted three times on the way
// (~75 ms, freeing almost nothing); now once (~4 ms). Peak memory is unchanged.
//
// --no-rehash-snapshot: by default V8 rehashes every string and hash table in
// the heap while it deserialises (so each run gets its own hash seed), ~7 ms
// of CPU a start with our heap. Without it a run keeps the random seed this
// build drew; that seed guards a server against inputs crafted to collide in
// its hash tables, which a command reading the author's own files does not need.
//
// --interrupt-budget=540672 (8 × V8's default of 66 KB of bytecode run before
// a function is considered for optimisation): a build is a short process,
// and with the default V8 sends hundreds of functions that run for a few
// milliseconds to TurboFan, whose compiling on background threads was about
// a third of a build's CPU time. With a larger budget only the functions
// that stay hot (line breaking, the page search, content scanning) are
// optimised. Figures in docs/performance.md.

// Modules pdfkit and fontkit require at load time that a build never calls:
// pdfkit's AES (encryption) and UAX #14 line breaker (its own text layout),
// fontkit's Brotli decoder (WOFF2). Left out of the snapshot they make it a
// third smaller (17.5 → 12 MB; deserialising costs ~3.5 ms a megabyte), and
// each is loaded from node_modules the first time something does call it
// (src/io/lazy-module.ts, installed by src/snapshot.ts).
const LEFT_OUT = ['@noble/ciphers/aes', 'linebreak', 'brotli/decompress.js'];

const leaveOut = {
  name: 'leave-out',
  setup(b) {
    const filter = new RegExp(`^(${LEFT_OUT.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `module.exports = globalThis.__bulletinLazyModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

export async function buildSnapshot({ external, define }) {
  for (const f of [BLOB, NODE, BUILD_ID, ENTRY]) rmSync(f, { force: true });
  if (process.env.BULLETIN_NO_SNAPSHOT) return;
  await build({
    entryPoints: ['src/snapshot.ts'],
    outfile: ENTRY,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // pdfkit, fontkit and the template validator (with the parts of ajv it
    // requires) are inside (src/snapshot.ts preloads them); the packages only
    // some commands use are required from node_modules at run time.
    external: external.filter((id) => !['pdfkit', 'fontkit', 'ajv'].includes(id)),
    // Files next to the program are found from the running install's dist/cli.js (src/io/module-url.ts).
    define: { ...define, 'import.meta.url': 'globalThis.__bulletinBundleUrl' },
    plugins: [leaveOut],
    // V8 keeps every function's source in the snapshot (to compile it when first
    // called): white space and comments out, names kept (profiles, stack traces).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
  const script = asciiOnly(readFileSync(ENTRY, 'utf8'));
  writeFileSync(ENTRY, script);
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  // Names an installed package's first-run snapshot (bin/bulletin): a new script, a new blob.
  writeFileSync(BUILD_ID, `${version}-${createHash('sha256').update(script).digest('hex').slice(0, 16)}\n`);
  const why = writeSnapshotBlob({ dist: resolve('dist'), dir: resolve('dist'), version });
  if (why) process.stderr.write(`build: no start-up snapshot (bin/bulletin will load dist/cli.js instead): ${why}\n`);
}

/**
 * The script with every character outside ASCII written as a `\uXXXX` escape.
 * Why: V8 keeps the script's source in the snapshot, and one character above
 * U+00FF anywhere (a Han character in a regular expression: esbuild escapes
 * strings and names, not regular expression literals) stores all of it as
 * UTF-16, twice the size: 1.4 MB more blob for every run to read, copy and
 * checksum (~4 ms a start). In a regular expression, string or name `\uXXXX`
 * means the character itself (in `u` mode a pair of surrogate escapes is one
 * code point), and an identity escape of the character (`\字`) becomes the
 * escape alone. (Only a tagged template's raw text would change; esbuild
 * leaves non-ASCII there, and the bundle has none.)
 */
export function asciiOnly(source) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: every character outside ASCII, from NUL up, is what is rewritten.
  return source.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, ch) => {
    let escaped = '';
    for (let i = 0; i < ch.length; i++) escaped += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    // An odd run of backslashes escaped the character itself: the \u escape takes that one's place.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escaped;
  });
}
