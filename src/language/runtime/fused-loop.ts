/**
 * The loop a fused piece of an expression runs as: `x * sigmoid(1.702 * x)`
 * on tensors becomes one pass that writes one output, instead of one pass and
 * one temporary tensor per operator. Which pieces are fused is planned by the
 * walk in fusion.ts; this file holds a loop's inputs and compiles and runs it.
 *
 * The loop is compiled with `new Function` from the parsed tree ONLY: the
 * generated source contains nothing the user typed, no names, no strings, not
 * even their numbers. Tensors, scalars, functions and parameters are passed in
 * arrays and referenced by slot index (`T[0][i]`, `S[1]`, `F[2](v, P[0])`);
 * operators come from a fixed table.
 */
import { allocate, inChunks, pow, sizeOf, Tensor, type ParameterValues, type Shape } from '../../engine';
import type { BinaryOperator } from '../ast';
import type { Span } from '../source';
import type { Evaluator } from './evaluator';
import { tensorValue, type Value } from './values';

export type LoopDType = 'float32' | 'float64';

type Loop = (T: ArrayLike<number>[], S: number[], F: Function[], P: unknown[], pow: (a: number, b: number) => number, out: Float32Array | Float64Array, start: number, end: number) => void;

const MAX_CACHED_LOOPS = 256;
const compiled = new Map<string, Loop>();

/** The operators a loop can contain, as code over two operand codes. */
export const LOOP_OPERATORS: Readonly<Partial<Record<BinaryOperator, (a: string, b: string) => string>>> = {
  '+': (a, b) => `(${a} + ${b})`,
  '-': (a, b) => `(${a} - ${b})`,
  '*': (a, b) => `(${a} * ${b})`,
  '/': (a, b) => `(${a} / ${b})`,
  // the engine's pow, passed in as `pow`, as the unfused path uses: Math.pow differs between engines
  '^': (a, b) => `pow(${a}, ${b})`,
};

/**
 * The inputs of one loop, by slot. A tensor used twice (`x * sigmoid(x)`) gets
 * one slot, so the loop reads it as one array.
 */
export class LoopInputs {
  private readonly tensors: (Float32Array | Float64Array)[] = [];
  private readonly tensorSlots = new Map<Tensor, number>();
  private readonly scalars: number[] = [];
  private readonly functions: Function[] = [];
  private readonly parameters: unknown[] = [];

  /** Code reading element i of t. */
  tensor(t: Tensor): string {
    let slot = this.tensorSlots.get(t);
    if (slot === undefined) {
      slot = this.tensors.push(t.data) - 1;
      this.tensorSlots.set(t, slot);
    }
    return `T[${slot}][i]`;
  }

  /** Code for a number computed before the loop (a scalar subexpression is evaluated once, not per element). */
  scalar(x: number): string {
    return `S[${this.scalars.push(x) - 1}]`;
  }

  /** Code calling a one-number function: f(x), or f(x, p) for an activation with its parameters. */
  call(f: Function, argument: string, parameters?: ParameterValues): string {
    const fn = `F[${this.functions.push(f) - 1}]`;
    return parameters === undefined ? `${fn}(${argument})` : `${fn}(${argument}, P[${this.parameters.push(parameters) - 1}])`;
  }

  /** Runs `body` (code for element i) over every element; the result has `shape`. */
  run(body: string, dtype: LoopDType, shape: Shape, ev: Evaluator, span: Span): Value {
    const loop = compile(`for (let i = start; i < end; i++) out[i] = ${body};`);
    const n = sizeOf(shape);
    const out = ev.engine(span, () => allocate(dtype, n));
    ev.engine(span, () => inChunks(n, ev.shouldStop, (start, end) => loop(this.tensors, this.scalars, this.functions, this.parameters, pow, out, start, end)));
    return tensorValue(new Tensor(dtype, shape, out));
  }
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
