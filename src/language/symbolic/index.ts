/**
 * Symbolic differentiation for the `activation` language: derivatives of
 * function bodies as formulas that can be displayed and evaluated.
 */
import type { Expr } from '../ast';
import { differentiate } from './differentiate';
import type { SymbolEnvironment } from './environment';
import { simplify } from './simplify';

export { differentiate } from './differentiate';
export { simplify } from './simplify';
export { formatExpression, quoteString } from './format-expression';
export { formatLatex, functionNameLatex } from './format-latex';
export { SymbolicError } from './symbolic-error';
export { symbolEnvironment, mathBuiltins, isMathBuiltin } from './environment';
export type { SymbolEnvironment, SymbolMeaning, UserFunction, MathBuiltin } from './environment';

/** The displayed form: differentiate, then simplify. */
export function derivativeFormula(body: Expr, variable: string, env: SymbolEnvironment): Expr {
  return simplify(differentiate(body, variable, env));
}
