/**
 * exp, expm1, log and log1p of our own, within an ulp, and the same bits on every
 * JavaScript engine. ECMAScript leaves the accuracy of Math.exp and friends to the
 * implementation, and V8 has changed them between Node versions: seeded training runs
 * came out differently in VS Code's Node and the CLI's.
 *
 * exp (Tang's method): x = k ln2/128 + r with |r| <= ln2/256, so that
 *   exp(x) = 2^(k >> 7) * 2^((k & 127)/128) * exp(r);
 * the middle factor is a table of double-doubles, exp(r) - 1 - r a short polynomial.
 * k ln2/128 is subtracted in two parts, the first exact (k * HI has few bits), so the
 * reduction costs nothing worth counting.
 *
 * log: x = 2^e m with m in [sqrt(1/2), sqrt(2)); with c_j near 1/m from a table,
 *   log(x) = e ln2 - log(c_j) + log1p(m c_j - 1),
 * where m c_j - 1 is formed exactly (Dekker's product) and is below 0.0055, so a short
 * polynomial gives the log1p. Near x = 1, c_j = 1 and log(x) is log1p(x - 1) itself:
 * no table term cancels against it.
 *
 * Both kernels keep their result as a double-double to about 2^-68: pow needs that
 * (y log x magnifies the error of log x), and so does tanh; the public functions
 * round once at the end, for an error of about half an ulp.
 */
import { twoProductError, twoSumError } from './double-double';
import { exponentField, highWord, powerOfTwo, scaleByPowerOfTwo, unitMantissa } from './float-bits';
import * as T from './elementary-tables';

// Typed copies: the kernels index them in hot loops, and a Float64Array is never boxed.
const EXP_TABLE = Float64Array.from(T.EXP_TABLE);
const LOG_TABLE = Float64Array.from(T.LOG_TABLE);
const [EXP_Q0, EXP_Q1, EXP_Q2, EXP_Q3, EXP_Q4] = T.EXP_POLY;
const [LOG_Q0, LOG_Q1, LOG_Q2, LOG_Q3, LOG_Q4, LOG_Q5, LOG_Q6] = T.LOG_POLY;
const EXP_MASK = (1 << T.EXP_TABLE_BITS) - 1;
const EXP_N = 1 << T.EXP_TABLE_BITS;

/** From here on exp(x) overflows: exp(709.79) > 1.0001 * Number.MAX_VALUE. */
const EXP_OVERFLOW = 709.79;
/** Below this exp(x) is under half the smallest subnormal and rounds to 0. */
const EXP_UNDERFLOW = -745.2;
/** From here on expm1(x) = exp(x) - 1 rounds to exp(x) (exp(40) > 2^57), and below -40 to -1. */
const EXPM1_SATURATION = 40;
/** Below this |x|, log1p(x) = x - x^2/2 rounds to x: x^2/2 is under half an ulp of x. */
const LOG1P_TINY = powerOfTwo(-54);
/** Normal doubles start at 2^-1022, i.e. at this high word. */
const SMALLEST_NORMAL_HIGH_WORD = 0x00100000;
const TWO_POW_54 = powerOfTwo(54);

/** exp(r) - 1 - r for |r| <= ln2/256 (and a little beyond). */
function expRemainder(r: number): number {
  return r * r * (EXP_Q0 + r * (EXP_Q1 + r * (EXP_Q2 + r * (EXP_Q3 + r * EXP_Q4))));
}

/** Set by expCore: the low part of its result and the power of two still to apply. */
let coreLow = 0;
let coreExponent = 0;

/**
 * exp(x + xLo) = (hi + coreLow) 2^coreExponent, hi + coreLow within about 2^-68
 * relative, hi in [0.99, 2); for |x| < 746 and |xLo| <= ulp(x).
 */
function expCore(x: number, xLo: number): number {
  const k = Math.round(x * T.EXP_INV_LN2_N);
  const rHi = x - k * T.EXP_LN2_N_HI; // exact: k * HI has 53 bits at most and lies within a factor 2 of x
  const rLo = xLo - k * T.EXP_LN2_N_LO;
  const r = rHi + rLo;
  const rErr = twoSumError(rHi, rLo, r); // rHi may be the smaller one: x can lie very near k ln2/128
  const j = k & EXP_MASK;
  coreExponent = (k - j) / EXP_N;
  const tHi = EXP_TABLE[2 * j];
  const tLo = EXP_TABLE[2 * j + 1];
  // exp(r + rErr) = 1 + r + pLo to 2^-70, pLo = remainder + rErr (1 + r)
  const pLo = expRemainder(r) + rErr * (1 + r);
  // (tHi + tLo)(1 + r + pLo), with tHi r exact (Dekker) and tHi + tHi r summed exactly
  const a = tHi * r;
  const aErr = twoProductError(tHi, r, a);
  const s = tHi + a;
  const sErr = (tHi - s) + a; // |tHi| > |a|: the fast two-sum is exact
  const lo = sErr + aErr + tHi * pLo + tLo * (1 + r);
  const hi = s + lo;
  coreLow = lo - (hi - s);
  return hi;
}

export function exp(x: number): number {
  if (!(x < EXP_OVERFLOW)) return x > 0 ? Infinity : x; // also NaN
  if (x < EXP_UNDERFLOW) return 0;
  const k = Math.round(x * T.EXP_INV_LN2_N);
  // r carries the reduction to about 2^-61 of the result: a hundredth of an ulp
  const r = (x - k * T.EXP_LN2_N_HI) - k * T.EXP_LN2_N_LO;
  const j = k & EXP_MASK;
  const n = (k - j) / EXP_N;
  const tHi = EXP_TABLE[2 * j];
  const y = tHi + (EXP_TABLE[2 * j + 1] + tHi * (r + expRemainder(r)));
  return n >= -1022 && n <= 1023 ? y * powerOfTwo(n) : scaleByPowerOfTwo(y, n);
}

