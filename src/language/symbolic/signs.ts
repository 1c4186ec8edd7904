/**
 * Where a minus sign sits. The canonical place is the leading factor of a
 * product, `-a*b` (parsed as `(-a)*b`), rather than `-(a*b)`, which needs
 * parentheses to print; the two are the same number in IEEE arithmetic too.
 */
import type { Expr } from '../ast';
import { negation, numberNode } from './build';

/** The x with e = -x if e visibly carries a sign (`-x`, `-a*b`, `-a/b`), else undefined. */
export function negatedForm(e: Expr): Expr | undefined {
  if (e.type === 'unary' && e.op === '-') return e.operand;
  if (e.type === 'number' && (e.value < 0 || Object.is(e.value, -0))) return numberNode(-e.value, e.span);
  if (e.type === 'binary' && (e.op === '*' || e.op === '/')) {
    const left = negatedForm(e.left);
    return left === undefined ? undefined : { ...e, left };
  }
  return undefined;
}

/** -e, with the sign on the leading factor of a product and double negations cancelled. */
export function negate(e: Expr): Expr {
  const positive = negatedForm(e);
  if (positive !== undefined) return positive;
  if (e.type === 'binary' && (e.op === '*' || e.op === '/')) return { ...e, left: negate(e.left) };
  return negation(e, e.span);
}
