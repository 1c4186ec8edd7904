/**
 * The loop a fused piece of an expression runs as: `x * sigmoid(1.702 * x)`
 * on tensors becomes one pass that writes one output, instead of one pass and
 * one temporary tensor per operator. Which pieces are fused is planned by the
 * walk in fusion.ts, as a tree of the engine's FusedNode; this file holds a
 * loop's inputs and runs it: as the engine's WebAssembly function where every
 * node has a vector form (engine/simd/fused-module.ts), else as JavaScript.
 *
 * The JavaScript loop is compiled with `new Function` from that tree ONLY: the
 * generated source contains nothing the user typed, no names, no strings, not
 * even their numbers. Tensors, scalars, functions and parameters are passed in
 * arrays and referenced by slot index (`T[0][i]`, `S[1]`, `F[2](v, P[0])`);
 * operators come from a fixed table. Both ways make the same operations in the
 * same order, so they give the same bits.
 */
import { allocateForOverwrite, fusedKernel, inChunks, pow, sizeOf, Tensor, type FloatArray, type FusedNode, type Shape } from '../../engine';
import type { BinaryOperator } from '../ast';
import type { Span } from '../source';
import type { Evaluator } from './evaluator';
import { tensorValue, type Value } from './values';

export type LoopDType = 'float32' | 'float64';

type Loop = (T: ArrayLike<number>[], S: readonly number[], F: Function[], P: unknown[], pow: (a: number, b: number) => number, out: Float32Array | Float64Array, start: number, end: number) => void;

const MAX_CACHED_LOOPS = 256;
const compiled = new Map<string, Loop>();

/** The operators a loop can contain, as a node over two operand nodes. */
export const LOOP_OPERATORS: Readonly<Partial<Record<BinaryOperator, (a: FusedNode, b: FusedNode) => FusedNode>>> = {
  '+': (a, b) => ({ kind: 'arithmetic', op: '+', a, b }),
  '-': (a, b) => ({ kind: 'arithmetic', op: '-', a, b }),
  '*': (a, b) => ({ kind: 'arithmetic', op: '*', a, b }),
  '/': (a, b) => ({ kind: 'arithmetic', op: '/', a, b }),
  // the engine's pow, as the unfused path uses: Math.pow differs between engines
  '^': (a, b) => ({ kind: 'power', a, b }),
};

/**
 * The inputs of one loop, by slot. A tensor used twice (`x * sigmoid(x)`) gets
 * one slot, so the loop reads it as one array.
 */
export class LoopInputs {
  private readonly tensors: FloatArray[] = [];
  private readonly tensorSlots = new Map<Tensor, number>();
  private readonly scalars: number[] = [];

  /** Element i of t. */
  tensor(t: Tensor): FusedNode {
    let slot = this.tensorSlots.get(t);
    if (slot === undefined) {
      slot = this.tensors.push(t.data) - 1;
      this.tensorSlots.set(t, slot);
    }
    return { kind: 'tensor', slot };
  }

  /** A number computed before the loop (a scalar subexpression is evaluated once, not per element). */
  scalar(x: number): FusedNode {
    return { kind: 'scalar', slot: this.scalars.push(x) - 1 };
  }

  /**
   * `root` for every element; the result has `shape`. Undefined when it has no WebAssembly form
   * and the session compiles no JavaScript (a page whose CSP forbids `new Function`): the caller
   * computes it the ordinary way.
   */
  run(root: FusedNode, dtype: LoopDType, shape: Shape, ev: Evaluator, span: Span): Value | undefined {
    const program = { root, tensors: this.tensors, scalars: this.scalars };
    const wasm = fusedKernel(program, dtype);
    const pass = wasm ?? (ev.session.compileLoops === false ? undefined : javaScriptPass(root, this.tensors, this.scalars));
    if (!pass) return undefined;
    const n = sizeOf(shape);
    // every element is written (an interrupted pass throws, and `out` is dropped)
    const out = ev.engine(span, () => allocateForOverwrite(dtype, n));
    ev.engine(span, () => inChunks(n, ev.shouldStop, (start, end) => pass(out, start, end)));
    return tensorValue(new Tensor(dtype, shape, out));
  }
}

/** The JavaScript loop of `root`, compiled once per source (cached), over these inputs. */
function javaScriptPass(root: FusedNode, tensors: FloatArray[], scalars: readonly number[]): (out: FloatArray, start: number, end: number) => void {
  const functions: Function[] = [];
  const parameters: unknown[] = [];
  const code = (n: FusedNode): string => {
    switch (n.kind) {
      case 'tensor': return `T[${n.slot}][i]`;
      case 'scalar': return `S[${n.slot}]`;
      case 'negate': return `(-${code(n.a)})`;
      case 'arithmetic': return `(${code(n.a)} ${n.op} ${code(n.b)})`;
      case 'power': return `pow(${code(n.a)}, ${code(n.b)})`;
      case 'round32': return `Math.fround(${code(n.a)})`;
      case 'elementary': return `F[${functions.push(n.f) - 1}](${code(n.a)})`;
      case 'activation': {
        const f = `F[${functions.push(n.definition.scalar[n.order]) - 1}]`;
        return `${f}(${code(n.a)}, P[${parameters.push(n.parameters) - 1}])`;
      }
    }
  };
  const loop = compile(`for (let i = start; i < end; i++) out[i] = ${code(root)};`);
  return (out, start, end) => loop(tensors, scalars, functions, parameters, pow, out, start, end);
}

function compile(source: string): Loop {
  let loop = compiled.get(source);
  if (!loop) {
    // Generated from the tree's structure only (see the comment at the top); no user text reaches it.
    loop = new Function('T', 'S', 'F', 'P', 'pow', 'out', 'start', 'end', source) as Loop;
    if (compiled.size >= MAX_CACHED_LOOPS) compiled.clear();
    compiled.set(source, loop);
  }
  return loop;
}
