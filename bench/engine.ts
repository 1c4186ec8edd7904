/**
 * The engine as the benchmark times it: src/engine bundled by esbuild into one
 * scope-hoisted CommonJS file, the way esbuild.js builds what we ship
 * (bundle, platform node, format cjs, target node20), then loaded with require.
 *
 * Why not just `import '../src/engine'`: `npm run bench` runs under tsx, which
 * compiles each .ts file to its own CommonJS module. Every cross-file call such
 * as `relu(x[i])` inside a kernel then becomes a getter call on the other
 * module's exports object, and whether V8 inlines it depends on what ran
 * before. Measured on this machine: the relu value kernel ran 4-6× slower
 * after relu's derivative kernel had run once on 1,024 elements, and not at all
 * slower when bundled. That measures the loader, not our kernels, so the bench
 * uses the bundle. `--unbundled` (after `npm run bench --`) times the tsx-loaded
 * source instead, to see that effect.
 *
 * The bundle goes to bench/results/ (git-ignored) and is rebuilt on every run.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Engine = typeof import('../src/engine');

export const engineUnbundled = process.argv.includes('--unbundled');

/** Bundles `entry` (relative to the repository root) into bench/results/ and loads it. */
export function loadBundle<T>(entry: string, outName: string): T {
  const outfile = path.join(__dirname, 'results', outName);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, '..', entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

function loadBundled(): Engine {
  return loadBundle<Engine>('src/engine/index.ts', 'engine.bundle.cjs');
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const engine: Engine = engineUnbundled ? (require('../src/engine') as Engine) : loadBundled();
