/**
 * Rewrites a (derivative) expression into the form a person would write,
 * repeated bottom-up until nothing changes. The evaluator evaluates the
 * simplified tree, so every rule must keep the value — with the IEEE caveats
 * listed where a rule has one (products.ts: `0*a` → `0`, `a/a` → `1`,
 * regrouping). Readability, not a canonical form for comparing expressions,
 * is the goal: sums are not reordered or collected.
 *
 * Simplification assumes builtin names mean the builtins (`where(c, a, a)` → `a`).
 *
 * Rules:
 *  - numbers fold only when the result is exact and finite (exact-arithmetic.ts);
 *  - products and quotients: see products.ts;
 *  - a + 0, 0 + a, a - 0 → a; 0 - a → -a; a + -b → a - b; a - -b → a + b;
 *    -a + b → b - a;
 *  - -(-a) → a; +a → a; -(a - b) → b - a; the sign of a product sits on its
 *    leading factor (`-a*b`, not `-(a*b)`);
 *  - a^1 → a; a^0 → 1;
 *  - where(c, a, a) → a;
 *  - (f')' → f''.
 */
import { assertNever, type BinaryExpr, type Expr } from '../ast';
import { printAst } from '../print-ast';
import { binaryNode, derivativeNode, isNumber, negation, numberNode } from './build';
import { exactDifference, exactPower, exactSum } from './exact-arithmetic';
import { isProduct, normalizeProduct } from './products';
import { negate, negatedForm } from './signs';

/** Passes are cheap and each makes progress; this only guards against a rule cycle. */
const maxPasses = 100;

export function simplify(expr: Expr): Expr {
  let current = expr;
  let key = printAst(current);
  for (let i = 0; i < maxPasses; i++) {
    const next = pass(current);
    const nextKey = printAst(next);
    if (nextKey === key) return next;
    current = next;
    key = nextKey;
  }
  return current;
}

function pass(e: Expr): Expr {
  switch (e.type) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'name':
      return e;
    case 'unary': {
      const operand = pass(e.operand);
      if (e.op === '+') return operand;
      if (operand.type === 'unary' && operand.op === '-') return operand.operand;
      if (isNumber(operand, 0)) return numberNode(0, e.span);
      if (operand.type === 'binary' && operand.op === '-') {
        return binaryNode('-', operand.right, operand.left, e.span);
      }
      if (isProduct(operand)) return normalizeProduct(negation(operand, e.span));
      return { ...e, operand };
    }
    case 'binary': {
      const node: BinaryExpr = { ...e, left: pass(e.left), right: pass(e.right) };
      switch (node.op) {
        case '+':
        case '-':
          return additive(node);
        case '*':
        case '/':
          return normalizeProduct(node);
        case '^':
          return power(node);
        default:
          return node;
      }
    }
    case 'call': {
      const callee = pass(e.callee);
      const args = e.args.map(pass);
      const named = e.named.map((n) => ({ ...n, value: pass(n.value) }));
      if (callee.type === 'name' && callee.name === 'where' && args.length === 3 && named.length === 0 &&
          printAst(args[1]) === printAst(args[2])) {
        return args[1];
      }
      return { ...e, callee, args, named };
    }
    case 'index':
      return { ...e, target: pass(e.target), indices: e.indices.map(pass) };
    case 'transpose':
    case 'field':
      return { ...e, target: pass(e.target) };
    case 'derivative':
      return derivativeNode(pass(e.target), e.order, e.span);
    case 'vector':
      return { ...e, elements: e.elements.map(pass) };
    default:
      return assertNever(e);
  }
}

function additive(e: BinaryExpr): Expr {
  const { left, right, span } = e;
  const leftValue = numericValue(left);
  const rightValue = numericValue(right);
  if (leftValue !== undefined && rightValue !== undefined) {
    const folded = e.op === '+' ? exactSum(leftValue, rightValue) : exactDifference(leftValue, rightValue);
    if (folded !== undefined) return numberNode(folded, span);
  }
  if (isNumber(right, 0)) return left;
  const negativeRight = negatedForm(right);
  if (e.op === '+') {
    if (isNumber(left, 0)) return right;
    if (negativeRight !== undefined) return binaryNode('-', left, negativeRight, span);
    const negativeLeft = negatedForm(left);
    if (negativeLeft !== undefined) return binaryNode('-', right, negativeLeft, span);
    return e;
  }
  if (isNumber(left, 0)) return negate(right);
  if (negativeRight !== undefined) return binaryNode('+', left, negativeRight, span);
  return e;
}

function power(e: BinaryExpr): Expr {
  const { left: base, right: exponent, span } = e;
  const exponentValue = numericValue(exponent);
  if (base.type === 'number' && exponentValue !== undefined) {
    const folded = exactPower(base.value, exponentValue);
    if (folded !== undefined) return numberNode(folded, span);
  }
  if (exponentValue === 1) return base;
  if (exponentValue === 0) return numberNode(1, span); // pow(a, 0) is 1 for every a, NaN included
  return e;
}

/** The value of a number or a negated number (`-1` is parsed as a negation). */
function numericValue(e: Expr): number | undefined {
  if (e.type === 'number') return e.value;
  if (e.type === 'unary' && e.op === '-' && e.operand.type === 'number') return -e.operand.value;
  return undefined;
}
