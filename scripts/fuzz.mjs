// `npm run fuzz`: the fuzz test of tests/fuzz/fuzz.test.ts with 10,000 seeded
// bulletins (npm test runs 200), every 50th also through the binary. Every
// failing seed is listed at the end. FUZZ_COUNT and FUZZ_SEED choose other
// cases (`FUZZ_SEED=20001 npm run fuzz`), FUZZ_BINARY_EVERY how many go
// through the binary, FUZZ_KEEP=1 keeps the folders of failing cases.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_COUNT: process.env.FUZZ_COUNT ?? '10000', FUZZ_SHOW: process.env.FUZZ_SHOW ?? '200' };
const r = spawnSync('npx', ['vitest', 'run', 'tests/fuzz/fuzz.test.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
