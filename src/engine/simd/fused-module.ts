/**
 * A fused elementwise expression (fused-expression.ts) as one WebAssembly SIMD
 * function: two elements a step in f64x2, each node the vector form the
 * per-operator path's kernel uses (a catalogue entry's `wasm` field, the
 * vectorised numerics of elementary-vectors.ts, one IEEE operation for + - * /),
 * and each float32 rounding a demote and promote, where Math.fround stands in
 * the JavaScript loop. So the bits are the per-operator path's.
 *
 * Where a node has no vector form (log, sin, pow with most exponents, f'', an
 * entry without wasm kernels or at parameters they do not cover), or where
 * WebAssembly cannot compile here, `fusedKernel` is undefined and the caller
 * runs its JavaScript loop.
 *
 * Memory: the thread's tensor heap (tensor-heap.ts), imported, with the
 * numerics' tables at its bottom. The function is passed where its numbers
 * are (scalars, then the activations' parameters), where each tensor is and
 * where the result goes: tensors in the heap where they are, other arrays
 * through a staging buffer per tensor and one for the result, a chunk at a
 * time (copy in, run, copy out), as elementwise-runner.ts streams a kernel.
 * Modules are cached by the expression's structure (its numbers are written
 * into memory on each run, so `x * 2` and `x * 3` share one), a bounded number.
 */
import type { FloatArray } from '../activations/definition';
import { selectForm } from './kernel-types';
import { emitInBlocks } from './blocked-loop';
import { elementaryVector } from './elementary-vectors';
import { instantiateBytes, wasmElementwiseEnabled } from './elementwise-module';
import type { FusedNode, FusedProgram } from './fused-expression';
import type { TableLayout } from './table-layout';
import { tensorHeap, type TensorHeap } from './tensor-heap';
import { ScalarImports, type Vec, VectorBuilder } from './vector-builder';
import { FunctionBody, ModuleBuilder, Op, Simd, ValType } from './wasm-binary';

const PAGE_BYTES = 65536;
/** Bytes of staging buffers: with few tensors, 4096 elements each (they stay in L2). */
const STAGING_BYTES = 1 << 18;
/** Bytes for the numbers (an expression with more than 8192 runs its JavaScript loop). */
const NUMBERS_BYTES = 1 << 16;
const MAX_STAGING_ELEMENTS = 4096;
/** Compiled modules kept; the oldest goes first. */
const MAX_MODULES = 64;

/**
 * A node as the emitter sees it: a tensor's element, a number's slot, or an operation
 * with its vector code. `key` spells the structure (never a number's value), for the cache.
 */
interface Lowered {
  readonly key: string;
  readonly tensor?: number;
  readonly scalar?: number;
  readonly args: readonly Lowered[];
  readonly emit?: (v: VectorBuilder, args: readonly Vec[]) => Vec;
  /** No tensor below: computed once, before the loop. */
  readonly invariant: boolean;
}

/** Exponents whose pow the vector code gives bit for bit (numerics/pow.ts's exact shortcuts). */
const POWERS: Readonly<Record<string, (v: VectorBuilder, x: Vec) => Vec>> = {
  0: (v) => v.c(1), // pow(x, ±0) is 1, even for NaN
  1: (_, x) => x,
  2: (v, x) => v.mul(x, x),
  [-1]: (v, x) => v.div(v.c(1), x),
  // sqrt, but pow(-0, 0.5) = +0 and pow(-Infinity, 0.5) = +Infinity
  0.5: (v, x) => v.select(v.eq(x, v.c(-Infinity)), v.c(Infinity), v.select(v.eq(x, v.c(0)), v.c(0), v.sqrt(x))),
};

/** Lowering a program: undefined as soon as a node has no vector form. */
class Lowering {
  /** The program's numbers, then the parameters the activations read. */
  readonly scalars: number[];

  constructor(private readonly program: FusedProgram) {
    this.scalars = [...program.scalars];
  }

