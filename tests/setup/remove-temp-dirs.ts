// Run in every test file (vitest setupFiles): the folders the file made with
// tempDir() (tests/helpers/cli.ts) are removed when its tests are done, so a
// run does not pile up thousands of them.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/cli.js';

afterAll(() => removeTempDirs());
