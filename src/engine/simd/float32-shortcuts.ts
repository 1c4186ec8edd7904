/**
 * Float32 shortcuts: a cheaper f64x2 approximation of a kernel, used where it
 * provably rounds to the float32 the kernel itself gives (Ziv's strategy).
 *
 * A float32 kernel computes in doubles and rounds once to float32 (elementwise-module.ts),
 * and the double carries 29 bits more than the float32 keeps: far more accuracy than the
 * float32 needs, except for the rare result that lies near a midpoint between two float32
 * values. So a shortcut computes the same function within 2^-38 relative error (a
 * polynomial of degree 3 or 4 on exp's 128-entry table; no range checks, no double-double
 * steps), and the loop checks, per lane, that the 29 bits the rounding drops are not within
 * WINDOW of a midpoint's pattern (1 then 28 zeros). 2^-38 relative is at most 2^15 units in
 * the last place of the double (a double holds 2^52 to 2^53 of them), so the kernel's own
 * double lies within WINDOW of the shortcut's: no midpoint between them, the same float32,
 * bit for bit. The JavaScript path (which computes the kernel and stores into a
 * Float32Array) and the wasm path agree by construction. A pair with a lane undecided, or
 * outside the range the bound is proven for (`covered`), runs the kernel itself: on uniform
 * data one pair in a thousand.
 *
 * The check reads bits, no rounding instruction (a narrowing costs two micro-ops on the
 * shuffle port, which bounded the loop), and holds where the float32 is normal: `covered`
 * must also keep out results below 2^-126 in size (whose rounding drops more bits) unless
 * they are float32 values themselves (low 29 bits zero: decided, and exact).
 *
 * The bounds are argued below per function and checked, not trusted: `npm run
 * verify:float32` runs every shortcut over all 2^32 float32 inputs against the JavaScript
 * kernel (bench/verify-float32.ts), and the unit tests over a strided sample of them.
 */
import { EXP_INV_LN2_N, EXP_TABLE, EXP_TABLE_BITS } from '../numerics/elementary-tables';
import { log } from '../numerics/exp-log';
import { powerOfTwo } from '../numerics/float-bits';
import type { Vec, VectorBuilder } from './vector-builder';

/**
 * A shortcut's approximation y of the kernel's double, for the lanes `covered` marks: within
 * 2^-38 relative of it there, and either a normal float32 in size or a float32 value.
 */
export type Float32Shortcut = (v: VectorBuilder, x: Vec, p: readonly Vec[]) => { readonly y: Vec; readonly covered: Vec };

/** Half the width, in units of the double's last place, of the band around a midpoint where rounding counts as undecided: 2^17, four times 2^15. */
export const WINDOW = 0x20000;

const DROPPED_BITS = 29;
/** The dropped bits of a midpoint: 1 then 28 zeros. */
const MIDPOINT = 1 << (DROPPED_BITS - 1);
const DROPPED_MASK = (1 << DROPPED_BITS) - 1;

/** Lane-wise whether y's rounding to float32 is decided, on a covered lane: all ones or zeros per 64-bit lane. */
export function roundingDecided(v: VectorBuilder, y: Vec, covered: Vec): Vec {
  // (dropped - MIDPOINT + WINDOW) mod 2^29 is below 2 WINDOW exactly when dropped is within WINDOW of MIDPOINT
  const shifted = v.iand(v.iadd(y, v.ci(WINDOW - MIDPOINT)), DROPPED_MASK);
  return v.and(v.igt(shifted, v.ci(2 * WINDOW - 1)), covered);
}

/** The smallest normal float32, 2^-126. */
export const SMALLEST_NORMAL_FLOAT32 = powerOfTwo(-126);

/** |x| below this: exp's result a normal double and the exponent added to its bits in range. */
export const SHORTCUT_RANGE = 100;

/** 1.5 * 2^52, as vector-numerics' expReduction rounds with. */
const ROUNDING_SHIFT = 6755399441055744;
/** ln2/128 as one double: Math.LN2 is correctly rounded and /128 exact. */
const LN2_N = Math.LN2 / (1 << EXP_TABLE_BITS);