  lower(n: FusedNode): Lowered | undefined {
    switch (n.kind) {
      case 'tensor': return { key: `t${n.slot}`, tensor: n.slot, args: [], invariant: false };
      case 'scalar': return this.scalar(n.slot);
      case 'negate': return this.operation('-', [n.a], (v, [a]) => v.neg(a));
      case 'round32': return this.operation('f', [n.a], (v, [a]) => {
        v.push(a);
        v.f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.F64x2PromoteLowF32x4);
        return v.fromStack();
      });
      case 'arithmetic': {
        const op = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const;
        return this.operation(n.op, [n.a, n.b], (v, [a, b]) => v[op[n.op]](a, b));
      }
      case 'power': {
        const exponent = this.constant(n.b);
        const power = exponent === undefined ? undefined : POWERS[Object.is(exponent, -0) ? 0 : exponent];
        return power && this.operation(`^${exponent}`, [n.a], (v, [a]) => power(v, a));
      }
      case 'elementary': {
        const form = elementaryVector(n.f);
        return form && this.operation(form.name, [n.a], (v, [a]) => form.vector(v, a));
      }
      case 'activation': {
        const wasm = n.definition.wasm;
        if (!wasm || n.order === 'secondDerivative' || (wasm.accepts && !wasm.accepts(n.parameters))) return undefined;
        const form = selectForm(n.definition.name, wasm, n.parameters);
        if (!form) return undefined;
        const order = n.order;
        const x = this.lower(n.a);
        if (!x) return undefined;
        const parameters = form.kernels.parameters.map((name) => this.scalar(this.scalars.push(n.parameters[name] as number) - 1));
        return this.node(`${form.name}.${order}`, [x, ...parameters], (v, [a, ...p]) => form.kernels[order](v, a, p));
      }
    }
  }

  private scalar(slot: number): Lowered {
    return { key: `s${slot}`, scalar: slot, args: [], invariant: true };
  }

  /** The value of a node made of numbers only (an exponent), or undefined. */
  private constant(n: FusedNode): number | undefined {
    if (n.kind === 'scalar') return this.program.scalars[n.slot];
    if (n.kind === 'round32') {
      const a = this.constant(n.a);
      return a === undefined ? undefined : Math.fround(a);
    }
    return undefined;
  }

  private operation(name: string, operands: readonly FusedNode[], emit: NonNullable<Lowered['emit']>): Lowered | undefined {
    const args: Lowered[] = [];
    for (const operand of operands) {
      const a = this.lower(operand);
      if (!a) return undefined;
      args.push(a);
    }
    return this.node(name, args, emit);
  }

  private node(name: string, args: readonly Lowered[], emit: NonNullable<Lowered['emit']>): Lowered {
    return { key: `${name}(${args.map((a) => a.key).join(',')})`, args, emit, invariant: args.every((a) => a.invariant) };
  }
}

interface Compiled {
  /** (count, numbers, each tensor's address, the result's address): all in bytes of the heap, count even. */
  readonly run: (count: number, numbers: number, ...addresses: number[]) => void;
}

type DType = 'float32' | 'float64';

const dtypeOf = (a: FloatArray): DType => (a instanceof Float32Array ? 'float32' : 'float64');
const bytesOf = (dtype: DType): 4 | 8 => (dtype === 'float64' ? 8 : 4);

/** Elements in a block of the fast function: a block with a rare lane (exp beyond |x| < 707) runs twice. */
export const FUSED_BLOCK = 256;

/**
 * The module's code: `run`, the function callers get, and the JavaScript functions it imports for
 * rare lanes (snake's sine far from its fast reduction), as js."0", ... Each function is passed
 * where the numbers, each tensor and the result are, so it runs on tensors in the heap where they
 * are and on staging buffers alike.
 *
 * `careful`: numbers splatted once, then the loop over `count` elements (even), every branch
 * taken where a lane needs it. Where the expression has rare branches (`ifRare`), `run` is a
 * fast function over blocks of FUSED_BLOCK: the same loop with the rare branches' bodies left out
 * and their masks ORed together, and a block where some lane was rare handed to `careful` whole,
 * which stores every element's right bits again (blocked-loop.ts: the shape, and why).
 */
