/**
 * Evaluating a tree of operations (operators and calls) in one walk, fusing
 * its elementwise pieces into loops (fused-loop.ts): `x * sigmoid(1.702 * x)`
 * on a tensor runs as one pass, not three.
 *
 * The evaluator hands over the topmost operation of a tree; the steps are:
 *
 * 1. Plan: one walk over the tree, top-down from that root and in the order the
 *    ordinary evaluator goes (left before right; a call's function, then its
 *    arguments, then its named arguments). Every node is visited once: no
 *    subtree is planned again after a node above it could not be fused.
 * 2. Evaluate the leaves: nodes that are not operations (`x`, `1.702`, `m[0]`)
 *    are evaluated once, by the evaluator, when the walk reaches them.
 * 3. Compile: a node whose inputs allow it (operators of LOOP_OPERATORS,
 *    elementwise activations and math functions, over tensors of one shape
 *    and at least MIN_ELEMENTS elements, and numbers) becomes code for element
 *    i of a loop. A node that cannot be fused (a string or function operand,
 *    shapes that need broadcasting, small tensors, a user function, `@`...) is
 *    computed the ordinary way, by the evaluator's unary/binary/call, from the
 *    values its inputs already have: leaves are not evaluated again.
 * 4. Run: a fused piece runs as one loop where its value is needed, at the
 *    root or below a node that could not be fused. A piece of one operation is
 *    computed the ordinary way instead: one pass either way, and no compiling.
 *
 * Subtrees of numbers (`1 / 3` in `x + 1 / 3`) are computed the ordinary way,
 * in float64, and enter a loop as one number, as they enter the engine.
 * Results are bit-identical to the unfused path: float64 arithmetic is the
 * same, and in float32 every intermediate is rounded with Math.fround exactly
 * where the unfused path stores into a Float32Array.
 *
 * Errors need no special care: a fused node cannot fail (its inputs have one
 * shape, its functions are elementwise), so every error is raised where the
 * ordinary evaluator raises it: at a leaf, at a node computed the ordinary way,
 * or, for a bad parameter, at the call resolving it, as a call would.
 */
import type { BinaryExpr, CallExpr, Expr, UnaryExpr } from '../ast';
import type { Shape } from '../../engine';
import { ActivationFunction } from './activation-function';
import { MathFunction } from './builtins/math';
import type { CallSite } from './call-site';
import type { Evaluator } from './evaluator';
import type { FunctionValue, ParameterValues } from './function-value';
import { LOOP_OPERATORS, LoopInputs, type LoopDType } from './fused-loop';
import type { Value } from './values';

/** Below this many elements the per-operator path is already cheap. */
const MIN_ELEMENTS = 4096;

export type Operation = UnaryExpr | BinaryExpr | CallExpr;

/** A node compiled into loop code, not yet run. */
interface Fused {
  readonly kind: 'fused';
  readonly expr: Operation;
  /** Element i of the node's value. */
  readonly code: string;
  readonly dtype: LoopDType;
  readonly shape: Shape;
  /** Operators and calls in the code. */
  readonly operations: number;
  /** The node computed the ordinary way, from its inputs' values. */
  readonly unfused: () => Value;
}

/** What the walk knows of a node: its value, or the code that will compute it. */
type Piece = Value | Fused;

/** Pieces a loop can read: fused code, tensors large enough to be worth a loop, numbers. */
type LoopInput = Fused | Extract<Value, { kind: 'tensor' | 'number' | 'boolean' }>;

/** The value of an operator or call node and everything under it. */
export function evaluateOperations(root: Operation, ev: Evaluator): Value {
  return new Walk(ev).value(root);
}

class Walk {
  private readonly pieces = new Map<Expr, Piece>();
  /** Made when the first loop input is, so arithmetic on numbers allocates none. */
  private inputs?: LoopInputs;

  constructor(private readonly ev: Evaluator) {}

  /** The value of a node: visited if it was not yet, its loop run if it was fused. */
  readonly value = (e: Expr): Value => {
    const piece = this.pieces.get(e) ?? this.visit(e);
    if (piece.kind !== 'fused') return piece;
    const v = piece.operations >= 2 ? this.loopInputs().run(piece.code, piece.dtype, piece.shape, this.ev, piece.expr.span) : piece.unfused();
    this.pieces.set(e, v);
    return v;
  };

  private visit(e: Expr): Piece {
    const piece = e.type === 'unary' ? this.unary(e)
      : e.type === 'binary' ? this.binary(e)
        : e.type === 'call' ? this.call(e)
          : this.ev.evaluate(e);
    this.pieces.set(e, piece);
    return piece;
  }

  private unary(e: UnaryExpr): Piece {
    const operand = this.visit(e.operand);
    const unfused = () => this.ev.unary(e.op, this.value(e.operand), e.span);
    const loop = loopOver([operand]);
    if (!loop) return unfused();
    const code = this.code(loop.inputs[0]);
    return this.fused(e, e.op === '-' ? `(-${code})` : code, loop, unfused);
  }

