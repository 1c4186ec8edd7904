/**
 * The elementwise WebAssembly module: for every catalogue entry with a `wasm`
 * field, a loop of its value, derivative and fused backward over float32 and
 * over float64 buffers, emitted as binary (wasm-binary.ts) from the entry's
 * vector functions, compiled and instantiated per entry and thread, at first use.
 *
 * Memory: every module imports the thread's tensor heap (tensor-heap.ts), which
 * holds the numerics' tables at its bottom and the large tensors above, so a
 * kernel runs on a tensor where it is. Arrays outside the heap (small ones, or
 * any once it is full) stream through two staging buffers of STAGING_ELEMENTS
 * doubles (input, and upstream gradient for backward) that all modules share
 * (elementwise-runner.ts).
 *
 * float32 loops load two floats, widen them to f64x2 (exact), compute in doubles
 * and narrow once on store: the same single rounding as the JavaScript kernels'
 * store into a Float32Array, so float32 results keep their correct rounding.
 * Entries whose kernels only pick among their inputs and constants (relu) give
 * float32 loops of four f32 lanes instead (kernel-types.ts `f32x4`); entries with
 * a float32 shortcut (sigmoid, silu, elu, softplus, tanh) compute a cheaper approximation first and run the
 * kernel only where its rounding is undecided (float32-shortcuts.ts).
 */
import type { ElementwiseDefinition } from '../activations/definition';
import { catalogue } from '../activations/catalogue';
import { emitInBlocks } from './blocked-loop';
import { type Float32Shortcut, roundingDecided } from './float32-shortcuts';
import { formName, type WasmElementwise } from './kernel-types';
import { TableLayout } from './table-layout';
import { tensorHeap, type TensorHeap } from './tensor-heap';
import { ScalarImports, type Vec, VectorBuilder } from './vector-builder';
import { FunctionBody, ModuleBuilder, Op, Simd, ValType } from './wasm-binary';

export type KernelKind = 'value' | 'derivative' | 'backward';
export type KernelDType = 'float32' | 'float64';

/** Elements per staging buffer: 64 KiB of doubles each, so input and gradient stay in L2. */
export const STAGING_ELEMENTS = 8192;
const PAGE_BYTES = 65536;

/** One kernel: (x, g, y, count, ...parameters), pointers in bytes, count even. */
export type KernelFunction = (x: number, g: number, y: number, count: number, ...parameters: number[]) => void;

export interface ElementwiseInstance {
  /** The memory the module works in, where large tensors live too. */
  readonly heap: TensorHeap;
  /** Byte offsets of the staging buffers (for arrays outside the heap). */
  readonly input: number;
  readonly gradient: number;
  kernel(entry: { readonly name: string }, kind: KernelKind, dtype: KernelDType): KernelFunction | undefined;
}

/** The entries the module covers, in catalogue order. */
export function wasmEntries(): readonly (ElementwiseDefinition & { wasm: WasmElementwise })[] {
  return catalogue.filter((d): d is ElementwiseDefinition & { wasm: WasmElementwise } => d.kind === 'elementwise' && d.wasm !== undefined);
}

function exportName(name: string, kind: KernelKind, dtype: KernelDType): string {
  return `${name}.${kind}.${dtype}`;
}

/** Loops take `count` rounded up to this: the f32x4, shortcut and select-only float64 loops do four a step, the others two. */
export const COUNT_MULTIPLE = 4;

