/**
 * Entry point of the `activation-lab` command-line tool (bundled by esbuild.js
 * to dist/cli.js). All logic lives in src/cli/.
 */
import { runCli } from './cli/program';

// exitCode, not process.exit(): stdout must be flushed first when it is a pipe.
process.exitCode = runCli(process.argv);
