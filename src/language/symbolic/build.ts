/**
 * Node constructors for generated trees. Every generated node needs a span;
 * callers pass the span of the node the new one was derived from, so an error
 * raised later while evaluating a derivative still points into the user's text.
 */
import type { BinaryOperator, DerivativeExpr, Expr, NamedArgument, NumberExpr } from '../ast';
import type { Span } from '../source';

/** Shortest text that reads back as `value` (JavaScript's round-trip formatting). */
export function numberText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  return String(value);
}

/**
 * A number as the parser would build it: the parser never produces negative
 * literals (`-2` is a negation of `2`), so neither do we — otherwise a formatted
 * formula would not read back as the same tree.
 */
export function numberNode(value: number, span: Span): Expr {
  if (value < 0 || Object.is(value, -0)) return negation(literal(-value, span), span);
  return literal(value, span);
}

function literal(value: number, span: Span): NumberExpr {
  return { type: 'number', value, text: numberText(value), span };
}

export function nameNode(name: string, span: Span): Expr {
  return { type: 'name', name, span };
}

export function negation(operand: Expr, span: Span): Expr {
  return { type: 'unary', op: '-', operand, span };
}

export function binaryNode(op: BinaryOperator, left: Expr, right: Expr, span: Span): Expr {
  return { type: 'binary', op, left, right, span };
}

export function callNode(callee: Expr, args: Expr[], named: NamedArgument[], span: Span): Expr {
  return { type: 'call', callee, args, named, span };
}

/** `f'` applied to `f''` is `f'''`: orders add instead of nesting, as the parser collapses primes. */
export function derivativeNode(target: Expr, order: number, span: Span): DerivativeExpr {
  if (target.type === 'derivative') return { type: 'derivative', target: target.target, order: target.order + order, span };
  return { type: 'derivative', target, order, span };
}

/** `name(args...)` */
export function apply(name: string, args: Expr[], span: Span): Expr {
  return callNode(nameNode(name, span), args, [], span);
}

export function isNumber(expr: Expr, value?: number): expr is NumberExpr {
  return expr.type === 'number' && (value === undefined || expr.value === value);
}
