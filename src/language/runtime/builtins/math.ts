/**
 * Mathematical builtins. One-argument ones are function values (so `exp'` and
 * `plot(exp)` work) whose derivatives come from symbolic differentiation of
 * `name(x)`; the others are procedures.
 */
import { binary, cos, erf, erfc, exp, expm1, log, log1p, map, roundHalfAway, sin, tan, where, type BinaryOperator } from '../../../engine';
import type { Expr } from '../../ast';
import { atSite, runtimeError, type CallSite } from '../call-site';
import type { FunctionValue } from '../function-value';
import { UserFunction } from '../user-function';
import { describeValue, num, tensorValue, type Value } from '../values';
import type { Evaluator } from '../evaluator';
import { reduce } from './tensors';
import type { CallArguments, ProcedureSpec } from './procedure';

/**
 * The engine's exp, log, sin, ... rather than Math's: ECMAScript leaves their accuracy to the
 * implementation, and a notebook must give the same numbers in VS Code and on the command line.
 * sqrt, abs, floor and ceil are exact or correctly rounded everywhere, so Math's serve.
 */
const elementwise: Readonly<Record<string, (x: number) => number>> = {
  exp, log, log1p, expm1, sqrt: Math.sqrt, abs: Math.abs,
  sign: Math.sign, sin, cos, tan, erf, erfc,
  floor: Math.floor, ceil: Math.ceil,
  /** Half away from zero, as students expect (Math.round rounds -2.5 to -2). */
  round: roundHalfAway,
};

export const mathFunctionNames = Object.keys(elementwise);

/** What each one-argument function gives, in one line, for help() and completion (a test checks each has one). */
export const mathSummaries: Readonly<Record<string, string>> = {
  exp: 'e to the power x',
  log: 'the natural logarithm (log(0) is -inf)',
  log1p: 'log(1 + x), accurate even for tiny x',
  expm1: 'exp(x) - 1, accurate even for tiny x',
  sqrt: 'the square root',
  abs: 'the absolute value |x|',
  sign: '-1, 0 or 1: the sign of x',
  sin: 'the sine, x in radians',
  cos: 'the cosine, x in radians',
  tan: 'the tangent, x in radians',
  erf: 'the error function, 2/sqrt(pi) times the integral of exp(-t^2) from 0 to x (gelu is built on it)',
  erfc: '1 - erf(x), accurate where erf(x) is close to 1',
  floor: 'the largest whole number <= x',
  ceil: 'the smallest whole number >= x',
  round: 'the nearest whole number, halves away from zero (round(-2.5) is -3)',
};

export class MathFunction implements FunctionValue {
  readonly order = 0;
  private readonly f: (x: number) => number;
  constructor(readonly name: string, private readonly home: Evaluator) {
    this.f = elementwise[name];
  }
  get label(): string {
    return this.name;
  }
  /** The one-number function, for fused loops. */
  get scalar(): (x: number) => number {
    return this.f;
  }
  call(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite): Value {
    if (args.length !== 1 || named.size > 0) throw runtimeError(site, `${this.name} takes one argument: ${this.name}(x)`);
    return applyElementwise(this.name, this.f, args[0], site);
  }
  /** As the user function `name(x) = name(x)`, so the symbolic rules give the derivative. */
  private asUserFunction(): UserFunction {
    const text = `${this.name}(x)`;
    const x: Expr = { type: 'name', name: 'x', span: { start: this.name.length + 1, end: this.name.length + 2 } };
    const body: Expr = { type: 'call', callee: { type: 'name', name: this.name, span: { start: 0, end: this.name.length } }, args: [x], named: [], span: { start: 0, end: text.length } };
    return new UserFunction(this.name, [{ name: 'x', span: x.span }], body, text, this.home.withText(text));
  }
  derivative(site: CallSite): FunctionValue {
    return this.asUserFunction().derivative(site);
  }
  formula(): string {
    return `${this.name}(x)`;
  }
  latex(): string {
    return this.asUserFunction().latex();
  }
  kinks(): readonly number[] {
    return this.name === 'abs' ? [0] : [];
  }
}

function applyElementwise(name: string, f: (x: number) => number, v: Value, site: CallSite): Value {
  if (v.kind === 'number') return num(f(v.value));
  if (v.kind === 'boolean') return num(f(v.value ? 1 : 0));
  if (v.kind === 'tensor') return tensorValue(atSite(site, () => map(v.tensor, f, site.evaluator.shouldStop)));
  throw runtimeError(site, `${name} applies to numbers and tensors, but got ${describeValue(v)}`);
}

function operand(call: CallArguments, v: Value, what: string) {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'boolean') return v.value ? 1 : 0;
  if (v.kind === 'tensor') return v.tensor;
  throw runtimeError(call.site, `${what} must be a number or tensor, but got ${describeValue(v)}`);
}

function combine(call: CallArguments, op: BinaryOperator, a: Value, b: Value, name: string): Value {
  const x = operand(call, a, `${name}'s first argument`);
  const y = operand(call, b, `${name}'s second argument`);
  const r = atSite(call.site, () => binary(op, x, y, call.site.evaluator.shouldStop));
  return typeof x === 'number' && typeof y === 'number' ? num(r.data[0]) : tensorValue(r);
}

const minMax = (name: 'min' | 'max'): ProcedureSpec => ({
  name, signature: `${name}(x) or ${name}(a, b)`,
  summary: `the ${name === 'min' ? 'smallest' : 'largest'} element of x, or the elementwise ${name} of a and b`,
  minArgs: 1, maxArgs: 2, named: ['axis'],
  run: (call) => (call.args.length === 1 ? reduce(call, name) : combine(call, name, call.args[0], call.args[1], name)),
});

export const mathProcedures: readonly ProcedureSpec[] = [
  minMax('min'),
  minMax('max'),
  {
    name: 'clamp', signature: 'clamp(x, lo, hi)', summary: 'x limited to [lo, hi]', minArgs: 3, maxArgs: 3,
    run: (call) => combine(call, 'min', combine(call, 'max', call.args[0], call.args[1], 'clamp'), call.args[2], 'clamp'),
  },
  {
    name: 'pow', signature: 'pow(a, b)', summary: 'a to the power b (same as a^b)', minArgs: 2, maxArgs: 2,
    run: (call) => combine(call, 'pow', call.args[0], call.args[1], 'pow'),
  },
  {
    name: 'where', signature: 'where(cond, a, b)', summary: 'a where cond holds, else b (elementwise)', minArgs: 3, maxArgs: 3,
    run: (call) => {
      const [c, a, b] = call.args.map((v, i) => operand(call, v, `where's argument ${i + 1}`));
      if ([c, a, b].every((v) => typeof v === 'number')) return num(c !== 0 && c === c ? (a as number) : (b as number));
      return tensorValue(atSite(call.site, () => where(c, a, b)));
    },
  },
];