/** The float32 loop of four f32 lanes a step, where the entry has one for this kind. */
function emitF32x4Loop(layout: TableLayout, kernel: WasmElementwise, kind: KernelKind): FunctionBody | undefined {
  const lanes = kernel.f32x4;
  const body = kind === 'value' ? lanes?.value : kind === 'derivative' ? lanes?.derivative : lanes?.backward;
  if (!lanes || !body) return undefined;
  const X = 0, G = 1, Y = 2, COUNT = 3;
  const f = kernelBody(kernel);
  const v = new VectorBuilder(f, layout);
  const end = f.local(ValType.I32);
  f.get(X).get(COUNT).i32(4).op(Op.I32Mul).op(Op.I32Add).set(end);
  const load = (pointer: number): Vec => {
    f.get(pointer).simd(Simd.Load).memarg(2, 0);
    return v.fromStack();
  };
  f.open(Op.Block).open(Op.Loop);
  f.get(X).get(end).op(Op.I32GeU).op(Op.BrIf).index(1);
  const x = load(X);
  const y = kind === 'backward' ? lanes.backward!(v, x, load(G)) : (body as (v: VectorBuilder, x: Vec) => Vec)(v, x);
  f.get(Y);
  v.push(y);
  f.simd(Simd.Store).memarg(2, 0);
  for (const pointer of [X, G, Y]) f.get(pointer).i32(16).op(Op.I32Add).set(pointer);
  f.op(Op.Br).index(0);
  f.op(Op.End).op(Op.End);
  return f;
}

/** A kernel's function: (x, g, y, count, ...the entry's parameters as f64), no result. */
function kernelBody(kernel: WasmElementwise): FunctionBody {
  return new FunctionBody([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ...kernel.parameters.map(() => ValType.F64)], []);
}

/** The entry's parameters, splatted into locals once before the loop (they follow the four pointer and count arguments). */
function parameterLocals(f: FunctionBody, v: VectorBuilder, kernel: WasmElementwise): Vec[] {
  return kernel.parameters.map((_, i) => {
    f.get(4 + i).simd(Simd.F64x2Splat);
    const local = f.local(ValType.V128);
    f.set(local);
    return { local };
  });
}

/**
 * Elements in a block of the shortcut loop: the most whose rounding one AND of masks decides
 * before the block is taken again the careful way. On uniform data one lane in two thousand is
 * undecided, so about one block in thirty runs twice.
 */
export const SHORTCUT_BLOCK = 64;

/** A loop over y in [y, stop) four float32 a step, advancing x and y; `body` emits one step. */
function stepLoop(f: FunctionBody, x: number, y: number, stop: number, body: () => void): void {
  f.open(Op.Block).open(Op.Loop);
  f.get(y).get(stop).op(Op.I32GeU).op(Op.BrIf).index(1);
  body();
  for (const pointer of [x, y]) f.get(pointer).i32(16).op(Op.I32Add).set(pointer);
  f.op(Op.Br).index(0);
  f.op(Op.End).op(Op.End);
}

/**
 * The float32 loops of a kernel with a shortcut (float32-shortcuts.ts), four elements a step in
 * two f64x2 halves, each half's shortcut rounded where its rounding is decided.
 *
 * `careful` (the function for any x and y): where a lane of a half is undecided (or not
 * covered), that half's kernel, behind a branch in every step. `fast` (the one callers get):
 * a block of SHORTCUT_BLOCK at a time, the shortcut's results stored whether decided or not and
 * the lanes' "decided" masks ANDed together with no branch; only a block with a lane undecided
 * is given to `careful`, which stores the same bits on its decided lanes and the kernel's on
 * the rest. So the result is careful's on every element. `careful` reads the block's input
 * again, so where input and output overlap (a kernel run in place) it takes the whole range.
 *
 * The shape, and why, in blocked-loop.ts.
 */
