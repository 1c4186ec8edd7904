/**
 * Constant folding that never changes a value: `2*3` becomes `6`, but `0.1 + 0.2`
 * stays as written, because 0.30000000000000004 is not what anyone wants to
 * read and `0.3` would be a different number. Each operation returns the
 * result only when it is finite and exactly the real-number result of its
 * operands, checked with error-free transformations (Knuth's TwoSum, Dekker's
 * product), and undefined otherwise.
 */
import { powerOfTwo, twoProductError, twoSumError } from '../../engine';

/** Dekker's splitting is exact only well inside the double range. */
const SAFE = powerOfTwo(500);
const TINY = powerOfTwo(-500);

function safe(v: number): boolean {
  const a = Math.abs(v);
  return Number.isFinite(v) && (a === 0 || (a < SAFE && a > TINY));
}

export function exactSum(a: number, b: number): number | undefined {
  const s = a + b;
  if (!Number.isFinite(s)) return undefined;
  return twoSumError(a, b, s) === 0 ? s : undefined;
}

export function exactDifference(a: number, b: number): number | undefined {
  return exactSum(a, -b);
}

export function exactProduct(a: number, b: number): number | undefined {
  const p = a * b;
  if (!safe(a) || !safe(b) || !safe(p)) return undefined;
  return twoProductError(a, b, p) === 0 ? p : undefined;
}

/** a/b is exact when q*b reproduces a exactly. */
export function exactQuotient(a: number, b: number): number | undefined {
  if (b === 0) return undefined;
  const q = a / b;
  if (!safe(a) || !safe(b) || !safe(q)) return undefined;
  return exactProduct(q, b) === a ? q : undefined;
}

/** Integer powers only (`2^3`, `2^-1`); anything else is left to the evaluator. */
export function exactPower(base: number, exponent: number): number | undefined {
  if (!Number.isInteger(exponent) || Math.abs(exponent) > 64) return undefined;
  if (exponent === 0) return base === 0 ? undefined : 1; // 0^0 is left alone: conventions differ
  let result: number | undefined = 1;
  for (let i = 0; i < Math.abs(exponent) && result !== undefined; i++) result = exactProduct(result, base);
  if (result === undefined) return undefined;
  return exponent > 0 ? result : exactQuotient(1, result);
}
