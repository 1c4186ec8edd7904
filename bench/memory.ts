/**
 * `npm run bench` (third step): peak memory of relu over a 16M-element float32 tensor
 * (64 MiB) through the CLI, issue 16's target being at most 3× the tensor's size
 * (192 MiB) for the whole process.
 *
 * Each case runs the CLI (dist/cli.js, built first by esbuild.js) in a child process of its own, which reports its peak resident set size
 * (process.resourceUsage().maxRSS, what /usr/bin/time -v calls "Maximum resident set
 * size") from a preloaded exit hook. The CLI's own footprint (`eval "1"`) is printed
 * too: that much of the peak is Node and our code, not the tensors.
 *
 * Writes bench/results/memory.json. A MISS is reported, not fatal (exit 0).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MiB = 1024 * 1024;
const ELEMENTS = 16 * 1024 * 1024;
const TENSOR_BYTES = ELEMENTS * 4;
const LIMIT = 3 * TENSOR_BYTES;

const results = path.join(__dirname, 'results');
fs.mkdirSync(results, { recursive: true });
const root = path.join(__dirname, '..');
// the CLI as it ships, from this checkout's src/ (a second or two)
execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'ignore' });
const cli = path.join(root, 'dist', 'cli.js');
const hook = path.join(results, 'max-rss-hook.cjs');
fs.writeFileSync(hook, "process.on('exit', () => require('fs').writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n");

const x = `linspace(-1, 1, ${ELEMENTS}, dtype="float32")`;
const notebook = path.join(os.tmpdir(), `activation-lab-relu-${process.pid}.actnb`);
fs.writeFileSync(notebook, JSON.stringify({
  activationNotebook: 1, metadata: {},
  cells: [{ kind: 'code', source: `x = ${x}` }, { kind: 'code', source: 'relu(x)' }],
}));

interface Case { readonly name: string; readonly args: readonly string[]; readonly target: boolean }
const cases: readonly Case[] = [
  { name: 'the CLI alone: eval "1"', args: ['eval', '1'], target: false },
  { name: `eval "x = ${x}; shape(relu(x))"`, args: ['eval', `x = ${x}\nshape(relu(x))`], target: true },
  { name: `eval "relu(${x})", printed`, args: ['eval', `relu(${x})`], target: true },
  { name: 'run NOTEBOOK: x = linspace(...) then relu(x), printed', args: ['run', notebook], target: true },
];

/** The child's peak RSS in bytes. */
function peakRss(args: readonly string[]): number {
  const file = path.join(os.tmpdir(), `activation-lab-rss-${process.pid}`);
  execFileSync(process.execPath, ['--require', hook, cli, ...args], { env: { ...process.env, MAX_RSS_FILE: file }, stdio: ['ignore', 'ignore', 'inherit'] });
  const bytes = Number(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  return bytes;
}

const measured = cases.map((c) => ({ ...c, peakBytes: peakRss(c.args) }));
fs.unlinkSync(notebook);
const checked = measured.filter((c) => c.target);
const pass = checked.every((c) => c.peakBytes <= LIMIT);

console.log(`Peak memory: relu over ${ELEMENTS.toLocaleString('en-US')} float32 elements (${TENSOR_BYTES / MiB} MiB) through the CLI, peak RSS of the whole process`);
const alone = measured[0]!.peakBytes;
console.log('        peak RSS  / tensor  above the CLI alone');
for (const c of measured) {
  const verdict = c.target ? (c.peakBytes <= LIMIT ? 'PASS' : 'MISS') : '    ';
  const above = c === measured[0] ? '' : `${((c.peakBytes - alone) / TENSOR_BYTES).toFixed(2)}×`;
  console.log(`  ${verdict}  ${(c.peakBytes / MiB).toFixed(1).padStart(6)} MiB  ${(c.peakBytes / TENSOR_BYTES).toFixed(2).padStart(5)}×  ${above.padStart(6)}  ${c.name}`);
}
console.log(`  ${pass ? 'PASS' : 'MISS'} peak RSS of relu over a 16M float32 tensor through the CLI ≤ 3× the tensor (${LIMIT / MiB} MiB)`);
const report = {
  generated: new Date().toISOString(),
  node: process.version,
  elements: ELEMENTS,
  tensorBytes: TENSOR_BYTES,
  limitBytes: LIMIT,
  cases: measured.map(({ name, args, target, peakBytes }) => ({ name, args, target, peakBytes, overTensor: peakBytes / TENSOR_BYTES })),
  targets: { 'peak RSS of relu over a 16M float32 tensor through the CLI ≤ 3× the tensor': pass },
};
const out = path.join(results, 'memory.json');
fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`  written to ${path.relative(process.cwd(), out)}`);
