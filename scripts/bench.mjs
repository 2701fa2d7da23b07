#!/usr/bin/env node
// `npm run bench`: how fast bulletin is, measured the way editors and CI use it
// (the bundled binary, spawned), plus the in-process composition that `--watch`
// repeats. Prints a table and writes docs/performance.md. A script, not a test:
// speed varies with the machine, so it is reported, never asserted.
//
//   node scripts/bench.mjs [--runs N] [--no-write] [--only cold,scale,check,watch,compose,typst]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
// The installed command: the start-up snapshot when it was built, else dist/cli.js.
const BIN = join(ROOT, 'bin', 'bulletin');
const SAMPLE = join(ROOT, 'content');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const WRITE = !args.includes('--no-write');
const ONLY = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
const want = (part) => !ONLY || ONLY.has(part);

const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
if (!process.env.BENCH_KEEP) process.on('exit', () => rmSync(work, { recursive: true, force: true }));
else console.log(`keeping ${work}`);

// ---------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const mb = (kb) => (kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`);

/**
 * Runs `bin/bulletin ...args` once (`plain`: with BULLETIN_NO_SNAPSHOT=1, i.e.
 * `node dist/cli.js`): wall time seen by the parent (process start to exit,
 * what a user waits for), the child's CPU time (user + system, all its
 * threads: what a shared machine's load does not inflate much) and its peak RSS.
 */
function runOnce(cliArgs, { cwd = work, expectCode = 0, plain = false, command = BIN } = {}) {
  const cmd = TIME ? TIME : command;
  const argv = TIME ? ['-f', 'BENCH_MAXRSS_KB=%M BENCH_CPU_S=%U+%S', command, ...cliArgs] : cliArgs;
  const env = { ...process.env, CI: '1', ...(plain ? { BULLETIN_NO_SNAPSHOT: '1' } : {}) };
  // bin/bulletin clears it (Node parses every certificate in it at start-up); Typst's runner is started without it too.
  delete env.NODE_EXTRA_CA_CERTS;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
  const wall = performance.now() - t0;
  if (expectCode !== 'any' && r.status !== expectCode) {
    throw new Error(`${command} ${cliArgs.join(' ')} exited ${r.status} (expected ${expectCode}):\n${(r.stderr || '').slice(0, 2000)}`);
  }
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr);
  const c = /BENCH_CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { wall, cpu: c ? 1000 * (Number(c[1]) + Number(c[2])) : undefined, rssKb: m ? Number(m[1]) : undefined, stdout: r.stdout, stderr: r.stderr };
}

function measure(cliArgs, options = {}) {
  const runs = [];
  for (let i = 0; i < (options.runs ?? RUNS); i++) runs.push(runOnce(cliArgs, options));
  return summary(runs);
}

/** Several commands run in turn, `n` rounds (a, b, a, b, …): one summary each. */
function measureAlternately(commands, n) {
  const runs = commands.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [k, c] of commands.entries()) runs[k].push(runOnce(c.cliArgs, c.options));
  }
  return runs.map(summary);
}

function summary(runs) {
  return {
    wall: median(runs.map((r) => r.wall)),
    min: Math.min(...runs.map((r) => r.wall)),
    cpu: runs[0].cpu === undefined ? undefined : median(runs.map((r) => r.cpu)),
    cpuMin: runs[0].cpu === undefined ? undefined : Math.min(...runs.map((r) => r.cpu)),
    rssKb: runs[0].rssKb === undefined ? undefined : median(runs.map((r) => r.rssKb)),
    last: runs[runs.length - 1],
    n: runs.length,
  };
}

/** Whether a run started from the start-up snapshot, as `build -v` reports it (the runs above are not verbose: asked once here). */
function started() {
  const r = runOnce(['build', SAMPLE, '-o', join(work, 'started.pdf'), '-v']);
  return /started from: snapshot/.test(r.stdout + r.stderr) ? 'from the start-up snapshot' : 'no start-up snapshot (dist/bulletin.blob missing)';
}

