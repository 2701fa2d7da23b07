// Installing bulletin the way the README and docs/ci.md say, for real: `npm
// pack` in this checkout, then `npm install ./bulletin-x.y.z.tgz` in an empty
// folder, `npx bulletin init` and `npx bulletin build` there; a project made by
// `bulletin init --from TARBALL`, and one made with `--from git+file://…` (a
// git repository of this checkout's files), each running the commands of the
// CI workflow init wrote, in order, as GitHub's runner would (bash -eo
// pipefail), `npm ci` included. npm 11 runs a dependency's install scripts only
// when the project approves them: every install here passes
// --strict-allow-scripts, which fails on any script not approved.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';

const work = tempDir('bulletin-install-test-');

/** The environment of a fresh shell: none of the npm_* variables `npm run` sets for this test. */
const env: Record<string, string> = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !/^npm_/i.test(k) && v !== undefined) as [string, string][]),
  // Snapshots an install cannot write beside itself go here, not into the user's own cache.
  XDG_CACHE_HOME: join(work, 'xdg-cache'),
  NO_UPDATE_NOTIFIER: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

interface Ran {
  code: number | null;
  out: string;
}

function sh(cwd: string, command: string, extra: Record<string, string> = {}): Ran {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    env: { ...env, ...extra },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: r.status, out: `$ ${command}\n${r.stdout}${r.stderr}` };
}

function ok(cwd: string, command: string, extra: Record<string, string> = {}): string {
  const r = sh(cwd, command, extra);
  expect(r.code, r.out).toBe(0);
  return r.out;
}

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** Runs every `run:` step of the project's workflow, in order, with the workflow's env; returns the artifact's path. */
function runWorkflow(project: string): string {
  const wf = parse(readFileSync(join(project, '.github', 'workflows', 'bulletin.yml'), 'utf8')) as {
    env?: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(wf.jobs)[0].steps;
  const runs = steps.filter((s) => s.run).map((s) => s.run!);
  expect(runs[0]).toMatch(/^npm ci\b/);
  for (const run of runs) {
    const out = ok(project, run, wf.env ?? {});
    // An install script npm would have asked about (it runs none of bulletin's).
    expect(out).not.toMatch(/install-scripts/);
  }
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  const artifact = join(project, String(upload?.with?.path));
  expect(readFileSync(artifact).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return artifact;
}

/** A git repository holding this checkout's files as they are now (tracked and new, not ignored). */
function gitRepository(): string {
  const repo = join(work, 'bulletin.git-source');
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  expect(listed.status, listed.stderr).toBe(0);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(join(repo, file, '..'), { recursive: true });
    copyFileSync(join(ROOT, file), join(repo, file));
  }
  ok(repo, 'git init -q && git add -A && git -c user.name=test -c user.email=test@example.org commit -qm bulletin');
  return repo;
}

let tarball = '';
let packed: string[] = [];

beforeAll(() => {
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path);
  // prepack takes `prepare` out of package.json for the tarball; postpack puts it back.
  expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toBe(manifest);
});

// Four projects with node_modules and the npm clone: over a gigabyte.
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bulletin installed from a packed tarball and from git', () => {
  it('packs the compiled dist/ and a package.json without install scripts', () => {
    for (const f of ['bin/bulletin', 'dist/cli.js', 'dist/snapshot-entry.cjs', 'dist/build-id', 'dist/template-validator.cjs', 'scripts/snapshot-blob.mjs', 'templates/newspaper.yaml', 'package.json']) {
      expect(packed, f).toContain(f);
    }
    // No blob (it works only in the Node that wrote it), no sources.
    expect(packed.filter((f) => f.endsWith('.blob') || f.startsWith('src/'))).toEqual([]);
    const pkg = JSON.parse(ok(work, `tar -xzOf ${JSON.stringify(tarball)} package/package.json`).replace(/^\$ .*\n/, '')) as { scripts: Record<string, string> };
    for (const event of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[event], event).toBeUndefined();
  });

  it('installs into an empty folder with `npm install ./bulletin-x.y.z.tgz`; `npx bulletin init`, `build` and the workflow work there', () => {
    const dir = join(work, 'installed-first');
    mkdirSync(dir);
    const name = tarball.split('/').pop()!;
    copyFileSync(tarball, join(dir, name));
    const out = ok(dir, `npm install --strict-allow-scripts ./${name}`);
    expect(out).not.toMatch(/install-scripts/);
    expect(ok(dir, 'npx bulletin init')).toMatch(/already depends on bulletin \(file:bulletin-/);
    // The first run writes the start-up snapshot into node_modules/.cache; every run after starts from it.
    expect(ok(dir, 'npx bulletin build -v')).toMatch(/started from: snapshot/);
    expect(existsSync(join(dir, 'node_modules', '.cache', 'bulletin', 'snapshot'))).toBe(true);
    expect(ok(join(dir, 'content'), 'npx bulletin build -o ../again.pdf -v')).toMatch(/started from: snapshot/);
    expect(readFileSync(join(dir, 'bulletin.pdf')).equals(readFileSync(join(dir, 'again.pdf')))).toBe(true);
    runWorkflow(dir);
  });

  it('a project made by `bulletin init --from TARBALL` installs and runs its workflow as written', () => {
    const bulletin = join(work, 'installed-first', 'node_modules', '.bin', 'bulletin');
    const project = join(work, 'news');
    ok(work, `${JSON.stringify(bulletin)} init news --from ${JSON.stringify(tarball)}`);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies.bulletin).toMatch(/^file:vendor\/bulletin-.*\.tgz$/);
    ok(project, 'npm install --strict-allow-scripts');
    expect(existsSync(join(project, 'package-lock.json'))).toBe(true);
    runWorkflow(project);
  });

  it('a project that depends on a git URL (git+file://) installs, builds it with its prepare script, and runs its workflow', () => {
    const repo = gitRepository();
    const bulletin = join(work, 'installed-first', 'node_modules', '.bin', 'bulletin');
    const project = join(work, 'from-git');
    const url = `git+file://${repo}`;
    ok(work, `${JSON.stringify(bulletin)} init from-git --from ${JSON.stringify(url)}`);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies.bulletin).toBe(url);
    expect(pkg.allowScripts).toEqual({ [url]: true });
    // Strict: npm fails on any script not approved, here and in the clone npm builds bulletin in (esbuild's is denied there).
    ok(project, 'npm install --strict-allow-scripts');
    expect(existsSync(join(project, 'node_modules', 'bulletin', 'dist', 'cli.js'))).toBe(true);
    runWorkflow(project);
  });
});
