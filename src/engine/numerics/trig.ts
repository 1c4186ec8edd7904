/**
 * sin, cos and tan of our own, within an ulp for every double and the same bits on
 * every JavaScript engine (ECMAScript leaves Math.sin's accuracy to the implementation).
 *
 * Reduction to x = n pi/2 + r, |r| <= pi/4, r as a double-double y + yLo:
 *  - |x| < 823549 (n < 2^19): Cody-Waite, as fdlibm's __ieee754_rem_pio2 does it: pi/2 in
 *    33-bit pieces, so n * piece is exact; the second and third pieces are subtracted only
 *    when the first leaves a small r, i.e. when x lies close to a multiple of pi/2, so r
 *    keeps its relative accuracy however close that is;
 *  - beyond: exactly, with 2/pi to 1280 bits and BigInt (Payne-Hanek). For x = M 2^E the
 *    integer product M * floor(2^1280 2/pi) holds n mod 4 and the fraction of x 2/pi to far
 *    more than the 160 bits taken from it, whatever E is. Slow (microseconds), and only
 *    huge arguments, which no data set or initialisation produces, take it.
 * Kernels on |r| <= pi/4: sin r = r - r^3/6 + r^5 S(r^2) and cos r = 1 - r^2/2 + r^4 C(r^2),
 * the leading terms carried in double-double: r^3/6 is a tenth of sin r at pi/4, and
 * rounding r^2 would cost cos a third of an ulp there. Each kernel's result is a
 * double-double too, so tan = sin/cos is a double-double quotient rounded once.
 */
import { twoProductError, twoSumError } from './double-double';
import { highWord, lowWord, powerOfTwo, ROUNDING_SHIFT } from './float-bits';
import * as T from './elementary-tables';

const [S0, S1, S2, S3, S4, S5] = T.SIN_POLY;
const [C0, C1, C2, C3, C4, C5] = T.COS_POLY;
/** Below this |x|, sin x = x and tan x = x to within half an ulp (x^3/3 < 2^-54 x), and cos x = 1. */
export const TINY = powerOfTwo(-27);
/** The double just below pi/4: arguments up to it need no reduction. */
export const PI_OVER_4 = 0.7853981633974483;
/** Cody-Waite's second piece is needed once the first leaves r below |x| 2^-15, the third below |x| 2^-48 (fdlibm uses 2^-16 and 2^-49; earlier is only safer). */
export const SECOND_PIECE = powerOfTwo(-15);
const THIRD_PIECE = powerOfTwo(-48);
/** floor(2^1280 2/pi). */
const TWO_OVER_PI = BigInt('0x' + T.TWO_OVER_PI_HEX);
/** 2^27 + 1: Dekker's splitting constant (as in double-double.ts). */
const SPLITTER = 134217729;
/** Bits of the fraction of x 2/pi kept from the exact product. */
const FRACTION_BITS = 160;
const FRACTION_SCALE = powerOfTwo(-FRACTION_BITS);

/**
 * Results handed from a function to its caller beyond the one it returns. A Float64Array
 * rather than `let` variables: V8 boxes a double held in a module variable, one allocation
 * a store, and the kernels store on every call.
 */
const OUT = new Float64Array(7);
/** Set by reduceLarge: the reduced argument y + yLo. */
const LARGE_HI = 0;
const LARGE_LO = 1;
/** Set by reduceSlow: the reduced argument y + yLo. */
const SLOW_HI = 2;
const SLOW_LO = 3;
/** Set by withLow: the low part of its result. */
const WITH_LOW_REST = 4;
/** Set by the kernels: the low part of their double-double result (for tan). */
const KERNEL_LOW = 5;

/** x = n pi/2 + y + yLo (left in OUT), |y| <= pi/4, for |x| >= TRIG_MEDIUM_LIMIT; returns n mod 4. */
function reduceLarge(x: number): number {
  const high = highWord(x);
  // |x| = M 2^E with M a 53-bit integer (x is normal here: |x| >= 823549)
  const e = ((high >>> 20) & 0x7ff) - 1075;
  const mantissa = (BigInt((high & 0xfffff) | 0x100000) << 32n) | BigInt(lowWord(x));
  // M floor(2^1280 2/pi) = |x| 2/pi 2^shift, short by less than M 2^E 2^-1280 < 2^(53 - shift), shift >= 309
  const shift = BigInt(T.TWO_OVER_PI_BITS - e);
  const product = mantissa * TWO_OVER_PI;
  let n = Number((product >> shift) & 3n);
  let fraction = product & ((1n << shift) - 1n);
  if (fraction >= 1n << (shift - 1n)) {
    fraction -= 1n << shift; // into [-1/2, 1/2): round n to nearest
    n = (n + 1) & 3;
  }
  const top = fraction >> (shift - BigInt(FRACTION_BITS));
  const hi = Number(top); // an integer-valued double, so BigInt(hi) is exact
  const lo = Number(top - BigInt(hi));
  const f = hi * FRACTION_SCALE;
  const fLo = lo * FRACTION_SCALE;
  // r = (f + fLo) pi/2 in double-double
  const p = f * T.PIO2_HI;
  const pLo = twoProductError(f, T.PIO2_HI, p) + (f * T.PIO2_LO + fLo * T.PIO2_HI);
  const y = p + pLo;
  const yErr = pLo - (y - p);
  if (x < 0) {
    OUT[LARGE_HI] = -y;
    OUT[LARGE_LO] = -yErr;
    return (4 - n) & 3;
  }
  OUT[LARGE_HI] = y;
  OUT[LARGE_LO] = yErr;
  return n;
}