function pdfPages(path) {
  // Count page objects; good enough for a report (not a parser).
  const text = readFileSync(path).toString('latin1');
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

// ------------------------------------------------------------ generators

const sampleFiles = readdirSync(SAMPLE).filter((n) => n.endsWith('.md')).sort();
const sampleArticles = sampleFiles.filter((n) => n !== 'index.md');
const hanOf = (s) => s.match(/\p{Script=Han}/gu) ?? [];
const sampleHan = [...new Set(sampleFiles.flatMap((n) => hanOf(readFileSync(join(SAMPLE, n), 'utf8'))))].sort();

/**
 * The sample's articles `times` times over. Plain copies would be dropped as
 * exact duplicates of the first copy (and flagged as near-duplicates by the
 * thousand), which is not a bigger bulletin: each copy's body gets its own
 * permutation of the sample's Han characters, so paragraphs differ while the
 * glyph set, paragraph lengths, punctuation and defects stay those of the sample.
 */
function scaledBulletin(times) {
  const dir = join(work, `x${times}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dir, { recursive: true });
  // The sample's page count (one page) is not the scaled bulletin's: it takes the pages it needs.
  writeFileSync(join(dir, 'index.md'), readFileSync(join(SAMPLE, 'index.md'), 'utf8').replace(/^pages:.*\n/m, ''));
  const n = sampleHan.length;
  const width = String(times * sampleArticles.length).length;
  let k = 0;
  for (let copy = 0; copy < times; copy++) {
    // An odd multiplier coprime with n gives a bijection; copy 0 is the sample itself.
    let mult = 1 + 2 * copy;
    while (gcd(mult, n) !== 1) mult += 2;
    const map = new Map(sampleHan.map((c, i) => [c, sampleHan[(i * mult + copy * 7) % n]]));
    for (const name of sampleArticles) {
      const text = readFileSync(join(SAMPLE, name), 'utf8');
      const end = text.indexOf('\n---', 3) + 4; // keep the front matter as is
      const body = copy === 0 ? text.slice(end) : text.slice(end).replace(/\p{Script=Han}/gu, (c) => map.get(c) ?? c);
      k++;
      writeFileSync(join(dir, `${String(k).padStart(width, '0')}-${name.replace(/^\d+-/, '')}`), text.slice(0, end) + body);
    }
  }
  return dir;
}
function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

/** A seeded generator: the same "random" bulletin on every run. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` articles of about `chars` characters each: varied sentences over the sample's characters. */
function generatedBulletin(count, chars) {
  const dir = join(work, `gen-${count}x${chars}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.md'), readFileSync(join(SAMPLE, 'index.md'), 'utf8').replace(/^pages:.*\n/m, ''));
  const rand = prng(20230616);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sentence = () => {
    let s = '';
    const clauses = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < clauses; c++) {
      const len = 6 + Math.floor(rand() * 14);
      for (let i = 0; i < len; i++) s += pick(sampleHan);
      if (rand() < 0.08) s += `“${pick(sampleHan)}${pick(sampleHan)}${pick(sampleHan)}${pick(sampleHan)}”`;
      if (rand() < 0.05) s += `${2000 + Math.floor(rand() * 30)}年`;
      s += c < clauses - 1 ? pick(['，', '，', '、', '；']) : pick(['。', '。', '。', '！', '？']);
    }
    return s;
  };
  const width = String(count).length;
  for (let a = 1; a <= count; a++) {
    const paragraphs = [];
    let total = 0;
    while (total < chars) {
      let p = '';
      const target = Math.min(chars - total, 80 + Math.floor(rand() * 300));
      while (p.length < target) p += sentence();
      paragraphs.push(p);
      total += p.length;
    }
    const fm = `---\ntitle: ${sentence().slice(0, 8)} ${sentence().slice(0, 9)}\nauthor: ${pick(sampleHan)}${pick(sampleHan)}${pick(sampleHan)}\nrole: ${sentence().slice(0, 12)}\n---\n\n`;
    writeFileSync(join(dir, `${String(a).padStart(width, '0')}-a${a}.md`), fm + paragraphs.join('\n\n') + '\n');
  }
  return dir;
}

const countChars = (dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .reduce((s, n) => s + [...readFileSync(join(dir, n), 'utf8')].length, 0);

// ------------------------------------------------------------ Typst

/** The Typst compiler the comparison installs, pinned: a native binary of about 50 MB, not a dependency of bulletin. */
const TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler';
const TYPST_VERSION = '0.7.0';
const TYPST_CACHE = join(ROOT, 'node_modules', '.cache', 'bulletin-bench', `typst-${TYPST_VERSION}`);

/** Installs Typst's Node compiler into TYPST_CACHE on first use; the path of a runner script, or undefined. */
function typstRunner() {
  const installed = join(TYPST_CACHE, 'node_modules', ...TYPST_PACKAGE.split('/'), 'package.json');
  if (!existsSync(installed)) {
    mkdirSync(TYPST_CACHE, { recursive: true });
    writeFileSync(join(TYPST_CACHE, 'package.json'), '{ "private": true }\n');
    console.log(`typst: installing ${TYPST_PACKAGE}@${TYPST_VERSION} into ${TYPST_CACHE} (once)`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', `${TYPST_PACKAGE}@${TYPST_VERSION}`], { cwd: TYPST_CACHE, encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(installed)) {
      console.log(`typst: npm install failed:\n${(r.stderr || '').slice(0, 1000)}`);
      return undefined;
    }
  }
  // The fonts bulletin sets the sample in: Noto Serif SC 400/700/900, Noto Sans SC, LXGW WenKai (the TTF bulletin caches).
  const serif = (w) => join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', w, `NotoSerifSC_${w}.ttf`);
  const kaiDir = join(ROOT, 'node_modules', '.cache', 'bulletin', 'fonts');
  const kai = existsSync(kaiDir) ? readdirSync(kaiDir).filter((n) => /^lxgw-wenkai-latin-500-.*\.ttf$/.test(n)).map((n) => join(kaiDir, n)) : [];
  const fonts = [serif('400Regular'), serif('700Bold'), serif('900Black'), join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'), ...kai];
  const runner = join(TYPST_CACHE, 'run.mjs');
  writeFileSync(runner, [
    '// Written by scripts/bench.mjs: compiles WORKSPACE/bulletin.typ to WORKSPACE/typst.pdf, as `typst compile` would.',
    `import { NodeCompiler } from ${JSON.stringify(pathToFileURL(join(TYPST_CACHE, 'node_modules', ...TYPST_PACKAGE.split('/'), 'index.js')).href)};`,
    "import { writeFileSync } from 'node:fs';",
    "import { join } from 'node:path';",
    'const workspace = process.argv[2];',
    `const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: ${JSON.stringify(fonts)} }] });`,
    "const pdf = compiler.pdf({ mainFilePath: join(workspace, 'bulletin.typ') });",
    "writeFileSync(join(workspace, 'typst.pdf'), pdf);",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated script's own template literal.
    "console.log(`pages=${(pdf.toString('latin1').match(/\\/Type\\s*\\/Page[^s]/g) ?? []).length}`);",
    '',
  ].join('\n'));
  return runner;
}

/** A folder with scripts/bench-typst.typ and the bulletin in `dir` as the bulletin.json it reads. */
function typstWorkspace(dir, name) {
  const ws = join(work, name);
  mkdirSync(ws, { recursive: true });
  cpSync(join(ROOT, 'scripts', 'bench-typst.typ'), join(ws, 'bulletin.typ'));
  const files = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  const index = markdownParts(readFileSync(join(dir, 'index.md'), 'utf8'));
  const articles = files.filter((n) => n !== 'index.md').map((n) => {
    const { meta, paragraphs } = markdownParts(readFileSync(join(dir, n), 'utf8'));
    return { title: meta.title ?? '', subtitle: meta.subtitle ?? null, byline: [meta.role, meta.author].filter(Boolean).join(' '), paragraphs };
  });
  const data = { title: index.meta.title ?? '', subtitle: index.meta.subtitle ?? '', issue: index.meta.issue ?? '', publishers: index.meta.publisher ?? [], lead: index.paragraphs, articles };
  writeFileSync(join(ws, 'bulletin.json'), JSON.stringify(data));
  return ws;
}

/** Front matter of `key: value` lines (and one `publisher:` list) and plain paragraphs: all the sample has. */
function markdownParts(text) {
  const end = text.indexOf('\n---', 3);
  const meta = {};
  let list;
  for (const line of text.slice(4, end).split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list) list.push(item[1].trim());
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv) {
      list = kv[2] === '' ? (meta[kv[1]] = []) : undefined;
      if (kv[2] !== '') meta[kv[1]] = kv[2].replace(/\s+#.*$/, '').trim();
    }
  }
  const paragraphs = text.slice(end + 4).split(/\n\s*\n/).map((p) => p.replace(/\s+/g, '').replace(/\*\*|^#+/g, '')).filter(Boolean);
  return { meta, paragraphs };
}

// ------------------------------------------------------------ watch

/** Starts `build --watch`, edits one paragraph `edits` times, returns the rebuild times the binary reports and edit→PDF times. */
async function measureWatch(edits) {
  const dir = join(work, 'watch', 'content');
  mkdirSync(dir, { recursive: true });
  cpSync(SAMPLE, dir, { recursive: true });
  // The edits lengthen the sample, which its one page (pages: 1) cannot hold: watched without a count.
  writeFileSync(join(dir, 'index.md'), readFileSync(join(SAMPLE, 'index.md'), 'utf8').replace(/^pages:.*\n/m, ''));
  const out = join(work, 'watch', 'bulletin.pdf');
  const child = spawn(BIN, ['build', dir, '-o', out, '--watch'], { cwd: work, env: { ...process.env, CI: '1' } });
  let err = '';
  const waiters = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    err += d;
    for (const w of [...waiters]) w();
  });
  const waitFor = (re, from, timeout = 120_000) =>
    new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`watch: timed out waiting for ${re}; stderr:\n${err}`)), timeout);
      const check = () => {
        const m = re.exec(err.slice(from));
        if (m) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          res(m);
        }
      };
      waiters.push(check);
      check();
    });
  try {
    await waitFor(/^watching /m, 0);
    const reported = [];
    const seen = [];
    const file = join(dir, sampleArticles[2]);
    const original = readFileSync(file, 'utf8');
    for (let i = 0; i < edits; i++) {
      const before = statSync(out).mtimeMs;
      const from = err.length;
      // One paragraph changes: a sentence appended to the last paragraph.
      writeFileSync(file, original.trimEnd() + `要把安全生产放在第${i + 1}位。\n`);
      const t0 = performance.now();
      const m = await waitFor(/^rebuilt .* in (\d+) ms/m, from);
      seen.push(performance.now() - t0);
      reported.push(Number(m[1]));
      if (statSync(out).mtimeMs === before) throw new Error('watch: the PDF did not change after a rebuild');
    }
    return { reported: median(reported), seen: median(seen), n: edits };
  } finally {
    child.kill('SIGTERM');
  }
}

// ------------------------------------------------------------ in-process composition

/**
 * Bundles src/pipeline/compile.ts next to dist/cli.js (so relative lookups of
 * templates and fonts behave as in the binary) and calls compile() in this
 * process: the first call pays for fonts and caches, later calls are what a
 * `--watch` rebuild costs.
 */
async function measureCompose(dirs) {
  const entry = join(ROOT, 'src', 'pipeline', 'compile.ts');
  if (!existsSync(entry)) return undefined;
  const { build } = await import('esbuild');
  const outfile = join(ROOT, 'dist', 'bench-compile.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pdfkit', 'fontkit', 'opentype.js', 'wawoff2', 'chokidar', 'pdfjs-dist'],
    banner: { js: "import { createRequire as __bcr } from 'node:module'; const require = __bcr(import.meta.url);" },
    logLevel: 'error',
  });
  const { compile } = await import(pathToFileURL(outfile).href);
  const results = [];
  for (const { label, dir } of dirs) {
    const calls = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await compile({ dir, quiet: true });
      calls.push({ wall: performance.now() - t0, timings: r.timings, pages: r.pages });
    }
    const warm = calls.slice(1);
    const stages = {};
    for (const key of Object.keys(warm[0]?.timings ?? {})) stages[key] = median(warm.map((c) => c.timings[key] ?? 0));
    results.push({ label, first: calls[0].wall, warm: median(warm.map((c) => c.wall)), stages, pages: calls[0].pages });
  }
  rmSync(outfile, { force: true });
  return results;
}

// ------------------------------------------------------------ run

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}
const rows = [];
const row = (what, size, r, target, note = '') => {
  rows.push({ what, size, time: `${ms(r.wall)} (${ms(r.min)})`, cpu: ms(r.cpu), rss: mb(r.rssKb), target, note });
  console.log(`${what.padEnd(44)} ${size.padEnd(26)} ${ms(r.wall).padStart(8)} ${`cpu ${ms(r.cpu)}`.padStart(12)} ${mb(r.rssKb).padStart(7)}  ${target}`);
};
// Other processes skew every figure: the load average is printed with the results.
const loadBefore = loadavg()[0];
console.log(`bulletin bench: ${RUNS} runs each, median; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average ${loadBefore.toFixed(1)}\n`);
if (loadBefore > cpus().length / 2) console.log(`warning: the machine is busy (load ${loadBefore.toFixed(1)} on ${cpus().length} cores): figures will be high\n`);

const sampleChars = countChars(SAMPLE);
let cold;
if (want('cold')) {
  // The font cache is part of a cold *process*, not a cold machine: one warm-up
  // run fills node_modules/.cache/bulletin (as the first build after install does).
  runOnce(['build', SAMPLE, '-o', join(work, 'warmup.pdf')]);
  cold = measure(['build', SAMPLE, '-o', join(work, 'sample.pdf')]);
  row('cold `build` of the sample', `${sampleArticles.length} articles, ${sampleChars} chars, ${pdfPages(join(work, 'sample.pdf'))} p.`, cold, '≤ 0.3 s, ≤ 150 MB', started(cold.last));
  // The same build without the start-up snapshot, for comparison.
  const plain = measure(['build', SAMPLE, '-o', join(work, 'sample-plain.pdf')], { plain: true });
  row('cold `build` of the sample, `node dist/cli.js`', 'same', plain, '', 'no start-up snapshot');
  const check = measure(['check', SAMPLE]);
  row('`check` of the sample', `${sampleChars} chars`, check, '');
}
const scale = [];
if (want('scale')) {
  for (const times of [20, 60]) {
    const dir = scaledBulletin(times);
    const out = join(work, `x${times}.pdf`);
    const r = measure(['build', dir, '-o', out], { runs: Math.min(RUNS, 3) });
    scale.push({ times, r });
    row(`cold \`build\`, ${times}× the sample's articles`, `${times * sampleArticles.length} articles, ${countChars(dir)} chars, ${pdfPages(out)} p.`, r, times === 60 ? '≤ 0.9 s' : '');
  }
}
if (want('check')) {
  const dir = generatedBulletin(1000, 2000);
  const r = measure(['check', dir], { runs: Math.min(RUNS, 3), expectCode: 'any' });
  row('`check`, 1,000 generated articles', `${(countChars(dir) / 1e6).toFixed(2)} M chars`, r, '');
}
let watch;
if (want('watch')) {
  // More edits than runs: the first rebuilds also warm up the JIT.
  watch = await measureWatch(Math.max(RUNS, 10));
  rows.push({ what: '`build --watch`: rebuild after a one-paragraph edit (reported by bulletin)', size: 'sample', time: ms(watch.reported), cpu: '—', rss: '—', target: '≤ 100 ms', note: '' });
  rows.push({ what: '`build --watch`: edit saved → rebuild line printed', size: 'sample', time: ms(watch.seen), cpu: '—', rss: '—', target: '', note: 'includes the debounce and the watcher' });
  console.log(`${'watch rebuild (reported)'.padEnd(44)} ${'sample'.padEnd(26)} ${ms(watch.reported).padStart(8)}          ≤ 100 ms`);
  console.log(`${'watch: save → rebuilt line'.padEnd(44)} ${'sample'.padEnd(26)} ${ms(watch.seen).padStart(8)}`);
}
let compose;
if (want('compose')) {
  compose = await measureCompose([
    { label: 'sample', dir: SAMPLE },
    { label: '20× the sample', dir: scaledBulletin(20) },
  ]);
  for (const c of compose ?? []) {
    const stages = Object.entries(c.stages).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
    rows.push({ what: `compile() in process, first call / warm (${c.label})`, size: `${c.pages} p.`, time: `${ms(c.first)} / ${ms(c.warm)}`, cpu: '—', rss: '—', target: '', note: stages });
    console.log(`${`compile() ${c.label}: first / warm`.padEnd(44)} ${`${c.pages} p.`.padEnd(26)} ${ms(c.first)} / ${ms(c.warm)}  ${stages}`);
  }
  if (!compose) console.log('compile(): src/pipeline/compile.ts not found, skipped');
}

