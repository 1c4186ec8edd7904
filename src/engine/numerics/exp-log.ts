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
 * m c_j - 1 being below 0.0055, so a short polynomial gives the log1p. Within 1/16 of
 * x = 1, where the table terms would cancel, log1p(x - 1) comes from its own series
 * (x - 1 is exact there), as in musl's log.
 *
 * exp and log also come as double-doubles good to about 2^-68 (expKernel, logSplit):
 * pow needs that (y log x magnifies the error of log x), and so do tanh and expm1.
 * Everything public rounds once at the end, for an error of about half an ulp.
 *
 * Speed: each kernel is one function of locals, told by a constant argument which
 * result to make, so that V8 inlines it into each caller and drops what that caller
 * does not need. Handing values between functions through module variables instead
 * puts a store and a load on the critical path and cost log a third of its speed.
 */
import { twoProductError, twoSumError } from './double-double';
import { highWord, powerOfTwo, ROUNDING_SHIFT, scaleByPowerOfTwo } from './float-bits';
import * as T from './elementary-tables';

// Typed copies: the kernels index them in hot loops, and a Float64Array is never boxed.
const EXP_TABLE = Float64Array.from(T.EXP_TABLE);
const LOG_TABLE = Float64Array.from(T.LOG_TABLE);
const [EXP_Q0, EXP_Q1, EXP_Q2, EXP_Q3, EXP_Q4] = T.EXP_POLY;
const [LOG_Q0, LOG_Q1, LOG_Q2, LOG_Q3, LOG_Q4, LOG_Q5, LOG_Q6] = T.LOG_POLY;
const [A0, A1, A2, A3, A4] = T.LOG_POLY_TABLE;
const [N0, N1, N2, N3, N4, N5, N6, N7, N8, N9] = T.LOG_POLY_NEAR_ONE;
const EXP_MASK = (1 << T.EXP_TABLE_BITS) - 1;
const EXP_N = 1 << T.EXP_TABLE_BITS;

/** From here on exp(x) overflows: exp(709.79) > 1.0001 * Number.MAX_VALUE. */
const EXP_OVERFLOW = 709.79;
/** Below this exp(x) is under half the smallest subnormal and rounds to 0. */
const EXP_UNDERFLOW = -745.2;
/** From here on expm1(x) = exp(x) - 1 rounds to exp(x) (exp(40) > 2^57), and below -40 to -1. */
const EXPM1_SATURATION = 40;
/**
 * Below this, expm1(x) = exp(x) - 1 in plain doubles is within 0.54 ulp: exp(x) < 0.05 and its
 * half ulp is under 2^-58, a thirtieth of an ulp of the result (in (-1, -0.95)).
 */
const EXPM1_PLAIN = -3;
/** Normal doubles start at 2^-1022, i.e. at this high word. */
const SMALLEST_NORMAL_HIGH_WORD = 0x00100000;
const TWO_POW_54 = powerOfTwo(54);
/** 2^27 + 1: Dekker's splitting constant (as in double-double.ts). */
const SPLITTER = 134217729;

/** exp(r) - 1 - r for |r| <= ln2/256 (and a little beyond). */
function expRemainder(r: number): number {
  return r * r * (EXP_Q0 + r * (EXP_Q1 + r * (EXP_Q2 + r * (EXP_Q3 + r * EXP_Q4))));
}

/** What expKernel returns. */
const enum ExpResult {
  /** exp(x + xLo), rounded once (pow). */
  Rounded,
  /** exp(x) - 1, rounded once. */
  MinusOne,
  /** exp(x) as hi, the low part left for expSplitLow (tanh). */
  Split,
}

/**
 * Low parts handed from a kernel to its caller (expSplit, logSplit). A Float64Array rather
 * than `let` variables: V8 boxes a double held in a module variable, one allocation a store.
 */
const LOW_PARTS = new Float64Array(2);
const EXP_SPLIT_LOW = 0;
const LOG_SPLIT_LOW = 1;

/**
 * exp(x + xLo) as (hi + lo) 2^n within about 2^-68 relative, for |x| < 746 and
 * |xLo| <= ulp(x), finished as `result` asks.
 */
