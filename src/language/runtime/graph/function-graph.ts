/**
 * graph(f, at=x0): the expression graph of a function of one variable at one point.
 *
 * A user function's body is followed node by node: numbers and names that are not the
 * variable become leaves, each operator and call a node. Calls of other user functions
 * (compositions, `g(x) = f(2*x)`) are opened up, their parameters bound to the argument
 * nodes, so the graph shows what they compute; builtins (relu, sigmoid, exp, max, ...)
 * are single nodes. Every node's value is computed by the language itself (the node's
 * operation evaluated on its operands' values), so it is the value f(x0) computes; its
 * partial derivatives are the language's too: the derivative of a builtin
 * (PyTorch's values at kinks), max/min ties to the first argument, as `f'` takes them.
 */
import type { Expr } from '../../ast';
import { log, pow } from '../../../engine';
import { runtimeError, type CallSite } from '../call-site';
import type { Evaluator } from '../evaluator';
import type { FunctionValue } from '../function-value';
import { UserFunction } from '../user-function';
import { describeValue, num, type Value } from '../values';
import { GraphBuilder, GraphTooLarge } from './graph-builder';
import type { GraphDisplay } from '../../../shared/output';

/** More nodes than this do not make a readable picture (and bound the work). */
export const MAX_FUNCTION_GRAPH_NODES = 200;
/** How deep user functions may call user functions before the graph gives up (f(x) = f(x)). */
const MAX_EXPANSION_DEPTH = 40;

/** Where an expression is read: the evaluator and text it belongs to, what its names are bound to. */
interface Scope {
  readonly home: Evaluator;
  readonly text: string;
  readonly label: string;
  /** Parameters bound to graph nodes. */
  readonly nodes: ReadonlyMap<string, number>;
  readonly depth: number;
}

const SPAN = { start: 0, end: 0 };
const placeholder = (i: number): Expr => ({ type: 'name', name: `__graph_operand_${i}`, span: SPAN });

export function functionGraph(fn: FunctionValue, at: number, site: CallSite): GraphDisplay {
  const graph = new GraphBuilder(MAX_FUNCTION_GRAPH_NODES, () => `graph draws at most ${MAX_FUNCTION_GRAPH_NODES} nodes, and ${fn.label} has more; draw a part of it (a function it uses)`);
  const tracer = new Tracer(graph, site);
  try {
    const variable = fn instanceof UserFunction ? fn.params[0]?.name ?? 'x' : 'x';
    const input = graph.add('input', variable, at, 'input');
    const output = tracer.apply(fn, [input], new Map(), fn.label, 0);
    graph.backward(output);
    return graph.display(`${fn.label} at ${variable} = ${at}`, output, [input]);
  } catch (e) {
    if (e instanceof GraphTooLarge) throw runtimeError(site, e.message);
    throw e;
  }
}

class Tracer {
  constructor(private readonly graph: GraphBuilder, private readonly site: CallSite) {}

  private value(i: number): number {
    return this.graph.nodes[i].value;
  }

  /** Evaluates `expr` in the scope with the parameters at their nodes' values and extra operands bound. */
  private evaluate(expr: Expr, scope: Scope, operands: readonly number[] = []): Value {
    const bindings = new Map<string, Value>();
    for (const [name, node] of scope.nodes) bindings.set(name, num(this.value(node)));
    operands.forEach((node, i) => bindings.set(`__graph_operand_${i}`, num(this.value(node))));
    return scope.home.evaluateIn(expr, scope.text, bindings, this.site, scope.label);
  }

  private numberOf(v: Value, what: string): number {
    if (v.kind === 'number') return v.value;
    if (v.kind === 'boolean') return v.value ? 1 : 0;
    if (v.kind === 'tensor' && v.tensor.size === 1) return v.tensor.data[0];
    throw runtimeError(this.site, `graph follows one number through the function, but ${what} is ${describeValue(v)}`);
  }

  trace(expr: Expr, scope: Scope): number {
    switch (expr.type) {
      case 'number': return this.graph.add('const', expr.text, expr.value, 'leaf');
      case 'boolean': return this.graph.add('const', String(expr.value), expr.value ? 1 : 0, 'leaf');
      case 'name': {
        const bound = scope.nodes.get(expr.name);
        if (bound !== undefined) return bound;
        return this.graph.add('const', expr.name, this.numberOf(this.evaluate(expr, scope), `'${expr.name}'`), 'leaf');
      }
      case 'unary': {
        const a = this.trace(expr.operand, scope);
        if (expr.op === '+') return a;
        return this.graph.add('neg', '−', -this.value(a), 'op', [a], [-1]);
      }
      case 'binary': {
        const a = this.trace(expr.left, scope);
        const b = this.trace(expr.right, scope);
        const value = this.numberOf(this.evaluate({ ...expr, left: placeholder(0), right: placeholder(1) }, scope, [a, b]), `the result of ${expr.op}`);
        return this.graph.add(expr.op, expr.op === '*' ? '×' : expr.op, value, 'op', [a, b], binaryPartials(expr.op, this.value(a), this.value(b), value));
      }
      case 'call': return this.call(expr, scope);
      default:
        throw runtimeError(this.site, `graph follows numbers through operators and calls; ${describeExpr(expr)} in ${scope.label} is not one of them`);
    }
  }

