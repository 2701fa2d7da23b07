// `npm run test:install` (run by .ci/run): packs this checkout, installs the
// tarball and a git URL of it with npm into fresh folders and runs what the
// README and docs/ci.md tell an editor to run. It downloads the dependencies
// from the registry and builds bulletin a few times: minutes, so it is not
// part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/install/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
