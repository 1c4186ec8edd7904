/**
 * Evaluates the syntax tree of a cell against a session's state.
 *
 * Every operation is vectorised through the engine: a user function applied to
 * a tensor evaluates its body once, on whole tensors. Errors are LanguageErrors
 * pointing at the node that failed; engine errors get that node's position.
 *
 * Trees of operators and calls are walked by fusion.ts, which fuses their
 * elementwise pieces into loops and calls back into unary, binary,
 * applyFunction and callNonFunction here for every node it does not fuse.
 */
import {
  binary, fromNested, matmul, map, stackRows, transpose, Tensor, type BinaryOperator as EngineOperator, type DType,
} from '../../engine';
import { assertNever, type Expr, type BinaryExpr, type CallExpr, type Statement, type UnaryOperator } from '../ast';
import { LanguageError } from '../errors';
import type { CheckResult, DisplayValue } from '../../shared/output';
import { callNetwork, fieldOf, indexComposite } from './composite-values';
import { positionAt, sliceSpan, type Span } from '../source';
import { lookupBuiltin, builtinNames } from './builtins';
import { atSite, runtimeError, type CallSite } from './call-site';
import { didYouMean } from '../../engine';
import { describeValue, fnValue, NONE, num, tensorValue, type Value } from './values';
import { UserFunction } from './user-function';
import type { FunctionValue } from './function-value';
import { evaluateOperations, evaluateOperationsForBinding } from './fusion';
import { rebound, shareStorage } from './sole-storage';
import { checkMemoryBudget } from './memory-budget';
import { Cancelled, type CancellationToken } from './cancellation';
import type { TrainingData } from './network-values';

export { Cancelled, type CancellationToken };

/** What persists across the cells of one notebook. */
export interface SessionState {
  readonly globals: Map<string, Value>;
  defaultDType: DType;
  /** Nested user-function calls in progress, to stop runaway recursion. */
  depth: number;
  /** false: no JavaScript loop is compiled for fused pieces (`new Function`), for pages whose CSP has no 'unsafe-eval' (the renderer). */
  readonly compileLoops?: boolean;
  /** Bytes of tensors the variables may hold together (memory-budget.ts; 2 GiB unless the session says). */
  readonly memoryBudget?: number;
  /** The outermost of those calls: the one the user wrote, where a runaway recursion is reported. */
  outermostCall?: CallSite;
  token?: CancellationToken;
  /** Receives interim displays of a long computation (train) for the notebook to show while the cell runs. */
  progress?: (display: DisplayValue) => void;
  /**
   * The training run an interrupt stopped in the running cell. train returns what it trained rather
   * than failing, so the cell knows it was interrupted and shows that run above the error (interruption.ts).
   */
  interruptedRun?: TrainingData;
  /** The checks (exercises) the running cell has made, in order: the cell shows them all (session.ts). */
  checks?: CheckResult[];
}

/** User functions nested deeper than this are refused rather than overflowing the stack. */
export const MAX_CALL_DEPTH = 200;

const COMPARISONS: ReadonlySet<BinaryExpr['op']> = new Set(['==', '!=', '<', '<=', '>', '>=']);

const ENGINE_OPERATORS: Partial<Record<BinaryExpr['op'], EngineOperator>> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod', '^': 'pow',
  '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge',
};

export class Evaluator {
  constructor(
    readonly session: SessionState,
    /** The text spans refer to, for error positions. */
    readonly text: string,
    readonly locals?: ReadonlyMap<string, Value>,
  ) {}

  withText(text: string, locals?: ReadonlyMap<string, Value>): Evaluator {
    return new Evaluator(this.session, text, locals);
  }

  private error(span: Span, message: string): LanguageError {
    return new LanguageError('runtime', message, span, this.text);
  }

  private site(span: Span): CallSite {
    return { span, evaluator: this };
  }

  checkCancelled(): void {
    if (this.session.token?.isCancellationRequested) throw new Cancelled();
  }

  /** For engine loops: true once the cell has been interrupted. */
  readonly shouldStop = (): boolean => this.session.token?.isCancellationRequested === true;