function emit(root: Lowered, scalars: number, tensors: readonly DType[], output: DType, layout: TableLayout): { bytes: Uint8Array; imports: Record<string, (...args: number[]) => number> } {
  const COUNT = 0, NUMBERS = 1, ADDRESSES = 2, OUT = ADDRESSES + tensors.length;
  const imports = new ScalarImports();
  const params = [ValType.I32, ValType.I32, ...tensors.map(() => ValType.I32), ValType.I32];

  /** A function with its numbers splatted and `end`, and the loop over [OUT, stop) to emit into it. */
  const loopFunction = () => {
    const f = new FunctionBody(params, []);
    const v = new VectorBuilder(f, layout, imports);
    const scalarVecs = Array.from({ length: scalars }, (_, slot) => {
      f.get(NUMBERS).op(Op.F64Load).memarg(3, slot * 8).simd(Simd.F64x2Splat);
      return v.fromStack();
    });
    const values = new Map<Lowered, Vec>();
    let loaded: Vec[] = [];
    const value = (n: Lowered): Vec => {
      if (n.tensor !== undefined) return loaded[n.tensor]!;
      if (n.scalar !== undefined) return scalarVecs[n.scalar]!;
      const known = values.get(n);
      if (known) return known;
      const result = n.emit!(v, n.args.map(value));
      if (n.invariant) values.set(n, result);
      return result;
    };
    // what depends on no tensor (a float32 number's rounding), once, before the loop
    const hoist = (n: Lowered): void => {
      if (n.invariant) value(n);
      else n.args.forEach(hoist);
    };
    hoist(root);
    const end = f.local(ValType.I32);
    f.get(OUT).get(COUNT).i32(bytesOf(output)).op(Op.I32Mul).op(Op.I32Add).set(end);
    const loop = (stop: number): void => {
      f.open(Op.Block).open(Op.Loop);
      f.get(OUT).get(stop).op(Op.I32GeU).op(Op.BrIf).index(1);
      loaded = tensors.map((dtype, k) => {
        if (dtype === 'float64') f.get(ADDRESSES + k).simd(Simd.Load).memarg(3, 0);
        else f.get(ADDRESSES + k).simd(Simd.Load64Zero).memarg(3, 0).simd(Simd.F64x2PromoteLowF32x4);
        return v.fromStack();
      });
      const y = value(root);
      f.get(OUT);
      v.push(y);
      if (output === 'float64') f.simd(Simd.Store).memarg(3, 0);
      else f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.Store64Lane).memarg(3, 0).byte(0);
      tensors.forEach((dtype, k) => f.get(ADDRESSES + k).i32(2 * bytesOf(dtype)).op(Op.I32Add).set(ADDRESSES + k));
      f.get(OUT).i32(2 * bytesOf(output)).op(Op.I32Add).set(OUT);
      f.op(Op.Br).index(0);
      f.op(Op.End).op(Op.End);
    };
    return { f, v, end, loop };
  };

  const careful = loopFunction();
  careful.loop(careful.end);
  /** The fast function over blocks, calling `careful` for a block with a rare lane. */
  const fast = (): FunctionBody => {
    const { f, v, end, loop } = loopFunction();
    const rare = v.variable(v.ci(0));
    v.deferRareInto = rare;
    emitInBlocks({
      v, end, elements: FUSED_BLOCK, flag: rare, raisedBy: 'set',
      streams: [...tensors.map((dtype, k) => ({ local: ADDRESSES + k, bytes: bytesOf(dtype) })), { local: OUT, bytes: bytesOf(output) }],
      count: () => f.get(COUNT),
      loop,
      callCareful: (at, count) => {
        count();
        f.get(NUMBERS);
        for (const a of at) f.get(a);
        f.call(careful.f);
      },
    });
    return f;
  };
  const module = new ModuleBuilder(Math.max(1, Math.ceil(layout.end / PAGE_BYTES)), true);
  const run = careful.v.rareBranches === 0 ? careful.f : fast();
  for (const { arity } of imports.functions) module.addImport(arity);
  module.addFunction('run', run);
  if (run !== careful.f) module.addFunction('careful', careful.f);
  return { bytes: module.encode(), imports: imports.table() };
}

/**
 * The code, or undefined where a kernel cannot be emitted into this module (one that needs
 * something the fused module does not provide): the JavaScript loop serves, with the same bits.
 */
