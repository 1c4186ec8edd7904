/**
 * Our exp, expm1, log1p, tanh and erfc (numerics/) on two doubles at a time, as
 * f64x2 code emitted through a VectorBuilder. Each function here is the scalar
 * function of the same name transcribed operation for operation (the same
 * tables, the same constants, the same order of rounding), with its branches
 * turned into lane-wise selects, so a lane gets exactly the bits the scalar
 * JavaScript returns (test/unit/engine/simd/vector-numerics.test.ts compares them).
 * Keep the two in step: a change to numerics/exp-log.ts, hyperbolic.ts or
 * erf.ts needs the same change here, or that test fails.
 *
 * Branches that most inputs skip sit behind `ifAny`, so a pair of lanes that
 * needs no slow path pays nothing for it.
 */
import * as T from '../numerics/elementary-tables';
import * as N from '../numerics/tables';
import { powerOfTwo } from '../numerics/float-bits';
import type { RootBand } from '../numerics/root-band';
import { type Vec, VectorBuilder } from './vector-builder';

/** 2^27 + 1, Dekker's splitting constant (numerics/double-double.ts). */
const SPLITTER = 134217729;
const ROUNDING_SHIFT = 6755399441055744;
const EXP_OVERFLOW = 709.79;
const EXP_UNDERFLOW = -745.2;
const EXP_USUAL = 707;
/**
 * The bits of the largest double below EXP_USUAL: for |x| (sign clear, so its bits order as
 * signed i64 as its values do, NaN above Infinity), |x| < 707 is bits(|x|) <= this, one
 * i64x2.gt_s and an any_true to test, where f64x2.lt and all_true cost V8 five instructions.
 */
const EXP_USUAL_LAST_BITS = bitsOf(EXP_USUAL) - 1n;
/** The same bound for an argument with its sign bit set: -707's bits as signed i64, less one. */
const EXP_USUAL_NEGATIVE_LAST_BITS = bitsOf(-EXP_USUAL) - 1n;

function bitsOf(x: number): bigint {
  return new BigInt64Array(new Float64Array([x]).buffer)[0]!;
}
const EXPM1_SATURATION = 40;
const EXPM1_PLAIN = -3;
const SMALLEST_NORMAL_HIGH_WORD = 0x00100000;
const TANH_TINY = powerOfTwo(-27);
const TANH_SATURATION = 22;
const TANH_PLAIN = 2;
const ERFC_UNDERFLOW = 27.3;
const ERF_SATURATES = 6;

/** c[0] + t (c[1] + t (... + t c[n-1])), innermost first, as the scalar code nests it. */
export function nested(v: VectorBuilder, c: readonly number[], t: Vec): Vec {
  let s = v.c(c[c.length - 1]);
  for (let i = c.length - 2; i >= 0; i--) s = v.add(v.c(c[i]), v.mul(t, s));
  return s;
}

/** twoSumError (numerics/double-double.ts). */
export function twoSumError(v: VectorBuilder, a: Vec, b: Vec, s: Vec): Vec {
  const bVirtual = v.sub(s, a);
  return v.add(v.sub(a, v.sub(s, bVirtual)), v.sub(b, bVirtual));
}

/** twoProductError (numerics/double-double.ts). */
export function twoProductError(v: VectorBuilder, a: Vec, b: Vec, p: Vec): Vec {
  let t = v.mul(v.c(SPLITTER), a);
  const aHi = v.sub(t, v.sub(t, a));
  const aLo = v.sub(a, aHi);
  t = v.mul(v.c(SPLITTER), b);
  const bHi = v.sub(t, v.sub(t, b));
  const bLo = v.sub(b, bHi);
  return v.add(v.add(v.add(v.sub(v.mul(aHi, bHi), p), v.mul(aHi, bLo)), v.mul(aLo, bHi)), v.mul(aLo, bLo));
}

/** evaluatePolynomial (numerics/polynomial.ts) with the same coefficients in both lanes. */
export function polynomial(v: VectorBuilder, c: readonly number[], t: Vec): Vec {
  let r = v.c(c[c.length - 1]);
  for (let i = c.length - 2; i >= 2; i--) r = v.add(v.mul(r, t), v.c(c[i]));
  return v.add(v.c(c[1]), v.add(v.c(c[0]), v.mul(r, t)));
}