/**
 * The reduction x = n ln2 + j ln2/128 + r, |r| <= ln2/256 (plus 2^-46): the table entry
 * 2^(j/128) scaled by 2^n as bits (t), and r.
 *
 * r's error: ln2/128's rounding (2^-61) times |k| < 2^15, and k LN2_N's rounding (half an
 * ulp of 100): under 2^-46 absolute, so under 2^-46 relative in exp(r).
 * t: the table's hi part (2^-53 relative) with n added to its exponent field, exact while
 * the result is a normal double, as it is for |x| < SHORTCUT_RANGE.
 */
function reduce(v: VectorBuilder, x: Vec): { t: Vec; r: Vec } {
  const s = v.add(v.mul(x, v.c(EXP_INV_LN2_N)), v.c(ROUNDING_SHIFT));
  const k = v.sub(s, v.c(ROUNDING_SHIFT));
  const r = v.sub(x, v.mul(k, v.c(LN2_N)));
  // s's low bits hold k (two's complement): its low 7 are j; the rest, shifted up by 45,
  // are n in the exponent field (1.5 * 2^52's own bits shift out past bit 63)
  const j = v.iand(s, (1 << EXP_TABLE_BITS) - 1);
  const entry = v.gather(v.laneOffsetsOfInt(j, 4), v.tables.place(EXP_TABLE)); // hi of each 16-byte entry
  const n = v.shl(v.iand(s, -(1 << EXP_TABLE_BITS)), 52 - EXP_TABLE_BITS);
  return { t: v.iadd(entry, n), r };
}

/**
 * exp(x) for |x| < SHORTCUT_RANGE within 2^-38.6 relative: t (1 + q) with q the Taylor
 * polynomial r + r^2 (1/2 + r/6), whose remainder r^4/24 e^|r| is under 2^-38.7 for
 * |r| <= ln2/256; with r's 2^-46 and five roundings, under 2^-38.6.
 */
export function shortcutExp(v: VectorBuilder, x: Vec): Vec {
  const { t, r } = reduce(v, x);
  const q = v.add(r, v.mul(v.mul(r, r), v.add(v.c(0.5), v.mul(r, v.c(1 / 6)))));
  return v.add(t, v.mul(t, q));
}

/**
 * expm1(x) for |x| < SHORTCUT_RANGE, x not 0, within 2^-40.5 relative: (t - 1) + t q with
 * q = r + r^2 (1/2 + r (1/6 + r/24)), so t (1 + q) - 1 with the 1 taken off exactly.
 * Where k = 0 (|x| <= ln2/256) t = 1 and r = x exactly: the result is q, within its
 * remainder r^4/120 relative (under 2^-41). Elsewhere |x| >= ln2/256, so |expm1(x)| >= 2^-8.6,
 * against absolute errors of t r^5/120 (2^-49.5 t), t - 1 (exact by Sterbenz for t in [1/2, 2]
 * and for t in [2, 4), whose last place 2^-51 t - 1 keeps; half an ulp of t - 1 elsewhere, where
 * |expm1| > 1/2), t's rounding (2^-53 t) and r's (2^-53 |x| + 2^-61 |k| in the exponent, at
 * most 2^-52 of |expm1(x)| for |x| <= 1 and 2^-46 beyond); t/|expm1(x)| is at most 2^8.6
 * near 0 and at most 2 once |x| > 1. At 0 the sign of zero would be lost (-0 + 0 is +0):
 * callers leave 0 uncovered.
 */
export function shortcutExpm1(v: VectorBuilder, x: Vec): Vec {
  const { t, r } = reduce(v, x);
  const q = v.add(r, v.mul(v.mul(r, r), v.add(v.c(0.5), v.mul(r, v.add(v.c(1 / 6), v.mul(r, v.c(1 / 24)))))));
  return v.add(v.sub(t, v.c(1)), v.mul(t, q));
}

/** |x| below this for tanh: 2|x| within SHORTCUT_RANGE. */
const TANH_RANGE = 40;

/**
 * tanh(x) for |x| < TANH_RANGE, as q/(q + 2) with q = expm1(2|x|) and x's sign: the quotient's
 * relative error is q's times 2/(q + 2) <= 1, plus three roundings. One formula from 0 to
 * saturation (tanh(9.1) rounds to 1 in float32); results below 2^-126 (|x| < 2^-126, 0) uncovered.
 */
