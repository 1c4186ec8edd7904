/**
 * Bundles the integration suite for the VS Code extension host.
 *
 *   npx tsx test/integration/harness/bundle.ts
 *
 * test/integration/suite/index.ts           -> out/integration/index.js
 * test/integration/suite/**\/*.test.ts       -> out/integration/**\/*.test.js
 *
 * Each file is its own CommonJS bundle (so index.js can find the tests by name at run time
 * and hand them to mocha), with `vscode` (given by the extension host) and `mocha`
 * (resolved from the repository's node_modules) left external. Source code under src/ that
 * a test imports is bundled into that test. out/ is git-ignored.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SUITE_DIR = path.join(REPO_ROOT, 'test', 'integration', 'suite');
export const OUT_DIR = path.join(REPO_ROOT, 'out', 'integration');
export const TESTS_INDEX = path.join(OUT_DIR, 'index.js');

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

export async function bundleSuite(): Promise<string> {
  const t0 = Date.now();
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const entryPoints = [path.join(SUITE_DIR, 'index.ts'), ...findTests(SUITE_DIR)];
  await esbuild.build({
    entryPoints,
    outdir: OUT_DIR,
    outbase: SUITE_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    // As in esbuild.js: jsonc-parser's UMD "main" does require()s esbuild cannot follow (a test
    // that reads .actnb files, like notebook.test.ts, would fail to load: "Cannot find module
    // './impl/format'"); its ES module build bundles cleanly.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  });
  console.log(`[harness:bundle] ${entryPoints.length} file(s) -> ${path.relative(REPO_ROOT, OUT_DIR)}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return TESTS_INDEX;
}

if (require.main === module) {
  bundleSuite().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