/**
 * x + lo = n pi/2 + y + yLo (left in OUT), |y| <= pi/4 and a hair, for finite |x| > pi/4
 * and |lo| <= ulp(x); returns n mod 4. Cody-Waite, taking the second and third pieces of
 * pi/2 only when the first leaves a small r (x close to a multiple of pi/2), so r keeps its
 * relative accuracy however close that is; or, for huge x, the exact reduction.
 */
function reduceSlow(x: number, lo: number): number {
  const a = Math.abs(x);
  let n: number;
  let y: number;
  let yLo: number;
  if (a < T.TRIG_MEDIUM_LIMIT) {
    n = (x * T.INV_PIO2 + ROUNDING_SHIFT) - ROUNDING_SHIFT;
    let r = x - n * T.PIO2_1; // exact: n * PIO2_1 has at most 52 bits and lies within a factor 2 of x
    let w = n * T.PIO2_1T;
    y = r - w;
    if (Math.abs(y) < a * SECOND_PIECE) {
      // r lost its leading bits to cancellation: take 33 more bits of pi/2
      let t = r;
      w = n * T.PIO2_2;
      r = t - w;
      w = n * T.PIO2_2T - ((t - r) - w);
      y = r - w;
      if (Math.abs(y) < a * THIRD_PIECE) {
        t = r;
        w = n * T.PIO2_3;
        r = t - w;
        w = n * T.PIO2_3T - ((t - r) - w);
        y = r - w;
      }
    }
    yLo = (r - y) - w;
  } else {
    n = reduceLarge(x);
    y = OUT[LARGE_HI];
    yLo = OUT[LARGE_LO];
  }
  OUT[SLOW_HI] = withLow(y, yLo, lo);
  OUT[SLOW_LO] = OUT[WITH_LOW_REST];
  return n & 3;
}

/**
 * (y + yLo) + lo as a normalised double-double: lo, up to an ulp of the unreduced x, can
 * cancel most of y when x lies close to a multiple of pi/2, so it joins y exactly.
 */
function withLow(y: number, yLo: number, lo: number): number {
  const t = y + lo;
  const rest = twoSumError(y, lo, t) + yLo;
  const sum = t + rest;
  OUT[WITH_LOW_REST] = rest - (sum - t);
  return sum;
}

/** Dekker's split of -1/6, the cubic coefficient, for the exact product in sinKernel. */
export const CUBIC_HI_HIGH = SPLITTER * T.SIN_CUBIC_HI - (SPLITTER * T.SIN_CUBIC_HI - T.SIN_CUBIC_HI);
export const CUBIC_HI_LOW = T.SIN_CUBIC_HI - CUBIC_HI_HIGH;

/**
 * sin(y + lo) for |y| <= pi/4, |lo| <= ulp(y); returns hi, leaves the low part in OUT.
 * y^3 and -y^3/6 are exact double-doubles (Dekker's products, written out so that y, y^2
 * and y^3 are split once each: V8 inlines by bytecode size, and four calls would not fit).
 */
function sinKernel(y: number, lo: number): number {
  let t = SPLITTER * y;
  const yH = t - (t - y);
  const yL = y - yH;
  const z = y * y;
  const zErr = ((yH * yH - z) + 2 * yH * yL) + yL * yL;
  const v = z * y;
  t = SPLITTER * z;
  const zH = t - (t - z);
  const zL = z - zH;
  const vErr = (((zH * yH - v) + zH * yL + zL * yH) + zL * yL) + zErr * y;
  const c = v * T.SIN_CUBIC_HI;
  t = SPLITTER * v;
  const vH = t - (t - v);
  const vL = v - vH;
  const cErr = (((vH * CUBIC_HI_HIGH - c) + vH * CUBIC_HI_LOW + vL * CUBIC_HI_HIGH) + vL * CUBIC_HI_LOW)
    + (vErr * T.SIN_CUBIC_HI + v * T.SIN_CUBIC_LO);
  const rest = v * z * (S0 + z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * S5)))));
  // sin(y + lo) = sin y + lo cos y, and cos y = 1 - z/2 to the precision lo needs
  const tail = cErr + rest + lo * (1 - 0.5 * z);
  const s = y + c;
  const sErr = (y - s) + c; // |y| > |c|: the fast two-sum is exact
  const low = sErr + tail;
  const hi = s + low;
  OUT[KERNEL_LOW] = low - (hi - s);
  return hi;
}

