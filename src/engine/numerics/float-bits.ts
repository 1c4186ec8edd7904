/**
 * The bits of a double: its exponent field, and powers of two built from bits.
 *
 * Reading and writing an IEEE 754 double through a typed-array view is exact
 * and identical on every engine, unlike Math.pow(2, n), whose accuracy the
 * ECMAScript specification leaves to the implementation.
 *
 * Speed: the hot paths only ever store a whole double and load one of its words,
 * which the processor forwards from its store buffer. The reverse (storing a word,
 * then loading the double) cannot be forwarded and stalls for some 15 cycles, so
 * powers of two come from a table built once, not from bits per call.
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

/** The double with these two words. */
export function fromWords(high: number, low: number): number {
  u32[HIGH] = high;
  u32[LOW] = low;
  return f64[0];
}

const MIN_EXPONENT = -1022;
const MAX_EXPONENT = 1023;
/** 2^n for n in [-1022, 1023], at index n + 1022. */
const POWERS_OF_TWO = new Float64Array(MAX_EXPONENT - MIN_EXPONENT + 1);
for (let n = MIN_EXPONENT; n <= MAX_EXPONENT; n++) POWERS_OF_TWO[n - MIN_EXPONENT] = fromWords((n + 1023) << 20, 0);

/** 2^n exactly, for integers n in [-1022, 1023] (normal doubles only). */
export function powerOfTwo(n: number): number {
  return POWERS_OF_TWO[n - MIN_EXPONENT];
}

/**
 * x * 2^n with a single rounding, for 2^-60 <= |x| < 2^60 and integers |n| <= 1100:
 * where 2^n itself is no normal double, the scale goes in two steps of which the
 * first is exact, so only the last rounds (into the subnormals) or overflows.
 */
export function scaleByPowerOfTwo(x: number, n: number): number {
  if (n > MAX_EXPONENT) return x * powerOfTwo(MAX_EXPONENT) * powerOfTwo(n - MAX_EXPONENT);
  if (n < MIN_EXPONENT) return x * powerOfTwo(n + 600) * powerOfTwo(-600);
  return x * powerOfTwo(n);
}

/**
 * Rounds to the nearest integer (ties to even) for |x| < 2^51: adding 1.5 * 2^52 leaves no
 * bits below the units, and subtracting it again is exact. A few cycles, where Math.round
 * costs a call in V8.
 */
export const ROUNDING_SHIFT = 6755399441055744;
