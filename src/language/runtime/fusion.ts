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
 *    are evaluated once, by the evaluator, when the walk reaches them. With
 *    its inputs' values known, a node is planned into a loop if they allow it:
 *    operators of LOOP_OPERATORS, elementwise activations and math functions,
 *    over tensors of one shape and at least MIN_ELEMENTS elements, and numbers.
 *    A node that cannot be fused (a string or function operand, shapes that
 *    need broadcasting, small tensors, a user function, `@`...) is computed
 *    the ordinary way, by the evaluator, from the values its inputs already
 *    have: nothing is evaluated again.
 * 3. Compile: where a planned piece's value is needed (at the root, or below a
 *    node that could not be fused), the plan becomes a tree of the engine's
 *    FusedNode, which runs as a WebAssembly function where every node has a
 *    vector form, else as a JavaScript loop (fused-loop.ts).
 * 4. Run: the loop makes one pass over the elements. A piece that is one call
 *    of an elementwise activation is computed the ordinary way instead: the
 *    engine runs the same kernel, no compiling.
 *    So is a piece with no WebAssembly form where the session compiles no
 *    JavaScript (a page whose CSP forbids `new Function`).
 *
 * Subtrees of numbers (`1 / 3` in `x + 1 / 3`) are computed the ordinary way,
 * in float64, and enter a loop as one number, as they enter the engine.
 * Results are bit-identical to the unfused path: float64 arithmetic is the
 * same, and in float32 every intermediate is rounded (a round32 node:
 * Math.fround, or a demote and promote in wasm) exactly where the unfused path
 * stores into a Float32Array (test/unit/language/runtime/fusion-wasm.test.ts).
 *
 * Leaves that are variables are read without sharing them (sole-storage.ts): a loop reads a
 * tensor element by element and keeps nothing, so `y = x * sigmoid(1.702 * x)` run again can
 * give y's old storage back. A leaf used any other way (computed the ordinary way, an argument
 * of a function that is not fused) is shared the moment its value is taken.
 *
 * Errors need no special care: a fused node cannot fail (its inputs have one
 * shape, its functions are elementwise), so every error is raised where the
 * ordinary evaluator raises it: at a leaf, at a node computed the ordinary way,
 * or, for a bad parameter, at the call resolving it, as a call would.
 */
import type { BinaryExpr, CallExpr, Expr, UnaryExpr } from '../ast';
import { parametersFor, wasmElementwiseEnabled, type FusedNode, type Shape } from '../../engine';
import { ActivationFunction, ORDERS } from './activation-function';
import { MathFunction } from './builtins/math';
import type { CallSite } from './call-site';
import type { Evaluator } from './evaluator';
import type { FunctionValue } from './function-value';
import { LOOP_OPERATORS, LoopInputs, type LoopDType } from './fused-loop';
import { shareStorage } from './sole-storage';
import type { Value } from './values';

/** Below this many elements the per-operator path is already cheap. */
const MIN_ELEMENTS = 4096;
/**
 * A loop of more operations than this is computed before it grows further, so
 * that a long chain (`x * x * … * x`) makes several loops of bounded code, not
 * one whose generated source nests thousands deep.
 */
const MAX_LOOP_OPERATIONS = 64;
/** How often a long chain checks for an interrupt while it is walked. */
const CHAIN_CHECK_INTERVAL = 4096;

export type Operation = UnaryExpr | BinaryExpr | CallExpr;

/** A node planned into a loop: compiled and run where its value is needed. */
interface Fused {
  readonly kind: 'fused';
  readonly expr: Operation;
  readonly inputs: readonly LoopInput[];
  /** The node's tree for element i, from its inputs' trees. */
  readonly node: (inputs: readonly FusedNode[]) => FusedNode;
  readonly dtype: LoopDType;
  readonly shape: Shape;
  /** Operators and calls in the piece this node is the root of. */
  readonly operations: number;
  /** The node computed the ordinary way, from its inputs' values. */
  readonly unfused: () => Value;
  /** Whether the node is a call of an elementwise activation, whose `unfused` always returns a tensor it has just allocated. */
  readonly activationCall: boolean;
}

/** What the walk knows of a node: its value, or the plan that will compute it. */
type Piece = Value | Fused;

