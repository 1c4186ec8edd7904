/**
 * A function of the language written as a small Python function for an exported
 * module: `def f(x): return x * torch.sigmoid(1.702 * x)`.
 *
 * Only the variable is left symbolic. Everything that does not depend on it (other
 * parameters at their defaults or the values fixed by `f(a=0.2)`, a notebook's numbers,
 * `2 * pi`) is computed by the language and written as a number, so the Python computes
 * what the network computed. User functions it calls become functions of their own;
 * activations are called under their framework names (dialects.ts) or, for the few no
 * framework has (quick_gelu, snake, ...), written from their catalogue formula the same way.
 */
import type { Expr } from '../../ast';
import { parseExpression } from '../../parser';
import { dependsOn } from '../../symbolic/depends';
import { resolveParameters, type ActivationDefinition, type ParameterValues } from '../../../engine';
import { ActivationFunction } from '../activation-function';
import { atSite, runtimeError, type CallSite } from '../call-site';
import type { Evaluator } from '../evaluator';
import type { FunctionValue } from '../function-value';
import { UserFunction } from '../user-function';
import { BuiltinProcedure } from '../builtins/procedure';
import { mathFunctionNames } from '../builtins/math';
import { describeValue, num, type Value } from '../values';
import { pythonNumber, type Dialect } from './dialects';

/** Names an exported function must not take: Python's keywords and the module's own names. */
const RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'torch', 'nn', 'F', 'keras', 'ops', 'layers', 'np', 'math', 'DTYPE', 'Model', 'build_model', 'x',
]);

const OPERATORS: Readonly<Record<string, string>> = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '^': '**' };
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** The helper functions a module needs, each written once. */
export class PythonFunctions {
  private readonly defs: string[] = [];
  private readonly names = new Map<string, string>();

  constructor(private readonly dialect: Dialect, private readonly site: CallSite, private readonly what: string) {}

  /** The Python source of every helper, in an order where each comes after those it calls. */
  get source(): string {
    return this.defs.join('\n\n');
  }

  /** Python applying `fn` to `arg` (an expression of the module). */
  call(fn: FunctionValue, arg: string, named: ReadonlyMap<string, Value> = new Map()): string {
    if (fn instanceof UserFunction) return `${this.userFunction(fn, named)}(${arg})`;
    if (fn instanceof ActivationFunction && fn.order === 0) {
      const parameters = atSite(this.site, () => resolveParameters(fn.definition, { ...fn.given, ...numbersOf(named) }));
      return this.activation(fn.definition, parameters, arg);
    }
    if (mathFunctionNames.includes(fn.name) && fn.order === 0 && !(fn instanceof BuiltinProcedure)) return this.dialect.math(fn.name, arg);
    throw runtimeError(this.site, `${this.what}: cannot write ${fn.label} in ${this.frameworkName}${fn.order > 0 ? ' (a derivative of a builtin has no framework function)' : ''}`);
  }

  /** An activation under its framework name, or its catalogue formula as a function. */
  activation(definition: ActivationDefinition, parameters: ParameterValues, arg: string): string {
    const direct = this.dialect.activation(definition, parameters, arg);
    if (direct) return direct;
    return `${this.formulaFunction(definition, parameters)}(${arg})`;
  }

  private get frameworkName(): string {
    return this.dialect.framework === 'pytorch' ? 'PyTorch' : 'Keras';
  }

  private unique(base: string, key: string): { name: string; fresh: boolean } {
    const known = this.names.get(key);
    if (known) return { name: known, fresh: false };
    let name = RESERVED.has(base) ? `${base}_` : base;
    const taken = new Set(this.names.values());
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    this.names.set(key, name);
    return { name, fresh: true };
  }

  /** A catalogue entry no framework has, from its formula text (which is in our language). */
  private formulaFunction(definition: ActivationDefinition, parameters: ParameterValues): string {
    const { name, fresh } = this.unique(definition.name, `catalogue:${definition.name}:${JSON.stringify(parameters)}`);
    if (!fresh) return name;
    let body: Expr;
    try {
      body = parseExpression(definition.formula.text);
    } catch {
      throw runtimeError(this.site, `${this.what}: ${definition.name} with these parameters has no ${this.frameworkName} function, and its formula (${definition.formula.text}) cannot be written in Python here`);
    }
    const values = new Map(Object.entries(parameters).map(([k, v]) => [k, typeof v === 'number' ? num(v) : { kind: 'string' as const, value: v }]));
    const text = this.expression(body, { evaluator: this.site.evaluator, text: definition.formula.text, variable: 'x', values, label: definition.name });
    this.defs.push(`def ${name}(x):\n    """${definition.name} (${definition.formula.text}) with ${describeParameters(parameters)}"""\n    return ${text}`);
    return name;
  }

