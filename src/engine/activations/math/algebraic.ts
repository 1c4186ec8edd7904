/** Squareplus and Snake: activations built from square roots and sines. */
import { twoProductError, twoSumError } from '../../numerics/double-double';
import { PI_OVER_4_HI, PI_OVER_4_LO } from '../../numerics/tables';
import { sin, sinOfSum } from '../../numerics/trig';

/** Beyond this |x|, x^2 + b overflows or b no longer registers. */
const SQUAREPLUS_ASYMPTOTIC = 1e150;

/**
 * (x + sqrt(x^2 + b)) / 2. For x < 0 the sum cancels, so it is rewritten as
 * b / (2 (sqrt(x^2 + b) - x)), where both terms are positive.
 */
export function squareplus(x: number, b: number): number {
  if (x > SQUAREPLUS_ASYMPTOTIC) return x;
  if (x < -SQUAREPLUS_ASYMPTOTIC) return b / (4 * -x);
  const s = Math.sqrt(x * x + b);
  return x >= 0 ? (x + s) / 2 : b / (2 * (s - x));
}

/** (1 + x / sqrt(x^2 + b)) / 2, for x < 0 as b / (2 (s - x) s) to avoid cancellation. */
export function squareplusGrad(x: number, b: number): number {
  if (x > SQUAREPLUS_ASYMPTOTIC) return 1;
  if (x < -SQUAREPLUS_ASYMPTOTIC) return b / (4 * x) / x;
  const s = Math.sqrt(x * x + b);
  return x >= 0 ? 0.5 * (1 + x / s) : (0.5 * b) / ((s - x) * s);
}

/** b / (2 (x^2 + b)^(3/2)); past the asymptotic range b / (2 |x|^3), taken in steps that cannot overflow. */
export function squareplusSecondDerivative(x: number, b: number): number {
  const a = Math.abs(x);
  if (a > SQUAREPLUS_ASYMPTOTIC) return ((b / (2 * a)) / a) / a;
  const q = x * x + b;
  return b / (2 * q * Math.sqrt(q));
}

/** Largest |a x| for which the product's rounding error can be split exactly. */
const SPLIT_LIMIT = 1e300;

/** sin(a x) with a x in double-double: a rounded product would shift the phase. */
function sinOfProduct(a: number, x: number): number {
  const ax = a * x;
  if (!(Math.abs(ax) < SPLIT_LIMIT)) return sin(ax);
  return sinOfSum(ax, twoProductError(a, x, ax));
}

/** x + sin^2(a x) / a (Ziyin et al., 2020). */
export function snake(x: number, a: number): number {
  if (x === Infinity || x === -Infinity) return x;
  const s = sinOfProduct(a, x);
  return x + (s * s) / a;
}

/**
 * 1 + sin(2 a x). Where sin(2ax) < -1/2 the sum cancels, so there we use the
 * identical 2 sin^2(a x + pi/4); elsewhere the direct sum, which is exact at
 * x = 0. Either way the phase a x is carried in double-double.
 */
export function snakeGrad(x: number, a: number): number {
  const ax = a * x;
  if (!(Math.abs(ax) < SPLIT_LIMIT)) return 1 + sin(2 * ax);
  const axLo = twoProductError(a, x, ax);
  const sine = sinOfSum(2 * ax, 2 * axLo);
  if (sine >= -0.5) return 1 + sine;
  const w = ax + PI_OVER_4_HI;
  const wLo = twoSumError(ax, PI_OVER_4_HI, w) + axLo + PI_OVER_4_LO;
  const s = sinOfSum(w, wLo);
  return 2 * s * s;
}

/**
 * 2a cos(2ax) = 2a sin(2(ax + pi/4)), the phase in double-double as in snakeGrad, so the
 * result keeps its digits next to the zeros of the cosine.
 */
export function snakeSecondDerivative(x: number, a: number): number {
  const ax = a * x;
  if (!(Math.abs(ax) < SPLIT_LIMIT)) return 2 * a * sin(2 * ax + 2 * PI_OVER_4_HI);
  const axLo = twoProductError(a, x, ax);
  const w = ax + PI_OVER_4_HI;
  const wLo = twoSumError(ax, PI_OVER_4_HI, w) + axLo + PI_OVER_4_LO;
  return 2 * a * sinOfSum(2 * w, 2 * wLo);
}
