/**
 * pow(x, y) = x^y of our own, within an ulp and the same on every JavaScript engine,
 * with the special cases of ECMAScript's Number::exponentiate (which differ from C's:
 * 1^NaN and (±1)^±Infinity are NaN).
 *
 * x^y = exp(y log|x|), with log|x| as a double-double (about 2^-68 relative) and
 * y log|x| formed in double-double too: exp turns an absolute error d in its argument
 * into a relative error d, and y log|x| reaches ±745, where a plain double's rounding
 * alone would be worth 60 ulp of the result.
 */
import { twoProductError } from './double-double';
import { expOfDoubleDouble, logSplit, logSplitLow } from './exp-log';
import { powerOfTwo } from './float-bits';

/** Beyond this |y|, x^y overflows or underflows for every x != 1: |log x| >= 2^-53 and 2^64 2^-53 > 746. */
const HUGE_EXPONENT = powerOfTwo(64);

/** y is an odd integer (|y| >= 2^53 are all even). */
function isOddInteger(y: number): boolean {
  return y % 2 === 1 || y % 2 === -1;
}

export function pow(x: number, y: number): number {
  if (y === 0) return 1; // even for NaN x
  if (x !== x || y !== y) return NaN;
  // exact or correctly rounded shortcuts: x^1, x^2 (one rounding), x^-1
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  const ax = Math.abs(x);
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const odd = isOddInteger(y);
  if (x === 0 || ax === Infinity) {
    // 0^y and Infinity^y: the sign survives only for odd integer y
    const magnitude = (x === 0) === y < 0 ? Infinity : 0;
    return x < 0 || Object.is(x, -0) ? (odd ? -magnitude : magnitude) : magnitude;
  }
  if (x < 0 && !Number.isInteger(y)) return NaN;
  const sign = x < 0 && odd ? -1 : 1;
  if (ax === 1) return sign;
  if (Math.abs(y) > HUGE_EXPONENT) return sign * (ax > 1 === y > 0 ? Infinity : 0);
  if (y === 0.5) return Math.sqrt(x); // x > 0 here: correctly rounded
  const l = logSplit(ax);
  const lLo = logSplitLow();
  const p = y * l;
  const pLo = twoProductError(y, l, p) + y * lLo;
  return sign * expOfDoubleDouble(p, pLo);
}