  private binary(e: BinaryExpr): Piece {
    const left = this.visit(e.left);
    const right = this.visit(e.right);
    const unfused = () => this.ev.binary(e, this.value(e.left), this.value(e.right));
    const operator = LOOP_OPERATORS[e.op];
    if (!operator) return unfused();
    const loop = loopOver([left, right]);
    if (!loop) return unfused();
    // a number meeting a float32 tensor is converted to float32 first, as the engine does
    const operand = (p: LoopInput) => (loop.dtype === 'float32' && isNumber(p) ? fround(this.code(p)) : this.code(p));
    const [a, b] = loop.inputs;
    return this.fused(e, rounded(operator(operand(a), operand(b)), loop.dtype), loop, unfused);
  }

  private call(e: CallExpr): Piece {
    const callee = this.ev.calleeOf(e, this.value);
    const unfused = () => this.ev.call(e, callee, this.value);
    // networks, calls of non-functions (an error) and calls of several arguments: the ordinary way, in its order
    if (callee.kind !== 'function' || e.args.length !== 1) return unfused();
    const argument = this.visit(e.args[0]);
    const named = new Map(e.named.map((n) => [n.name, this.value(n.value)] as const));
    const loop = loopOver([argument]);
    const how = loop && loopCall(callee.fn, named, { span: e.span, evaluator: this.ev });
    if (!loop || !how) return unfused();
    const code = this.loopInputs().call(how.f, this.code(loop.inputs[0]), how.parameters);
    return this.fused(e, rounded(code, loop.dtype), loop, unfused);
  }

  private fused(expr: Operation, code: string, loop: Loop, unfused: () => Value): Fused {
    let operations = 1;
    for (const p of loop.inputs) if (p.kind === 'fused') operations += p.operations;
    return { kind: 'fused', expr, code, dtype: loop.dtype, shape: loop.shape, operations, unfused };
  }

  /** Element i of an input, in the loop. */
  private code(p: LoopInput): string {
    if (p.kind === 'fused') return p.code;
    if (p.kind === 'tensor') return this.loopInputs().tensor(p.tensor);
    return this.loopInputs().scalar(p.kind === 'number' ? p.value : p.value ? 1 : 0);
  }

  private loopInputs(): LoopInputs {
    return (this.inputs ??= new LoopInputs());
  }
}

/** What a node's inputs make of its loop. */
interface Loop {
  readonly inputs: readonly LoopInput[];
  readonly shape: Shape;
  /** float64 if any input is, as the engine decides. */
  readonly dtype: LoopDType;
}

/**
 * The loop these pieces can be the inputs of; undefined when one cannot be an
 * input (a string, a function, a small tensor), when their shapes disagree
 * (broadcasting is the engine's), or when all are numbers (plain arithmetic).
 */
function loopOver(pieces: readonly Piece[]): Loop | undefined {
  const inputs: LoopInput[] = [];
  let shape: Shape | undefined;
  let dtype: LoopDType = 'float32';
  for (const p of pieces) {
    if (!isLoopInput(p)) return undefined;
    inputs.push(p);
    if (isNumber(p)) continue;
    const s = p.kind === 'fused' ? p.shape : p.tensor.shape;
    if (shape !== undefined && !sameShape(shape, s)) return undefined;
    shape = s;
    if ((p.kind === 'fused' ? p.dtype : p.tensor.dtype) === 'float64') dtype = 'float64';
  }
  return shape && { inputs, shape, dtype };
}

function isLoopInput(p: Piece): p is LoopInput {
  return p.kind === 'fused' || isNumber(p) || (p.kind === 'tensor' && p.tensor.size >= MIN_ELEMENTS);
}

function isNumber(p: Piece): p is Extract<Value, { kind: 'number' | 'boolean' }> {
  return p.kind === 'number' || p.kind === 'boolean';
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

const fround = (code: string): string => `Math.fround(${code})`;

/** float32 results are rounded wherever the unfused path would store into a Float32Array. */
const rounded = (code: string, dtype: LoopDType): string => (dtype === 'float32' ? fround(code) : code);

/**
 * How a loop calls fn, or undefined when it cannot: elementwise activations and
 * their first derivatives, with parameters resolved as a call resolves them
 * (a bad parameter is the error the call would report), and math functions,
 * which take no named arguments.
 */
function loopCall(fn: FunctionValue, named: ReadonlyMap<string, Value>, site: CallSite): { f: Function; parameters?: ParameterValues } | undefined {
  if (fn instanceof ActivationFunction && fn.order <= 1 && fn.definition.kind === 'elementwise') {
    const scalar = fn.definition.scalar;
    return { f: fn.order === 0 ? scalar.value : scalar.derivative, parameters: fn.resolvedParameters(named, site) };
  }
  if (fn instanceof MathFunction && named.size === 0) return { f: fn.scalar };
  return undefined;
}
