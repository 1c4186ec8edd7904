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
import { highWord, powerOfTwo, ROUNDING_SHIFT, scaleByPowerOfTwo } from './float-bits';
import * as T from './elementary-tables';

// Typed copies: the kernels index them in hot loops, and a Float64Array is never boxed.
const EXP_TABLE = Float64Array.from(T.EXP_TABLE);
const LOG_TABLE = Float64Array.from(T.LOG_TABLE);
const [EXP_Q0, EXP_Q1, EXP_Q2, EXP_Q3, EXP_Q4] = T.EXP_POLY;
const [LOG_Q0, LOG_Q1, LOG_Q2, LOG_Q3, LOG_Q4, LOG_Q5, LOG_Q6] = T.LOG_POLY;
const [LOG_S0, LOG_S1, LOG_S2, LOG_S3, LOG_S4] = T.LOG_POLY_SHORT;
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
/** 2^27 + 1: Dekker's splitting constant (as in double-double.ts). */
const SPLITTER = 134217729;

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
  const k = (x * T.EXP_INV_LN2_N + ROUNDING_SHIFT) - ROUNDING_SHIFT;
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
  const k = (x * T.EXP_INV_LN2_N + ROUNDING_SHIFT) - ROUNDING_SHIFT;
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
  if (Math.abs(x) < T.EXP_LN2_N_HI / 2) return x === 0 ? x : x + expRemainder(x); // keeps -0
  const hi = expCore(x, 0);
  const scale = powerOfTwo(coreExponent); // |n| <= 58 here: exact scaling
  const big = scale * hi;
  const s = big - 1;
  return s + (twoSumError(big, -1, s) + scale * coreLow);
}

// Set by reduceLog: the rest of log(x) = e ln2 - log(c_j) + log1p(r + rLo).
let reducedLow = 0;
let reducedExponent = 0;
let reducedIndex = 0;

/**
 * x = 2^e m with m in [sqrt(1/2), sqrt(2)), and r + rLo = m c_j - 1 exactly, for finite x > 0
 * (subnormals too); returns r, leaves rLo, e and the table index of c_j in the variables above.
 */
function reduceLog(x: number): number {
  let high = highWord(x);
  let e = 0;
  if (high < SMALLEST_NORMAL_HIGH_WORD) {
    x *= TWO_POW_54; // subnormal: make it normal first
    high = highWord(x);
    e = -54;
  }
  const k = (high >>> 20) - 1023;
  let m = x * powerOfTwo(-k); // exact: only the exponent changes
  e += k;
  if (m >= T.LOG_SPLIT) {
    m *= 0.5;
    e += 1;
  }
  // j = round((m - 1) 128): m - 1 and the scaling are exact, and adding 64.5 makes the
  // truncation of | 0 a floor of a positive number
  const i = 3 * ((((m - 1) * 128 + 64.5) | 0) - 64 + T.LOG_TABLE_OFFSET);
  const c = LOG_TABLE[i];
  // m c - 1 exactly, as r + rLo: with m = mHi + mLo split (Dekker) into 26 and 27 bits and c
  // of 26 bits, mHi c - 1 is exact (the product has 52 bits, and lies within 0.6% of 1),
  // mLo c is below 2^-25 and rounds by 2^-78 at most, and the sum's error is recovered
  const t = SPLITTER * m;
  const mHi = t - (t - m);
  const r0 = mHi * c - 1;
  const tail = (m - mHi) * c;
  const r = r0 + tail;
  reducedLow = (r0 - r) + tail;
  reducedExponent = e;
  reducedIndex = i;
  return r;
}

/** log1p(r) - r + r^2/2 for |r| <= 0.0055, to 2^-53 relative (for logSplit). */
function logRemainder(r: number): number {
  return r * r * r * (LOG_Q0 + r * (LOG_Q1 + r * (LOG_Q2 + r * (LOG_Q3 + r * (LOG_Q4 + r * (LOG_Q5 + r * LOG_Q6))))));
}

/** The same to 2^-41 relative: its share of a log rounded once is below 2^-56. */
function logRemainderShort(r: number): number {
  return r * r * r * (LOG_S0 + r * (LOG_S1 + r * (LOG_S2 + r * (LOG_S3 + r * LOG_S4))));
}

/** Set by logSplit: the low part of its result. */
let logLow = 0;

/**
 * log(x) as a double-double for finite x > 0 (for pow): returns hi, and logSplitLow() is
 * the low part, the pair within about 2^-68 relative. It is
 * e ln2 - log(c_j) + r - r^2/2 + remainder(r) + rLo (1 - r) with every rounding of the
 * leading terms recovered.
 */
export function logSplit(x: number): number {
  const r = reduceLog(x);
  const e = reducedExponent;
  const i = reducedIndex;
  // e * LN2_HI + (-log c_j)_hi is exact: both are on a grid of 2^-42, and below 2^10
  const a = e * T.LN2_HI + LOG_TABLE[i + 1];
  const rr = r * r;
  const h = 0.5 * rr;
  const hErr = 0.5 * twoProductError(r, r, rr);
  const b = r - h;
  const bErr = (r - b) - h;
  // |a| > |b| unless a = 0 (then e = 0, c_j = 1): the fast two-sum is exact
  const s = a + b;
  const sErr = (a - s) + b;
  const lo = (sErr + bErr - hErr) + (e * T.LN2_LO + LOG_TABLE[i + 2]) + (reducedLow * (1 - r) + logRemainder(r));
  const hi = s + lo;
  logLow = lo - (hi - s);
  return hi;
}

/** The low part of the last logSplit. */
export function logSplitLow(): number {
  return logLow;
}

/**
 * log(x) + extra after reduceLog(x) returned r, rounded once: as logSplit, less the rounding
 * error of r^2/2, under 2^-70, which cannot matter once the sum is rounded to a double.
 */
function logRounded(r: number, extra: number): number {
  const e = reducedExponent;
  const i = reducedIndex;
  const a = e * T.LN2_HI + LOG_TABLE[i + 1];
  const h = 0.5 * r * r;
  const b = r - h;
  const bErr = (r - b) - h;
  const s = a + b;
  const sErr = (a - s) + b;
  return s + ((sErr + bErr) + (e * T.LN2_LO + LOG_TABLE[i + 2]) + (reducedLow * (1 - r) + logRemainderShort(r) + extra));
}

export function log(x: number): number {
  if (!(x > 0 && x < Infinity)) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  return logRounded(reduceLog(x), 0);
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
  return logRounded(reduceLog(u), uErr / u);
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
