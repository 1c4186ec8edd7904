/**
 * A product/quotient chain as one unit: sign, exact numeric coefficient,
 * numerator factors, denominator factors — rebuilt as `-c*a*b/(d*e)`.
 * This single normal form gives most of what a readable derivative needs:
 * `1*a` → `a`, `x*2` → `2*x`, `2*(3*a)` → `6*a`, `(2*x)/2` → `x`,
 * `(1/u)*v` → `v/u`, `exp(u)*x` → `x*exp(u)`, `a*(-b)` → `-a*b`, `x/x` → `1`, `0*a` → `0`.
 *
 * IEEE caveats, accepted because the goal is the formula a person would
 * write: regrouping a product can change the last bit of a result (or, in
 * extreme ranges, overflow differently); `0*a` → `0` and `a/a` → `1` are wrong
 * where `a` is infinite or NaN (or 0 for `a/a`), and the sign of a zero is
 * not kept (`0/x` is -0 for negative x but becomes 0), which shows only when
 * something is divided by that zero. Coefficients are only ever
 * combined exactly (exact-arithmetic.ts), so no constant is rounded.
 */
import type { Expr } from '../ast';
import type { Span } from '../source';
import { printAst } from '../print-ast';
import { binaryNode, numberNode } from './build';
import { exactProduct, exactQuotient } from './exact-arithmetic';
import { negate } from './signs';

interface Product {
  negative: boolean;
  zero: boolean;
  /** Exact product of the numbers above the line... */
  numeratorCoefficient: number;
  /** ...and below it; kept apart so `x/2` stays `x/2` instead of becoming `0.5*x`. */
  denominatorCoefficient: number;
  /** Numbers that could not be merged into the coefficient exactly; printed after it. */
  numericFactors: Expr[];
  numerator: Expr[];
  denominator: Expr[];
}

/** Whether `e` is a `*` or `/` node, possibly under signs — what normalizeProduct reshapes. */
export function isProduct(e: Expr): boolean {
  if (e.type === 'unary') return isProduct(e.operand);
  return e.type === 'binary' && (e.op === '*' || e.op === '/');
}

export function normalizeProduct(e: Expr): Expr {
  const product: Product = {
    negative: false, zero: false, numeratorCoefficient: 1, denominatorCoefficient: 1,
    numericFactors: [], numerator: [], denominator: [],
  };
  collect(e, false, product);
  return rebuild(product, e.span);
}

function collect(e: Expr, inDenominator: boolean, into: Product): void {
  if (e.type === 'unary') {
    if (e.op === '-') into.negative = !into.negative;
    collect(e.operand, inDenominator, into);
    return;
  }
  if (e.type === 'binary' && (e.op === '*' || e.op === '/')) {
    collect(e.left, inDenominator, into);
    collect(e.right, e.op === '/' ? !inDenominator : inDenominator, into);
    return;
  }
  if (e.type === 'number' && Number.isFinite(e.value)) {
    let value = e.value;
    if (value < 0 || Object.is(value, -0)) {
      into.negative = !into.negative;
      value = -value;
    }
    if (!inDenominator && value === 0) {
      into.zero = true;
      return;
    }
    if (inDenominator && value === 0) {
      into.denominator.push(numberNode(value, e.span)); // x/0 stays visible
      return;
    }
    const merged = exactProduct(inDenominator ? into.denominatorCoefficient : into.numeratorCoefficient, value);
    if (merged !== undefined) {
      if (inDenominator) into.denominatorCoefficient = merged;
      else into.numeratorCoefficient = merged;
      return;
    }
    (inDenominator ? into.denominator : into.numericFactors).push(numberNode(value, e.span));
    return;
  }
  (inDenominator ? into.denominator : into.numerator).push(e);
}

function rebuild(product: Product, span: Span): Expr {
  if (product.zero) return numberNode(0, span);
  cancelCommonFactors(product);
  let coefficient = product.numeratorCoefficient;
  let below = product.denominatorCoefficient;
  // (2*x)/2 → x and 6*x/3 → 2*x, but 3*x/2 and x/2 keep their fraction:
  // a coefficient like 1.5 or 0.5 is harder to read than the division written
  // (a lone number, 1/2, does become 0.5).
  const quotient = exactQuotient(coefficient, below);
  const pureNumber = product.numerator.length === 0 && product.numericFactors.length === 0 && product.denominator.length === 0;
  if (quotient !== undefined && (below === 1 || Number.isInteger(quotient) || pureNumber)) {
    coefficient = quotient;
    below = 1;
  }
  if (below !== 1) product.denominator.unshift(numberNode(below, span));
  const numerator = [
    ...(coefficient !== 1 ? [numberNode(coefficient, span)] : []),
    ...product.numericFactors,
    ...monomialsFirst(product.numerator),
  ];
  if (numerator.length === 0) numerator.push(numberNode(1, span));
  let result = chain(numerator, span);
  if (product.denominator.length > 0) result = binaryNode('/', result, chain(product.denominator, span), span);
  return product.negative ? negate(result) : result;
}

/** `x*y/x` → `y`: identical factors (same tree) above and below the line. */
function cancelCommonFactors(product: Product): void {
  for (let i = 0; i < product.denominator.length; ) {
    const key = printAst(product.denominator[i]);
    const j = product.numerator.findIndex((f) => printAst(f) === key);
    if (j === -1) {
      i++;
      continue;
    }
    product.numerator.splice(j, 1);
    product.denominator.splice(i, 1);
  }
}

/**
 * `x*exp(u)` rather than `exp(u)*x`: names and their powers lead, as in
 * written mathematics; otherwise the order is kept (stable sort). Reordering
 * a product is exact for two factors and may change the last bit for more.
 */
function monomialsFirst(factors: Expr[]): Expr[] {
  const rank = (f: Expr): number =>
    f.type === 'name' || (f.type === 'binary' && f.op === '^' && f.left.type === 'name' && f.right.type === 'number') ? 0 : 1;
  return [...factors].sort((a, b) => rank(a) - rank(b));
}

/** a*b*c, left-associated as the parser builds it. */
function chain(factors: Expr[], span: Span): Expr {
  return factors.reduce((acc, f) => binaryNode('*', acc, f, span));
}