/**
 * evaluatePolynomial with each lane's own row of `rows` (piecewise fits), the row
 * chosen by `piece`, an integer-valued f64. Shorter rows are padded with zeros at
 * the top: Horner then starts with zeros and, at the row's real leading coefficient,
 * holds exactly what the scalar loop starts with (0 t + c = c), so the bits match.
 */
export function piecewisePolynomial(v: VectorBuilder, rows: readonly (readonly number[])[], piece: Vec, t: Vec): Vec {
  const { offset, stride, width } = v.tables.placeRows(rows);
  const at = v.laneAddresses(piece, rows.length, offset, stride);
  let r = v.gather(at, (width - 1) * 8);
  for (let i = width - 2; i >= 2; i--) r = v.add(v.mul(r, t), v.gather(at, i * 8));
  return v.add(v.gather(at, 8), v.add(v.gather(at, 0), v.mul(r, t)));
}

/** y * 2^n for i64 n, as exp finishes: one multiplication in range, two steps beyond (scaleByPowerOfTwo). */
function scaleByPowerOfTwo(v: VectorBuilder, y: Vec, n: Vec): Vec {
  const high = v.igt(n, v.ci(1023));
  const low = v.ilt(n, v.ci(-1022));
  const first = v.select(high, v.ci(1023), v.select(low, v.iadd(n, v.ci(600)), n));
  const second = v.select(high, v.isub(n, v.ci(1023)), v.select(low, v.ci(-600), v.ci(0)));
  // in range the second factor is 2^0 = 1: y 2^n 1 is y 2^n, the scalar's one product
  return v.mul(v.mul(y, v.powerOfTwo(first)), v.powerOfTwo(second));
}

/** expRemainder: exp(r) - 1 - r. */
function expRemainder(v: VectorBuilder, r: Vec): Vec {
  return v.mul(v.mul(r, r), nested(v, T.EXP_POLY.slice(0, 5), r));
}

/**
 * k = round(x 128/ln2) as an f64, and as i64 in the low bits of s = k + 1.5 2^52 (whose own
 * bits are 0 below bit 51, so s's low 51 bits are k's two's complement), with j = k mod 128.
 */
function expReduction(v: VectorBuilder, x: Vec): { k: Vec; s: Vec; j: Vec } {
  const s = v.add(v.mul(x, v.c(T.EXP_INV_LN2_N)), v.c(ROUNDING_SHIFT));
  const k = v.sub(s, v.c(ROUNDING_SHIFT));
  return { k, s, j: v.iand(s, (1 << T.EXP_TABLE_BITS) - 1) };
}

/** n = (k - j)/128, signed (for the range checks of scaleByPowerOfTwo). */
function expExponent(v: VectorBuilder, kInt: Vec): Vec {
  return v.shrS(kInt, T.EXP_TABLE_BITS);
}

/**
 * 2^n for n = (k - j)/128 in [-1022, 1023]. The logical shift gives n's low bits as the
 * arithmetic one does, and powerOfTwo keeps only the low 11 bits of n + 1023; i64x2.shr_s
 * has no SSE instruction (V8 spends six on it), shr_u has one.
 */
function expScale(v: VectorBuilder, kInt: Vec): Vec {
  return v.powerOfTwo(v.shrU(kInt, T.EXP_TABLE_BITS));
}

/** The two table entries 2^(j/128) as hi and lo. */
function expTable(v: VectorBuilder, j: Vec): [Vec, Vec] {
  return v.gatherPair(v.laneOffsetsOfInt(j, 4), v.tables.place(T.EXP_TABLE)); // 16 bytes an entry
}

/** exp (numerics/exp-log.ts). */
export function exp(v: VectorBuilder, x: Vec): Vec {
  return expWithCheck(v, x, v.igt(v.abs(x), v.ci(EXP_USUAL_LAST_BITS)));
}

/**
 * exp(-|x|), as exp(v, v.neg(v.abs(x))) gives it, in two instructions fewer: -|x| is x with
 * its sign bit set, and an argument whose sign bit is set orders as signed i64 bits the other
 * way round (-0 the least, NaN above every number), so one compare finds it below -707.
 */
