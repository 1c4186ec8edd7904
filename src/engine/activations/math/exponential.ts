/**
 * The exponential linear units. expm1 keeps full relative accuracy for small
 * negative x, where exp(x) - 1 would cancel.
 */
import { SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, SELU_SCALE_HI, SELU_SCALE_LO } from '../../numerics/tables';
import { exp, expm1 } from '../../numerics/exp-log';

export function elu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * expm1(x);
}
/** PyTorch takes the exponential branch at 0: elu'(0) = alpha. */
export function eluGrad(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha * exp(x);
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

export function celu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * expm1(x / alpha);
}
/** PyTorch computes CELU as ELU with input scale 1/alpha, so celu'(0) = 1. */
export function celuGrad(x: number, alpha: number): number {
  return x > 0 ? 1 : exp(x / alpha);
}