  private call(expr: Extract<Expr, { type: 'call' }>, scope: Scope): number {
    const callee = this.evaluate(expr.callee, scope);
    if (callee.kind !== 'function') throw runtimeError(this.site, `in ${scope.label}: ${describeValue(callee)} cannot be called`);
    const args = expr.args.map((a) => this.trace(a, scope));
    const named = new Map(expr.named.map((n) => [n.name, this.evaluate(n.value, scope)] as const));
    return this.apply(callee.fn, args, named, callee.fn.label, scope.depth);
  }

  /** A call of `fn` on argument nodes: a user function opened up, a builtin as one node. */
  apply(fn: FunctionValue, args: readonly number[], named: ReadonlyMap<string, Value>, label: string, depth: number): number {
    if (fn instanceof UserFunction) return this.expand(fn, args, named, depth);
    const values = args.map((a) => this.value(a));
    const result = this.numberOf(fn.call(values.map(num), named, this.site), `${label}(...)`);
    const partials = builtinPartials(fn, values, named, this.site);
    const shown = named.size ? `${fn.label}(${[...named].map(([k, v]) => `${k}=${v.kind === 'number' ? v.value : '…'}`).join(', ')})` : fn.label;
    return this.graph.add(fn.name, shown, result, 'op', args, partials);
  }

  private expand(fn: UserFunction, args: readonly number[], named: ReadonlyMap<string, Value>, depth: number): number {
    if (depth >= MAX_EXPANSION_DEPTH) throw runtimeError(this.site, `${fn.label} calls user functions more than ${MAX_EXPANSION_DEPTH} levels deep; graph cannot draw it (does it call itself?)`);
    if (args.length > fn.params.length) throw runtimeError(this.site, `${fn.label} takes ${fn.params.length} argument${fn.params.length === 1 ? '' : 's'}, but got ${args.length}`);
    const nodes = new Map<string, number>();
    const scope = (): Scope => ({ home: fn.home, text: fn.sourceText, label: fn.label, nodes, depth: depth + 1 });
    fn.params.forEach((p, i) => {
      if (i < args.length) { nodes.set(p.name, args[i]); return; }
      const given = named.get(p.name) ?? fn.overrides.get(p.name);
      if (given !== undefined) {
        nodes.set(p.name, this.graph.add('const', p.name, this.numberOf(given, `'${p.name}'`), 'leaf'));
      } else if (p.default) {
        const d = this.trace(p.default, scope());
        // a default that is a plain number is a named leaf, as the reader wrote it
        const node = this.graph.nodes[d];
        if (node.role === 'leaf' && node.op === 'const') node.label = `${p.name} = ${node.label}`;
        nodes.set(p.name, d);
      } else {
        throw runtimeError(this.site, `${fn.label} needs a value for '${p.name}'`);
      }
    });
    const out = this.trace(fn.body, scope());
    const node = this.graph.nodes[out];
    // the node that gives the function's value says so: `sigmoid → f`
    if (node.role === 'op' && depth > 0) node.label = `${node.label} → ${fn.name}`;
    return out;
  }
}

/** d(a op b)/da and d(a op b)/db at the point. */
function binaryPartials(op: string, a: number, b: number, value: number): number[] {
  switch (op) {
    case '+': return [1, 1];
    case '-': return [1, -1];
    case '*': return [b, a];
    case '/': return [1 / b, -a / (b * b)];
    case '%': return [1, -Math.floor(a / b)];
    // the exponent's partial needs log a: 0 where a <= 0, as for a constant power
    case '^': return [b === 0 ? 0 : b * pow(a, b - 1), a > 0 ? value * log(a) : 0];
    default: return [0, 0]; // comparisons are steps: no gradient
  }
}

/** The partials of a builtin call: max/min/clamp/where/pow by their rules, a function of one variable by its derivative. */
function builtinPartials(fn: FunctionValue, v: readonly number[], named: ReadonlyMap<string, Value>, site: CallSite): number[] {
  switch (v.length === 1 ? 'one' : fn.name) {
    case 'max': return v[0] >= v[1] ? [1, 0] : [0, 1];
    case 'min': return v[0] <= v[1] ? [1, 0] : [0, 1];
    case 'clamp': return v[0] < v[1] ? [0, 1, 0] : v[0] > v[2] ? [0, 0, 1] : [1, 0, 0];
    case 'where': return v[0] !== 0 && v[0] === v[0] ? [0, 1, 0] : [0, 0, 1];
    case 'pow': return binaryPartials('^', v[0], v[1], pow(v[0], v[1]));
    case 'one': {
      // a call with parameters (leaky_relu(x, alpha=0.2)) differentiates the function with them fixed
      const fixed = named.size ? fn.call([], named, site) : { kind: 'function' as const, fn };
      if (fixed.kind !== 'function') throw runtimeError(site, `graph cannot differentiate ${fn.label} with these arguments`);
      const d = fixed.fn.derivative(site).call([num(v[0])], new Map(), site);
      return [d.kind === 'number' ? d.value : NaN];
    }
    default: throw runtimeError(site, `graph cannot follow ${fn.label} with ${v.length} arguments`);
  }
}

function describeExpr(e: Expr): string {
  switch (e.type) {
    case 'string': return 'a string';
    case 'vector': return 'a vector';
    case 'index': return 'indexing';
    case 'field': return `the field .${e.name}`;
    case 'transpose': return 'a transpose';
    case 'derivative': return "a derivative (f') used as a value";
    default: return e.type;
  }
}