export function expOfMinusAbs(v: VectorBuilder, x: Vec): Vec {
  const t = v.negAbs(x);
  return expWithCheck(v, t, v.igt(t, v.ci(EXP_USUAL_NEGATIVE_LAST_BITS)));
}

/** exp, with `unusual` the lanes where |x| < 707 fails (or x is NaN). */
function expWithCheck(v: VectorBuilder, x: Vec, unusual: Vec): Vec {
  const { k, s, j } = expReduction(v, x);
  const r = v.sub(v.sub(x, v.mul(k, v.c(T.EXP_LN2_N_HI))), v.mul(k, v.c(T.EXP_LN2_N_LO)));
  const [tHi, tLo] = expTable(v, j);
  const y = v.add(tHi, v.add(tLo, v.mul(tHi, v.add(r, expRemainder(v, r)))));
  // |x| < 707 keeps n within [-1021, 1021]: y 2^n is a normal double, exactly y with n
  // added to its exponent field, the scalar's one product bit for bit (s's bits 7 to 18 are
  // n's low twelve, all the field's addition keeps). The two-step scaling and the limits
  // only when a lane lies beyond (or is NaN)
  const result = v.variable(v.iadd(y, v.shl(v.shrU(s, T.EXP_TABLE_BITS), 52)));
  v.ifRare(unusual, () => {
    const kInt = v.shiftedToInt(s);
    const scaled = scaleByPowerOfTwo(v, y, expExponent(v, kInt));
    const under = v.select(v.lt(x, v.c(EXP_UNDERFLOW)), v.c(0), scaled);
    const big = v.select(v.gt(x, v.c(0)), v.c(Infinity), x);
    v.assign(result, v.select(unusual, v.select(v.not(v.lt(x, v.c(EXP_OVERFLOW))), big, under), result));
  });
  return result;
}

const enum ExpResult { Rounded, MinusOne, Split }

/** What expKernel shares with exp: the reduction's k, r and its error, the table entry, exp(r) - 1 - r. */
interface ExpParts { kInt: Vec; r: Vec; rErr: Vec; tHi: Vec; tLo: Vec; remainder: Vec }

/** `own`: lanes whose remainder is taken of x itself instead of r (expm1's series lanes, whose kernel is discarded). */
function expKernelStart(v: VectorBuilder, x: Vec, xLo: Vec, own?: Vec): ExpParts {
  const { k, s, j } = expReduction(v, x);
  const kInt = v.shiftedToInt(s);
  const rHi = v.sub(x, v.mul(k, v.c(T.EXP_LN2_N_HI)));
  const rLo = v.sub(xLo, v.mul(k, v.c(T.EXP_LN2_N_LO)));
  const r = v.add(rHi, rLo);
  const rErr = twoSumError(v, rHi, rLo, r);
  const [tHi, tLo] = expTable(v, j);
  return { kInt, r, rErr, tHi, tLo, remainder: expRemainder(v, own ? v.select(own, x, r) : r) };
}

/**
 * exp(x) as exp() computes it in its usual range (2^n a normal double), from the kernel's
 * parts of x with xLo = 0: exp's r, (x - k HI) - k LO, is the kernel's rHi + (0 - k LO) bit
 * for bit. Lets expm1, which needs both, reduce once.
 */
function expFromParts(v: VectorBuilder, { kInt, r, tHi, tLo, remainder }: ExpParts): Vec {
  return v.mul(v.add(tHi, v.add(tLo, v.mul(tHi, v.add(r, remainder)))), expScale(v, kInt));
}

/** expKernel (numerics/exp-log.ts): exp(x + xLo) rounded, exp(x) - 1, or exp(x) as hi and lo. */
function expKernel(v: VectorBuilder, x: Vec, result: ExpResult, xLo: Vec = v.c(0)): [Vec, Vec] {
  return expKernelFinish(v, expKernelStart(v, x, xLo), result);
}