function emitted(...args: Parameters<typeof emit>): ReturnType<typeof emit> | undefined {
  try {
    return emit(...args);
  } catch {
    return undefined;
  }
}

const modules = new Map<string, Compiled | null>();

function compiled(heap: TensorHeap, key: string, root: Lowered, scalars: number, tensors: readonly DType[], output: DType): Compiled | undefined {
  let made = modules.get(key);
  if (made === undefined) {
    const code = emitted(root, scalars, tensors, output, heap.layout);
    const exports = code && heap.commitTables() ? instantiateBytes(code.bytes, { js: { ...code.imports, memory: heap.memory } }) : null;
    made = exports ? { run: exports.run as Compiled['run'] } : null;
    if (modules.size >= MAX_MODULES) modules.delete(modules.keys().next().value!);
    modules.set(key, made);
  }
  return made ?? undefined;
}

/**
 * Where every fused module's numbers and staging buffers are (one thread runs one at a time), taken from the heap once.
 * Undefined while the heap has no room (the JavaScript loop serves), asked again next time: not cached, or a heap full
 * of tensors not yet collected at the first fused expression would keep every later one off wasm.
 */
let area: number | undefined;

function fusedArea(heap: TensorHeap): number | undefined {
  if (area === undefined) area = heap.buffer(NUMBERS_BYTES + STAGING_BYTES);
  return area;
}

/** Writes `program` over [start, end) of `out`. */
export type FusedKernel = (out: FloatArray, start: number, end: number) => void;

/**
 * The program as a WebAssembly function writing results of `out`'s dtype, or undefined where a node
 * has no vector form, WebAssembly cannot compile here, or the wasm path is off (useWasmElementwise).
 */
export function fusedKernel(program: FusedProgram, output: DType): FusedKernel | undefined {
  const heap = wasmElementwiseEnabled() ? tensorHeap() : undefined;
  if (!heap) return undefined;
  const lowering = new Lowering(program);
  const root = lowering.lower(program.root);
  if (!root || lowering.scalars.length * 8 > NUMBERS_BYTES) return undefined;
  const tensors = program.tensors.map(dtypeOf);
  const scalars = Float64Array.from(lowering.scalars);
  const key = `${output}|${tensors.join(',')}|${scalars.length}|${root.key}`;
  const c = compiled(heap, key, root, scalars.length, tensors, output);
  const numbers = c && fusedArea(heap);
  if (!c || numbers === undefined) return undefined;
  const elements = Math.min(MAX_STAGING_ELEMENTS, Math.floor(STAGING_BYTES / 8 / (tensors.length + 1)) & ~1);
  const staging = [...tensors, output].map((_, k) => numbers + NUMBERS_BYTES + k * elements * 8);
  const f64 = new Float64Array(heap.memory.buffer);
  const f32 = new Float32Array(heap.memory.buffer);
  const result = output === 'float64' ? f64 : f32;
  const resultAt = staging[tensors.length]! / bytesOf(output);
  const run = c.run;
  const staged = (out: FloatArray, start: number, end: number): void => {
    for (let s = start; s < end; s += elements) {
      const e = Math.min(end, s + elements);
      program.tensors.forEach((t, k) => (t instanceof Float32Array ? f32 : f64).set(t.subarray(s, e), staging[k]! / t.BYTES_PER_ELEMENT));
      // an odd count's extra lane reads and writes only the staging buffers
      run((e - s + 1) & ~1, numbers, ...staging);
      out.set(result.subarray(resultAt, resultAt + e - s), s);
    }
  };
  return (out, start, end) => {
    f64.set(scalars, numbers / 8);
    if (!heap.holds(out) || !program.tensors.every((t) => heap.holds(t))) return staged(out, start, end);
    // in the heap: where they are, an even count (a step writes two results; past the end is another tensor's)
    const body = (end - start) & ~1;
    run(body, numbers, ...program.tensors.map((t) => t.byteOffset + start * t.BYTES_PER_ELEMENT), out.byteOffset + start * out.BYTES_PER_ELEMENT);
    if (start + body < end) staged(out, start + body, end);
  };
}

/** How many compiled modules are cached (for the test that the cache stays bounded). */
export function fusedModuleCount(): number {
  return modules.size;
}
