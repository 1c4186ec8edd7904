/**
 * Chain rule for the mathematical builtins: each has a closed-form derivative
 * written with other builtins, so the displayed formula stays readable
 * (`cos(2*x)*2`, not `sin'(2*x)*2`).
 *
 * Non-smooth points follow PyTorch autograd where the language contract asks
 * for it: abs'(0) = sign(0) = 0; clamp passes the gradient on its bounds
 * (PyTorch's clamp_backward uses lo <= u <= hi). For min and max a tie takes the
 * FIRST argument's derivative (PyTorch splits it in half, which would make
 * every formula twice as long): max(0, x) then has derivative 0 at 0 like
 * relu'(0), and max(a*x, x) has a at 0 like leaky_relu'(0) = alpha — the two
 * spellings students actually write.
 */
import type { CallExpr, Expr } from '../ast';
import type { Span } from '../source';
import { apply, binaryNode, nameNode, negation, numberNode } from './build';
import { cannot, d, requireBuiltin, type DerivationContext } from './context';
import { dependsOn } from './depends';
import { derivePower } from './power-rule';
import type { MathBuiltin } from './environment';

export function deriveMathCall(call: CallExpr, name: MathBuiltin, context: DerivationContext): Expr {
  const { span } = call;
  if (call.named.length > 0) cannot(call, context, `${name} takes no named arguments`, call.named[0].nameSpan);
  const arity = (n: number, what: string): Expr[] => {
    if (call.args.length !== n) cannot(call, context, `${name} takes ${what}`);
    return call.args;
  };
  const uses = (...names: string[]): void => {
    for (const builtin of names) requireBuiltin(builtin, 'math', call, context);
  };

  switch (name) {
    case 'min':
    case 'max': {
      // min(v) / max(v) of one argument is a reduction over a tensor, not a function of one number.
      const [a, b] = arity(2, 'two arguments here (the one-argument form reduces a tensor)');
      uses('where');
      const op = name === 'max' ? '>=' : '<=';
      return where(binaryNode(op, a, b, span), d(a, context), d(b, context), span);
    }
    case 'clamp': {
      const [u, lo, hi] = arity(3, 'three arguments: clamp(x, lo, hi)');
      uses('where');
      if (!dependsOn(lo, context.variable) && !dependsOn(hi, context.variable)) {
        const inside = binaryNode('*', binaryNode('>=', u, lo, span), binaryNode('<=', u, hi, span), span);
        return where(inside, d(u, context), numberNode(0, span), span);
      }
      // Varying bounds: whichever of u, lo, hi is the result contributes its derivative.
      return where(
        binaryNode('<', u, lo, span),
        d(lo, context),
        where(binaryNode('>', u, hi, span), d(hi, context), d(u, context), span),
        span,
      );
    }
    case 'where': {
      // The condition is piecewise constant; only the chosen branch's slope matters.
      const [c, a, b] = arity(3, 'three arguments: where(cond, a, b)');
      return where(c, d(a, context), d(b, context), span);
    }
    case 'pow': {
      const [a, b] = arity(2, 'two arguments: pow(a, b)');
      return derivePower(a, b, span, context);
    }
    default: {
      const [u] = arity(1, 'one argument');
      const outer = outerDerivative(name, u, span, uses);
      return binaryNode('*', outer, d(u, context), span);
    }
  }
}

/** f'(u) for the one-argument builtins. */
function outerDerivative(name: MathBuiltin, u: Expr, span: Span, uses: (...names: string[]) => void): Expr {
  const one = numberNode(1, span);
  switch (name) {
    case 'exp':
    case 'expm1':
      uses('exp');
      return apply('exp', [u], span);
    case 'log':
      return binaryNode('/', one, u, span);
    case 'log1p':
      return binaryNode('/', one, binaryNode('+', one, u, span), span);
    case 'sqrt':
      uses('sqrt');
      return binaryNode('/', one, binaryNode('*', numberNode(2, span), apply('sqrt', [u], span), span), span);
    case 'sin':
      uses('cos');
      return apply('cos', [u], span);
    case 'cos':
      uses('sin');
      return negation(apply('sin', [u], span), span);
    case 'tan':
      uses('tan');
      return binaryNode('+', one, binaryNode('^', apply('tan', [u], span), numberNode(2, span), span), span);
    case 'tanh':
      uses('tanh');
      return oneMinusTanhSquared(u, span);
    case 'erf':
    case 'erfc': {
      uses('sqrt', 'exp');
      // d/du erf(u) = 2/sqrt(pi) * exp(-u^2)
      const gauss = binaryNode(
        '*',
        binaryNode('/', numberNode(2, span), apply('sqrt', [nameNode('pi', span)], span), span),
        apply('exp', [negation(binaryNode('^', u, numberNode(2, span), span), span)], span),
        span,
      );
      return name === 'erf' ? gauss : negation(gauss, span);
    }
    case 'abs':
      uses('sign');
      return apply('sign', [u], span);
    case 'sign':
    case 'floor':
    case 'ceil':
    case 'round':
      // Piecewise constant: 0 between the jumps (and PyTorch's gradient is 0 at them too).
      return numberNode(0, span);
    default:
      // min, max, clamp, where, pow are handled by the caller.
      throw new Error(`internal: ${name} is not a one-argument builtin`);
  }
}

/** 1 - tanh(u)^2 */
function oneMinusTanhSquared(u: Expr, span: Span): Expr {
  return binaryNode('-', numberNode(1, span), binaryNode('^', apply('tanh', [u], span), numberNode(2, span), span), span);
}

function where(c: Expr, a: Expr, b: Expr, span: Span): Expr {
  return apply('where', [c, a, b], span);
}
