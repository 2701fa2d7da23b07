// The allowed directions between the stages of src/ (docs/design/ARCHITECTURE.md).
// `npm run lint:deps` checks them; .ci/run and `npm test` fail on a breach.
// Breaches that existed when a rule was written are listed in
// .dependency-cruiser-known-violations.json (made by `npx depcruise-baseline`):
// they are reported as known, every new one fails. Mending one removes it from
// that file; never add to it to let new code through.

/** Each stage and the stages it may import, besides itself. */
const STAGES = {
  diagnostics: [],
  io: ['diagnostics'],
  content: ['diagnostics', 'io'],
  clean: ['content', 'diagnostics'],
  fonts: ['diagnostics', 'io'],
  typeset: ['fonts', 'diagnostics'],
  design: ['content', 'diagnostics', 'fonts', 'io', 'typeset'],
  images: ['content', 'diagnostics', 'io', 'layout'],
  layout: ['content', 'design', 'diagnostics', 'fonts', 'images', 'typeset'],
  render: ['design', 'diagnostics', 'fonts', 'images', 'io', 'layout'],
  pipeline: ['clean', 'content', 'design', 'diagnostics', 'fonts', 'images', 'io', 'layout', 'render', 'typeset'],
  workflow: ['content', 'diagnostics', 'io'],
  import: ['clean', 'content', 'diagnostics', 'io', 'workflow'],
  preview: ['content', 'diagnostics', 'io', 'layout', 'pipeline', 'workflow'],
  cli: ['clean', 'content', 'design', 'diagnostics', 'fonts', 'images', 'import', 'io', 'layout', 'pipeline', 'preview', 'render', 'workflow'],
};

const stageRules = Object.entries(STAGES).map(([stage, allowed]) => ({
  name: `stage-${stage}`,
  severity: 'error',
  comment: `src/${stage}/ may import only ${allowed.length > 0 ? allowed.map((s) => `src/${s}/`).join(', ') : 'itself'} (docs/design/ARCHITECTURE.md).`,
  from: { path: `^src/${stage}/` },
  to: { path: '^src/', pathNot: `^src/(${[stage, ...allowed].join('|')})/` },
}));

/** Preflight checks the PDF's bytes: it reads them with its own parser and nothing of the writer. */
const PREFLIGHT = '^src/render/(preflight[^/]*|pdf-reader|xmp-read|content-scan|standards)\\.ts$';

/** Node's modules that read or write files, spawn programs or open sockets. */
const IO_MODULES = '^(node:)?(fs|fs/promises|child_process|net|http|https|dgram|worker_threads)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: a module and what it imports form a tree, so each can be read and tested on its own.',
      from: {},
      to: { circular: true },
    },
    ...stageRules,
    {
      name: 'entry-points-only-at-the-top',
      severity: 'error',
      comment: 'src/cli.ts and src/snapshot.ts start the program: nothing in src/ imports them, and only they and src/cli/ import the commands.',
      from: { path: '^src/', pathNot: '^src/(cli\\.ts|snapshot\\.ts|cli/)' },
      to: { path: '^src/(cli\\.ts|snapshot\\.ts|cli/)' },
    },
    {
      name: 'preflight-reads-only-bytes',
      severity: 'error',
      comment: "Preflight reads only the PDF's bytes (its parser, XMP reader and the standards' rules): nothing of layout, render's writer or pdfkit.",
      from: { path: PREFLIGHT },
      to: { pathNot: [PREFLIGHT, '^src/diagnostics/', '^(node:)?zlib$'] },
    },
    {
      name: 'io-at-the-edges',
      severity: 'error',
      comment: 'Files are read at the start and the PDF written at the end (ARCHITECTURE): clean, typeset, layout, render and preflight work on data they are given.',
      from: { path: '^src/(clean|typeset|layout|render)/' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'pdfkit-in-render',
      severity: 'error',
      comment: 'pdfkit writes the PDF: only render (and the start-up snapshot that preloads it) uses it.',
      from: { path: '^src/', pathNot: '^src/(render/|snapshot\\.ts$)' },
      to: { path: '^node_modules/pdfkit/' },
    },
    {
      name: 'src-not-from-tests-or-scripts',
      severity: 'error',
      comment: 'The program does not import its tests or build scripts.',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no compiler API for dependency-cruiser; swc parses the sources, type imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
