/**
 * The logistic family: sigmoid, tanh, softplus and relatives.
 *
 * Stable forms throughout: exp is only ever taken of -|x|, so nothing overflows,
 * and 1 - sigmoid or 1 - tanh^2 are never formed where they would cancel.
 */
import { twoSumError } from '../../numerics/double-double';
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

/**
 * PyTorch semantics: x itself where beta*x > threshold. Otherwise
 * log1p(exp(t))/beta with t = beta*x, taken as t + log1p(exp(-t)) for t > 0.
 */
export function softplus(x: number, beta: number, threshold: number): number {
  const t = beta * x;
  if (t > threshold) return x;
  const l = log1p(exp(-Math.abs(t))) / beta; // one call site each (see logsigmoid)
  return t > 0 ? x + l : l;
}
export function softplusGrad(x: number, beta: number, threshold: number): number {
  const t = beta * x;
  return t > threshold ? 1 : sigmoid(t);
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
