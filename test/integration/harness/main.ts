/**
 * One command for the real-VS-Code integration tests:
 *
 *   npm run build && npx tsx test/integration/harness/main.ts
 *
 * 1. tools/vscode-server/install.ts: Debian chromium + libkrb5-dev if missing, code-server@4.139.1 and Node 24
 *    into the cache folder outside the checkout (instant once done);
 * 2. bundle.ts: test/integration/suite -> out/integration/;
 * 3. run.ts: code-server + headless chromium, tests in the extension host.
 *
 * It does not build the extension: dist/extension.js must come from `npm run build`.
 * Exits 0 only when every test passed.
 */
import { bundleSuite, REPO_ROOT } from './bundle';
import { install } from '../../../tools/vscode-server/install';
import { runIntegrationTests } from './run';

async function main(): Promise<number> {
  const t0 = Date.now();
  const installation = await install({ browser: true, log: (msg) => console.log(`[harness:install] ${msg}`) });
  const testsIndex = await bundleSuite();
  const code = await runIntegrationTests({ installation, testsIndex, extensionPath: REPO_ROOT });
  console.log(`[harness] ${code === 0 ? 'PASSED' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[harness] FAILED: ${err instanceof Error ? err.stack ?? err.message : err}`);
    process.exit(1);
  },
);
