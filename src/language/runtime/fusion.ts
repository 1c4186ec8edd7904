/**
 * Fusing elementwise expressions: `x * sigmoid(1.702 * x)` on tensors runs as
 * one loop that writes one output, instead of one pass and one temporary
 * tensor per operator.
 *
 * The loop is compiled with `new Function` from the parsed tree ONLY: the
 * generated source contains nothing the user typed, no names, no strings, not
 * even their numbers. Tensors, scalars, functions and parameters are passed in
 * arrays and referenced by slot index (`T[0][i]`, `S[1]`, `F[2](v, P[2])`);
 * operators come from a fixed table. Results are bit-identical to the
 * unfused path: float64 arithmetic is the same, and in float32 every
 * intermediate is rounded with Math.fround exactly where the unfused path
 * stores into a Float32Array.
 */
import { allocate, inChunks, pow, Tensor, type ParameterValues } from '../../engine';
import type { Expr } from '../ast';
import { LanguageError } from '../errors';
import { ActivationFunction } from './activation-function';
import { MathFunction } from './builtins/math';
import type { Evaluator } from './evaluator';
import { tensorValue, type Value } from './values';

/** Below this many elements the per-operator path is already cheap. */
const MIN_ELEMENTS = 4096;
const MAX_CACHED_LOOPS = 256;

const OPERATORS: Readonly<Record<string, (a: string, b: string) => string>> = {
  '+': (a, b) => `(${a} + ${b})`,
  '-': (a, b) => `(${a} - ${b})`,
  '*': (a, b) => `(${a} * ${b})`,
  '/': (a, b) => `(${a} / ${b})`,
  // the engine's pow, passed in as `pow`, as the unfused path uses: Math.pow differs between engines
  '^': (a, b) => `pow(${a}, ${b})`,
};

type Loop = (T: ArrayLike<number>[], S: number[], F: Function[], P: unknown[], pow: (a: number, b: number) => number, out: Float32Array | Float64Array, start: number, end: number) => void;
const compiled = new Map<string, Loop>();

/** Only these shapes of tree are candidates; anything else takes the ordinary path. */
function fusable(e: Expr): boolean {
  switch (e.type) {
    case 'number': case 'name': case 'boolean': return true;
    case 'unary': return fusable(e.operand);
    case 'binary': return e.op in OPERATORS && fusable(e.left) && fusable(e.right);
    case 'call': return e.callee.type === 'name' && e.args.length === 1 && fusable(e.args[0]);
    default: return false;
  }
}

function operations(e: Expr): number {
  switch (e.type) {
    case 'unary': return 1 + operations(e.operand);
    case 'binary': return 1 + operations(e.left) + operations(e.right);
    case 'call': return 1 + operations(e.args[0]);
    default: return 0;
  }
}

class Abort extends Error {}