// Typst side by side: the same content (the sample, and 60×) set by Typst's Node compiler in a
// fresh process, against bulletin's cold builds above. The ratio is of CPU time, which other
// processes on a shared machine inflate far less than wall time.
const typst = [];
if (want('typst')) {
  const runner = typstRunner();
  if (!runner) console.log('typst: could not install the compiler (see above), skipped');
  const cases = runner ? [{ label: 'the sample', dir: SAMPLE, times: 1 }, { label: '60× the sample', dir: scaledBulletin(60), times: 60 }] : [];
  for (const c of cases) {
    const ws = typstWorkspace(c.dir, `typst-x${c.times}`);
    runOnce([runner, ws], { command: process.execPath });
    const out = join(work, `typst-side-x${c.times}.pdf`);
    // Alternating, so that the other processes on the machine weigh on both alike.
    const [t, b] = measureAlternately([{ cliArgs: [runner, ws], options: { command: process.execPath } }, { cliArgs: ['build', c.dir, '-o', out], options: {} }], c.times > 1 ? Math.max(3, Math.min(RUNS, 5)) : RUNS);
    const pages = Number(/pages=(\d+)/.exec(t.last.stdout)?.[1] ?? 0);
    typst.push({ label: c.label, typst: t, typstPages: pages, bulletin: b, bulletinPages: pdfPages(out) });
    console.log(`${`typst / bulletin, ${c.label}`.padEnd(44)} cpu ${ms(t.cpu)} / ${ms(b.cpu)} (ratio ${ratio(b.cpu, t.cpu)}), wall ${ms(t.wall)} / ${ms(b.wall)} (ratio ${ratio(b.wall, t.wall)})`);
  }
}

