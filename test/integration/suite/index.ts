/**
 * Entry point of the integration tests inside the VS Code extension host.
 *
 * VS Code calls `run()` (the contract `@vscode/test-electron` and the web workbench's
 * `extensionTestsPath` share) once the extension under development is loaded. It is not
 * run from source: test/integration/harness/bundle.ts bundles this file to
 * out/integration/index.js and each `*.test.ts` here to out/integration/**\/*.test.js
 * (CommonJS, `vscode` and `mocha` left external). `mocha` is then resolved at run time
 * from the repository's node_modules, next to out/.
 */
import * as fs from 'fs';
import * as path from 'path';

type MochaCtor = typeof import('mocha');

function loadMocha(): MochaCtor {
  // mocha 12 is an ES module: require() gives its namespace ({ default: Mocha, ... });
  // older mocha (CommonJS) gives the constructor itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('mocha') as MochaCtor & { default?: MochaCtor };
  return mod.default ?? mod;
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export async function run(): Promise<void> {
  // After the suite, the harness loads the workbench again to check that a plot panel survives
  // a reload (harness/user-path.ts); it leaves an `idle` file: nothing to run, only the
  // extension under development to keep loaded.
  const handshake = process.env.ACTIVATION_LAB_VISUAL_DIR;
  if (handshake && fs.existsSync(path.join(handshake, 'idle'))) return new Promise<void>(() => undefined);
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // Output is forwarded through the browser (codeAutomationLog): no ANSI colours.
    color: false,
    timeout: 30_000,
  });
  const grep = process.env.ACTIVATION_LAB_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = findTests(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  for (const f of files) mocha.addFile(f);

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        resolve({ passed: runner.stats?.passes ?? 0, failed: failures });
      });
    } catch (err) {
      reject(err);
    }
  });
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
