/**
 * The exponential linear units. expm1 keeps full relative accuracy for small
 * negative x, where exp(x) - 1 would cancel.
 */
import { SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, SELU_SCALE_HI, SELU_SCALE_LO } from '../../numerics/tables';
import { twoProductError } from '../../numerics/double-double';
import { exp, expm1, expOfDoubleDouble } from '../../numerics/exp-log';

/*
 * Second derivatives follow PyTorch's double backward: the exponential branch's
 * alpha e^x strictly below 0, and 0 from 0 on (elu''(0) = 0 although elu'(0) = alpha).
 */

export function elu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * expm1(x);
}
/** PyTorch takes the exponential branch at 0: elu'(0) = alpha. */
export function eluGrad(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha * exp(x);
}
export function eluSecondDerivative(x: number, alpha: number): number {
  return x < 0 ? alpha * exp(x) : x === x ? 0 : x;
}

/** SELU's constants carry more digits than a double; the low parts keep the products within an ulp. */
export function selu(x: number): number {
  if (x > 0) return x * SELU_SCALE_HI + x * SELU_SCALE_LO;
  const e = expm1(x);
  return e * SELU_SCALE_ALPHA_HI + e * SELU_SCALE_ALPHA_LO;
}
export function seluGrad(x: number): number {
  if (x > 0) return SELU_SCALE_HI;
  const e = exp(x);
  return e * SELU_SCALE_ALPHA_HI + e * SELU_SCALE_ALPHA_LO;
}
export function seluSecondDerivative(x: number): number {
  if (!(x < 0)) return x === x ? 0 : x;
  const e = exp(x);
  return e * SELU_SCALE_ALPHA_HI + e * SELU_SCALE_ALPHA_LO;
}

/** Set by celuArgument: the low part of x / alpha. */
let quotientLow = 0;

/**
 * x / alpha as a double-double (returns the high part, quotientLow the rest): exp of it
 * multiplies its rounding error by |x / alpha|, 8 ulp at celu(alpha=0.7)'(-12).
 */
function celuArgument(x: number, alpha: number): number {
  const q = x / alpha;
  const p = q * alpha;
  // x - p is exact (p is within an ulp of x); the product's error is what p missed
  quotientLow = Math.abs(q) < 1e300 && Math.abs(alpha) < 1e300 ? ((x - p) - twoProductError(q, alpha, p)) / alpha : 0;
  if (quotientLow !== quotientLow) quotientLow = 0; // x infinite
  return q;
}

export function celu(x: number, alpha: number): number {
  if (x > 0) return x;
  const q = celuArgument(x, alpha);
  // expm1(q + qLo) = expm1(q) + exp(q) qLo to first order
  return alpha * (expm1(q) + exp(q) * quotientLow);
}
/** PyTorch computes CELU as ELU with input scale 1/alpha, so celu'(0) = 1. */
export function celuGrad(x: number, alpha: number): number {
  if (x > 0) return 1;
  const q = celuArgument(x, alpha);
  return expOfDoubleDouble(q, quotientLow);
}
export function celuSecondDerivative(x: number, alpha: number): number {
  if (!(x < 0)) return x === x ? 0 : x;
  const q = celuArgument(x, alpha);
  return expOfDoubleDouble(q, quotientLow) / alpha;
}