  /** A user function with its other parameters fixed, as a Python function of its variable. */
  private userFunction(fn: UserFunction, named: ReadonlyMap<string, Value>): string {
    const [variable, ...others] = fn.params;
    if (!variable) throw runtimeError(this.site, `${this.what}: ${fn.label} has no variable`);
    const values = new Map<string, Value>();
    for (const p of others) {
      const given = named.get(p.name) ?? fn.overrides.get(p.name);
      if (given) values.set(p.name, given);
      else if (p.default) values.set(p.name, fn.home.evaluateIn(p.default, fn.sourceText, values, this.site, fn.label));
      else throw runtimeError(this.site, `${this.what}: ${fn.label} needs a value for '${p.name}'`);
    }
    const base = fn.order === 0 ? fn.name : `${fn.name}_d${fn.order}`;
    const key = `user:${fn.name}:${fn.order}:${fn.sourceText.length}:${JSON.stringify([...values].map(([k, v]) => [k, v.kind === 'number' ? v.value : describeValue(v)]))}`;
    const { name, fresh } = this.unique(base, key);
    if (!fresh) return name;
    const text = this.expression(fn.body, { evaluator: fn.home, text: fn.sourceText, variable: variable.name, values, label: fn.label });
    const fixed = [...values].map(([k, v]) => `${k}=${v.kind === 'number' ? v.value : '…'}`).join(', ');
    const shown = fn.order === 0 ? fn.formula() : `the derivative of ${fn.name}${fn.order > 1 ? ` (order ${fn.order})` : ''}`;
    this.defs.push(`def ${name}(${pyName(variable.name)}):\n    """${fn.label}: ${shown.replace(/"""/g, '')}${fixed ? ` with ${fixed}` : ''}"""\n    return ${text}`);
    return name;
  }

  private expression(expr: Expr, scope: Scope): string {
    const py = (e: Expr): string => this.expression(e, scope);
    if (!dependsOn(expr, scope.variable)) return this.constant(expr, scope);
    switch (expr.type) {
      case 'name': return pyName(expr.name);
      case 'unary': return expr.op === '-' ? `(-${py(expr.operand)})` : py(expr.operand);
      case 'binary': {
        if (COMPARISONS.has(expr.op)) return this.dialect.number(`${py(expr.left)} ${expr.op} ${py(expr.right)}`);
        const op = OPERATORS[expr.op];
        if (!op) throw runtimeError(this.site, `${this.what}: ${scope.label} uses ${expr.op}, which an activation of one number cannot use`);
        return `(${py(expr.left)} ${op} ${py(expr.right)})`;
      }
      case 'call': {
        const callee = scope.evaluator.evaluateIn(expr.callee, scope.text, scope.values, this.site, scope.label);
        if (callee.kind !== 'function') throw runtimeError(this.site, `${this.what}: in ${scope.label}, ${describeValue(callee)} cannot be called`);
        const named = new Map(expr.named.map((n) => [n.name, scope.evaluator.evaluateIn(n.value, scope.text, scope.values, this.site, scope.label)] as const));
        const fn = callee.fn;
        const args = expr.args.map((a) => (dependsOn(a, scope.variable) ? py(a) : this.dialect.tensor(this.constant(a, scope))));
        if (fn instanceof BuiltinProcedure) return this.procedure(fn.name, args, scope);
        if (args.length !== 1) throw runtimeError(this.site, `${this.what}: ${fn.label} takes one argument here, got ${args.length}`);
        return this.call(fn, args[0], named);
      }
      default:
        throw runtimeError(this.site, `${this.what}: ${scope.label} uses ${expr.type === 'derivative' ? "a derivative (f')" : `a ${expr.type}`} on its variable, which cannot be written as ${this.frameworkName}`);
    }
  }

  private procedure(name: string, args: readonly string[], scope: Scope): string {
    const d = this.dialect;
    if ((name === 'max' || name === 'min') && args.length === 2) return name === 'max' ? d.maximum(args[0], args[1]) : d.minimum(args[0], args[1]);
    if (name === 'clamp' && args.length === 3) return d.minimum(d.maximum(args[0], args[1]), args[2]);
    if (name === 'where' && args.length === 3) return d.where(args[0], args[1], args[2]);
    if (name === 'pow' && args.length === 2) return `(${args[0]} ** ${args[1]})`;
    throw runtimeError(this.site, `${this.what}: ${scope.label} uses ${name}, which an exported activation cannot`);
  }

  /** A part that does not depend on the variable: its number, as the language computes it. */
  private constant(expr: Expr, scope: Scope): string {
    const v = scope.evaluator.evaluateIn(expr, scope.text, scope.values, this.site, scope.label);
    if (v.kind === 'number') return pythonNumber(v.value);
    if (v.kind === 'boolean') return v.value ? '1.0' : '0.0';
    throw runtimeError(this.site, `${this.what}: in ${scope.label}, a part that does not depend on ${scope.variable} is ${describeValue(v)}, not a number`);
  }
}

interface Scope {
  readonly evaluator: Evaluator;
  readonly text: string;
  readonly variable: string;
  /** The other parameters at the values the network uses. */
  readonly values: ReadonlyMap<string, Value>;
  readonly label: string;
}

const pyName = (name: string): string => (RESERVED.has(name) && name !== 'x' ? `${name}_` : name);

function numbersOf(named: ReadonlyMap<string, Value>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [k, v] of named) if (v.kind === 'number' || v.kind === 'string') out[k] = v.value;
  return out;
}

function describeParameters(p: ParameterValues): string {
  const pairs = Object.entries(p).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.join(', ') : 'no parameters';
}
