/**
 * Running an entry's elementwise kernel the fastest way this thread can, with
 * the same bits either way: the WebAssembly loop (elementwise-module.ts) where
 * WebAssembly SIMD exists and the entry has a `wasm` field that accepts the
 * parameters, else the entry's JavaScript loop.
 *
 * The arrays stay where they are (JavaScript memory). The wasm loop sees them
 * through a staging buffer in its own memory, a chunk at a time: copy in (a
 * memcpy), compute in place, copy out. The buffer stays in cache, so the copies
 * cost about what the kernel's own read and write would, and nothing of the
 * tensor's size is allocated (bench/run.ts measures this against the plain copy).
 */
import type { ElementwiseDefinition, FloatArray, ParameterValues } from '../activations/definition';
import { elementwiseInstance, type ElementwiseInstance, type KernelFunction, type KernelKind, STAGING_ELEMENTS } from './elementwise-module';

/** Below this many elements the JavaScript loop is as fast as the call into wasm and back. */
const WASM_FROM = 32;

export type ValueKernel = (x: FloatArray, y: FloatArray, p: ParameterValues) => void;
export type BackwardKernel = (x: FloatArray, g: FloatArray, dx: FloatArray, p: ParameterValues) => void;

/** The wasm loop for this entry, kind and dtype, when there is one that takes these parameters. */
function wasmLoop(definition: ElementwiseDefinition, kind: KernelKind, x: FloatArray, p: ParameterValues): { run: KernelFunction; instance: ElementwiseInstance } | undefined {
  const wasm = definition.wasm;
  if (!wasm || x.length < WASM_FROM || (wasm.accepts && !wasm.accepts(p))) return undefined;
  const instance = elementwiseInstance();
  const run = instance?.kernel(definition, kind, x instanceof Float32Array ? 'float32' : 'float64');
  return run && instance ? { run, instance } : undefined;
}

/**
 * y = kernel(x) (and g for backward) through the staging buffer, chunk by chunk.
 * Counts passed to wasm are rounded up to even: the loop does two lanes a step,
 * and the extra lane reads and writes only the buffer.
 */
function stream(instance: ElementwiseInstance, run: KernelFunction, x: FloatArray, g: FloatArray | undefined, y: FloatArray, parameters: readonly number[]): void {
  const f32 = x instanceof Float32Array;
  const heap = f32 ? new Float32Array(instance.memory.buffer) : new Float64Array(instance.memory.buffer);
  const size = f32 ? 4 : 8;
  const input = instance.input / size;
  const gradient = instance.gradient / size;
  const [p0 = 0, p1 = 0, p2 = 0] = parameters;
  const n = x.length;
  for (let start = 0; start < n; start += STAGING_ELEMENTS) {
    const end = Math.min(n, start + STAGING_ELEMENTS);
    const whole = start === 0 && end === n;
    heap.set(whole ? x : x.subarray(start, end), input);
    if (g) heap.set(whole ? g : g.subarray(start, end), gradient);
    run(instance.input, instance.gradient, instance.input, (end - start + 1) & ~1, p0, p1, p2);
    y.set(heap.subarray(input, input + end - start), start);
  }
}

function parameterList(definition: ElementwiseDefinition, p: ParameterValues): number[] {
  return (definition.wasm?.parameters ?? []).map((name) => p[name] as number);
}

/** f(x) or f'(x) into y (which may be x). */
export function runElementwise(definition: ElementwiseDefinition, kind: 'value' | 'derivative', x: FloatArray, y: FloatArray, p: ParameterValues): void {
  const loop = wasmLoop(definition, kind, x, p);
  if (loop) stream(loop.instance, loop.run, x, undefined, y, parameterList(definition, p));
  else definition.kernels[kind](x, y, p);
}

/**
 * dx = f'(x) g in one pass, rounded once to dx's type: the entry's own backward
 * kernel where it has one, else the derivative times g in doubles.
 */
export function runBackward(definition: ElementwiseDefinition, x: FloatArray, g: FloatArray, dx: FloatArray, p: ParameterValues): void {
  const loop = wasmLoop(definition, 'backward', x, p);
  if (loop) return stream(loop.instance, loop.run, x, g, dx, parameterList(definition, p));
  if (definition.kernels.backward) return definition.kernels.backward(x, g, dx, p);
  const derivative = definition.scalar.derivative;
  for (let i = 0; i < x.length; i++) dx[i] = derivative(x[i], p) * g[i];
}