function emitShortcutLoops(layout: TableLayout, imports: ScalarImports, kernel: WasmElementwise, kind: 'value' | 'derivative', shortcut: Float32Shortcut): { fast: FunctionBody; careful: FunctionBody } {
  const X = 0, G = 1, Y = 2, COUNT = 3;
  const emit = (careful: boolean): { f: FunctionBody; v: VectorBuilder; end: number; step: (x: number, y: number) => Vec } => {
    const f = kernelBody(kernel);
    const v = new VectorBuilder(f, layout, imports);
    const p = parameterLocals(f, v, kernel);
    const end = f.local(ValType.I32);
    f.get(Y).get(COUNT).i32(4).op(Op.I32Mul).op(Op.I32Add).set(end);
    /** One step at x, y; the step's decided mask. */
    const step = (x: number, y: number): Vec => {
      const halves = [0, 8].map((offset) => {
        f.get(x).simd(Simd.Load64Zero).memarg(3, offset).simd(Simd.F64x2PromoteLowF32x4);
        return v.fromStack();
      });
      const fast = halves.map((h) => shortcut(v, h, p));
      const decided = fast.map(({ y: r, covered }) => roundingDecided(v, r, covered));
      const results = fast.map(({ y: r }) => v.variable(r));
      const both = v.and(decided[0]!, decided[1]!);
      if (careful) {
        v.ifNotAll(both, () => {
          halves.forEach((h, i) => v.ifNotAll(decided[i]!, () => v.assign(results[i]!, kernel[kind](v, h, p))));
        });
      }
      // [y0 y1 0 0] and [y2 y3 0 0] into [y0 y1 y2 y3]
      f.get(y);
      v.push(v.demote(results[0]!));
      v.push(v.demote(results[1]!));
      f.simd(Simd.Shuffle);
      for (let i = 0; i < 16; i++) f.byte(i < 8 ? i : i + 8);
      f.simd(Simd.Store).memarg(2, 0);
      return both;
    };
    return { f, v, end, step };
  };

  const c = emit(true);
  stepLoop(c.f, X, Y, c.end, () => void c.step(X, Y));

  const { f, v, end, step } = emit(false);
  const allDecided = v.variable(v.ci(-1));
  emitInBlocks({
    v, end, elements: SHORTCUT_BLOCK, flag: allDecided, raisedBy: 'clear',
    streams: [{ local: X, bytes: 4 }, { local: Y, bytes: 4 }],
    count: () => f.get(COUNT),
    loop: (stop) => stepLoop(f, X, Y, stop, () => v.assign(allDecided, v.and(allDecided, step(X, Y)))),
    callCareful: ([x, y], count) => {
      f.get(x!).get(G).get(y!);
      count();
      kernel.parameters.forEach((_, i) => f.get(4 + i));
      f.call(c.f);
    },
  });
  return { fast: f, careful: c.f };
}

/** Elements in a block of a kernel's fast loop (blocked-loop.ts): a block with a rare lane (exp beyond |x| < 707) runs twice. */
export const KERNEL_BLOCK = 256;

/**
 * The loop of one kernel over `count` elements (a multiple of COUNT_MULTIPLE), two per step (four
 * for select-only kernels): `careful`, every branch where a lane takes it; and where the kernel
 * has rare branches (`ifRare`), `fast`, which callers get, in blocks (blocked-loop.ts).
 */