function expKernel(x: number, xLo: number, result: ExpResult): number {
  const k = (x * T.EXP_INV_LN2_N + ROUNDING_SHIFT) - ROUNDING_SHIFT;
  const rHi = x - k * T.EXP_LN2_N_HI; // exact: k * HI has 53 bits at most and lies within a factor 2 of x
  const rLo = xLo - k * T.EXP_LN2_N_LO;
  const r = rHi + rLo;
  const rErr = twoSumError(rHi, rLo, r); // rHi may be the smaller one: x can lie very near k ln2/128
  const j = k & EXP_MASK;
  const n = (k - j) / EXP_N;
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
  if (result === ExpResult.Rounded) return scaleByPowerOfTwo(s + lo, n);
  const scale = powerOfTwo(n); // |n| <= 58 for expm1 and tanh: exact scaling
  if (result === ExpResult.Split) {
    // normalised (lo below half an ulp of hi), as tanh's quotient wants it
    const hi = s + lo;
    LOW_PARTS[EXP_SPLIT_LOW] = (lo - (hi - s)) * scale;
    return hi * scale;
  }
  // the -1 subtracted exactly, so the result keeps its accuracy however much cancels
  const big = s * scale;
  const d = big - 1;
  return d + (twoSumError(big, -1, d) + lo * scale);
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
  return expKernel(x, xLo, ExpResult.Rounded);
}

/**
 * exp(x) as a double-double for x in [0, 40]: returns hi; expSplitLow() is the low part,
 * the pair within about 2^-68 relative (for tanh, whose (E - 1)/(E + 1) would otherwise
 * double exp's rounding).
 */
export function expSplit(x: number): number {
  return expKernel(x, 0, ExpResult.Split);
}

/** The low part of the last expSplit. */
export function expSplitLow(): number {
  return LOW_PARTS[EXP_SPLIT_LOW];
}

/**
 * exp(x) - 1 without cancellation: for |x| <= ln2/256, x + remainder(x) with no reduction;
 * beyond, exp(x) as a double-double less 1, exactly, so the result (at least 0.0027 there)
 * keeps its accuracy; below -3, exp(x) - 1 in plain doubles.
 */
export function expm1(x: number): number {
  if (!(x < EXPM1_SATURATION)) return x > 0 ? exp(x) : x; // also NaN
  if (x < EXPM1_PLAIN) return x < -EXPM1_SATURATION ? -1 : exp(x) - 1;
  if (Math.abs(x) < T.EXP_LN2_N_HI / 2) return x === 0 ? x : x + expRemainder(x); // keeps -0
  return expKernel(x, 0, ExpResult.MinusOne);
}

/** Set by logMantissa: e in x = 2^e m (a small integer, which V8 keeps unboxed). */
let logExponent = 0;

/**
 * m in [sqrt(1/2), sqrt(2)) with x = 2^e m, e left in logExponent, for finite x > 0
 * (subnormals too). Scaling by a power of two from the table is exact.
 */
function logMantissa(x: number): number {
  const high = highWord(x);
  if (high < SMALLEST_NORMAL_HIGH_WORD) return logMantissaSubnormal(x);
  const k = (high >>> 20) - 1023;
  // x 2^(1-k) 2^-1 rather than x 2^-k: both products are exact, and 2^-k has no table
  // entry for k = 1023 (x >= 2^1023), where it made log NaN
  const m = x * powerOfTwo(1 - k) * 0.5;
  const halve = m >= T.LOG_SPLIT;
  logExponent = halve ? k + 1 : k;
  return halve ? 0.5 * m : m;
}

/** logMantissa of a subnormal: made normal first. Apart, so that V8 inlines the common case. */
function logMantissaSubnormal(x: number): number {
  const m = logMantissa(x * TWO_POW_54);
  logExponent -= 54;
  return m;
}

/**
 * Where m's entry c_j sits in LOG_TABLE, j = round((m - 1) 128): m - 1 and the scaling are
 * exact, and adding 64.5 makes the truncation of | 0 a floor of a positive number.
 */
function logIndex(m: number): number {
  return 5 * ((((m - 1) * 128 + 64.5) | 0) - 64 + T.LOG_TABLE_OFFSET);
}

/**
 * log1p(f) for |f| < 1/16: f - f^2/2 + f^3 P(f), f - f^2/2 summed exactly; f^2/2 is at
 * most 2^-5 of the result, so its own rounding does not show.
 */
function logNearOne(f: number): number {
  const h = 0.5 * f * f;
  const b = f - h;
  const bErr = (f - b) - h;
  const poly = N0 + f * (N1 + f * (N2 + f * (N3 + f * (N4 + f * (N5 + f * (N6 + f * (N7 + f * (N8 + f * N9))))))));
  return b + (bErr + f * f * f * poly);
}

