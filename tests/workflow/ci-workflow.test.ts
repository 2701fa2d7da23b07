// The CI workflows we hand out (init's .github/workflows/bulletin.yml and the
// one in docs/ci.md) are run here as far as they can be without GitHub: their
// structure is checked, and every `npx bulletin …` step is executed with the
// real binary in a project made by `bulletin init`, in the step order, and must
// leave the file the artifact step uploads. (The same with `npm ci` and a
// packed bulletin: tests/install/, run by .ci/run.)
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  env?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

/** `npx bulletin check "$BULLETIN_DIR" --strict` → argv after `bulletin`, variables expanded. */
function bulletinArgs(run: string, env: Record<string, string>): string[] | undefined {
  const m = /^npx bulletin (.*)$/.exec(run.trim());
  if (!m) return undefined;
  const words = m[1].match(/"[^"]*"|\S+/g) ?? [];
  return words.map((w) => w.replace(/^"|"$/g, '').replace(/\$(\w+)|\$\{(\w+)\}/g, (_, a, b) => env[a ?? b] ?? ''));
}

function exercise(wf: Workflow): void {
  const steps = Object.values(wf.jobs)[0].steps;
  const index = (pred: (s: Step) => boolean) => steps.findIndex(pred);
  // Install with npm ci; the font cache is restored after it (npm ci empties node_modules).
  const ci = index((s) => /\bnpm ci\b/.test(s.run ?? ''));
  const cache = index((s) => (s.uses ?? '').startsWith('actions/cache@') && s.with?.path === 'node_modules/.cache/bulletin');
  expect(ci).toBeGreaterThan(0);
  expect(cache).toBeGreaterThan(ci);
  expect(index((s) => (s.uses ?? '').startsWith('actions/checkout@'))).toBe(0);
  expect(steps.find((s) => (s.uses ?? '').startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);

  const env = { ...(wf.env ?? {}) };
  const root = tempDir();
  expect(env.BULLETIN_DIR).toBe('content');
  expect(runCli(['init'], { cwd: root }).code).toBe(0);
  const ran: string[] = [];
  for (const step of steps) {
    const args = step.run ? bulletinArgs(step.run, env) : undefined;
    if (!args) continue;
    const r = runCli(args, { cwd: root });
    expect(r.code, `${step.run}\n${r.stdout}${r.stderr}`).toBe(0);
    ran.push(args[0]);
  }
  expect(ran).toEqual(['check', 'build']);
  const upload = steps.find((s) => (s.uses ?? '').startsWith('actions/upload-artifact@'));
  const uploaded = join(root, String(upload?.with?.path));
  expect(existsSync(uploaded)).toBe(true);
  expect(readFileSync(uploaded).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('CI workflows', () => {
  it('init’s .github/workflows/bulletin.yml runs check --strict --format github and build --press', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    const wf = parse(readFileSync(join(dir, '.github', 'workflows', 'bulletin.yml'), 'utf8')) as Workflow;
    exercise(wf);
  });

  it('the workflow in docs/ci.md does the same with the bulletin in content/', () => {
    const md = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(md);
    expect(block).not.toBeNull();
    const wf = parse(block![1]) as Workflow;
    exercise(wf);
  });
});