function emitLoops(layout: TableLayout, imports: ScalarImports, kernel: WasmElementwise, kind: KernelKind, dtype: KernelDType): { fast: FunctionBody; careful?: FunctionBody } {
  const X = 0, G = 1, Y = 2, COUNT = 3;
  const size = dtype === 'float32' ? 4 : 8;
  const build = () => {
    const f = kernelBody(kernel);
    const v = new VectorBuilder(f, layout, imports);
    const p = parameterLocals(f, v, kernel);
    const end = f.local(ValType.I32);
    f.get(Y).get(COUNT).i32(size).op(Op.I32Mul).op(Op.I32Add).set(end);
    const load = (pointer: number, offset: number): Vec => {
      if (dtype === 'float64') {
        f.get(pointer).simd(Simd.Load).memarg(3, offset);
      } else {
        f.get(pointer).simd(Simd.Load64Zero).memarg(3, offset).simd(Simd.F64x2PromoteLowF32x4);
      }
      return v.fromStack();
    };
    // kernels that only select (kernel-types.ts `f32x4`) are bound by the loop itself, not their
    // arithmetic: two pairs a step halve its overhead (relu over float64: 1.6x the copy's time, ...)
    const pairs = kernel.f32x4 ? 2 : 1;
    const loop = (stop: number): void => {
      f.open(Op.Block).open(Op.Loop);
      f.get(Y).get(stop).op(Op.I32GeU).op(Op.BrIf).index(1);
      for (let pair = 0; pair < pairs; pair++) {
        const offset = pair * 2 * size;
        const x = load(X, offset);
        let y: Vec;
        if (kind === 'value') y = kernel.value(v, x, p);
        else if (kind === 'derivative') y = kernel.derivative(v, x, p);
        else {
          const g = load(G, offset);
          y = kernel.backward ? kernel.backward(v, x, g, p) : v.mul(kernel.derivative(v, x, p), g);
        }
        f.get(Y);
        v.push(y);
        if (dtype === 'float64') f.simd(Simd.Store).memarg(3, offset);
        else f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.Store64Lane).memarg(3, offset).byte(0);
      }
      const step = 2 * pairs * size;
      for (const pointer of [X, G, Y]) f.get(pointer).i32(step).op(Op.I32Add).set(pointer);
      f.op(Op.Br).index(0);
      f.op(Op.End).op(Op.End);
    };
    return { f, v, end, loop };
  };

  const careful = build();
  careful.loop(careful.end);
  if (careful.v.rareBranches === 0) return { fast: careful.f };
  const { f, v, end, loop } = build();
  const rare = v.variable(v.ci(0));
  v.deferRareInto = rare;
  const streams = kind === 'backward' ? [X, G, Y] : [X, Y];
  emitInBlocks({
    v, end, elements: KERNEL_BLOCK, flag: rare, raisedBy: 'set',
    streams: streams.map((local) => ({ local, bytes: size })),
    count: () => f.get(COUNT),
    loop,
    callCareful: (at, count) => {
      const [x, g, y] = kind === 'backward' ? at : [at[0]!, G, at[1]!];
      f.get(x!).get(g!).get(y!);
      count();
      kernel.parameters.forEach((_, i) => f.get(4 + i));
      f.call(careful.f);
    },
  });
  return { fast: f, careful: careful.f };
}

/** Kernels under a name: the catalogue's entries, or (in tests) single numerics functions. */
export interface NamedKernels {
  readonly name: string;
  readonly wasm: WasmElementwise;
}

/**
 * The module's bytes and the JavaScript functions it imports (as js."0", js."1", ...). It imports
 * its memory too, as js."memory": the thread's tensor heap, whose `layout` places the tables
 * (`layout` is the heap's; a fresh one where only the bytes are wanted).
 */
export function buildElementwiseModule(entries: readonly NamedKernels[] = wasmEntries(), layout = new TableLayout()): { bytes: Uint8Array; imports: Record<string, (...args: number[]) => number> } {
  const imports = new ScalarImports();
  const functions: { name: string; body: FunctionBody }[] = [];
  const all = entries.flatMap((e) => [e, ...Object.entries(e.wasm.forms ?? {}).map(([form, wasm]) => ({ name: formName(e.name, form), wasm }))]);
  for (const entry of all) {
    for (const kind of ['value', 'derivative', 'backward'] as const) {
      for (const dtype of ['float32', 'float64'] as const) {
        const shortcut = dtype === 'float32' && kind !== 'backward' ? entry.wasm.float32?.[kind] : undefined;
        const name = exportName(entry.name, kind, dtype);
        const f32x4 = dtype === 'float32' && emitF32x4Loop(layout, entry.wasm, kind);
        const loops: { fast: FunctionBody; careful?: FunctionBody } = f32x4 ? { fast: f32x4 }
          : shortcut && kind !== 'backward' /* narrows kind for the call */ ? emitShortcutLoops(layout, imports, entry.wasm, kind, shortcut)
            : emitLoops(layout, imports, entry.wasm, kind, dtype);
        functions.push({ name, body: loops.fast });
        if (loops.careful) functions.push({ name: `${name}.careful`, body: loops.careful });
      }
    }
  }
  const module = new ModuleBuilder(Math.max(1, Math.ceil(layout.end / PAGE_BYTES)), true);
  for (const { arity } of imports.functions) module.addImport(arity);
  for (const { name, body } of functions) module.addFunction(name, body);
  return { bytes: module.encode(), imports: imports.table() };
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { readonly exports: Record<string, unknown> };
}

