/**
 * The logistic family: sigmoid, tanh, softplus and relatives.
 *
 * Stable forms throughout: exp is only ever taken of -|x|, so nothing overflows,
 * and 1 - sigmoid or 1 - tanh^2 are never formed where they would cancel.
 */
import { twoProductError, twoSumError } from '../../numerics/double-double';
import { evaluatePolynomial } from '../../numerics/polynomial';
import { TANHSHRINK_SERIES, TANHSHRINK_SERIES_END } from '../../numerics/tables';
import { exp, log1p } from '../../numerics/exp-log';
import { tanh as tanhOf } from '../../numerics/hyperbolic';

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}
/** sigmoid(x) sigmoid(-x) = e / (1 + e)^2 with e = exp(-|x|): no 1 - sigmoid. */
export function sigmoidGrad(x: number): number {
  const e = exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** sigmoid''(x) = sigmoid'(x) (1 - 2 sigmoid(x)) = -sigmoid'(x) tanh(x / 2): no 1 - 2 sigmoid to cancel near 0. */
export function sigmoidSecondDerivative(x: number): number {
  return -sigmoidGrad(x) * tanhOf(0.5 * x);
}

/**
 * log(sigmoid(x)) = min(x, 0) - log1p(exp(-|x|)). One call of each, not one per branch:
 * V8 inlines a call site at a time, and two copies of log1p exhaust its budget.
 */
export function logsigmoid(x: number): number {
  const l = log1p(exp(-Math.abs(x)));
  return x >= 0 ? -l : x - l;
}
export function logsigmoidGrad(x: number): number {
  return sigmoid(-x);
}
export function logsigmoidSecondDerivative(x: number): number {
  return -sigmoidGrad(x);
}

/** Largest |beta x| whose product's rounding error can be split exactly (twoProductError). */
const SPLIT_LIMIT = 1e300;

/** The rounding error of t = beta * x (beta x = t + error exactly), 0 where it cannot be split. */
function productLow(beta: number, x: number, t: number): number {
  return Math.abs(t) < SPLIT_LIMIT ? twoProductError(beta, x, t) : 0;
}

/**
 * PyTorch semantics: x itself where beta*x > threshold. Otherwise
 * log1p(exp(t))/beta with t = beta*x, taken as t + log1p(exp(-t)) for t > 0.
 * t's rounding error tLo is carried to first order: in the tails the result is about
 * exp(-|t|), whose relative error would be |t| times t's (20 ulp at beta x = -40).
 */
export function softplus(x: number, beta: number, threshold: number): number {
  const t = beta * x;
  if (t > threshold) return x;
  const tLo = productLow(beta, x, t);
  const e = exp(-Math.abs(t));
  // d/d|t| log1p(exp(-|t|)) = -sigmoid(-|t|) = -e / (1 + e)
  const l = (log1p(e) - (t > 0 ? tLo : -tLo) * (e / (1 + e))) / beta; // one call site each (see logsigmoid)
  return t > 0 ? x + l : l;
}
export function softplusGrad(x: number, beta: number, threshold: number): number {
  const t = beta * x;
  if (t > threshold) return 1;
  const tLo = productLow(beta, x, t);
  // sigmoid(t + tLo) = sigmoid(t) (1 + tLo sigmoid(-t)) to first order
  return sigmoid(t) * (1 + tLo * sigmoid(-t));
}
/**
 * beta sigmoid'(beta x), 0 from beta x = threshold on: PyTorch's double backward masks with
 * beta x < threshold (so at beta x = threshold exactly f' is sigmoid's and f'' is 0).
 */
export function softplusSecondDerivative(x: number, beta: number, threshold: number): number {
  const t = beta * x;
  if (!(t < threshold)) return t === t ? 0 : t;
  const tLo = productLow(beta, x, t);
  // sigmoid'(t + tLo) = sigmoid'(t) (1 - tLo tanh(t / 2)) to first order
  return beta * (sigmoidGrad(t) * (1 - tLo * tanhOf(0.5 * t)));
}

export function tanh(x: number): number {
  return tanhOf(x);
}
/**
 * 1 - tanh^2 cancels once tanh is near 1; there we use 4e/(1+e)^2 with
 * e = exp(-2|x|), which is the same quantity written without the subtraction.
 */
export function tanhGrad(x: number): number {
  const a = Math.abs(x);
  if (a < 0.55) {
    const t = tanhOf(x);
    return 1 - t * t;
  }
  const e = exp(-2 * a);
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** tanh''(x) = -2 tanh(x) tanh'(x). */
export function tanhSecondDerivative(x: number): number {
  return -2 * tanhOf(x) * tanhGrad(x);
}

/** x - tanh(x) loses every leading digit near 0; a fitted series in x^2 takes over there. */
export function tanhshrink(x: number): number {
  if (Math.abs(x) < TANHSHRINK_SERIES_END) {
    const u = x * x;
    return x * (u * evaluatePolynomial(TANHSHRINK_SERIES, u));
  }
  return x - tanhOf(x);
}
/** d/dx (x - tanh x) = 1 - (1 - tanh^2) = tanh^2: nothing to cancel. */
export function tanhshrinkGrad(x: number): number {
  const t = tanhOf(x);
  return t * t;
}
/** d/dx tanh^2 = 2 tanh(x) tanh'(x) = -tanh''(x). */
export function tanhshrinkSecondDerivative(x: number): number {
  return -tanhSecondDerivative(x);
}

/** 1 + |x| is carried in double-double: its rounding would otherwise double in the square. */
export function softsign(x: number): number {
  const a = Math.abs(x);
  if (a === Infinity) return Math.sign(x);
  const d = 1 + a;
  const dLo = twoSumError(1, a, d);
  return (x / d) * (1 - dLo / d);
}
export function softsignGrad(x: number): number {
  const a = Math.abs(x);
  const d = 1 + a;
  const dLo = a === Infinity ? 0 : twoSumError(1, a, d);
  return (1 / (d * d)) * (1 - (2 * dLo) / d);
}
/**
 * -2 sign(x) / (1 + |x|)^3; 0 at 0, where f'' jumps from 2 to -2 (PyTorch's double backward
 * gives -0 there). 1 + |x| in double-double, as above: (d + dLo)^-3 = d^-3 (1 - 3 dLo / d).
 */
export function softsignSecondDerivative(x: number): number {
  const a = Math.abs(x);
  const d = 1 + a;
  const dLo = a === Infinity ? 0 : twoSumError(1, a, d);
  return ((-2 * Math.sign(x)) / (d * d * d)) * (1 - (3 * dLo) / d);
}