export function shortcutTanh(v: VectorBuilder, x: Vec): { y: Vec; covered: Vec } {
  const a = v.abs(x);
  const q = shortcutExpm1(v, v.add(a, a));
  const t = v.div(q, v.add(q, v.c(2)));
  return { y: v.select(v.lt(x, v.c(0)), v.neg(t), t), covered: v.and(v.lt(a, v.c(TANH_RANGE)), v.ge(t, v.c(SMALLEST_NORMAL_FLOAT32))) };
}

/** |x| below this: sigmoid(x) and x sigmoid(x) normal float32 values (silu(-80) = -1.4e-33). */
export const SIGMOID_RANGE = 80;

/**
 * sigmoid(x) for |x| < SIGMOID_RANGE, as vectorSigmoid with shortcutExp: 1/(1 + e) from 0
 * on, e/(1 + e) below, e = exp(-|x|). The quotient's relative error is at most e's (the
 * derivative of log sigmoid by log e is at most 1 in size) plus two roundings.
 */
export function shortcutSigmoid(v: VectorBuilder, x: Vec): { y: Vec; covered: Vec } {
  const t = v.negAbs(x);
  const e = shortcutExp(v, t);
  const y = v.div(v.select(v.ge(x, v.c(0)), v.c(1), e), v.add(v.c(1), e));
  // sigmoid(-87) = 1.6e-38, a normal float32; -|x| > -80 is |x| < 80 (false for NaN)
  return { y, covered: v.gt(t, v.c(-SIGMOID_RANGE)) };
}

/** Entries of LOG1P_TABLE: c_i = 1 + i/128 for i = 0 ... 128. */
const LOG_STEPS = 128;

/** [log(c_i), 1/c_i] for c_i = 1 + i/128, i = 0 ... 128, by our own log (the same table on every runtime). */
const LOG1P_TABLE: readonly number[] = Array.from({ length: LOG_STEPS + 1 }, (_, i) => [log(1 + i / LOG_STEPS), 1 / (1 + i / LOG_STEPS)]).flat();

/**
 * log1p(e) for e in [0, 1], within 2^-42 relative, as softplus takes it of exp(-|t|).
 * m = 1 + e rounds, but its error d = e - (m - 1) is exact (m - 1 by Sterbenz, Fast2Sum
 * since 1 >= e), and log1p(e) = log(m) + d/m to far below 2^-53 of the result; d/m is taken
 * as d (off by d (m - 1), under 2^-53 of log1p(e)). log(m) = log(c_i) + log1p(r) with c_i the
 * nearest 1 + i/128 and r = (m - c_i)/c_i, |r| <= 1/256: m - c_i is exact ((m - 1) - i/128,
 * Sterbenz for i >= 1), 1/c_i is the table's (2^-53), and log1p(r) the series to r^5/5,
 * whose remainder r^6/6 is under 2^-42.5 relative to r. For i >= 1, log(c_i) >= 2^-8 and
 * every absolute error is under 2^-50.
 */
export function shortcutLog1p(v: VectorBuilder, e: Vec): Vec {
  const m = v.add(v.c(1), e);
  const c = v.sub(m, v.c(1));
  const d = v.sub(e, c);
  const s = v.add(v.mul(c, v.c(LOG_STEPS)), v.c(ROUNDING_SHIFT));
  const i = v.sub(s, v.c(ROUNDING_SHIFT));
  const [logC, inverse] = v.gatherPair(v.laneOffsetsOfInt(v.iand(s, 0xff), 4), v.tables.place(LOG1P_TABLE));
  const r = v.mul(v.sub(c, v.mul(i, v.c(1 / LOG_STEPS))), inverse);
  const series = v.add(r, v.mul(v.mul(r, r), v.add(v.c(-1 / 2), v.mul(r, v.add(v.c(1 / 3), v.mul(r, v.add(v.c(-1 / 4), v.mul(r, v.c(1 / 5)))))))));
  return v.add(logC, v.add(series, d));
}
