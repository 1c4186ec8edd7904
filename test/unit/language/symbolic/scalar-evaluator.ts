/**
 * A TEST-ONLY evaluator of expressions on plain numbers, so derivative formulas
 * can be checked against finite differences without the real evaluator (which
 * is written elsewhere). It covers exactly what formulas contain: numbers,
 * names, arithmetic, comparisons, the mathematical builtins, activations through
 * the engine's scalar value/derivative, partial applications, derivative
 * values, and user functions (whose `g'` is computed symbolically).
 */
import {
  erf, erfc, findActivation, resolveParameters, type ElementwiseDefinition, type ParameterValues,
} from '../../../../src/engine';
import type { Expr, NamedArgument } from '../../../../src/language/ast';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import type { SymbolEnvironment, UserFunction } from '../../../../src/language/symbolic/environment';
import { simplify } from '../../../../src/language/symbolic/simplify';

export interface World {
  readonly env: SymbolEnvironment;
  readonly users: ReadonlyMap<string, UserFunction>;
  /** Global constants (`a = 0.3`). */
  readonly globals: Readonly<Record<string, number>>;
}

type Named = Record<string, number | string>;
/** A one-input function value with optional named parameters. */
type Fn = (x: number, named: Named) => number;

const constants: Record<string, number> = { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN };

const unaryMath: Record<string, (x: number) => number> = {
  exp: Math.exp, log: Math.log, log1p: Math.log1p, expm1: Math.expm1, sqrt: Math.sqrt, abs: Math.abs,
  sign: Math.sign, sin: Math.sin, cos: Math.cos, tan: Math.tan, tanh: Math.tanh, erf, erfc,
  floor: Math.floor, ceil: Math.ceil, round: Math.round,
};

export function evaluate(expr: Expr, scope: Readonly<Record<string, number>>, world: World): number {
  const ev = (e: Expr): number => evaluate(e, scope, world);
  switch (expr.type) {
    case 'number':
      return expr.value;
    case 'boolean':
      return expr.value ? 1 : 0;
    case 'name': {
      const value = scope[expr.name] ?? world.globals[expr.name] ?? constants[expr.name];
      if (value === undefined) throw new Error(`test evaluator: unknown name ${expr.name}`);
      return value;
    }
    case 'unary':
      return expr.op === '-' ? -ev(expr.operand) : ev(expr.operand);
    case 'binary': {
      const a = ev(expr.left);
      const b = ev(expr.right);
      switch (expr.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '%': return a - b * Math.floor(a / b);
        case '^': return Math.pow(a, b);
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        default: throw new Error(`test evaluator: operator ${expr.op}`);
      }
    }
    case 'call':
      return evaluateCall(expr.callee, expr.args, expr.named, scope, world);
    default:
      throw new Error(`test evaluator: cannot evaluate ${formatExpression(expr)}`);
  }
}

function evaluateCall(callee: Expr, args: Expr[], named: NamedArgument[], scope: Readonly<Record<string, number>>, world: World): number {
  const values = args.map((a) => evaluate(a, scope, world));
  const namedValues = evaluateNamed(named, scope, world);
  if (callee.type === 'name') {
    const name = callee.name;
    const user = world.users.get(name);
    if (user !== undefined) return callUser(user, values, namedValues, world);
    switch (name) {
      case 'min': return Math.min(values[0], values[1]);
      case 'max': return Math.max(values[0], values[1]);
      case 'clamp': return Math.min(Math.max(values[0], values[1]), values[2]);
      case 'where': return values[0] !== 0 ? values[1] : values[2];
      case 'pow': return Math.pow(values[0], values[1]);
      default:
        if (unaryMath[name] !== undefined) return unaryMath[name](values[0]);
    }
  }
  if (values.length !== 1) throw new Error(`test evaluator: ${formatExpression(callee)} called with ${values.length} arguments`);
  return functionValue(callee, world)(values[0], namedValues);
}

