/**
 * The bits of a double: its exponent field, and powers of two built from bits.
 *
 * Reading and writing an IEEE 754 double through a typed-array view is exact
 * and identical on every engine, unlike Math.pow(2, n), whose accuracy the
 * ECMAScript specification leaves to the implementation.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the word holding sign, exponent and the top 20 mantissa bits (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/** The upper 32 bits: sign, 11 exponent bits, 20 mantissa bits. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HIGH];
}

/** The lower 32 mantissa bits. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LOW];
}

/** The biased 11-bit exponent field: 1023 + e for a normal 2^e m, 0 for zero and subnormals. */
export function exponentField(x: number): number {
  return (highWord(x) >>> 20) & 0x7ff;
}

/** |x| with its exponent field set to 1023: the mantissa as a number in [1, 2), for normal x. */
export function unitMantissa(x: number): number {
  f64[0] = x;
  u32[HIGH] = (u32[HIGH] & 0x000fffff) | 0x3ff00000;
  return f64[0];
}

/** The double with these two words. */
export function fromWords(high: number, low: number): number {
  u32[HIGH] = high;
  u32[LOW] = low;
  return f64[0];
}

/** 2^n exactly, for integers n in [-1022, 1023] (normal doubles only). */
export function powerOfTwo(n: number): number {
  return fromWords((n + 1023) << 20, 0);
}

/**
 * x * 2^n with a single rounding, for 2^-60 <= |x| < 2^60 and integers |n| <= 1100:
 * where 2^n itself is no normal double, the scale goes in two steps of which the
 * first is exact, so only the last rounds (into the subnormals) or overflows.
 */
export function scaleByPowerOfTwo(x: number, n: number): number {
  if (n > 1023) return x * powerOfTwo(1023) * powerOfTwo(n - 1023);
  if (n < -1022) return x * powerOfTwo(n + 600) * powerOfTwo(-600);
  return x * powerOfTwo(n);
}
