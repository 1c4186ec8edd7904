/**
 * What every differentiation rule needs: the variable, the meaning of names,
 * and a way to differentiate a sub-expression. Passing `derive` in (rather than
 * importing it) keeps the rule files free of a cycle with differentiate.ts.
 */
import type { Expr } from '../ast';
import type { Span } from '../source';
import type { SymbolEnvironment } from './environment';
import { formatExpression } from './format-expression';
import { SymbolicError } from './symbolic-error';

export interface DerivationContext {
  readonly variable: string;
  readonly env: SymbolEnvironment;
  /** How many user-function bodies are being inlined around this point; bounds recursion. */
  readonly inlineDepth: number;
  readonly derive: (expr: Expr, context: DerivationContext) => Expr;
}

/** d/dx of `expr` in the same context. */
export function d(expr: Expr, context: DerivationContext): Expr {
  return context.derive(expr, context);
}

/** "cannot differentiate x[0] with respect to x (why)" at the node's span. */
export function cannot(expr: Expr, context: DerivationContext, why: string, at: Span = expr.span): never {
  throw new SymbolicError(
    `cannot differentiate ${formatExpression(expr)} with respect to ${context.variable}: ${why}`,
    at,
  );
}

/**
 * Closed-form derivatives are written with builtins (`exp`, `sigmoid`, `where`, ...).
 * If a notebook has redefined one of those names, the formula would silently
 * mean something else; refuse instead.
 */
export function requireBuiltin(name: string, kind: 'math' | 'activation', expr: Expr, context: DerivationContext): void {
  if (context.env.lookup(name).kind !== kind) {
    cannot(expr, context, `its derivative is written with the builtin '${name}', which this notebook redefines`);
  }
}
