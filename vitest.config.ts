import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Packs, installs from the registry and runs npm: minutes, not seconds. `npm run test:install`, run by .ci/run.
    exclude: [...configDefaults.exclude, 'tests/install/**'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests build PDFs, and tests/e2e/ spawns the binary; two workers match the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
