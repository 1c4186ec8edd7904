/**
 * Replacing names by expressions, for inlining a user function's body at a
 * call whose variable appears in more than one argument (`g(x, a=x)`), where
 * `g'(u)` alone would be wrong. The replacement is simultaneous, so an argument
 * that mentions another parameter's name is not substituted again (no capture).
 */
import { assertNever, type Expr } from '../ast';
import type { Span } from '../source';
import { subexpressions } from '../subexpressions';

export function substitute(expr: Expr, bindings: ReadonlyMap<string, Expr>, at?: Span): Expr {
  const replaced = replace(expr, bindings, at);
  return at === undefined || (expr.type === 'name' && bindings.has(expr.name)) ? replaced : { ...replaced, span: at };
}

/**
 * `at`, when given, becomes the span of every node that came from the body:
 * the body's own spans point into the cell that defined the function, which
 * is not the text an error about this call is shown against. The substituted
 * arguments keep their spans, which do point into the call.
 */
function replace(expr: Expr, bindings: ReadonlyMap<string, Expr>, at: Span | undefined): Expr {
  const go = (e: Expr): Expr => substitute(e, bindings, at);
  switch (expr.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return expr;
    case 'name':
      return bindings.get(expr.name) ?? expr;
    case 'unary':
      return { ...expr, operand: go(expr.operand) };
    case 'binary':
      return { ...expr, left: go(expr.left), right: go(expr.right) };
    case 'call':
      return {
        ...expr,
        callee: go(expr.callee),
        args: expr.args.map(go),
        named: expr.named.map((n) => ({ ...n, nameSpan: at ?? n.nameSpan, value: go(n.value) })),
      };
    case 'index':
      return { ...expr, target: go(expr.target), indices: expr.indices.map(go) };
    case 'transpose':
    case 'field':
    case 'derivative':
      return { ...expr, target: go(expr.target) };
    case 'vector':
      return { ...expr, elements: expr.elements.map(go) };
    default:
      return assertNever(expr);
  }
}

/** Names used in `expr` (callees included), for spotting a global that clashes with the variable. */
export function freeNames(expr: Expr, into: Set<string> = new Set()): Set<string> {
  if (expr.type === 'name') into.add(expr.name);
  for (const e of subexpressions(expr)) freeNames(e, into);
  return into;
}

/** The number of nodes in `expr`, counting no further than `limit` (substituted arguments are shared, so trees can be huge). */
export function nodeCount(expr: Expr, limit: number): number {
  let count = 0;
  const stack: Expr[] = [expr];
  while (stack.length > 0 && count < limit) {
    const e = stack.pop() as Expr;
    count++;
    stack.push(...subexpressions(e));
  }
  return count;
}