/**
 * exp(x + xLo) for a double-double argument (|xLo| <= ulp(x)), rounded once: pow's
 * exp(y log x). The low part matters: it shifts the result by xLo relative, up to
 * hundreds of ulp when |x| is in the hundreds.
 */
export function expOfDoubleDouble(x: number, xLo: number): number {
  if (!(x < EXP_OVERFLOW)) return x > 0 ? Infinity : x;
  if (x < EXP_UNDERFLOW) return 0;
  const hi = expCore(x, xLo);
  return scaleByPowerOfTwo(hi + coreLow, coreExponent);
}

/** Set by expSplit: the low part of its result. */
let splitLow = 0;

/**
 * exp(x) as a double-double for x in [0, 709): returns hi; expSplitLow() is the low
 * part, the pair within about 2^-68 relative (for tanh, whose E/(E + 2) would otherwise
 * double exp's rounding).
 */
export function expSplit(x: number): number {
  const hi = expCore(x, 0);
  const scale = powerOfTwo(coreExponent);
  splitLow = coreLow * scale;
  return hi * scale;
}

/** The low part of the last expSplit. */
export function expSplitLow(): number {
  return splitLow;
}

/**
 * exp(x) - 1 without cancellation. For |x| <= ln2/256 it is x + remainder(x), with no
 * reduction; beyond, exp(x) comes as a double-double (about 2^-68 relative) and the -1
 * is subtracted exactly, so the result (at least 0.0027 there) keeps its accuracy.
 */
export function expm1(x: number): number {
  if (!(x < EXPM1_SATURATION)) return x > 0 ? exp(x) : x; // also NaN
  if (x < -EXPM1_SATURATION) return -1;
  if (Math.round(x * T.EXP_INV_LN2_N) === 0) return x === 0 ? x : x + expRemainder(x); // keeps -0
  const hi = expCore(x, 0);
  const scale = powerOfTwo(coreExponent); // |n| <= 58 here: exact scaling
  const big = scale * hi;
  const s = big - 1;
  return s + (twoSumError(big, -1, s) + scale * coreLow);
}

/** Set by logCore: the low part of its result. */
let logLow = 0;

/** log(x) = hi + logLow within about 2^-68 relative, for finite x > 0 (subnormals too). */
function logCore(x: number): number {
  let e = 0;
  if (highWord(x) < SMALLEST_NORMAL_HIGH_WORD) {
    x *= TWO_POW_54; // subnormal: make it normal first
    e = -54;
  }
  e += exponentField(x) - 1023;
  let m = unitMantissa(x);
  if (m >= T.LOG_SPLIT) {
    m *= 0.5;
    e += 1;
  }
  const i = 3 * (Math.round((m - 1) * 128) + T.LOG_TABLE_OFFSET);
  const c = LOG_TABLE[i];
  // m c - 1 exactly, as r + rLo: p - 1 is exact (p is within 0.6% of 1), Dekker gives p's error
  const p = m * c;
  const r0 = p - 1;
  const pErr = twoProductError(m, c, p);
  const r = r0 + pErr;
  const rLo = (r0 - r) + pErr;
  // log1p(r + rLo) = r - r^2/2 + r^3 q(r) + rLo (1 - r), with r^2/2 exact and r - r^2/2 summed exactly
  const rr = r * r;
  const h = 0.5 * rr;
  const hErr = 0.5 * twoProductError(r, r, rr);
  const b = r - h;
  const bErr = (r - b) - h;
  const tail = rr * r * (LOG_Q0 + r * (LOG_Q1 + r * (LOG_Q2 + r * (LOG_Q3 + r * (LOG_Q4 + r * (LOG_Q5 + r * LOG_Q6))))));
  // e ln2 - log(c): e * LN2_HI is exact
  const eHi = e * T.LN2_HI;
  const a = eHi + LOG_TABLE[i + 1];
  const aErr = twoSumError(eHi, LOG_TABLE[i + 1], a);
  const s = a + b;
  const sErr = twoSumError(a, b, s);
  const lo = (sErr + aErr + bErr - hErr) + (e * T.LN2_LO + LOG_TABLE[i + 2]) + (rLo * (1 - r) + tail);
  const hi = s + lo;
  logLow = lo - (hi - s);
  return hi;
}

export function log(x: number): number {
  if (x > 0 && x < Infinity) return logCore(x);
  return x === 0 ? -Infinity : x === Infinity ? x : NaN;
}

/** log(x) as a double-double: returns hi; logSplitLow() is the low part (for pow). */
export function logSplit(x: number): number {
  return logCore(x);
}

/** The low part of the last logSplit (or log). */
export function logSplitLow(): number {
  return logLow;
}

/**
 * log(1 + x): 1 + x is formed as a double-double u + uErr and
 * log(u + uErr) = log(u) + uErr/u, the square of uErr/u being below 2^-106.
 */
export function log1p(x: number): number {
  if (!(x > -1 && x < Infinity)) return x === -1 ? -Infinity : x === Infinity ? x : NaN;
  if (Math.abs(x) < LOG1P_TINY) return x; // also -0
  const u = 1 + x;
  const uErr = twoSumError(1, x, u);
  const hi = logCore(u);
  return hi + (logLow + uErr / u);
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
  return exp(-p) * (1 - e);
}

/** exp(-x^2 / 2), the Gaussian kernel, with x^2 carried exactly (see expNegSquare). */
export function expNegHalfSquare(x: number): number {
  const p = x * x;
  if (!(p < 1492)) return p === p ? 0 : p;
  const e = twoProductError(x, x, p);
  return exp(-0.5 * p) * (1 - 0.5 * e);
}