function ratio(a, b) {
  return a === undefined || b === undefined ? '—' : (a / b).toFixed(2);
}

function typstTable() {
  const head = ['| content | bulletin CPU | Typst CPU | ratio (CPU) | bulletin wall | Typst wall | ratio (wall) | pages (bulletin / Typst) |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  return head.concat(typst.map((r) => `| ${r.label} | ${ms(r.bulletin.cpu)} | ${ms(r.typst.cpu)} | ${ratio(r.bulletin.cpu, r.typst.cpu)} | ${ms(r.bulletin.wall)} | ${ms(r.typst.wall)} | ${ratio(r.bulletin.wall, r.typst.wall)} | ${r.bulletinPages} / ${r.typstPages} |`)).join('\n');
}

if (WRITE && !ONLY) {
  let table = ['| what | size | time: median (fastest) | CPU: median | peak RSS | target | note |', '| --- | --- | --- | --- | --- | --- | --- |']
    .concat(rows.map((r) => `| ${r.what} | ${r.size} | ${r.time} | ${r.cpu} | ${r.rss} | ${r.target} | ${r.note} |`))
    .join('\n');
  if (typst.length > 0) table += `\n\nSide by side with Typst ${TYPST_VERSION} (its Node compiler, \`scripts/bench-typst.typ\`), each a fresh process, the same runs:\n\n${typstTable()}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${RUNS} runs per figure (median, fastest in brackets; 3 for the large bulletins), load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end`;
  const path = join(ROOT, 'docs', 'performance.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\nMeasured on ${machine}.\n\n${table}\n${end}`;
  const next = old.includes(start) ? old.slice(0, old.indexOf(start)) + block + old.slice(old.indexOf(end) + end.length) : `${old}\n${block}\n`;
  writeFileSync(path, next);
  console.log(`\nwrote ${path}`);
}
