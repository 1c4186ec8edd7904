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
import { twoProductError } from './double-double';
import { highWord, lowWord, powerOfTwo, ROUNDING_SHIFT } from './float-bits';
import * as T from './elementary-tables';

const [S0, S1, S2, S3, S4, S5] = T.SIN_POLY;
const [C0, C1, C2, C3, C4, C5] = T.COS_POLY;
/** Below this |x|, sin x = x and tan x = x to within half an ulp (x^3/3 < 2^-54 x), and cos x = 1. */
const TINY = powerOfTwo(-27);
/** The double just below pi/4: arguments up to it need no reduction. */
const PI_OVER_4 = 0.7853981633974483;
/** Cody-Waite's second piece is needed once the first leaves r below |x| 2^-15, the third below |x| 2^-48 (fdlibm uses 2^-16 and 2^-49; earlier is only safer). */
const SECOND_PIECE = powerOfTwo(-15);
const THIRD_PIECE = powerOfTwo(-48);
/** floor(2^1280 2/pi). */
const TWO_OVER_PI = BigInt('0x' + T.TWO_OVER_PI_HEX);
/** Bits of the fraction of x 2/pi kept from the exact product. */
const FRACTION_BITS = 160;
const FRACTION_SCALE = powerOfTwo(-FRACTION_BITS);

/** Set by reduce: the reduced argument y + yLo. */
let yHi = 0;
let yLo = 0;

/** x = n pi/2 + (yHi + yLo) with |yHi| <= pi/4 (and a hair); returns n mod 4. Finite x only. */
function reduce(x: number): number {
  const a = Math.abs(x);
  if (a <= PI_OVER_4) {
    yHi = x;
    yLo = 0;
    return 0;
  }
  return a < T.TRIG_MEDIUM_LIMIT ? reduceMedium(x) : reduceLarge(x);
}

function reduceMedium(x: number): number {
  const n = (x * T.INV_PIO2 + ROUNDING_SHIFT) - ROUNDING_SHIFT;
  let r = x - n * T.PIO2_1; // exact: n * PIO2_1 has at most 52 bits and lies within a factor 2 of x
  let w = n * T.PIO2_1T;
  let y = r - w;
  if (Math.abs(y) < Math.abs(x) * SECOND_PIECE) {
    // r lost its leading bits to cancellation: take 33 more bits of pi/2
    let t = r;
    w = n * T.PIO2_2;
    r = t - w;
    w = n * T.PIO2_2T - ((t - r) - w);
    y = r - w;
    if (Math.abs(y) < Math.abs(x) * THIRD_PIECE) {
      t = r;
      w = n * T.PIO2_3;
      r = t - w;
      w = n * T.PIO2_3T - ((t - r) - w);
      y = r - w;
    }
  }
  yHi = y;
  yLo = (r - y) - w;
  return n & 3;
}

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
    yHi = -y;
    yLo = -yErr;
    return (4 - n) & 3;
  }
  yHi = y;
  yLo = yErr;
  return n;
}

/** Set by the kernels: the low part of their double-double result. */
let kernelLow = 0;

/** sin(y + lo) for |y| <= pi/4, |lo| <= ulp(y); returns hi, leaves the low part in kernelLow. */
function sinKernel(y: number, lo: number): number {
  const z = y * y;
  const zErr = twoProductError(y, y, z);
  // y^3 in double-double, then times -1/6 in double-double
  const v = z * y;
  const vErr = twoProductError(z, y, v) + zErr * y;
  const c = v * T.SIN_CUBIC_HI;
  const cErr = twoProductError(v, T.SIN_CUBIC_HI, c) + (vErr * T.SIN_CUBIC_HI + v * T.SIN_CUBIC_LO);
  const rest = v * z * (S0 + z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * S5)))));
  // sin(y + lo) = sin y + lo cos y, and cos y = 1 - z/2 to the precision lo needs
  const tail = cErr + rest + lo * (1 - 0.5 * z);
  const s = y + c;
  const sErr = (y - s) + c; // |y| > |c|: the fast two-sum is exact
  const low = sErr + tail;
  const hi = s + low;
  kernelLow = low - (hi - s);
  return hi;
}

/** cos(y + lo) for |y| <= pi/4, |lo| <= ulp(y); returns hi, leaves the low part in kernelLow. */
function cosKernel(y: number, lo: number): number {
  const z = y * y;
  // (y + lo)^2 = z + zLo to first order in lo
  const zLo = twoProductError(y, y, z) + 2 * y * lo;
  const h = 0.5 * z;
  const w = 1 - h;
  const wErr = (1 - w) - h; // both subtractions exact (Sterbenz): w's rounding error
  const tail = z * z * (C0 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * C5))))) - 0.5 * zLo;
  const low = wErr + tail;
  const hi = w + low;
  kernelLow = low - (hi - w);
  return hi;
}

export function sin(x: number): number {
  if (Math.abs(x) < TINY) return x; // also -0
  if (!(Math.abs(x) < Infinity)) return NaN;
  const n = reduce(x);
  switch (n) {
    case 0: return sinKernel(yHi, yLo);
    case 1: return cosKernel(yHi, yLo);
    case 2: return -sinKernel(yHi, yLo);
    default: return -cosKernel(yHi, yLo);
  }
}

export function cos(x: number): number {
  if (Math.abs(x) < TINY) return 1;
  if (!(Math.abs(x) < Infinity)) return NaN;
  const n = reduce(x);
  switch (n) {
    case 0: return cosKernel(yHi, yLo);
    case 1: return -sinKernel(yHi, yLo);
    case 2: return -cosKernel(yHi, yLo);
    default: return sinKernel(yHi, yLo);
  }
}

/** (a + aLo) / (b + bLo), rounded once: one Newton correction of a / b. */
function quotient(a: number, aLo: number, b: number, bLo: number): number {
  const q = a / b;
  const qb = q * b;
  const remainder = ((a - qb) - twoProductError(q, b, qb)) + (aLo - q * bLo);
  return q + remainder / b;
}

/** sin/cos, or -cos/sin in the odd quadrants, each a double-double from its kernel. */
export function tan(x: number): number {
  if (Math.abs(x) < TINY) return x;
  if (!(Math.abs(x) < Infinity)) return NaN;
  const n = reduce(x);
  const y = yHi;
  const lo = yLo;
  const s = sinKernel(y, lo);
  const sLo = kernelLow;
  const c = cosKernel(y, lo);
  const cLo = kernelLow;
  return (n & 1) === 0 ? quotient(s, sLo, c, cLo) : -quotient(c, cLo, s, sLo);
}
