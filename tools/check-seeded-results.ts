/**
 * Same seed, same numbers, in every runtime: runs tools/seeded-results.ts under this Node
 * (the CLI's, 20) and under the Node 24 that VS Code's code-server runs extensions with
 * (the integration harness's, installed into ~/.cache/activation-lab by its ensureNode when
 * missing), and fails unless the two outputs are identical byte for byte.
 *
 *     npm run test:determinism      (part of `npm test`)
 *
 * The script is bundled with esbuild first, as dist/ is built, so both runtimes run the
 * same JavaScript; nothing else is compared than what it prints.
 */
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureNode } from './vscode-server/install';

/** How many differing lines to show when the outputs differ. */
const SHOWN = 10;

function runUnder(node: string, script: string): { version: string; output: Buffer } {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const r = spawnSync(node, [script], { maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`node ${version} ${script} exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  return { version, output: r.stdout };
}

/** The lines that differ, as `name` and the two values, for the log. */
function differences(a: string, b: string): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) out.push(`  line ${i + 1}:\n    ${la[i] ?? '(missing)'}\n    ${lb[i] ?? '(missing)'}`);
  }
  return out;
}

async function main(): Promise<void> {
  const node24 = await ensureNode();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lab-seeded-'));
  try {
    const script = path.join(dir, 'seeded-results.js');
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, 'seeded-results.ts')],
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: script, logLevel: 'warning',
    });
    const here = runUnder(process.execPath, script);
    const there = runUnder(node24, script);
    const lines = here.output.toString('utf8').split('\n').length - 1;
    if (here.version === there.version) console.log(`[determinism] note: both runtimes are node ${here.version}`);
    if (here.output.equals(there.output)) {
      console.log(`[determinism] ${lines} seeded results (${here.output.length} bytes) are identical under node ${here.version} and node ${there.version}`);
      return;
    }
    const diff = differences(here.output.toString('utf8'), there.output.toString('utf8'));
    console.error(`[determinism] FAILED: ${diff.length} of ${lines} seeded results differ between node ${here.version} (first) and node ${there.version} (second):`);
    console.error(diff.slice(0, SHOWN).join('\n') + (diff.length > SHOWN ? `\n  ... and ${diff.length - SHOWN} more` : ''));
    process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`[determinism] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
