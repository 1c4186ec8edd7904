/**
 * `npm run bench`: our activation kernels against TensorFlow.js (cpu and wasm
 * backends), a plain Math.* loop and the copy bandwidth, on 4M-element float32
 * and float64 inputs, in one process and one run.
 *
 * Prints a table of medians, a table of ratios (ours / other: below 1 means
 * ours is faster) and PASS/MISS for issue 16's targets, and writes all
 * of it to bench/results/activations.json. A MISS is reported, never fatal:
 * this is a measurement, not a test, so the process exits 0.
 *
 * Phases run one after another rather than interleaved per activation, because
 * a tfjs tensor lives in one backend: switching backends between cases would
 * make tfjs move data and time the move. Order: copy, our kernels and the
 * plain loops (JavaScript only), then tfjs-wasm, then tfjs-cpu.
 *
 * Options (after `npm run bench --`): `--quick` uses 256K elements and fewer
 * runs (for trying changes to the bench itself); `--only=relu,gelu` limits the
 * activations; `--unbundled` times the engine loaded through tsx instead of
 * bundled (see engine.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measure, measureTasks, type Timing, type TimingOptions, defaultTiming, secondaryTiming } from './timing';
import {
  ACTIVATIONS, DTYPES, KINDS, maxAbsDiff, uniformInput,
  type ActivationName, type DType, type FloatArray, type Kind,
} from './candidates/common';
import { copyLoop } from './candidates/copy';
import { engine, engineUnbundled } from './engine';
import { hasWasmKernels, oursAllocating, oursKernel, oursParameters, oursWasm } from './candidates/ours';
import { plainLoops } from './candidates/plain';
import {
  liveTensors, tfjsCandidate, tfjsInput, TFJS_VERSION, useBackend, WASM_DIR,
  type BackendInfo, type BackendName,
} from './candidates/tfjs';

const SEED = 0x5eed;
const RANGE = [-6, 6] as const;
/** Absolute difference from our output above which a candidate is flagged as computing something else. */
const SANITY_TOLERANCE = 1e-4;

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const N = quick ? 256 * 1024 : 4 * 1024 * 1024;
const timing: TimingOptions = quick ? { warmup: 3, runs: 7, slowRuns: 5, slowThresholdMs: 100 } : defaultTiming;
/** For ours-alloc and the tfjs "+sync" columns, which the targets do not use. */
const timing2: TimingOptions = quick ? timing : secondaryTiming;
const activations: readonly ActivationName[] = only
  ? ACTIVATIONS.filter((a) => only.includes(a))
  : ACTIVATIONS;

type Candidate = 'oursWasm' | 'streamed' | 'ours' | 'oursAlloc' | 'plain' | 'tfjsWasm' | 'tfjsWasmSync' | 'tfjsCpu' | 'tfjsCpuSync';

