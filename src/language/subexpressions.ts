/**
 * The expressions directly inside an expression, in source order: the one
 * place that knows where each node keeps its operands, for the walks that
 * only read a tree (the names it uses, its size, whether it mentions a
 * variable) and need no case of their own per node.
 */
import { assertNever, type Expr } from './ast';

export function subexpressions(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'name':
      return [];
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return [expr.callee, ...expr.args, ...expr.named.map((n) => n.value)];
    case 'index':
      return [expr.target, ...expr.indices];
    case 'transpose':
    case 'field':
    case 'derivative':
      return [expr.target];
    case 'vector':
      return expr.elements;
    default:
      return assertNever(expr);
  }
}