function expKernelFinish(v: VectorBuilder, { kInt, r, rErr, tHi, tLo, remainder }: ExpParts, result: ExpResult): [Vec, Vec] {
  const onePlusR = v.add(v.c(1), r);
  const pLo = v.add(remainder, v.mul(rErr, onePlusR));
  const a = v.mul(tHi, r);
  const aErr = twoProductError(v, tHi, r, a);
  const s = v.add(tHi, a);
  const sErr = v.add(v.sub(tHi, s), a);
  const lo = v.add(v.add(v.add(sErr, aErr), v.mul(tHi, pLo)), v.mul(tLo, onePlusR));
  if (result === ExpResult.Rounded) return [scaleByPowerOfTwo(v, v.add(s, lo), expExponent(v, kInt)), v.c(0)];
  const scale = expScale(v, kInt);
  if (result === ExpResult.Split) {
    const hi = v.add(s, lo);
    return [v.mul(hi, scale), v.mul(v.sub(lo, v.sub(hi, s)), scale)];
  }
  const big = v.mul(s, scale);
  const d = v.sub(big, v.c(1));
  return [v.add(d, v.add(twoSumError(v, big, v.c(-1), d), v.mul(lo, scale))), v.c(0)];
}

/**
 * expm1 (numerics/exp-log.ts). Below 40 its three branches share one reduction and one
 * remainder polynomial (expFromParts), the series lanes (|x| < ln2/256) taking the remainder
 * of x instead of r. Each branch's finish is computed and selected per lane, with no branch:
 * on mixed lanes (elu over [-6, 6]) the branches used to run the reduction two or three times.
 */
export function expm1(v: VectorBuilder, x: Vec): Vec {
  const small = v.lt(v.abs(x), v.c(T.EXP_LN2_N_HI / 2));
  const parts = expKernelStart(v, x, v.c(0), small);
  const kernel = expKernelFinish(v, parts, ExpResult.MinusOne)[0];
  // exp(x) for x in [-40, -3): 2^n is a normal double there
  const e = expFromParts(v, parts);
  const plain = v.select(v.lt(x, v.c(-EXPM1_SATURATION)), v.c(-1), v.sub(e, v.c(1)));
  const series = v.select(v.eq(x, v.c(0)), x, v.add(x, parts.remainder));
  const result = v.variable(v.select(v.lt(x, v.c(EXPM1_PLAIN)), plain, v.select(small, series, kernel)));
  const below = v.lt(x, v.c(EXPM1_SATURATION));
  v.ifNotAll(below, () => v.assign(result, v.select(below, result, v.select(v.gt(x, v.c(0)), exp(v, x), x))));
  return result;
}

/** logNearOne: log1p(f) for |f| < 1/16 from its series. */
function logNearOne(v: VectorBuilder, f: Vec): Vec {
  const h = v.mul(v.mul(v.c(0.5), f), f);
  const b = v.sub(f, h);
  const bErr = v.sub(v.sub(f, b), h);
  const poly = nested(v, T.LOG_POLY_NEAR_ONE.slice(0, 10), f);
  return v.add(b, v.add(bErr, v.mul(v.mul(v.mul(f, f), f), poly)));
}

/** logAwayFromOne (numerics/exp-log.ts), with logMantissa and logIndex inlined. */
function logAwayFromOne(v: VectorBuilder, x: Vec, extra: Vec): Vec {
  // logMantissa: subnormals are made normal first (exactly), then m = x 2^-k
  const subnormal = v.ilt(v.shrU(x, 32), v.ci(SMALLEST_NORMAL_HIGH_WORD));
  const xs = v.select(subnormal, v.mul(x, v.c(powerOfTwo(54))), x);
  const k = v.isub(v.shrU(xs, 52), v.ci(1023));
  const m0 = v.mul(v.mul(xs, v.powerOfTwo(v.isub(v.ci(1), k))), v.c(0.5));
  const halve = v.ge(m0, v.c(T.LOG_SPLIT));
  const eInt = v.isub(v.select(halve, v.iadd(k, v.ci(1)), k), v.select(subnormal, v.ci(54), v.ci(0)));
  const m = v.select(halve, v.mul(v.c(0.5), m0), m0);
  const e = v.intToDouble(eInt);
  // logIndex: entry round((m - 1) 128) + offset, five doubles each
  const j = v.floor(v.add(v.mul(v.sub(m, v.c(1)), v.c(128)), v.c(64.5)));
  const base = v.tables.place(T.LOG_TABLE);
  const entries = T.LOG_TABLE.length / 5;
  const at = v.laneAddresses(v.add(j, v.c(T.LOG_TABLE_OFFSET - 64)), entries, base, 40);
  const c = v.gather(at, 0);
  const r = v.mul(v.sub(v.sub(m, v.gather(at, 8)), v.gather(at, 16)), c);
  const a = v.add(v.mul(e, v.c(T.LN2_HI)), v.gather(at, 24));
  const s = v.add(a, r);
  const sErr = v.add(v.sub(a, s), r);
  const tail = v.mul(v.mul(r, r), v.add(v.c(-0.5), v.mul(r, nested(v, T.LOG_POLY_TABLE.slice(0, 5), r))));
  return v.add(s, v.add(v.add(sErr, tail), v.add(v.add(v.mul(e, v.c(T.LN2_LO)), v.gather(at, 32)), extra)));
}

