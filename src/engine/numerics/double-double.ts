/**
 * Error-free transformations: the exact rounding error of one floating-point
 * operation, so a few critical steps can be carried in double-double precision.
 *
 * They return only the error term; the caller already holds the rounded result.
 * This keeps hot loops free of allocation (no [hi, lo] pairs).
 */

/** 2^27 + 1: splits a double into two halves whose products are exact (Dekker). */
const SPLITTER = 134217729;

/** The exact error of p = a * b, i.e. a * b - p, for |a|, |b| below about 1e300. */
export function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
}

/** The exact error of s = a + b, i.e. a + b - s (Knuth's TwoSum, any order of magnitudes). */
export function twoSumError(a: number, b: number, s: number): number {
  const bVirtual = s - a;
  return (a - (s - bVirtual)) + (b - bVirtual);
}

/**
 * exp(-x^2) without the error of rounding x^2: a relative error of 2^-53 in x^2
 * would become an absolute error of x^2 * 2^-53 in the exponent, hundreds of ulp
 * once x^2 is in the hundreds.
 */
export function expNegSquare(x: number): number {
  const p = x * x;
  if (!(p < 746)) return p === p ? 0 : p; // underflows to 0 (NaN stays NaN)
  const e = twoProductError(x, x, p);
  return Math.exp(-p) * (1 - e);
}

/** exp(-x^2 / 2), the Gaussian kernel, with x^2 carried exactly (see expNegSquare). */
export function expNegHalfSquare(x: number): number {
  const p = x * x;
  if (!(p < 1492)) return p === p ? 0 : p;
  const e = twoProductError(x, x, p);
  return Math.exp(-0.5 * p) * (1 - 0.5 * e);
}