/** The fused value of `expr`, or undefined when it should be evaluated the ordinary way. */
export function tryFuse(expr: Expr, ev: Evaluator): Value | undefined {
  if (!fusable(expr) || operations(expr) < 2) return undefined;
  const T: (Float32Array | Float64Array)[] = [];
  const S: number[] = [];
  const F: Function[] = [];
  const P: unknown[] = [];
  let shape: readonly number[] | undefined;
  const tensorSlots = new Map<Tensor, number>();

  /**
   * Scalar-only subtrees are evaluated normally and become one scalar slot.
   * Answered once per node: emit asks at every level of the tree.
   */
  const tensorInside = new Map<Expr, boolean>();
  const hasTensor = (e: Expr): boolean => {
    let answer = tensorInside.get(e);
    if (answer === undefined) {
      switch (e.type) {
        case 'name': answer = ev.lookup(e.name, e.span).kind === 'tensor'; break;
        case 'unary': answer = hasTensor(e.operand); break;
        case 'binary': answer = hasTensor(e.left) || hasTensor(e.right); break;
        case 'call': answer = hasTensor(e.args[0]); break;
        default: answer = false;
      }
      tensorInside.set(e, answer);
    }
    return answer;
  };

  // A tree without tensors is plain arithmetic on numbers; bad names are reported by the ordinary path.
  try {
    if (!hasTensor(expr)) return undefined;
  } catch (e) {
    if (e instanceof LanguageError) return undefined;
    throw e;
  }

  type Kind = 'scalar' | 'float32' | 'float64';
  interface Code { readonly code: string; readonly kind: Kind }
  const f32 = (code: string): string => `Math.fround(${code})`;
  /** float32 results are rounded wherever the unfused path would store into a Float32Array. */
  const rounded = (code: string, kind: Kind): Code => ({ code: kind === 'float32' ? f32(code) : code, kind });

  const scalarSlot = (v: Value): Code => {
    const x = v.kind === 'number' ? v.value : v.kind === 'boolean' ? (v.value ? 1 : 0) : undefined;
    if (x === undefined) throw new Abort();
    S.push(x);
    return { code: `S[${S.length - 1}]`, kind: 'scalar' };
  };

  const emit = (e: Expr): Code => {
    if (!hasTensor(e)) return scalarSlot(ev.evaluate(e));
    switch (e.type) {
      case 'name': {
        const v = ev.lookup(e.name, e.span);
        if (v.kind !== 'tensor') throw new Abort();
        const t = v.tensor;
        if (shape && (shape.length !== t.shape.length || shape.some((d, k) => d !== t.shape[k]))) throw new Abort(); // broadcasting: unfused
        shape = t.shape;
        let slot = tensorSlots.get(t);
        if (slot === undefined) {
          slot = T.push(t.data) - 1;
          tensorSlots.set(t, slot);
        }
        return { code: `T[${slot}][i]`, kind: t.dtype };
      }
      case 'unary': {
        const operand = emit(e.operand);
        return e.op === '-' ? { code: `(-${operand.code})`, kind: operand.kind } : operand;
      }
      case 'binary': {
        const left = emit(e.left);
        const right = emit(e.right);
        const kind: Kind = left.kind === 'float64' || right.kind === 'float64' ? 'float64' : 'float32';
        // a number meeting a float32 tensor is converted to float32 first, as the engine does
        const operand = (c: Code) => (c.kind === 'scalar' && kind === 'float32' ? f32(c.code) : c.code);
        return rounded(OPERATORS[e.op](operand(left), operand(right)), kind);
      }
      case 'call': {
        const callee = ev.lookup((e.callee as Extract<Expr, { type: 'name' }>).name, e.callee.span);
        const named = new Map(e.named.map((n) => [n.name, ev.evaluate(n.value)] as const));
        const fn = callee.kind === 'function' ? callee.fn : undefined;
        const argument = emit(e.args[0]);
        if (fn instanceof ActivationFunction && fn.order <= 1 && fn.definition.kind === 'elementwise') {
          const p: ParameterValues = fn.resolvedParameters(named, { span: e.span, evaluator: ev });
          F.push(fn.order === 0 ? fn.definition.scalar.value : fn.definition.scalar.derivative);
          P.push(p);
          return rounded(`F[${F.length - 1}](${argument.code}, P[${P.length - 1}])`, argument.kind);
        }
        if (fn instanceof MathFunction && named.size === 0) {
          F.push(fn.scalar);
          return rounded(`F[${F.length - 1}](${argument.code})`, argument.kind);
        }
        throw new Abort();
      }
      default: throw new Abort();
    }
  };

  let body: Code;
  try {
    body = emit(expr);
  } catch (e) {
    // Anything unusual (broadcasting, an error in a subexpression) is left to the ordinary path,
    // which evaluates it again and reports errors where they belong.
    if (e instanceof Abort || e instanceof LanguageError) return undefined;
    throw e;
  }
  if (!shape || T.length === 0) return undefined;
  const n = T[0].length;
  if (n < MIN_ELEMENTS) return undefined;
  if (body.kind === 'scalar') return undefined;
  const dtype = body.kind;
  const source = `for (let i = start; i < end; i++) out[i] = ${body.code};`;
  let loop = compiled.get(source);
  if (!loop) {
    // Generated from the tree's structure only (see the comment at the top); no user text reaches it.
    loop = new Function('T', 'S', 'F', 'P', 'pow', 'out', 'start', 'end', source) as Loop;
    if (compiled.size >= MAX_CACHED_LOOPS) compiled.clear();
    compiled.set(source, loop);
  }
  const out = ev.engine(expr.span, () => allocate(dtype, n));
  const run = loop;
  ev.engine(expr.span, () => inChunks(n, ev.shouldStop, (start, end) => run(T, S, F, P, pow, out, start, end)));
  return tensorValue(new Tensor(dtype, shape, out));
}