/** log1p (numerics/exp-log.ts). */
export function log1p(v: VectorBuilder, x: Vec): Vec {
  const near = v.lt(v.abs(x), v.c(T.LOG_NEAR_ONE));
  const result = v.variable(v.c(0));
  v.ifAny(v.not(near), () => {
    const u = v.add(v.c(1), x);
    v.assign(result, logAwayFromOne(v, u, v.div(twoSumError(v, v.c(1), x, u), u)));
  });
  v.ifAny(near, () => {
    v.assign(result, v.select(near, v.select(v.eq(x, v.c(0)), x, logNearOne(v, x)), result));
  });
  const valid = v.and(v.gt(x, v.c(-1)), v.lt(x, v.c(Infinity)));
  const edge = v.select(v.eq(x, v.c(-1)), v.c(-Infinity), v.select(v.eq(x, v.c(Infinity)), x, v.c(NaN)));
  return v.select(valid, result, edge);
}

/** tanh (numerics/hyperbolic.ts). */
export function tanh(v: VectorBuilder, x: Vec): Vec {
  const a = v.abs(x);
  const series = v.lt(a, v.c(T.TANH_SERIES_END));
  const plain = v.ge(a, v.c(TANH_PLAIN));
  const positive = v.gt(x, v.c(0));
  const result = v.variable(v.c(0));
  v.ifAny(series, () => {
    const u = v.mul(x, x);
    const t = v.add(x, v.mul(x, v.mul(u, nested(v, T.TANH_POLY.slice(0, 8), u))));
    v.assign(result, v.select(v.lt(a, v.c(TANH_TINY)), x, t));
  });
  v.ifAny(plain, () => {
    const t = v.sub(v.c(1), v.div(v.c(2), v.add(exp(v, v.mul(v.c(2), a)), v.c(1))));
    v.assign(result, v.select(plain, v.select(positive, t, v.neg(t)), result));
  });
  const split = v.not(v.or(series, plain));
  v.ifAny(split, () => {
    const [e, eLo] = expKernel(v, v.mul(v.c(2), a), ExpResult.Split);
    const n = v.sub(e, v.c(1));
    const nLo = v.add(twoSumError(v, e, v.c(-1), n), eLo);
    const d = v.add(e, v.c(1));
    const dLo = v.add(twoSumError(v, e, v.c(1), d), eLo);
    const q = v.div(n, d);
    const qd = v.mul(q, d);
    const t = v.add(q, v.div(v.add(v.sub(v.sub(n, qd), twoProductError(v, q, d, qd)), v.sub(nLo, v.mul(q, dLo))), d));
    v.assign(result, v.select(split, v.select(positive, t, v.neg(t)), result));
  });
  // from 22 on (and NaN): ±1, or x itself
  const saturated = v.and(v.not(series), v.not(v.lt(a, v.c(TANH_SATURATION))));
  const limit = v.select(v.isNaN(x), x, v.select(positive, v.c(1), v.c(-1)));
  return v.select(saturated, limit, result);
}

/** expNegSquare (numerics/exp-log.ts): exp(-x^2) with x^2 carried exactly. */
export function expNegSquare(v: VectorBuilder, x: Vec): Vec {
  const p = v.mul(x, x);
  const e = twoProductError(v, x, x, p);
  const y = v.mul(exp(v, v.neg(p)), v.sub(v.c(1), e));
  return v.select(v.not(v.lt(p, v.c(746))), v.select(v.eq(p, p), v.c(0), p), y);
}

