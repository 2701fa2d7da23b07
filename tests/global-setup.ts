// Before the suite: builds the bundled binary once, so every test that spawns
// `bulletin` runs exactly what `npm install` leaves behind; and gives the run
// a temp folder of its own. TMPDIR points there for the test workers and every
// program they start, so whatever a test or the program under test leaves in
// the temp folder goes with the run. Tests remove their own folders as they
// finish (tests/setup/remove-temp-dirs.ts); this is what catches the rest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A run's folder: bulletin-tests-PID-XXXXXX in the system temp folder. */
const RUN_FOLDER = /^bulletin-tests-(\d+)-/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders of runs whose process is gone (a run stopped before its teardown), removed. */
function removeAbandonedRuns(parent: string): void {
  for (const name of readdirSync(parent)) {
    const run = RUN_FOLDER.exec(name);
    if (run && !alive(Number(run[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export default function setup(): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const parent = tmpdir();
  removeAbandonedRuns(parent);
  const runFolder = mkdtempSync(join(parent, `bulletin-tests-${process.pid}-`));
  process.env.TMPDIR = runFolder;
  return () => {
    rmSync(runFolder, { recursive: true, force: true });
    process.env.TMPDIR = parent;
  };
}
