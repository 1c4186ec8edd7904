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
 * Memory: the numerics' tables from byte 0, then (from `base`, which the
 * function is passed) the numbers (scalars, then the activations' parameters),
 * a staging buffer per tensor and one for the result. A pass copies a chunk of each tensor in, runs the function on it,
 * and copies the result out, as elementwise-runner.ts streams a kernel.
 * Modules are cached by the expression's structure (its numbers are written
 * into memory on each run, so `x * 2` and `x * 3` share one), a bounded number.
 */
import type { FloatArray } from '../activations/definition';
import { selectForm } from './kernel-types';
import { elementaryVector } from './elementary-vectors';
import { instantiateBytes, wasmElementwiseEnabled } from './elementwise-module';
import type { FusedNode, FusedProgram } from './fused-expression';
import { TableLayout } from './table-layout';
import { ScalarImports, type Vec, VectorBuilder } from './vector-builder';
import { FunctionBody, ModuleBuilder, Op, Simd, ValType } from './wasm-binary';

const PAGE_BYTES = 65536;
/** Bytes of staging buffers per module: with few tensors, 4096 elements each (they stay in L2). */
const STAGING_BYTES = 1 << 18;
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
  readonly run: (count: number, base: number) => void;
  /** Byte offset of the numbers; the staging buffers follow. */
  readonly base: number;
  readonly f64: Float64Array;
  readonly f32: Float32Array;
  /** Byte offsets of each tensor's staging buffer and of the result's. */
  readonly staging: readonly number[];
  readonly output: number;
  readonly elements: number;
}

type DType = 'float32' | 'float64';

const dtypeOf = (a: FloatArray): DType => (a instanceof Float32Array ? 'float32' : 'float64');

/**
 * The function's code: numbers splatted once, then the loop over `count` elements (even), and the
 * JavaScript functions it imports for rare lanes (snake's sine far from its fast reduction), as js."0", ...
 */
function emit(root: Lowered, scalars: number, tensors: readonly DType[], output: DType): { bytes: Uint8Array; base: number; staging: number[]; outputAt: number; elements: number; imports: Record<string, (...args: number[]) => number> } {
  const elements = Math.min(MAX_STAGING_ELEMENTS, Math.floor(STAGING_BYTES / 8 / (tensors.length + 1)) & ~1);
  // offsets from base: where the tables end is known only once the code is emitted
  const staging = tensors.map((_, k) => ((scalars * 8 + 15) & ~15) + k * elements * 8);
  const outputAt = ((scalars * 8 + 15) & ~15) + tensors.length * elements * 8;
  const layout = new TableLayout();
  const COUNT = 0, BASE = 1;
  const f = new FunctionBody([ValType.I32, ValType.I32], []);
  const imports = new ScalarImports();
  const v = new VectorBuilder(f, layout, imports);
  const scalarVecs = Array.from({ length: scalars }, (_, slot) => {
    f.get(BASE).op(Op.F64Load).memarg(3, slot * 8).simd(Simd.F64x2Splat);
    return v.fromStack();
  });
  const values = new Map<Lowered, Vec>();
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
  let loaded: Vec[] = [];
  hoist(root);
  const at8 = f.local(ValType.I32), at4 = f.local(ValType.I32), end = f.local(ValType.I32);
  f.get(BASE).set(at8);
  f.get(BASE).set(at4);
  f.get(COUNT).i32(3).op(Op.I32Shl).get(BASE).op(Op.I32Add).set(end);
  f.open(Op.Block).open(Op.Loop);
  f.get(at8).get(end).op(Op.I32GeU).op(Op.BrIf).index(1);
  loaded = tensors.map((dtype, k) => {
    if (dtype === 'float64') f.get(at8).simd(Simd.Load).memarg(3, staging[k]!);
    else f.get(at4).simd(Simd.Load64Zero).memarg(3, staging[k]!).simd(Simd.F64x2PromoteLowF32x4);
    return v.fromStack();
  });
  const y = value(root);
  if (output === 'float64') {
    f.get(at8);
    v.push(y);
    f.simd(Simd.Store).memarg(3, outputAt);
  } else {
    f.get(at4);
    v.push(y);
    f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.Store64Lane).memarg(3, outputAt).byte(0);
  }
  f.get(at8).i32(16).op(Op.I32Add).set(at8);
  f.get(at4).i32(8).op(Op.I32Add).set(at4);
  f.op(Op.Br).index(0);
  f.op(Op.End).op(Op.End);
  const base = (layout.end + 15) & ~15;
  const module = new ModuleBuilder(Math.ceil((base + outputAt + elements * 8) / PAGE_BYTES));
  for (const { arity } of imports.functions) module.addImport(arity);
  module.addFunction('run', f);
  for (const { offset, bytes } of layout.segments()) module.addData(offset, bytes);
  return {
    bytes: module.encode(), base, staging: staging.map((at) => base + at), outputAt: base + outputAt, elements,
    imports: imports.table(),
  };
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

function compiled(key: string, root: Lowered, scalars: number, tensors: readonly DType[], output: DType): Compiled | undefined {
  let made = modules.get(key);
  if (made === undefined) {
    const code = emitted(root, scalars, tensors, output);
    const exports = code && instantiateBytes(code.bytes, { js: code.imports });
    const buffer = exports && (exports.memory as { buffer: ArrayBuffer }).buffer;
    // the memory never grows, so these views stay attached
    made = code && exports && buffer ? { run: exports.run as Compiled['run'], base: code.base, f64: new Float64Array(buffer), f32: new Float32Array(buffer), staging: code.staging, output: code.outputAt, elements: code.elements } : null;
    if (modules.size >= MAX_MODULES) modules.delete(modules.keys().next().value!);
    modules.set(key, made);
  }
  return made ?? undefined;
}

/** Writes `program` over [start, end) of `out`. */
export type FusedKernel = (out: FloatArray, start: number, end: number) => void;

/**
 * The program as a WebAssembly function writing results of `out`'s dtype, or undefined where a node
 * has no vector form, WebAssembly cannot compile here, or the wasm path is off (useWasmElementwise).
 */
export function fusedKernel(program: FusedProgram, output: DType): FusedKernel | undefined {
  if (!wasmElementwiseEnabled()) return undefined;
  const lowering = new Lowering(program);
  const root = lowering.lower(program.root);
  if (!root) return undefined;
  const tensors = program.tensors.map(dtypeOf);
  const scalars = Float64Array.from(lowering.scalars);
  const key = `${output}|${tensors.join(',')}|${scalars.length}|${root.key}`;
  const c = compiled(key, root, scalars.length, tensors, output);
  if (!c) return undefined;
  return (out, start, end) => {
    c.f64.set(scalars, c.base / 8);
    const result = output === 'float64' ? c.f64 : c.f32;
    const resultAt = c.output / (output === 'float64' ? 8 : 4);
    for (let s = start; s < end; s += c.elements) {
      const e = Math.min(end, s + c.elements);
      program.tensors.forEach((t, k) => (t instanceof Float32Array ? c.f32 : c.f64).set(t.subarray(s, e), c.staging[k]! / t.BYTES_PER_ELEMENT));
      // an odd count's extra lane reads and writes only the staging buffers
      c.run((e - s + 1) & ~1, c.base);
      out.set(result.subarray(resultAt, resultAt + e - s), s);
    }
  };
}

/** How many compiled modules are cached (for the test that the cache stays bounded). */
export function fusedModuleCount(): number {
  return modules.size;
}
