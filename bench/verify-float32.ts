/**
 * `npm run verify:float32`: every float32 shortcut (src/engine/simd/float32-shortcuts.ts)
 * over all 2^32 float32 inputs, the wasm kernel (shortcut, and the kernel where the
 * shortcut's rounding is undecided) against the JavaScript kernel, bit for bit.
 *
 * The shortcuts' error bounds are argued in their comments; this proves the claim they
 * serve, "the same float32 as the kernel", for every input there is. A proof by
 * exhaustion, not a test: some minutes per kernel, so the unit tests run a strided sample
 * (test/unit/engine/simd/float32-shortcuts.test.ts) and this runs by hand after a change.
 *
 * Options: `--stride=N` checks every Nth bit pattern (1: all); `--only=elu,sigmoid`.
 */
import { allocate, defaultParameters, parametersFor, runElementwise } from '../src/engine';
import { wasmEntries } from '../src/engine/simd/elementwise-module';

const argv = process.argv.slice(2);
const stride = Number(argv.find((a) => a.startsWith('--stride='))?.slice('--stride='.length) ?? 1);
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const CHUNK = 1 << 22;

const x = allocate('float32', CHUNK) as Float32Array;
const bits = new Uint32Array(x.buffer, x.byteOffset, CHUNK);
const wasm = allocate('float32', CHUNK) as Float32Array;
const js = new Float32Array(CHUNK);
let failures = 0;

for (const entry of wasmEntries()) {
  if (only && !only.includes(entry.name)) continue;
  for (const kind of ['value', 'derivative'] as const) {
    if (!entry.wasm.float32?.[kind]) continue;
    const p = parametersFor('float32', defaultParameters(entry));
    const started = Date.now();
    let checked = 0, mismatches = 0;
    const examples: string[] = [];
    for (let start = 0; start < 2 ** 32; start += CHUNK * stride) {
      for (let i = 0; i < CHUNK; i++) bits[i] = (start + i * stride) >>> 0;
      const n = Math.min(CHUNK, Math.ceil((2 ** 32 - start) / stride));
      runElementwise(entry, kind, x.subarray(0, n), wasm.subarray(0, n), p);
      entry.kernels[kind](x.subarray(0, n), js.subarray(0, n), p);
      for (let i = 0; i < n; i++) {
        const a = wasm[i]!, b = js[i]!;
        if (!(Object.is(a, b) || (a !== a && b !== b))) {
          mismatches++;
          if (examples.length < 5) examples.push(`x = ${x[i]} (0x${bits[i]!.toString(16)}): wasm ${a}, JavaScript ${b}`);
        }
      }
      checked += n;
    }
    failures += mismatches;
    console.log(`${entry.name} ${kind} float32: ${checked.toLocaleString('en')} inputs, ${mismatches} differ (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const e of examples) console.log(`  ${e}`);
  }
}
console.log(failures === 0 ? 'every shortcut gives the kernel\'s bits' : `${failures} inputs differ`);
process.exitCode = failures === 0 ? 0 : 1;