/** expNegHalfSquare (numerics/exp-log.ts): exp(-x^2/2). */
export function expNegHalfSquare(v: VectorBuilder, x: Vec): Vec {
  const p = v.mul(x, x);
  const e = twoProductError(v, x, x, p);
  const y = v.mul(exp(v, v.mul(v.c(-0.5), p)), v.sub(v.c(1), v.mul(v.c(0.5), e)));
  return v.select(v.not(v.lt(p, v.c(1492))), v.select(v.eq(p, p), v.c(0), p), y);
}

/** erfcxLarge (numerics/erf.ts): exp(x^2) erfc(x) for x >= 0.5. */
export function erfcxLarge(v: VectorBuilder, x: Vec): Vec {
  const mid = v.lt(x, v.c(N.ERFCX_MID_END));
  const result = v.variable(v.c(0));
  v.ifAny(mid, () => {
    const k = v.floor(v.mul(v.sub(x, v.c(N.ERFCX_MID_START)), v.c(N.ERFCX_MID_PIECES_PER_UNIT)));
    const centre = v.add(v.c(N.ERFCX_MID_START), v.div(v.add(k, v.c(0.5)), v.c(N.ERFCX_MID_PIECES_PER_UNIT)));
    const t = v.mul(v.sub(x, centre), v.c(2 * N.ERFCX_MID_PIECES_PER_UNIT));
    v.assign(result, piecewisePolynomial(v, N.ERFCX_MID, k, t));
  });
  v.ifAny(v.not(mid), () => {
    const tail = v.div(polynomial(v, N.ERFCX_TAIL, v.div(v.c(1), v.mul(x, x))), x);
    v.assign(result, v.select(mid, result, tail));
  });
  return result;
}

/** erfcShifted (numerics/erf.ts): erfc(hi + lo) for a double-double argument. */
export function erfcShifted(v: VectorBuilder, hi: Vec, lo: Vec): Vec {
  const a = v.abs(hi);
  const small = v.lt(a, v.c(N.ERF_SMALL_END));
  const positive = v.gt(hi, v.c(0));
  const result = v.variable(v.c(0));
  v.ifAny(small, () => {
    const erfPart = v.mul(hi, polynomial(v, N.ERF_SMALL, v.mul(hi, hi)));
    const shift = v.mul(v.mul(lo, v.c(N.TWO_OVER_SQRT_PI_HI)), v.sub(v.c(1), v.mul(hi, hi)));
    v.assign(result, v.sub(v.c(1), v.add(erfPart, shift)));
  });
  v.ifAny(v.not(small), () => {
    const shift = v.select(positive, lo, v.neg(lo));
    const tail = v.mul(expNegSquare(v, a), v.sub(erfcxLarge(v, a), v.mul(shift, v.c(N.TWO_OVER_SQRT_PI_HI))));
    let y = v.select(positive, tail, v.sub(v.c(2), tail));
    y = v.select(v.isNaN(hi), hi, y);
    y = v.select(v.lt(hi, v.c(-ERF_SATURATES)), v.c(2), y);
    y = v.select(v.gt(hi, v.c(ERFC_UNDERFLOW)), v.c(0), y);
    v.assign(result, v.select(small, result, y));
  });
  return result;
}

/** erfc (numerics/erf.ts). */
export function erfc(v: VectorBuilder, x: Vec): Vec {
  return erfcShifted(v, x, v.c(0));
}

/** evaluateNearRoot (numerics/root-band.ts): f'(x + xLo) = d P(d) inside the band. */
export function nearRoot(v: VectorBuilder, band: RootBand, x: Vec, xLo: Vec): Vec {
  const d = v.add(v.sub(x, v.c(band.rootHi)), v.sub(xLo, v.c(band.rootLo)));
  const k = v.floor(v.mul(v.sub(x, v.c(band.start)), v.c(N.ROOT_PIECES_PER_UNIT)));
  const centres = v.tables.place(band.centres);
  const centre = v.gather(v.laneAddresses(k, band.centres.length, centres, 8), 0);
  return v.mul(d, piecewisePolynomial(v, band.polys, k, v.mul(v.sub(d, centre), v.c(N.ROOT_PIECE_SCALE))));
}
