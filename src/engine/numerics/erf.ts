/**
 * The error function family, to about 1 ulp, with no help from the platform
 * (JavaScript has no Math.erf; and with our exp, so that every engine agrees).
 *
 * Method: |x| < 0.5 uses erf(x) = x P(x^2); beyond that erfc(x) = exp(-x^2) erfcx(x),
 * where erfcx(x) = exp(x^2) erfc(x) is smooth and slowly varying, so fitted
 * piecewise polynomials (tools/fit_numerics.py) reach it to under an ulp, and
 * exp(-x^2) is taken without rounding x^2 (see expNegSquare).
 */
import { evaluatePolynomial } from './polynomial';
import {
  ERF_SMALL, ERF_SMALL_END, ERFCX_MID, ERFCX_MID_END, ERFCX_MID_PIECES_PER_UNIT, ERFCX_MID_START,
  ERFCX_TAIL, TWO_OVER_SQRT_PI_HI,
} from './tables';
import { exp, expNegSquare } from './exp-log';

/** Beyond this, erfc(x) is below the smallest subnormal. */
const ERFC_UNDERFLOW = 27.3;
/** Beyond this, erf(x) rounds to exactly 1. */
const ERF_SATURATES = 6;

/** erfcx(x) = exp(x^2) erfc(x) for x >= 0.5 (the fitted range). */
export function erfcxLarge(x: number): number {
  if (x < ERFCX_MID_END) {
    const k = Math.floor((x - ERFCX_MID_START) * ERFCX_MID_PIECES_PER_UNIT);
    const centre = ERFCX_MID_START + (k + 0.5) / ERFCX_MID_PIECES_PER_UNIT;
    return evaluatePolynomial(ERFCX_MID[k], (x - centre) * (2 * ERFCX_MID_PIECES_PER_UNIT));
  }
  return evaluatePolynomial(ERFCX_TAIL, 1 / (x * x)) / x;
}

/** erf(x) / x for |x| < 0.5. */
function erfOverX(x: number): number {
  return evaluatePolynomial(ERF_SMALL, x * x);
}

export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < ERF_SMALL_END) return x * erfOverX(x);
  if (a >= ERF_SATURATES) return x > 0 ? 1 : x < 0 ? -1 : x; // also NaN
  const tail = expNegSquare(a) * erfcxLarge(a);
  return x > 0 ? 1 - tail : tail - 1;
}

export function erfc(x: number): number {
  return erfcShifted(x, 0);
}

/**
 * erfc(hi + lo) for a double-double argument (|lo| <= ulp(hi)/2). Callers that
 * scale x first (GELU's -x/sqrt(2)) pass the scaling's rounding error as lo:
 * erfc's relative sensitivity grows like 2x^2, so that error would otherwise
 * cost tens of ulp in the tail.
 */
export function erfcShifted(hi: number, lo: number): number {
  const a = Math.abs(hi);
  if (a < ERF_SMALL_END) {
    // d/dx erfc = -2/sqrt(pi) exp(-x^2); lo is below an ulp of hi, so 1 - x^2 for exp(-x^2)
    // (3% off at most) moves the result by under 2^-59
    return 1 - (hi * erfOverX(hi) + lo * TWO_OVER_SQRT_PI_HI * (1 - hi * hi));
  }
  if (hi > ERFC_UNDERFLOW) return 0;
  if (hi < -ERF_SATURATES) return 2;
  if (hi !== hi) return hi;
  // erfc(|hi| + s lo) = exp(-hi^2) (erfcx(|hi|) - s lo 2/sqrt(pi)) to first order, s the sign of
  // hi, and erfc(-x) = 2 - erfc(x). One call of each for both signs: V8 inlines call sites
  // within a budget of bytecode, and GELU's loops need these inlined.
  const shift = hi > 0 ? lo : -lo;
  const tail = expNegSquare(a) * (erfcxLarge(a) - shift * TWO_OVER_SQRT_PI_HI);
  return hi > 0 ? tail : 2 - tail;
}
