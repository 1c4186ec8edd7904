/**
 * Whether an expression mentions the variable. A subtree that does not is a
 * constant with respect to it, and its derivative is 0 whatever it contains —
 * this one test spares every rule from handling constant operands itself.
 * User functions' bodies are not looked into: their free names are globals,
 * which cannot be the parameter of the function being differentiated.
 */
import type { Expr } from '../ast';
import { subexpressions } from '../subexpressions';

export function dependsOn(expr: Expr, variable: string): boolean {
  return expr.type === 'name' ? expr.name === variable : subexpressions(expr).some((e) => dependsOn(e, variable));
}