interface Row {
  readonly activation: ActivationName;
  readonly dtype: DType;
  readonly kind: Kind;
  readonly timings: Partial<Record<Candidate, Timing>>;
  /** max |candidate - ours| over all elements, for candidates that produce an output. */
  readonly maxAbsDiffFromOurs: Partial<Record<'plain' | 'tfjsWasm' | 'tfjsCpu', number>>;
  /** Set instead of a tfjs timing when that figure does not exist (float64) or failed. */
  readonly unavailable: Partial<Record<'tfjsWasm' | 'tfjsCpu', string>>;
  /** Elements where the wasm path's bits differ from the JavaScript loop's (should be 0; any NaN equals any NaN). */
  wasmBitMismatches?: number;
  /** The same for the wasm path over JavaScript arrays (streamed through staging buffers). */
  streamedBitMismatches?: number;
  /** Tensors left alive by a tfjs candidate (should be 0). */
  readonly leakedTensors: Partial<Record<'tfjsWasm' | 'tfjsCpu', number>>;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function alphaFor(name: ActivationName): number {
  const p = oursParameters(name);
  return typeof p.alpha === 'number' ? p.alpha : 1;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const base = uniformInput(N, RANGE[0], RANGE[1], SEED);
  const inputs: Record<DType, FloatArray> = { float32: Float32Array.from(base), float64: base };
  const outputs: Record<DType, FloatArray> = { float32: new Float32Array(N), float64: new Float64Array(N) };
  const scratch: Record<DType, FloatArray> = { float32: new Float32Array(N), float64: new Float64Array(N) };
  // the engine's own tensors: allocate() puts large ones in the tensor heap, where kernels run on them in place
  const inHeap = (dtype: DType, from?: FloatArray): FloatArray => {
    const a = engine.allocate(dtype, N);
    if (from) a.set(from);
    return a;
  };
  const heapInputs: Record<DType, FloatArray> = { float32: inHeap('float32', inputs.float32), float64: inHeap('float64', inputs.float64) };
  const heapOutputs: Record<DType, FloatArray> = { float32: inHeap('float32'), float64: inHeap('float64') };
  const resident = DTYPES.every((d) => engine.tensorHeap()?.holds(heapInputs[d]) && engine.tensorHeap()?.holds(heapOutputs[d]));
  if (!resident) log('bench: WARNING the tensor heap did not take the inputs; ours-wasm streams them');

  const rows: Row[] = [];
  for (const activation of activations) {
    for (const dtype of DTYPES) {
      for (const kind of KINDS) {
        rows.push({ activation, dtype, kind, timings: {}, maxAbsDiffFromOurs: {}, unavailable: {}, leakedTensors: {} });
      }
    }
  }

  // --- Phase 1: copy bandwidth -------------------------------------------------
  log(`bench: ${N.toLocaleString('en-US')} elements, ${activations.length} activations`);
  const copy: Record<DType, Timing> = {
    float32: measure(() => copyLoop(inputs.float32, outputs.float32), timing),
    float64: measure(() => copyLoop(inputs.float64, outputs.float64), timing),
  };

  // --- Phase 2: our kernels, our allocating API, plain loops -------------------
  // Prime every JS loop with both dtypes on a small array first. Kernels take
  // Float32Array | Float64Array, and in real use see both; priming makes their
  // type feedback polymorphic before V8 optimises them, so a row's figure does
  // not depend on whether the float32 or the float64 row happened to run first.
  const small: Record<DType, FloatArray> = { float32: inputs.float32.slice(0, 1024), float64: inputs.float64.slice(0, 1024) };
  for (const activation of activations) {
    for (const kind of KINDS) {
      for (const dtype of DTYPES) {
        const out = dtype === 'float32' ? new Float32Array(1024) : new Float64Array(1024);
        oursKernel(activation, kind)(small[dtype], out);
        // the wasm path over several staging chunks, a few times: V8 tiers up the streaming loop
        // and the wasm function only after they have run a while, and the first row would pay for it
        const several = inputs[dtype].subarray(0, 65536);
        const severalOut = dtype === 'float32' ? new Float32Array(several.length) : new Float64Array(several.length);
        for (let i = 0; i < 8; i++) oursWasm(activation, kind)(several, severalOut);
        plainLoops[activation][kind](small[dtype], out, alphaFor(activation));
      }
    }
  }
  for (const row of rows) {
    const { activation, dtype, kind } = row;
    log(`  js   ${activation} ${dtype} ${kind}`);
    const x = inputs[dtype];
    const wasm = oursWasm(activation, kind);
    row.timings.oursWasm = measure(() => wasm(heapInputs[dtype], heapOutputs[dtype]), timing);
    const ours = oursKernel(activation, kind);
    row.timings.ours = measure(() => ours(x, outputs[dtype]), timing);
    row.wasmBitMismatches = bitMismatches(heapOutputs[dtype], outputs[dtype]);
    row.timings.streamed = measure(() => wasm(x, scratch[dtype]), timing);
    row.streamedBitMismatches = bitMismatches(scratch[dtype], outputs[dtype]);
    const plain = plainLoops[activation][kind];
    const alpha = alphaFor(activation);
    row.timings.plain = measure(() => plain(x, scratch[dtype], alpha), timing);
    row.maxAbsDiffFromOurs.plain = maxAbsDiff(scratch[dtype], outputs[dtype]);
    // each run a task of its own, as a notebook cell: between runs the collector's cleanups give
    // the dead outputs' heap blocks back (in one synchronous loop they would fill the heap)
    row.timings.oursAlloc = await measureTasks(oursAllocating(activation, kind, heapInputs[dtype]), timing2);
  }

  // --- Phases 3 and 4: tfjs, one backend at a time ------------------------------
  const backends: Partial<Record<BackendName, BackendInfo | { error: string }>> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    const key = backend === 'wasm' ? 'tfjsWasm' : 'tfjsCpu';
    const syncKey = backend === 'wasm' ? 'tfjsWasmSync' : 'tfjsCpuSync';
    let info: BackendInfo;
    try {
      info = await useBackend(backend);
      backends[backend] = info;
      log(`tfjs ${backend} ready${info.wasmFilesRead.length ? `: loaded ${info.wasmFilesRead.map((f) => path.basename(f)).join(', ')}` : ''}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      backends[backend] = { error: message };
      log(`tfjs ${backend} FAILED: ${message}`);
      for (const row of rows) row.unavailable[key] = `failed: ${message}`;
      continue;
    }
    const x = tfjsInput(inputs.float32 as Float32Array);
    for (const row of rows) {
      if (row.dtype === 'float64') {
        row.unavailable[key] = 'n/a (float32 only)';
        continue;
      }
      log(`  ${backend} ${row.activation} ${row.kind}`);
      const before = liveTensors();
      const candidate = tfjsCandidate(row.activation, row.kind, alphaFor(row.activation), x);
      row.timings[key] = measure(candidate.op, timing);
      row.timings[syncKey] = measure(candidate.opAndSync, timing2);
      // Our output for the same case, recomputed (one kernel call) rather than kept from phase 2.
      oursKernel(row.activation, row.kind)(inputs.float32, outputs.float32);
      row.maxAbsDiffFromOurs[key] = maxAbsDiff(candidate.result(), outputs.float32);
      row.leakedTensors[key] = liveTensors() - before;
    }
    x.dispose();
  }

  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  report({ rows, copy, backends, totalSeconds, resident });
}

// --- Reporting ------------------------------------------------------------------

interface Results {
  readonly rows: readonly Row[];
  readonly copy: Record<DType, Timing>;
  readonly backends: Partial<Record<BackendName, BackendInfo | { error: string }>>;
  readonly totalSeconds: number;
  /** Whether the heap took the inputs and outputs (ours-wasm ran on them in place). */
  readonly resident: boolean;
}

type Ratio = number | string;

type RatioKey = 'copy' | 'streamedOverCopy' | 'tfjsWasm' | 'tfjsWasmSync' | 'tfjsCpu' | 'plain' | 'ours';

/** ours-wasm (what applyActivation runs) over each other figure. */
function ratiosOf(row: Row, copy: Record<DType, Timing>): Record<RatioKey, Ratio> {
  const ours = row.timings.oursWasm!.medianMs;
  const over = (key: Exclude<RatioKey, 'copy' | 'streamedOverCopy'>): Ratio => {
    const t = row.timings[key];
    if (t) return ours / t.medianMs;
    return ((key === 'tfjsWasm' || key === 'tfjsWasmSync') && row.unavailable.tfjsWasm) || (key === 'tfjsCpu' && row.unavailable.tfjsCpu) || 'n/a';
  };
  return {
    copy: ours / copy[row.dtype].medianMs,
    streamedOverCopy: row.timings.streamed ? row.timings.streamed.medianMs / copy[row.dtype].medianMs : 'n/a',
    tfjsWasm: over('tfjsWasm'), tfjsWasmSync: over('tfjsWasmSync'),
    tfjsCpu: over('tfjsCpu'), plain: over('plain'), ours: over('ours'),
  };
}

/** Elements whose bits differ (NaN matches NaN). */
function bitMismatches(a: FloatArray, b: FloatArray): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (!(Object.is(a[i], b[i]) || (a[i] !== a[i] && b[i] !== b[i]))) count++;
  return count;
}

function ms(t: Timing | undefined, fallback = 'n/a'): string {
  return t ? t.medianMs.toFixed(2) : fallback;
}

function ratioText(r: Ratio): string {
  return typeof r === 'number' ? `${r.toFixed(2)}×` : r;
}

function table(header: readonly string[], body: readonly (readonly string[])[], leftColumns: number): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

interface Target {
  readonly id: number;
  readonly description: string;
  readonly status: 'PASS' | 'MISS';
  readonly checked: number;
  readonly misses: readonly string[];
  readonly details: readonly string[];
}

/** The six activations the issue wants at least as fast as tfjs-wasm op-only. */
const OP_ONLY_TARGETS: readonly string[] = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'silu', 'elu'];

function checkTargets(rows: readonly Row[], copy: Record<DType, Timing>): Target[] {
  const label = (r: Row) => `${r.activation} ${r.dtype} ${r.kind}`;
  const targets: Target[] = [];
  const target = (id: number, description: string, chosen: readonly Row[], ratio: (r: Row) => number | string, limit: number) => {
    const details: string[] = [];
    const misses: string[] = [];
    for (const r of chosen) {
      const q = ratio(r);
      if (typeof q === 'string') {
        misses.push(`${label(r)}: ${q}`);
        continue;
      }
      details.push(`${label(r)} ${q.toFixed(2)}× ${q <= limit ? 'PASS' : 'MISS'}`);
      if (!(q <= limit)) misses.push(`${label(r)} ${q.toFixed(2)}×`);
    }
    targets.push({ id, description, status: misses.length || !details.length ? 'MISS' : 'PASS', checked: chosen.length, misses, details });
  };
  const float32 = rows.filter((r) => r.dtype === 'float32');
  const q = (r: Row) => ratiosOf(r, copy);
  const reluValue = rows.filter((r) => r.activation === 'relu' && r.kind === 'value');
  target(1, 'relu value within 1.5× of copy time (per dtype)', reluValue, (r) => q(r).copy as number, 1.5);
  // the other design of point 3, for comparison: the same kernels over JavaScript arrays, through staging buffers
  target(1.1, 'for comparison, not a target: relu value streamed from JavaScript arrays within 1.5× of copy', reluValue, (r) => q(r).streamedOverCopy, 1.5);
  target(2, 'every float32 activation (value and derivative) at least as fast as tfjs-wasm+sync', float32, (r) => q(r).tfjsWasmSync, 1);
  target(3, `float32 ${OP_ONLY_TARGETS.join(', ')} at least as fast as tfjs-wasm op-only`, float32.filter((r) => OP_ONLY_TARGETS.includes(r.activation)), (r) => q(r).tfjsWasm, 1);
  target(4, 'gelu (float32) within 1.0× of tfjs-wasm\'s erf composition', float32.filter((r) => r.activation === 'gelu'), (r) => q(r).tfjsWasm, 1);
  target(5, 'no activation slower than the plain Math.* loop', rows, (r) => q(r).plain, 1);
  {
    const misses = rows.filter((r) => r.wasmBitMismatches !== 0 || (r.streamedBitMismatches ?? 0) !== 0)
      .map((r) => `${label(r)}: ${r.wasmBitMismatches} elements differ (streamed: ${r.streamedBitMismatches ?? 'n/a'})`);
    targets.push({ id: 6, description: 'wasm and JavaScript paths bit-identical on every row', status: misses.length ? 'MISS' : 'PASS', checked: rows.length, misses, details: [] });
  }
  return targets;
}

function wasmBinaryDescription(backends: Results['backends']): string {
  const wasm = backends.wasm;
  if (!wasm) return 'not run';
  if ('error' in wasm) return `failed to load: ${wasm.error}`;
  const files = wasm.wasmFilesRead.map((f) => path.basename(f));
  return `${files.join(', ') || '(no .wasm read observed)'} (WASM_HAS_SIMD_SUPPORT=${wasm.simdFlag}, WASM_HAS_MULTITHREAD_SUPPORT=${wasm.threadsFlag}), from ${WASM_DIR}`;
}

function report({ rows, copy, backends, totalSeconds, resident }: Results): void {
  const bytesPerElement = { float32: 4, float64: 8 };
  const gbps = (d: DType) => (2 * N * bytesPerElement[d]) / (copy[d].medianMs / 1e3) / 1e9;

  const notes = [
    `${N.toLocaleString('en-US')} elements, uniform in [${RANGE[0]}, ${RANGE[1]}] from mulberry32(seed ${SEED}); the float32 input is the float64 input rounded; every candidate gets the same data.`,
    `Figures are medians of ${timing.runs} timed runs (${timing.slowRuns} when a warm-up run exceeded ${timing.slowThresholdMs} ms) after ${timing.warmup} warm-up runs, timed with process.hrtime.bigint; ours-alloc and the "+sync" columns use ${timing2.runs} (${timing2.slowRuns}) runs. On this VM, medians moved by up to ~30% between two full runs, so ratios within ~1.3× of 1 can flip between runs.`,
    engineUnbundled
      ? 'Engine loaded from source through tsx (--unbundled): cross-file calls are module getters, so JIT inlining, and these figures, depend on what ran before.'
      : 'Engine bundled with esbuild (as dist/ is built) before timing; under tsx\'s file-by-file transform V8 inlines cross-file helpers inconsistently (see bench/engine.ts).',
    `ours-wasm = runElementwise(def, kind, x, y, p) with x and y made by the engine's allocate(), so in the tensor heap (src/engine/simd/tensor-heap.ts): the entry's WebAssembly SIMD kernel runs on them where they are, as on every large tensor the engine makes${resident ? '' : ' (NOT THIS RUN: the heap refused them, so they were streamed)'}; rows marked * have no wasm kernel yet and time the JavaScript loop. streamed = the same over JavaScript arrays, which the kernel sees through 64 KiB staging buffers (copy in, compute, copy out): the other design of issue 16 point 3, and what arrays outside the heap get. ours-js = def.kernels.value|derivative(x, y, p), the JavaScript fallback (the same bits: target 6). ours-alloc = applyActivation / applyActivationDerivative(name, tensor) on the heap tensor, which also resolves the name and parameters and allocates the output.`,
    'plain = a textbook for-loop over Math.* into a preallocated output, one function literal per formula. Math has no erf, so plain gelu uses the engine\'s own erf (src/engine).',
    'copy = TypedArray.prototype.set of the same input into a preallocated array of the same dtype.',
    'tfjs figures are op-only (`tf.tidy(() => op(x)).dispose()`): on the cpu and wasm backends ops run synchronously, so the result exists when the call returns. The "+sync" columns add y.dataSync(), which on wasm copies the result out of the wasm heap and on cpu returns the backend\'s array.',
    'tfjs derivatives are tf.grad(f)(x), as a tfjs user would write them: forward pass plus backward pass with dy = 1 (ours and plain compute f\'(x) directly).',
    'tfjs has no float64 dtype (float tensors are float32 on every backend), so its float64 rows are n/a.',
    'tfjs compositions where it has no op: gelu = 0.5*x*(1+erf(x/sqrt2)) (exact form, like ours by default), silu = x*sigmoid(x). leaky_relu uses alpha = 0.01 everywhere (our and PyTorch\'s default; tfjs defaults to 0.2); elu alpha = 1 (tf.elu\'s only value).',
    'JS loops (ours, plain) are primed with both Float32Array and Float64Array before timing, so they are measured polymorphic, as in real use, independent of row order; the wasm path is primed 8 times over 64K elements of each dtype (V8 tiers up the streaming loop and each wasm function after a while).',
    `tfjs wasm binary: ${wasmBinaryDescription(backends)}.`,
    'Ratios are ours-wasm / other: below 1 means ours is faster.',
  ];

  const medianHeader = ['activation', 'dtype', 'kind', 'copy', 'ours-wasm', 'streamed', 'ours-js', 'ours-alloc', 'plain', 'tfjs-wasm', 'wasm+sync', 'tfjs-cpu', 'cpu+sync'];
  const mark = (r: Row) => (hasWasmKernels(r.activation) ? '' : '*');
  const medianBody = rows.map((r) => [
    r.activation + mark(r), r.dtype, r.kind, ms(copy[r.dtype]), ms(r.timings.oursWasm), ms(r.timings.streamed), ms(r.timings.ours), ms(r.timings.oursAlloc), ms(r.timings.plain),
    ms(r.timings.tfjsWasm, r.unavailable.tfjsWasm), ms(r.timings.tfjsWasmSync, r.unavailable.tfjsWasm ? '' : 'n/a'),
    ms(r.timings.tfjsCpu, r.unavailable.tfjsCpu), ms(r.timings.tfjsCpuSync, r.unavailable.tfjsCpu ? '' : 'n/a'),
  ]);
  const ratioHeader = ['activation', 'dtype', 'kind', '/copy', 'streamed/copy', '/ours-js', '/tfjs-wasm', '/wasm+sync', '/tfjs-cpu', '/plain'];
  const ratioBody = rows.map((r) => {
    const q = ratiosOf(r, copy);
    return [r.activation + mark(r), r.dtype, r.kind, ratioText(q.copy), ratioText(q.streamedOverCopy), ratioText(q.ours), ratioText(q.tfjsWasm), ratioText(q.tfjsWasmSync), ratioText(q.tfjsCpu), ratioText(q.plain)];
  });
  const targets = checkTargets(rows, copy);

  const sanity: string[] = [];
  for (const r of rows) {
    for (const [who, d] of Object.entries(r.maxAbsDiffFromOurs)) {
      if (!(d <= SANITY_TOLERANCE)) sanity.push(`${r.activation} ${r.dtype} ${r.kind}: ${who} differs from ours by up to ${d}`);
    }
    for (const [who, leaked] of Object.entries(r.leakedTensors)) {
      if (leaked !== 0) sanity.push(`${r.activation} ${r.kind}: ${who} left ${leaked} tensors alive`);
    }
  }

  const out: string[] = [];
  out.push(`Activation benchmark: ${N.toLocaleString('en-US')} elements; tfjs ${TFJS_VERSION}; node ${process.version}; ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`);
  out.push('');
  out.push(`Copy bandwidth (TypedArray.prototype.set): float32 ${copy.float32.medianMs.toFixed(2)} ms (${gbps('float32').toFixed(1)} GB/s read+write), float64 ${copy.float64.medianMs.toFixed(2)} ms (${gbps('float64').toFixed(1)} GB/s)`);
  out.push('');
  out.push('Medians (ms)');
  out.push(table(medianHeader, medianBody, 3));
  out.push('');
  out.push('Ratios (ours-wasm / other; < 1 means ours is faster)');
  out.push(table(ratioHeader, ratioBody, 3));
  out.push('');
  out.push('Targets');
  for (const t of targets) {
    out.push(`  ${t.status}  (${t.id}) ${t.description}: ${t.checked} checked, ${t.misses.length} missed`);
    if (t.id === 1 || t.id === 1.1 || t.id === 4) out.push(`        ${t.details.join('; ')}`);
    for (const m of t.misses) out.push(`        miss: ${m}`);
  }
  out.push('');
  out.push(sanity.length ? 'Sanity checks (outputs vs ours, tensor leaks):' : `Sanity checks: every candidate's output is within ${SANITY_TOLERANCE} of ours; no tfjs tensors leaked.`);
  for (const s of sanity) out.push(`  WARNING ${s}`);
  out.push('');
  out.push('Notes');
  for (const n of notes) out.push(`  - ${n}`);
  out.push('');
  const resultsPath = path.join(__dirname, 'results', 'activations.json');
  out.push(`Total bench time ${totalSeconds.toFixed(1)} s. Results written to ${path.relative(process.cwd(), resultsPath)}.`);
  process.stdout.write(`${out.join('\n')}\n`);

  const json = {
    generated: new Date().toISOString(),
    machine: { node: process.version, v8: process.versions.v8, cpu: os.cpus()[0]?.model, cores: os.cpus().length, platform: `${os.platform()} ${os.arch()}` },
    elements: N,
    input: { distribution: `uniform [${RANGE[0]}, ${RANGE[1]}]`, prng: 'mulberry32', seed: SEED },
    timing,
    secondaryTiming: timing2,
    engine: engineUnbundled ? 'src/engine via tsx (unbundled)' : 'src/engine bundled by esbuild (bench/results/engine.bundle.cjs)',
    tfjs: { version: TFJS_VERSION, backends, wasmBinary: wasmBinaryDescription(backends) },
    copy: { float32: { ...copy.float32, gbPerSecond: gbps('float32') }, float64: { ...copy.float64, gbPerSecond: gbps('float64') } },
    rows: rows.map((r) => ({ ...r, parameters: oursParameters(r.activation), ratios: ratiosOf(r, copy) })),
    targets,
    sanity,
    notes,
    totalSeconds,
  };
  fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
  fs.writeFileSync(resultsPath, `${JSON.stringify(json, null, 2)}\n`);
}

main().catch((error: unknown) => {
  // A crash is a real error (unlike a MISS), so it does fail the process.
  console.error(error);
  process.exitCode = 1;
});