/**
 * log(x) + extra away from 1 (|x - 1| >= 1/16, so |log x| >= 0.06), for finite x > 0:
 *   e ln2 - log(c_j) + log1p(r), r = (m - 1/c_j) c_j = m c_j - 1.
 * m - hi(1/c_j) is exact (Sterbenz), so r carries two roundings, 2^-60 at most: 2^-56 of
 * the result. e ln2 - log(c_j) is exact in its high parts, and the sum with r is recovered.
 */
function logAwayFromOne(x: number, extra: number): number {
  const m = logMantissa(x);
  const e = logExponent;
  const i = logIndex(m);
  const r = ((m - LOG_TABLE[i + 1]) - LOG_TABLE[i + 2]) * LOG_TABLE[i];
  // e * LN2_HI + (-log c_j)_hi is exact: both are on a grid of 2^-42, and below 2^10
  const a = e * T.LN2_HI + LOG_TABLE[i + 3];
  const s = a + r;
  const sErr = (a - s) + r; // |a| > 0.06 > |r|: the fast two-sum is exact
  const tail = r * r * (-0.5 + r * (A0 + r * (A1 + r * (A2 + r * (A3 + r * A4)))));
  return s + ((sErr + tail) + (e * T.LN2_LO + LOG_TABLE[i + 4] + extra));
}

export function log(x: number): number {
  if (!(x > 0 && x < Infinity)) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  const f = x - 1; // exact near 1 (Sterbenz)
  return Math.abs(f) < T.LOG_NEAR_ONE ? logNearOne(f) : logAwayFromOne(x, 0);
}

/**
 * log(1 + x): the series for |x| < 1/16, where x itself is the argument; beyond, 1 + x is
 * formed as a double-double u + uErr and log(u + uErr) = log(u) + uErr/u.
 */
export function log1p(x: number): number {
  if (!(x > -1 && x < Infinity)) return x === -1 ? -Infinity : x === Infinity ? x : NaN;
  if (Math.abs(x) < T.LOG_NEAR_ONE) return x === 0 ? x : logNearOne(x); // keeps -0
  const u = 1 + x;
  return logAwayFromOne(u, twoSumError(1, x, u) / u);
}

/** log1p(r) - r + r^2/2 for |r| <= 0.0055, to 2^-53 relative (for logSplit). */
function logRemainder(r: number): number {
  return r * r * r * (LOG_Q0 + r * (LOG_Q1 + r * (LOG_Q2 + r * (LOG_Q3 + r * (LOG_Q4 + r * (LOG_Q5 + r * LOG_Q6))))));
}


/**
 * log(x) as a double-double for finite x > 0, within about 2^-68 relative (for pow,
 * where y log x magnifies every error of log x): returns hi, logSplitLow() is the low part.
 *   e ln2 - log(c_j) + r - r^2/2 + remainder(r) + rLo (1 - r)
 * with r + rLo = m c_j - 1 exactly and every rounding of the leading terms recovered, so
 * no window near 1 is needed.
 */
export function logSplit(x: number): number {
  const m = logMantissa(x);
  const e = logExponent;
  const i = logIndex(m);
  const c = LOG_TABLE[i];
  // m c - 1 exactly, as r + rLo: with m = mHi + mLo split (Dekker) into 26 and 27 bits and c
  // of 26 bits, mHi c - 1 is exact (the product has 52 bits, and lies within 0.6% of 1),
  // mLo c is below 2^-25 and rounds by 2^-78 at most, and the sum's error is recovered
  const t = SPLITTER * m;
  const mHi = t - (t - m);
  const r0 = mHi * c - 1;
  const mLoC = (m - mHi) * c;
  const r = r0 + mLoC;
  const rLo = (r0 - r) + mLoC;
  const a = e * T.LN2_HI + LOG_TABLE[i + 3];
  const rr = r * r;
  const h = 0.5 * rr;
  const b = r - h;
  const bErr = (r - b) - h;
  // |a| > |b| unless a = 0 (then e = 0, c_j = 1): the fast two-sum is exact
  const s = a + b;
  const sErr = (a - s) + b;
  const lo = (sErr + bErr - 0.5 * twoProductError(r, r, rr)) + (e * T.LN2_LO + LOG_TABLE[i + 4])
    + (rLo * (1 - r) + logRemainder(r));
  const hi = s + lo;
  LOW_PARTS[LOG_SPLIT_LOW] = lo - (hi - s);
  return hi;
}

/** The low part of the last logSplit. */
export function logSplitLow(): number {
  return LOW_PARTS[LOG_SPLIT_LOW];
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