/** Pieces a loop can read: planned nodes, tensors large enough to be worth a loop, numbers. */
type LoopInput = Fused | Extract<Value, { kind: 'tensor' | 'number' | 'boolean' }>;

/** The value of an operator or call node and everything under it. */
export function evaluateOperations(root: Operation, ev: Evaluator): Value {
  return new Walk(ev).evaluate(root);
}

/**
 * As evaluateOperations, for an assignment: also whether the root's value is a tensor made for
 * it alone (a loop's output, or an elementwise activation's), which its variable then holds alone.
 */
export function evaluateOperationsForBinding(root: Operation, ev: Evaluator): { value: Value; made: boolean } {
  const walk = new Walk(ev);
  const p = walk.plan(root);
  if (p.kind !== 'fused') return { value: walk.valueOf(p), made: false };
  const { value, made } = walk.computed(p);
  return { value, made: made && value.kind === 'tensor' };
}

class Walk {
  /** Leaves read from variables without sharing them: shared when their value is taken. */
  private readonly unshared = new WeakSet<Value>();

  constructor(private readonly ev: Evaluator) {}

  /** The value of a node of the tree, and of everything under it. */
  readonly evaluate = (e: Expr): Value => this.valueOf(this.visit(e));

  /** The plan of the tree under `root` (its leaves evaluated). */
  plan(root: Operation): Piece {
    return this.visit(root);
  }

  valueOf(p: Piece): Value {
    if (p.kind === 'fused') return this.computed(p).value;
    if (this.unshared.has(p)) shareStorage(p);
    return p;
  }

  /** A planned piece's value, and whether it was just allocated for it (a loop's output, an activation's). */
  computed(p: Fused): { value: Value; made: boolean } {
    // one activation call: the engine runs the same kernel, with nothing to compile; one
    // operator or math function loops too, since the engine's generic loop for it is ten
    // times slower (`y = x * 2` over 1M doubles: 6-9 ms, looped 0.7)
    if (p.operations >= 2 || !p.activationCall) {
      const slots = new LoopInputs();
      const looped = slots.run(nodeOf(p, slots), p.dtype, p.shape, this.ev, p.expr.span);
      if (looped) return { value: looped, made: true };
    }
    return { value: p.unfused(), made: p.activationCall };
  }

  private visit(e: Expr): Piece {
    switch (e.type) {
      case 'unary': return this.unary(e);
      case 'binary': return this.binary(e);
      case 'call': return this.call(e);
      case 'name': return this.leaf(this.ev.lookupForLoop(e.name, e.span));
      default: return this.ev.evaluate(e);
    }
  }

  private leaf(v: Value): Value {
    this.unshared.add(v);
    return v;
  }

  /**
   * No loops where the session compiles no JavaScript (a page whose CSP forbids `new Function`)
   * and the WebAssembly path is off: every node the ordinary way.
   */
  private loopOver(pieces: readonly Piece[]): Loop | undefined {
    return this.ev.session.compileLoops === false && !wasmElementwiseEnabled() ? undefined : loopOver(pieces);
  }

  /** A piece as a loop input: a loop that has grown to MAX_LOOP_OPERATIONS is computed first. */
  private bounded(p: Piece): Piece {
    return p.kind === 'fused' && p.operations >= MAX_LOOP_OPERATIONS ? this.valueOf(p) : p;
  }

  private unary(e: UnaryExpr): Piece {
    const operand = this.bounded(this.visit(e.operand));
    const unfused = () => this.ev.unary(e.op, this.valueOf(operand), e.span);
    const loop = this.loopOver([operand]);
    if (!loop) return unfused();
    // unary plus returns its operand, as the evaluator's does: no loop copies it
    if (e.op === '+') return operand;
    return fused(e, loop, ([a]) => ({ kind: 'negate', a }), unfused, false);
  }

  /**
   * A left-deep chain (`1 + 1 + … + 1`, `x * x * … * x`: how the parser builds left-associative
   * operators) is walked along its spine in a loop, not by recursion, so its length is not
   * limited by the stack. The order is the evaluator's: the leftmost operand, then each right one.
   */
  private binary(top: BinaryExpr): Piece {
    const spine: BinaryExpr[] = [top];
    for (let e = top.left; e.type === 'binary'; e = e.left) spine.push(e);
    let left = this.visit(spine[spine.length - 1]!.left);
    for (let i = spine.length - 1; i >= 0; i--) {
      if (i % CHAIN_CHECK_INTERVAL === 0) this.ev.checkCancelled();
      const e = spine[i]!;
      left = this.operator(e, this.bounded(left), this.bounded(this.visit(e.right)));
    }
    return left;
  }