/** cos(y + lo) for |y| <= pi/4, |lo| <= ulp(y); returns hi, leaves the low part in OUT. */
function cosKernel(y: number, lo: number): number {
  const t = SPLITTER * y;
  const yH = t - (t - y);
  const yL = y - yH;
  const z = y * y;
  // (y + lo)^2 = z + zLo to first order in lo (Dekker's square)
  const zLo = (((yH * yH - z) + 2 * yH * yL) + yL * yL) + 2 * y * lo;
  const h = 0.5 * z;
  const w = 1 - h;
  const wErr = (1 - w) - h; // both subtractions exact (Sterbenz): w's rounding error
  const tail = z * z * (C0 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * C5))))) - 0.5 * zLo;
  const low = wErr + tail;
  const hi = w + low;
  OUT[KERNEL_LOW] = low - (hi - w);
  return hi;
}

/** (a + aLo) / (b + bLo), rounded once: one Newton correction of a / b. */
function quotient(a: number, aLo: number, b: number, bLo: number): number {
  const q = a / b;
  const qb = q * b;
  const remainder = ((a - qb) - twoProductError(q, b, qb)) + (aLo - q * bLo);
  return q + remainder / b;
}

/**
 * sin(x + lo), or cos(x + lo) when `cosine`, for finite x and |lo| <= ulp(x). Arguments of
 * ordinary size take Cody-Waite's first piece inline; the rest goes to reduceSlow. Kept to
 * locals and small enough for V8 to inline into activation loops: handing values through
 * module variables, or a call it does not inline, costs a third of the speed.
 */
function sinOrCos(x: number, lo: number, cosine: boolean): number {
  const a = Math.abs(x);
  let n = 0;
  let y = x;
  let yLo = lo;
  if (a > PI_OVER_4) {
    n = (x * T.INV_PIO2 + ROUNDING_SHIFT) - ROUNDING_SHIFT;
    const r = x - n * T.PIO2_1; // exact below TRIG_MEDIUM_LIMIT (see reduceSlow)
    const w = n * T.PIO2_1T;
    y = r - w;
    if (a < T.TRIG_MEDIUM_LIMIT && Math.abs(y) >= a * SECOND_PIECE) {
      // y + lo cannot cancel here (|y| > 2^-15 |x|): a plain sum, renormalised
      yLo = ((r - y) - w) + lo;
      const sum = y + yLo;
      yLo = yLo - (sum - y);
      y = sum;
    } else {
      n = reduceSlow(x, lo);
      y = OUT[SLOW_HI];
      yLo = OUT[SLOW_LO];
    }
  }
  // cos x = sin(x + pi/2): one quadrant on
  switch ((cosine ? n + 1 : n) & 3) {
    case 0: return sinKernel(y, yLo);
    case 1: return cosKernel(y, yLo);
    case 2: return -sinKernel(y, yLo);
    default: return -cosKernel(y, yLo);
  }
}

export function sin(x: number): number {
  if (Math.abs(x) < TINY) return x; // also -0
  if (!(Math.abs(x) < Infinity)) return NaN;
  return sinOrCos(x, 0, false);
}

export function cos(x: number): number {
  if (Math.abs(x) < TINY) return 1;
  if (!(Math.abs(x) < Infinity)) return NaN;
  return sinOrCos(x, 0, true);
}

/** sin/cos, or -cos/sin in the odd quadrants, each a double-double from its kernel. */
export function tan(x: number): number {
  if (Math.abs(x) < TINY) return x;
  if (!(Math.abs(x) < Infinity)) return NaN;
  let n = 0;
  let y = x;
  let yLo = 0;
  if (Math.abs(x) > PI_OVER_4) {
    n = reduceSlow(x, 0);
    y = OUT[SLOW_HI];
    yLo = OUT[SLOW_LO];
  }
  const s = sinKernel(y, yLo);
  const sLo = OUT[KERNEL_LOW];
  const c = cosKernel(y, yLo);
  const cLo = OUT[KERNEL_LOW];
  return (n & 1) === 0 ? quotient(s, sLo, c, cLo) : -quotient(c, cLo, s, sLo);
}

/**
 * sin(x + lo) for a double-double argument (|lo| <= ulp(x)), with one reduction: what
 * sin(x) + lo cos(x) gives at twice the cost (Snake's sin(a x) with a x in double-double).
 */
export function sinOfSum(x: number, lo: number): number {
  if (Math.abs(x) < TINY) return x + lo;
  if (!(Math.abs(x) < Infinity)) return NaN;
  return sinOrCos(x, lo, false);
}