  /** Runs one statement; returns the value to display (none for assignments and definitions). */
  execute(statement: Statement): Value {
    this.checkCancelled();
    switch (statement.type) {
      case 'assign': {
        const { value, made } = this.evaluateForBinding(statement.value);
        checkMemoryBudget(this.session.globals, statement.name, value, this.site(statement.span), this.session.memoryBudget);
        this.bind(statement.name, value, made);
        return NONE;
      }
      case 'define':
        this.bind(
          statement.name,
          fnValue(new UserFunction(statement.name, statement.params, statement.body, this.text, this.withText(this.text), new Map(), 0, sliceSpan(this.text, statement.span))),
          false,
        );
        return NONE;
      case 'expression':
        return this.evaluate(statement.expr);
      default:
        return assertNever(statement);
    }
  }

  /** An assignment's value, and whether its top-level operation made it (sole-storage.ts). */
  private evaluateForBinding(expr: Expr): { value: Value; made: boolean } {
    if (expr.type === 'unary' || expr.type === 'binary' || expr.type === 'call') return evaluateOperationsForBinding(expr, this);
    return { value: this.evaluate(expr), made: false };
  }

  /** Binds a global; the tensor it held is given back at once if nothing else can read it. */
  private bind(name: string, value: Value, made: boolean): void {
    const previous = this.session.globals.get(name);
    this.session.globals.set(name, value);
    rebound(previous, value, made);
  }

  /**
   * Evaluates a user function's body (or a default) with its parameters bound.
   * Errors inside are reported at the call in the current cell, naming the function.
   */
  evaluateIn(expr: Expr, text: string, bindings: ReadonlyMap<string, Value>, site: CallSite, label: string): Value {
    if (this.session.depth >= MAX_CALL_DEPTH) {
      const call = this.session.outermostCall ?? site;
      const where = text === call.evaluator.text ? `on line ${positionAt(text, expr.span.start).line}` : 'in an earlier cell';
      throw runtimeError(call, `${label} calls itself more than ${MAX_CALL_DEPTH} levels deep (it is defined ${where}); a function defined by itself, like f(x) = f(x), never finishes`);
    }
    this.checkCancelled();
    if (this.session.depth === 0) this.session.outermostCall = site;
    this.session.depth++;
    try {
      return new Evaluator(this.session, text, bindings).evaluate(expr);
    } catch (e) {
      if (e instanceof LanguageError && site.evaluator.text !== text) {
        throw runtimeError(site, e.message.startsWith('in ') ? e.message : `in ${label}: ${e.message}`);
      }
      throw e;
    } finally {
      this.session.depth--;
      if (this.session.depth === 0) this.session.outermostCall = undefined;
    }
  }

  evaluate(expr: Expr): Value {
    switch (expr.type) {
      case 'number': return num(expr.value);
      case 'string': return { kind: 'string', value: expr.value };
      case 'boolean': return { kind: 'boolean', value: expr.value };
      case 'name': return this.lookup(expr.name, expr.span);
      case 'unary': case 'binary': case 'call': return evaluateOperations(expr, this);
      case 'index': return this.index(this.evaluate(expr.target), expr.indices, expr.span);
      case 'transpose': {
        const v = this.evaluate(expr.target);
        if (v.kind === 'tensor') return this.engine(expr.span, () => tensorValue(transpose(v.tensor, this.shouldStop)));
        if (v.kind === 'number') return v;
        throw this.error(expr.span, `.T transposes tensors, but this is ${describeValue(v)}`);
      }
      case 'field': return fieldOf(this.evaluate(expr.target), expr.name, this.site(expr.span));
      case 'derivative': {
        const v = this.evaluate(expr.target);
        if (v.kind !== 'function') {
          throw this.error(expr.span, `' takes the derivative of a function, but this is ${describeValue(v)}; define a function first, e.g. f(x) = ..., then write f'`);
        }
        let fn = v.fn;
        for (let k = 0; k < expr.order; k++) fn = fn.derivative(this.site(expr.span));
        return fnValue(fn);
      }
      case 'vector': return this.vector(expr.elements, expr.span);
      default: return assertNever(expr);
    }
  }

