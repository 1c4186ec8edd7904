/**
 * The one place where the runtime meets symbolic differentiation: a user
 * function's body is differentiated with respect to its first parameter and
 * simplified; formulas are printed from the tree.
 */
import type { Expr } from '../ast';
import { derivativeFormula, formatExpression, formatLatex, SymbolicError, symbolEnvironment, type UserFunction as SymbolicFunction } from '../symbolic';
import { nodeCount } from '../symbolic/substitute';
import { sliceSpan } from '../source';
import { runtimeError, type CallSite } from './call-site';
import type { UserFunction } from './user-function';

/**
 * Formulas larger than this are not differentiated: each derivative is several times
 * the size of what it differentiates and takes longer still to simplify (the 6th
 * derivative of sigmoid has 13,000 nodes and took seconds; the 8th, gigabytes). Plenty
 * for any formula written by hand, and for sigmoid up to its 5th derivative.
 */
export const MAX_DIFFERENTIATED_NODES = 2000;

export function differentiateBody(fn: UserFunction, site: CallSite): Expr {
  if (nodeCount(fn.body, MAX_DIFFERENTIATED_NODES + 1) > MAX_DIFFERENTIATED_NODES) {
    throw runtimeError(site, `cannot differentiate ${fn.label}: its formula has more than ${MAX_DIFFERENTIATED_NODES.toLocaleString('en-US')} terms, and its derivative would be several times larger; differentiate a simpler formula`);
  }
  const [variable, ...others] = fn.params.map((p) => p.name);
  const globals = fn.home.session.globals;
  const env = symbolEnvironment((name) => {
    if (others.includes(name)) return undefined; // the function's other parameters are constants here
    const value = globals.get(name);
    if (value?.kind !== 'function') return undefined;
    const inner = value.fn as Partial<UserFunction>;
    if (inner.body && inner.params && inner.order === 0) return { params: inner.params, body: inner.body };
    // Any other function value (h = leaky_relu(alpha=0.2), h = exp): one variable, referred to as h'.
    return opaqueFunction(name);
  });
  try {
    return derivativeFormula(fn.body, variable, env);
  } catch (e) {
    if (e instanceof SymbolicError) throw runtimeError(site, `cannot differentiate ${fn.label}: ${e.message}`);
    throw e;
  }
}

/** A stand-in whose body only calls the function itself, so the chain rule refers to `name'`. */
function opaqueFunction(name: string): SymbolicFunction {
  const span = { start: 0, end: 0 };
  const x: Expr = { type: 'name', name: 'x', span };
  return { params: [{ name: 'x' }], body: { type: 'call', callee: { type: 'name', name, span }, args: [x], named: [], span } };
}

/** A body as the user wrote it when its source is at hand, else printed from the tree (derivatives). */
export function formatBody(body: Expr, sourceText = ''): string {
  return sourceText ? sliceSpan(sourceText, body.span) : formatExpression(body);
}

/** A body as LaTeX, always printed from the tree. */
export function latexOfBody(body: Expr): string {
  return formatLatex(body);
}