function evaluateNamed(named: NamedArgument[], scope: Readonly<Record<string, number>>, world: World): Named {
  const out: Named = {};
  for (const n of named) out[n.name] = n.value.type === 'string' ? n.value.value : evaluate(n.value, scope, world);
  return out;
}

function callUser(fn: UserFunction, values: number[], named: Named, world: World): number {
  const scope: Record<string, number> = {};
  fn.params.forEach((p, i) => {
    const given = i < values.length ? values[i] : named[p.name];
    if (given !== undefined) scope[p.name] = Number(given);
    else if (p.default !== undefined) scope[p.name] = evaluate(p.default, {}, world);
    else throw new Error(`test evaluator: missing argument ${p.name}`);
  });
  return evaluate(fn.body, scope, world);
}

/** The function a callee expression denotes. */
function functionValue(callee: Expr, world: World): Fn {
  if (callee.type === 'name') {
    const user = world.users.get(callee.name);
    if (user !== undefined) return (x, named) => callUser(user, [x], named, world);
    const math = unaryMath[callee.name];
    if (math !== undefined) return (x) => math(x);
    const activation = elementwise(callee.name);
    return (x, named) => activation.definition.scalar.value(x, parameters(activation, named));
  }
  if (callee.type === 'call' && callee.args.length === 0) {
    // A partial application: its named arguments are fixed, later ones added.
    const inner = functionValue(callee.callee, world);
    const fixed = evaluateNamed(callee.named, {}, world);
    return (x, named) => inner(x, { ...fixed, ...named });
  }
  if (callee.type === 'derivative') return derivativeValue(callee.target, callee.order, world);
  throw new Error(`test evaluator: not a function: ${formatExpression(callee)}`);
}

/** The order-th derivative of a function value. */
function derivativeValue(target: Expr, order: number, world: World): Fn {
  if (target.type === 'name') {
    const user = world.users.get(target.name);
    if (user !== undefined) {
      // g' of a user function: differentiate its body symbolically, as the language does.
      const variable = user.params[0].name;
      let body = user.body;
      for (let i = 0; i < order; i++) body = simplify(differentiate(body, variable, world.env));
      const derived: UserFunction = { params: user.params, body };
      return (x, named) => callUser(derived, [x], named, world);
    }
    if (findActivation(target.name) !== undefined) {
      const activation = elementwise(target.name);
      const first: Fn = (x, named) => activation.definition.scalar.derivative(x, parameters(activation, named));
      return numericDerivatives(first, order - 1);
    }
  }
  if (target.type === 'call' && target.args.length === 0) {
    const inner = derivativeValue(target.callee, order, world);
    const fixed = evaluateNamed(target.named, {}, world);
    return (x, named) => inner(x, { ...fixed, ...named });
  }
  return numericDerivatives(functionValue(target, world), order);
}

/**
 * Orders the engine does not provide (relu'', gelu''), by Richardson-extrapolated
 * central differences: the evaluator needs a value, the tests check the chain
 * rule factors around it.
 */
function numericDerivatives(f: Fn, times: number): Fn {
  let g = f;
  for (let i = 0; i < times; i++) {
    const inner = g;
    g = (x, named) => richardson((t) => inner(t, named), x);
  }
  return g;
}

/** d/dx f by central differences with one Richardson step: error O(h^4). */
export function richardson(f: (x: number) => number, x: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const central = (step: number): number => (f(x + step) - f(x - step)) / (2 * step);
  return (4 * central(h / 2) - central(h)) / 3;
}

interface Elementwise {
  readonly definition: ElementwiseDefinition;
  readonly fixed: ParameterValues;
}

function elementwise(name: string): Elementwise {
  const resolved = findActivation(name);
  if (resolved === undefined || resolved.definition.kind !== 'elementwise') throw new Error(`test evaluator: ${name} is not an elementwise activation`);
  return { definition: resolved.definition, fixed: resolved.fixed };
}

function parameters(activation: Elementwise, named: Named): ParameterValues {
  return resolveParameters(activation.definition, named, activation.fixed);
}