/** One instance per entry, made at its first use: building and compiling all of them at once took ~110 ms. */
const instances = new Map<string, ElementwiseInstance | null>();
let enabled = true;

/** Turns the wasm path off (false: every kernel and fused expression runs its JavaScript loop) or back on; for tests and the bench. */
export function useWasmElementwise(on: boolean): void {
  enabled = on;
}

/** Whether the wasm path is on (useWasmElementwise); whether it works here is known only by compiling. */
export function wasmElementwiseEnabled(): boolean {
  return enabled;
}

/**
 * The instance holding this entry's kernels (its own small module, over the thread's tensor heap), or undefined where
 * WebAssembly SIMD is missing (or compiling is forbidden, as by a webview's CSP) or the path is off.
 */
export function instanceFor(entry: NamedKernels): ElementwiseInstance | undefined {
  if (!enabled) return undefined;
  let made = instances.get(entry.name);
  if (made === undefined) {
    // No room for the staging buffers just now (the heap full of tensors not yet collected):
    // the JavaScript loop this time, and no null cached, or the entry would never run in wasm.
    const heap = tensorHeap();
    if (heap && !stagingBuffers(heap)) return undefined;
    made = instantiate([entry]);
    instances.set(entry.name, made);
  }
  return made ?? undefined;
}

/** Whether the wasm path is on and works here: the first entry's instance. */
export function elementwiseInstance(): ElementwiseInstance | undefined {
  const first = wasmEntries()[0];
  return first && instanceFor(first);
}

/**
 * The exports of a module of ours, or null where it cannot run: no WebAssembly, no SIMD
 * (validate() is false), compiling forbidden (a page's CSP without 'wasm-unsafe-eval', or a
 * browser's limit on compiling synchronously on its main thread), or no memory just now.
 */
export function instantiateBytes(bytes: Uint8Array, imports?: object): Record<string, unknown> | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    if (!api.validate(bytes)) return null;
    return new api.Instance(new api.Module(bytes), imports).exports;
  } catch {
    return null;
  }
}

/**
 * The staging buffers every entry's module shares (one thread runs one kernel at a time), taken from the heap once.
 * Undefined while the heap has no room, asked again next time: a heap full of garbage is freed at the next collection.
 */
let staging: { input: number; gradient: number } | undefined;

function stagingBuffers(heap: TensorHeap): { input: number; gradient: number } | undefined {
  if (staging === undefined) {
    const input = heap.buffer(2 * STAGING_ELEMENTS * 8);
    if (input !== undefined) staging = { input, gradient: input + STAGING_ELEMENTS * 8 };
  }
  return staging;
}

/** An instance of the module of `entries` over the thread's tensor heap, or null where WebAssembly SIMD is missing (the JavaScript loops serve). */
export function instantiate(entries?: readonly NamedKernels[]): ElementwiseInstance | null {
  const heap = tensorHeap();
  if (!heap) return null;
  const { bytes, imports } = buildElementwiseModule(entries, heap.layout);
  const buffers = heap.commitTables() ? stagingBuffers(heap) : undefined;
  const exports = buffers && instantiateBytes(bytes, { js: { ...imports, memory: heap.memory } });
  if (!buffers || !exports) return null;
  return {
    heap,
    input: buffers.input,
    gradient: buffers.gradient,
    kernel: (entry, kind, dtype) => exports[exportName(entry.name, kind, dtype)] as KernelFunction | undefined,
  };
}
