/**
 * tanh of our own, within an ulp and the same on every JavaScript engine.
 *
 * Near 0 a fitted odd series, tanh x = x + x u P(u) with u = x^2 (the correction is at
 * most 2% of the result, so its rounding hardly shows). Up to |x| = 2,
 * tanh|x| = (E - 1) / (E + 1) with E = exp(2|x|) as a double-double, the quotient taken
 * in double-double and rounded once: from plain doubles, E's rounding and the division's
 * would add up to more than an ulp there. Beyond, 1 - 2/(E + 1) in plain doubles is
 * accurate enough, and three times as fast.
 */
import { twoProductError, twoSumError } from './double-double';
import { exp, expSplit, expSplitLow } from './exp-log';
import { powerOfTwo } from './float-bits';
import { TANH_POLY, TANH_SERIES_END } from './elementary-tables';

const [P0, P1, P2, P3, P4, P5, P6, P7] = TANH_POLY;
/** Below this |x|, tanh x = x - x^3/3 rounds to x (x^2/3 < 2^-54); this also keeps -0. */
const TINY = powerOfTwo(-27);
/** From here on tanh(x) rounds to ±1: 1 - tanh(22) = 2 exp(-44) is far below half an ulp of 1. */
const TANH_SATURATION = 22;
/**
 * From here on tanh|x| = 1 - q, q = 2/(exp(2|x|) + 1), in plain doubles: q's relative error
 * (exp's half ulp, the sum's and the quotient's roundings) is under 1.5 2^-52, and q < 0.036
 * scales it to 0.11 ulp of the result.
 */
const TANH_PLAIN = 2;

export function tanh(x: number): number {
  const a = Math.abs(x);
  if (a < TANH_SERIES_END) {
    if (a < TINY) return x;
    const u = x * x;
    return x + x * (u * (P0 + u * (P1 + u * (P2 + u * (P3 + u * (P4 + u * (P5 + u * (P6 + u * P7))))))));
  }
  if (!(a < TANH_SATURATION)) return x !== x ? x : x > 0 ? 1 : -1;
  if (a >= TANH_PLAIN) {
    const t = 1 - 2 / (exp(2 * a) + 1);
    return x > 0 ? t : -t;
  }
  const e = expSplit(2 * a);
  const eLo = expSplitLow();
  const n = e - 1;
  const nLo = twoSumError(e, -1, n) + eLo;
  const d = e + 1;
  const dLo = twoSumError(e, 1, d) + eLo;
  // (n + nLo) / (d + dLo): q = n/d and one correction from the exact remainder n - q d
  const q = n / d;
  const qd = q * d;
  const t = q + (((n - qd) - twoProductError(q, d, qd)) + (nLo - q * dLo)) / d;
  return x > 0 ? t : -t;
}
