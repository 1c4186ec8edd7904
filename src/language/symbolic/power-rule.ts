/**
 * The power rule, shared by `u ^ v` and `pow(u, v)`.
 */
import type { Expr } from '../ast';
import type { Span } from '../source';
import { apply, binaryNode, numberNode } from './build';
import { d, requireBuiltin, type DerivationContext } from './context';
import { dependsOn } from './depends';

/**
 * (u^v)'. A constant exponent gives the familiar n*u^(n-1)*u'; a constant base
 * a^v*log(a)*v'; both varying, u^v*(v'*log(u) + v*u'/u) (valid where u > 0).
 * Shared with pow(u, v).
 */
export function derivePower(u: Expr, v: Expr, span: Span, context: DerivationContext): Expr {
  const power = binaryNode('^', u, v, span);
  if (!dependsOn(v, context.variable)) {
    const reduced = binaryNode('^', u, binaryNode('-', v, numberNode(1, span), span), span);
    return binaryNode('*', binaryNode('*', v, reduced, span), d(u, context), span);
  }
  requireBuiltin('log', 'math', power, context);
  if (!dependsOn(u, context.variable)) {
    return binaryNode('*', binaryNode('*', power, apply('log', [u], span), span), d(v, context), span);
  }
  const logTerm = binaryNode('*', d(v, context), apply('log', [u], span), span);
  const ratioTerm = binaryNode('/', binaryNode('*', v, d(u, context), span), u, span);
  return binaryNode('*', power, binaryNode('+', logTerm, ratioTerm, span), span);
}
