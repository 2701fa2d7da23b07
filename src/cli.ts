// The `bulletin` binary as a plain ES module bundle (dist/cli.js): runs the
// command line once. bin/bulletin starts the same program from a start-up
// snapshot when one was built for this Node (src/snapshot.ts).
import { exitWith, main } from './cli/main.js';

exitWith(await main(process.argv.slice(2)));
