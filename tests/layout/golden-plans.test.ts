// The page search's plans, compared with the golden file
// tests/layout/golden-plans.txt: where every module of the sample (on both
// built-in templates) and of 50 seeded random bulletins goes (page, band,
// column, width, rows, items, split). A refactoring of the search
// (src/layout/search/) must reproduce them exactly.
//
// The plans also follow everything before the search: line composition
// (src/typeset/), Markdown parsing and cleaning change line counts, and so
// plans. A change that moves them on purpose regenerates the file and says
// why in its commit message:
//   node scripts/record-plans.mjs              # this tree's code → tests/layout/golden-plans.txt
//   node scripts/record-plans.mjs --ref main   # main's code (a temporary worktree), e.g. after a rebase
//   node scripts/record-plans.mjs --check      # lists the cases that differ, writes nothing
// A refactoring records with `--ref` the code it started from and checks that
// its own plans are the same; a change of composition or of the search's
// costs records its own plans and explains the difference.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGolden, planCases, recordCase } from './golden-plans.js';
import { tempDir } from '../helpers/cli.js';

const GOLDEN = fileURLToPath(new URL('./golden-plans.txt', import.meta.url));

describe('the golden plans', () => {
  const golden = parseGolden(readFileSync(GOLDEN, 'utf8'));
  const work = tempDir('bulletin-plans-');
  const cases = planCases();

  it('has a recorded plan for every case', () => {
    expect([...golden.keys()]).toEqual(cases.map((c) => c.name));
  });

  for (const c of cases) {
    it(`plans ${c.name} as recorded`, async () => {
      const plan = await recordCase(c, work);
      expect(plan.split('\n').length).toBeGreaterThan(1);
      expect(plan).toBe(golden.get(c.name));
    });
  }
});
