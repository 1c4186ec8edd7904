/**
 * `npm run test:desktop`: the same integration suite in a downloaded desktop
 * VS Code, through @vscode/test-electron, for people with internet access.
 *
 * It cannot run on the project's own machines (no route to VS Code's update
 * servers); there the suite runs through code-server with main.ts. The visual
 * phase needs the code-server harness's browser and skips itself here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, REPO_ROOT } from './bundle';

async function main(): Promise<void> {
  const testsIndex = await bundleSuite();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lab-desktop-'));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'integration', 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsIndex,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`test:desktop failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
