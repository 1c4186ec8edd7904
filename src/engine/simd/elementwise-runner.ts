/**
 * Running an entry's elementwise kernel the fastest way this thread can, with
 * the same bits either way: the WebAssembly loop (elementwise-module.ts) where
 * WebAssembly SIMD exists and the entry has a `wasm` field that accepts the
 * parameters, else the entry's JavaScript loop.
 *
 * Tensors in the thread's tensor heap (tensor-heap.ts: large ones, while it has
 * room) are read and written where they are, the loop given their addresses.
 * Other arrays the loop sees through a staging buffer in the heap, a chunk at a
 * time: copy in (a memcpy), compute (into the second buffer, or in place for
 * backward, whose gradient takes it), copy out. The buffer stays in
 * cache, so the copies cost about what the kernel's own read and write would,
 * and nothing of the tensor's size is allocated (bench/run.ts measures both
 * ways against the plain copy).
 */
import type { ElementwiseDefinition, FloatArray, ParameterValues } from '../activations/definition';
import { selectForm } from './kernel-types';
import { COUNT_MULTIPLE, instanceFor, type ElementwiseInstance, type KernelFunction, type KernelKind, type NamedKernels, STAGING_ELEMENTS } from './elementwise-module';

/** Below this many elements the JavaScript loop is as fast as the call into wasm and back. */
const WASM_FROM = 32;

export type ValueKernel = (x: FloatArray, y: FloatArray, p: ParameterValues) => void;
export type BackwardKernel = (x: FloatArray, g: FloatArray, dx: FloatArray, p: ParameterValues) => void;

/** The wasm loop for this entry, kind and dtype, when there is one that takes these parameters. */
function wasmLoop(definition: ElementwiseDefinition, kind: KernelKind, x: FloatArray, p: ParameterValues): { run: KernelFunction; instance: ElementwiseInstance; parameters: number[] } | undefined {
  const wasm = definition.wasm;
  if (!wasm || x.length < WASM_FROM || (wasm.accepts && !wasm.accepts(p))) return undefined;
  const form = selectForm(definition.name, wasm, p);
  const instance = form ? instanceFor({ name: definition.name, wasm }) : undefined;
  const run = form && instance?.kernel(form, kind, x instanceof Float32Array ? 'float32' : 'float64');
  if (!run || !instance || !form) return undefined;
  return { run, instance, parameters: form.kernels.parameters.map((name) => p[name] as number) };
}

/**
 * One call of a wasm loop with exactly as many arguments as the function has: a mismatch sends
 * V8's JS-to-wasm call down a slow path. Pointers in bytes of the heap.
 */
function call(kernel: KernelFunction, x: number, g: number, y: number, count: number, parameters: readonly number[]): void {
  const [p0 = 0, p1 = 0, p2 = 0] = parameters;
  if (parameters.length === 0) kernel(x, g, y, count);
  else if (parameters.length === 1) kernel(x, g, y, count, p0);
  else if (parameters.length === 2) kernel(x, g, y, count, p0, p1);
  else kernel(x, g, y, count, p0, p1, p2);
}

/**
 * y = kernel(x) (and g for backward) through the staging buffer, chunk by chunk.
 * Counts passed to wasm are rounded up to a multiple of COUNT_MULTIPLE: a loop does
 * two or four lanes a step, and the extra lanes read and write only the buffer.
 */
function stream(instance: ElementwiseInstance, run: KernelFunction, x: FloatArray, g: FloatArray | undefined, y: FloatArray, parameters: readonly number[]): void {
  const f32 = x instanceof Float32Array;
  const heap = f32 ? new Float32Array(instance.heap.memory.buffer) : new Float64Array(instance.heap.memory.buffer);
  const size = f32 ? 4 : 8;
  const input = instance.input / size;
  const gradient = instance.gradient / size;
  // the result into the gradient's buffer where there is no gradient: a loop in blocks runs its
  // fast pass only where input and output do not overlap (blocked-loop.ts)
  const outputAt = g ? instance.input : instance.gradient;
  const output = outputAt / size;
  const n = x.length;
  for (let start = 0; start < n; start += STAGING_ELEMENTS) {
    const end = Math.min(n, start + STAGING_ELEMENTS);
    const whole = start === 0 && end === n;
    heap.set(whole ? x : x.subarray(start, end), input);
    if (g) heap.set(whole ? g : g.subarray(start, end), gradient);
    const count = (end - start + COUNT_MULTIPLE - 1) & -COUNT_MULTIPLE;
    call(run, instance.input, instance.gradient, outputAt, count, parameters);
    y.set(heap.subarray(output, output + end - start), start);
  }
}

/**
 * As `stream`, but arrays all in the heap are passed where they are: the loop runs over the
 * largest multiple of COUNT_MULTIPLE elements (it writes whole steps, and past y's end is
 * another tensor), and the few left stream through the staging buffer.
 */
function run(instance: ElementwiseInstance, kernel: KernelFunction, x: FloatArray, g: FloatArray | undefined, y: FloatArray, parameters: readonly number[]): void {
  const { heap } = instance;
  if (!heap.holds(x) || !heap.holds(y) || (g && !heap.holds(g))) return stream(instance, kernel, x, g, y, parameters);
  const body = x.length & -COUNT_MULTIPLE;
  call(kernel, x.byteOffset, g ? g.byteOffset : 0, y.byteOffset, body, parameters);
  if (body < x.length) stream(instance, kernel, x.subarray(body), g?.subarray(body), y.subarray(body), parameters);
}

/** f(x) or f'(x) into y (which may be x). */
export function runElementwise(definition: ElementwiseDefinition, kind: 'value' | 'derivative', x: FloatArray, y: FloatArray, p: ParameterValues): void {
  const loop = wasmLoop(definition, kind, x, p);
  if (loop) run(loop.instance, loop.run, x, undefined, y, loop.parameters);
  else definition.kernels[kind](x, y, p);
}

/**
 * dx = f'(x) g in one pass, rounded once to dx's type: the entry's own backward
 * kernel where it has one, else the derivative times g in doubles.
 */
export function runBackward(definition: ElementwiseDefinition, x: FloatArray, g: FloatArray, dx: FloatArray, p: ParameterValues): void {
  const loop = wasmLoop(definition, 'backward', x, p);
  if (loop) return run(loop.instance, loop.run, x, g, dx, loop.parameters);
  if (definition.kernels.backward) return definition.kernels.backward(x, g, dx, p);
  const derivative = definition.scalar.derivative;
  for (let i = 0; i < x.length; i++) dx[i] = derivative(x[i], p) * g[i];
}

/**
 * y = f(x) for kernels of no catalogue entry (a loss's elementwise part, engine/network/losses.ts),
 * with the same bits either way: their wasm value loop where it runs, else `fallback`, the same
 * function in JavaScript. Kernels without parameters.
 */
export function runNamedValue(kernels: NamedKernels, x: FloatArray, y: FloatArray, fallback: (x: FloatArray, y: FloatArray) => void): void {
  const instance = x.length >= WASM_FROM ? instanceFor(kernels) : undefined;
  const kernel = instance?.kernel(kernels, 'value', x instanceof Float32Array ? 'float32' : 'float64');
  if (instance && kernel) run(instance, kernel, x, undefined, y, []);
  else fallback(x, y);
}
