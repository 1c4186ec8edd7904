/**
 * Whether an expression mentions the variable. A subtree that does not is a
 * constant with respect to it, and its derivative is 0 whatever it contains —
 * this one test spares every rule from handling constant operands itself.
 * User functions' bodies are not looked into: their free names are globals,
 * which cannot be the parameter of the function being differentiated.
 */
import { assertNever, type Expr } from '../ast';

export function dependsOn(expr: Expr, variable: string): boolean {
  switch (expr.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return false;
    case 'name':
      return expr.name === variable;
    case 'unary':
      return dependsOn(expr.operand, variable);
    case 'binary':
      return dependsOn(expr.left, variable) || dependsOn(expr.right, variable);
    case 'call':
      return (
        dependsOn(expr.callee, variable) ||
        expr.args.some((a) => dependsOn(a, variable)) ||
        expr.named.some((n) => dependsOn(n.value, variable))
      );
    case 'index':
      return dependsOn(expr.target, variable) || expr.indices.some((i) => dependsOn(i, variable));
    case 'transpose':
    case 'field':
    case 'derivative':
      return dependsOn(expr.target, variable);
    case 'vector':
      return expr.elements.some((e) => dependsOn(e, variable));
    default:
      return assertNever(expr);
  }
}
