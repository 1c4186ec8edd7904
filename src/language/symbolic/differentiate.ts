/**
 * Symbolic differentiation of a function body with respect to one variable,
 * so that `f'` of a user-defined function can be shown as a formula and then
 * evaluated. The result is a raw tree (e.g. `1*sigmoid(x) + x*(...*1)`); pass it
 * through `simplify` for display. Rules for calls live in call-rules.ts and
 * math-rules.ts; this file has the dispatcher and the arithmetic.
 *
 * Every generated node carries the span of the node it was derived from.
 */
import type { BinaryExpr, Expr } from '../ast';
import type { Span } from '../source';
import { binaryNode, negation, numberNode } from './build';
import { deriveCall } from './call-rules';
import { cannot, d, type DerivationContext } from './context';
import { derivePower } from './power-rule';
import { dependsOn } from './depends';
import type { SymbolEnvironment } from './environment';

/** d body / d variable. Throws SymbolError for constructs that have no derivative here. */
export function differentiate(body: Expr, variable: string, env: SymbolEnvironment): Expr {
  return derive(body, { variable, env, inlineDepth: 0, derive });
}

function derive(expr: Expr, context: DerivationContext): Expr {
  // A string is never a differentiable quantity, even a constant one: it can
  // only reach here as an operand of arithmetic, which is a mistake to report.
  if (expr.type === 'string') cannot(expr, context, 'a string has no derivative');
  if (!dependsOn(expr, context.variable)) return numberNode(0, expr.span);
  switch (expr.type) {
    case 'name':
      return numberNode(1, expr.span); // the only name that depends on the variable is the variable
    case 'unary':
      return expr.op === '-' ? negation(d(expr.operand, context), expr.span) : d(expr.operand, context);
    case 'binary':
      return deriveBinary(expr, context);
    case 'call':
      return deriveCall(expr, context);
    case 'index':
      return cannot(expr, context, 'indexing is not a function of one number');
    case 'vector':
      return cannot(expr, context, 'a vector is not a function of one number');
    case 'transpose':
      return cannot(expr, context, 'a transpose is not a function of one number');
    case 'field':
      return cannot(expr, context, 'a field of a value is not a function of one number');
    case 'derivative':
      return cannot(expr, context, 'this is a function, not a number; apply it to an argument first');
    default:
      // number, boolean: constants, handled by the dependsOn test above.
      return numberNode(0, expr.span);
  }
}

function deriveBinary(expr: BinaryExpr, context: DerivationContext): Expr {
  const { left: u, right: v, span } = expr;
  // A string operand is a type error whatever the other side is; say so here
  // rather than produce a derivative of something that cannot be evaluated.
  for (const operand of [u, v]) if (operand.type === 'string') cannot(operand, context, 'a string has no derivative');
  const uVaries = dependsOn(u, context.variable);
  const vVaries = dependsOn(v, context.variable);
  switch (expr.op) {
    case '+':
    case '-':
      return binaryNode(expr.op, d(u, context), d(v, context), span);
    case '*':
      // Only the terms that can be non-zero, so the raw result stays readable too.
      if (!uVaries) return binaryNode('*', u, d(v, context), span);
      if (!vVaries) return binaryNode('*', d(u, context), v, span);
      return binaryNode(
        '+',
        binaryNode('*', d(u, context), v, span),
        binaryNode('*', u, d(v, context), span),
        span,
      );
    case '/':
      if (!vVaries) return binaryNode('/', d(u, context), v, span);
      if (!uVaries) {
        // (c/v)' = -c*v'/v^2
        return negation(binaryNode('/', binaryNode('*', u, d(v, context), span), square(v, span), span), span);
      }
      return binaryNode(
        '/',
        binaryNode('-', binaryNode('*', d(u, context), v, span), binaryNode('*', u, d(v, context), span), span),
        square(v, span),
        span,
      );
    case '^':
      return derivePower(u, v, span, context);
    case '%':
      // u % c = u - c*floor(u/c) (or trunc): slope 1 between the jumps.
      if (!vVaries) return d(u, context);
      return cannot(expr, context, 'a remainder by a varying divisor is not supported');
    case '@':
      return cannot(expr, context, 'a matrix product is not a function of one number');
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      // Comparisons are 1 or 0: piecewise constant, so 0 wherever they are differentiable.
      return numberNode(0, span);
  }
}

function square(v: Expr, span: Span): Expr {
  return binaryNode('^', v, numberNode(2, span), span);
}