  /**
   * `what` names the role in the error: 'function' when the name is the callee of a call. A
   * global read here may be kept by whoever asked, so its variable no longer holds it alone.
   */
  lookup(name: string, span: Span, what: 'name' | 'function' = 'name'): Value {
    const value = this.lookupForLoop(name, span, what);
    shareStorage(value);
    return value;
  }

  /**
   * As lookup, for the fused walk's leaves, which a loop reads element by element and keeps
   * nothing of: the walk calls shareStorage itself when it uses the value any other way.
   */
  lookupForLoop(name: string, span: Span, what: 'name' | 'function' = 'name'): Value {
    const local = this.locals?.get(name);
    if (local !== undefined) return local;
    const global = this.session.globals.get(name);
    if (global !== undefined) return global;
    const builtin = lookupBuiltin(name, this);
    if (builtin !== undefined) return builtin;
    const known = [...(this.locals?.keys() ?? []), ...this.session.globals.keys(), ...builtinNames()];
    throw this.error(span, `unknown ${what} '${name}'${didYouMean(name, known)}`);
  }

  /** `op v`, for the operation walk (fusion.ts). */
  unary(op: UnaryOperator, v: Value, span: Span): Value {
    if (v.kind === 'boolean') v = num(v.value ? 1 : 0);
    if (v.kind === 'number') return num(op === '-' ? -v.value : v.value);
    if (v.kind === 'tensor') return op === '-' ? tensorValue(map(v.tensor, (x) => -x, this.shouldStop)) : v;
    throw this.error(span, `cannot apply ${op} to ${describeValue(v)}`);
  }

  /** `left op right` with both sides evaluated, for the operation walk (fusion.ts). */
  binary(expr: BinaryExpr, left: Value, right: Value): Value {
    const a = this.operand(left, expr.op, expr.left.span);
    const b = this.operand(right, expr.op, expr.right.span);
    if (expr.op === '@') {
      if (!(a instanceof Tensor) || !(b instanceof Tensor)) throw this.error(expr.span, '@ multiplies matrices and vectors; use * for numbers');
      return this.engine(expr.span, () => tensorValue(matmul(a, b, this.shouldStop)));
    }
    const op = ENGINE_OPERATORS[expr.op]!;
    if (typeof a === 'number' && typeof b === 'number') {
      const r = binary(op, a, b).data[0];
      const comparison = COMPARISONS.has(expr.op);
      return comparison ? { kind: 'boolean', value: r === 1 } : num(r);
    }
    return this.engine(expr.span, () => tensorValue(binary(op, a, b, this.shouldStop)));
  }

  private operand(v: Value, op: string, span: Span): number | Tensor {
    if (v.kind === 'number') return v.value;
    if (v.kind === 'boolean') return v.value ? 1 : 0;
    if (v.kind === 'tensor') return v.tensor;
    const hint = v.kind === 'function' ? `; call it first, e.g. ${v.fn.label}(x) ${op} ...` : '';
    throw this.error(span, `cannot use ${describeValue(v)} with ${op}${hint}`);
  }

  /** Runs engine work; its errors get this node's position (see atSite). */
  engine<T>(span: Span, work: () => T): T {
    return atSite(this.site(span), work);
  }

  /**
   * The function a call calls: a name is looked up as a function (so a wrong
   * one is reported as an unknown function), anything else is evaluated.
   */
  calleeOf(expr: CallExpr, evaluate: (e: Expr) => Value): Value {
    this.checkCancelled();
    return expr.callee.type === 'name' ? this.lookup(expr.callee.name, expr.callee.span, 'function') : evaluate(expr.callee);
  }

  /**
   * A call of something that is not a function, for the operation walk: a
   * network applied to its arguments, or the error that it cannot be called
   * (raised before any argument is evaluated).
   */
  callNonFunction(expr: CallExpr, callee: Exclude<Value, { kind: 'function' }>, evaluate: (e: Expr) => Value): Value {
    if (callee.kind === 'network') {
      const args = expr.args.map((a) => evaluate(a));
      return callNetwork(callee.network.net, args, expr.named.length, { span: expr.span, evaluator: this });
    }
    const what = expr.callee.type === 'name' ? `'${expr.callee.name}' is ${describeValue(callee)}` : `this is ${describeValue(callee)}`;
    throw this.error(expr.callee.span, `${what}, not a function, so it cannot be called`);
  }

