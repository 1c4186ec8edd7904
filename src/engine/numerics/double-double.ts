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