  private operator(e: BinaryExpr, left: Piece, right: Piece): Piece {
    const unfused = () => this.ev.binary(e, this.valueOf(left), this.valueOf(right));
    const operator = LOOP_OPERATORS[e.op];
    const loop = operator && this.loopOver([left, right]);
    if (!operator || !loop) return unfused();
    // a number meeting a float32 tensor is converted to float32 first, as the engine does
    const operand = (p: Piece, node: FusedNode): FusedNode => (loop.dtype === 'float32' && isNumber(p) ? fround(node) : node);
    return fused(e, loop, ([a, b]) => rounded(operator(operand(left, a), operand(right, b)), loop.dtype), unfused, false);
  }

  private call(e: CallExpr): Piece {
    const callee = this.ev.calleeOf(e, this.evaluate);
    // a network, or the error that this cannot be called: the ordinary way, in its order
    if (callee.kind !== 'function') return this.ev.callNonFunction(e, callee, this.evaluate);
    const args = e.args.map((a) => this.bounded(this.visit(a)));
    const named = new Map(e.named.map((n) => [n.name, this.evaluate(n.value)] as const));
    const unfused = () => this.ev.applyFunction(e, callee.fn, args.map((a) => this.valueOf(a)), named);
    const loop = args.length === 1 ? this.loopOver(args) : undefined;
    const how = loop && loopCall(callee.fn, named, { span: e.span, evaluator: this.ev });
    if (!loop || !how) return unfused();
    // an elementwise activation applied to a tensor allocates its result (engine/activations/apply.ts)
    const activationCall = callee.fn instanceof ActivationFunction;
    return fused(e, loop, ([a]) => rounded(how(a, loop.dtype), loop.dtype), unfused, activationCall);
  }
}

function fused(expr: Operation, loop: Loop, node: Fused['node'], unfused: () => Value, activationCall: boolean): Fused {
  let operations = 1;
  for (const p of loop.inputs) if (p.kind === 'fused') operations += p.operations;
  return { kind: 'fused', expr, inputs: loop.inputs, node, dtype: loop.dtype, shape: loop.shape, operations, unfused, activationCall };
}

/** Compiling: the tree for element i of a piece, its inputs given slots in `slots`. */
function nodeOf(p: LoopInput, slots: LoopInputs): FusedNode {
  if (p.kind === 'fused') return p.node(p.inputs.map((input) => nodeOf(input, slots)));
  if (p.kind === 'tensor') return slots.tensor(p.tensor);
  return slots.scalar(p.kind === 'number' ? p.value : p.value ? 1 : 0);
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

const fround = (a: FusedNode): FusedNode => ({ kind: 'round32', a });

/** float32 results are rounded wherever the unfused path would store into a Float32Array. */
const rounded = (a: FusedNode, dtype: LoopDType): FusedNode => (dtype === 'float32' ? fround(a) : a);

/**
 * How a loop calls fn (its node over the argument's, in a loop of this dtype), or undefined
 * when it cannot: elementwise activations and their first and second derivatives, with
 * parameters resolved as a call resolves them (a bad parameter is the error the call would
 * report) and rounded as the engine rounds them for float32, and math functions, which take
 * no named arguments.
 */
function loopCall(fn: FunctionValue, named: ReadonlyMap<string, Value>, site: CallSite): ((a: FusedNode, dtype: LoopDType) => FusedNode) | undefined {
  if (fn instanceof ActivationFunction && fn.definition.kind === 'elementwise') {
    const definition = fn.definition;
    const parameters = fn.resolvedParameters(named, site);
    const order = ORDERS[fn.order];
    return (a, dtype) => ({ kind: 'activation', definition, order, parameters: parametersFor(dtype, parameters), a });
  }
  if (fn instanceof MathFunction && named.size === 0) {
    const f = fn.scalar;
    return (a) => ({ kind: 'elementary', f, a });
  }
  return undefined;
}