  /** fn applied to its evaluated arguments, for the operation walk; its errors point at the call. */
  applyFunction(expr: CallExpr, fn: FunctionValue, args: readonly Value[], named: ReadonlyMap<string, Value>): Value {
    const site: CallSite = { span: expr.span, evaluator: this, argSpans: expr.args.map((a) => a.span) };
    return fn.call(args, named, site);
  }

  private index(target: Value, indices: readonly Expr[], span: Span): Value {
    const composite = indexComposite(target, indices.length, this.site(span));
    if (composite?.kind === 'network') return this.layerOf(composite, indices, span);
    if (composite) target = composite;
    if (target.kind !== 'tensor') throw this.error(span, `only tensors can be indexed, but this is ${describeValue(target)}`);
    const t = target.tensor;
    if (indices.length > t.rank) {
      throw this.error(span, `${describeValue(target)} takes at most ${t.rank} ind${t.rank === 1 ? 'ex' : 'ices'}, got ${indices.length}`);
    }
    const positions = indices.map((e, axis) => {
      const v = this.evaluate(e);
      const i = v.kind === 'number' ? v.value : NaN;
      if (!Number.isInteger(i)) throw this.error(e.span, `an index must be a whole number, got ${v.kind === 'number' ? v.value : describeValue(v)}`);
      const size = t.shape[axis];
      if (i < -size || i >= size) {
        throw this.error(e.span, `index ${i} is out of range for an axis of length ${size} (valid: ${-size} to ${size - 1})`);
      }
      return i < 0 ? i + size : i;
    });
    if (t.rank === 1) return num(t.data[positions[0]]);
    if (positions.length === 2) return num(t.data[positions[0] * t.shape[1] + positions[1]]);
    const cols = t.shape[1];
    const row = t.data.slice(positions[0] * cols, positions[0] * cols + cols);
    return tensorValue(new Tensor(t.dtype, [cols], row));
  }

  /** net[l]: layer l (negative from the end) as a network of its own. */
  private layerOf(target: Extract<Value, { kind: 'network' }>, indices: readonly Expr[], span: Span): Value {
    const net = target.network.net;
    const v = this.evaluate(indices[0]);
    const count = net.layers.length;
    const i = v.kind === 'number' ? v.value : NaN;
    if (!Number.isInteger(i) || i < -count || i >= count) {
      throw this.error(indices[0].span, `a network of ${count} layer${count === 1 ? '' : 's'} takes a layer index from ${-count} to ${count - 1}, got ${v.kind === 'number' ? v.value : describeValue(v)}`);
    }
    const l = i < 0 ? i + count : i;
    return this.engine(span, () => ({ kind: 'network', network: { net: net.slice(l, l + 1) } }));
  }

  private vector(elements: readonly Expr[], span: Span): Value {
    const values = elements.map((e) => this.evaluate(e));
    if (values.every((v) => v.kind === 'number' || v.kind === 'boolean')) {
      const data = values.map((v) => (v.kind === 'number' ? v.value : v.kind === 'boolean' && v.value ? 1 : 0));
      return this.engine(span, () => tensorValue(fromNested(data, this.session.defaultDType)));
    }
    if (values.every((v) => v.kind === 'tensor' && v.tensor.rank === 1)) {
      const rows = values.map((v) => (v as Extract<Value, { kind: 'tensor' }>).tensor);
      const dtype = rows.every((r) => r.dtype === 'float32') ? 'float32' : 'float64';
      const cols = rows[0].size;
      const bad = rows.findIndex((r) => r.size !== cols);
      if (bad >= 0) throw this.error(elements[bad].span, `matrix rows must have equal lengths: row ${bad} has ${rows[bad].size} elements, row 0 has ${cols}`);
      return this.engine(span, () => tensorValue(stackRows(rows, dtype)));
    }
    const odd = values.findIndex((v) => !(v.kind === 'number' || v.kind === 'boolean' || (v.kind === 'tensor' && v.tensor.rank === 1)));
    const at = odd >= 0 ? odd : 0;
    throw this.error(elements[at].span, `a vector holds numbers and a matrix holds rows of numbers; this element is ${describeValue(values[at])}`);
  }
}
