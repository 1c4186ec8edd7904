/**
 * What a name means to the differentiator. The chain rule needs to know, for
 * the callee of every call, whether it is a builtin activation (derivative from
 * the engine), a mathematical builtin (closed-form derivative), a user-defined
 * function (refer to `g'` or inline its body) or something that does not depend
 * on the variable at all (a constant such as `a`, `pi`, or a function value
 * bound to a name, e.g. `h = leaky_relu(alpha=0.2)`).
 */
import { findActivation, type ResolvedName } from '../../engine';
import type { Expr, Parameter } from '../ast';

export const mathBuiltins = [
  'exp', 'log', 'log1p', 'expm1', 'sqrt', 'abs', 'sign', 'sin', 'cos', 'tan', 'tanh', 'erf', 'erfc',
  'floor', 'ceil', 'round', 'min', 'max', 'clamp', 'where', 'pow',
] as const;

export type MathBuiltin = (typeof mathBuiltins)[number];

const mathBuiltinSet: ReadonlySet<string> = new Set(mathBuiltins);

export function isMathBuiltin(name: string): name is MathBuiltin {
  return mathBuiltinSet.has(name);
}

/**
 * A user-defined function as the differentiator needs it. The shape is a
 * subset of DefineStatement, so a `define` statement can be passed as is.
 */
export interface UserFunction {
  readonly params: readonly Pick<Parameter, 'name' | 'default'>[];
  readonly body: Expr;
}

export type SymbolMeaning =
  | { readonly kind: 'activation'; readonly resolved: ResolvedName }
  | { readonly kind: 'math'; readonly name: MathBuiltin }
  | { readonly kind: 'user'; readonly fn: UserFunction }
  | { readonly kind: 'constant' };

export interface SymbolEnvironment {
  /** The meaning of a name other than the variable being differentiated. */
  lookup(name: string): SymbolMeaning;
}

/**
 * The usual environment: user functions first (a notebook may define its own
 * `relu`, which then shadows the builtin), then the mathematical builtins (so
 * `tanh` gets its closed form), then the engine's activations; every other name
 * is a constant with respect to the variable.
 */
export function symbolEnvironment(userFunction: (name: string) => UserFunction | undefined = () => undefined): SymbolEnvironment {
  return {
    lookup(name: string): SymbolMeaning {
      const fn = userFunction(name);
      if (fn !== undefined) return { kind: 'user', fn };
      if (isMathBuiltin(name)) return { kind: 'math', name };
      const resolved = findActivation(name);
      if (resolved !== undefined) return { kind: 'activation', resolved };
      return { kind: 'constant' };
    },
  };
}
