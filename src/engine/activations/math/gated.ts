/**
 * Self-gated activations: x * gate(x) with a smooth gate (GELU, SiLU, quick GELU, Mish).
 *
 * Two numerical hazards, both handled here rather than left to the formulas:
 * - the gate's argument is a scaled x (x/sqrt(2), 1.702x, a cubic in x); in the
 *   tails the gate is so sensitive that rounding that scaling costs tens of ulp,
 *   so the argument is carried in double-double;
 * - each derivative has a root at negative x where its formula cancels, and each
 *   second derivative one or two; a fitted polynomial takes over there (numerics/root-band.ts).
 * At -Infinity every function here returns its limit, 0, where the plain formula
 * would give Infinity * 0 = NaN.
 */
import { erfcShifted, erfcxLarge } from '../../numerics/erf';
import { twoProductError, twoSumError } from '../../numerics/double-double';
import { evaluateNearRoot, RootBand } from '../../numerics/root-band';
import * as T from '../../numerics/tables';
import { sigmoid } from './logistic';
import { exp, expNegHalfSquare } from '../../numerics/exp-log';
import { tanh } from '../../numerics/hyperbolic';

// The derivatives' roots (their fits in numerics/tables.ts); the second derivatives' too: GELU's tanh
// form and SiLU are even (their bands are at |x|), Mish has two.
export const GELU_ERF_BAND: RootBand = T.GELU_ERF_GRAD_BAND;
const GELU_TANH_BAND: RootBand = T.GELU_TANH_GRAD_BAND;
export const SILU_BAND: RootBand = T.SILU_GRAD_BAND;
export const MISH_BAND: RootBand = T.MISH_GRAD_BAND;
const GELU_TANH_SECOND_BAND: RootBand = T.GELU_TANH_SECOND_BAND;
const SILU_SECOND_BAND: RootBand = T.SILU_SECOND_BAND;
const MISH_SECOND_POSITIVE_BAND: RootBand = T.MISH_SECOND_POSITIVE_BAND;
const MISH_SECOND_NEGATIVE_BAND: RootBand = T.MISH_SECOND_NEGATIVE_BAND;

// ---- GELU, erf form: x * Phi(x), Phi(x) = erfc(-x/sqrt 2) / 2 ----------------

/** Beyond these, GELU and its derivative are x and 1, or underflow to 0. */
const GELU_POSITIVE_SATURATION = 10;
const GELU_NEGATIVE_UNDERFLOW = -40;

/** Phi(x), the standard normal CDF, with -x/sqrt(2) in double-double. */
function normalCdf(x: number): number {
  const p = x * T.SQRT1_2_HI;
  const lo = twoProductError(x, T.SQRT1_2_HI, p) + x * T.SQRT1_2_LO;
  return 0.5 * erfcShifted(-p, -lo);
}

export function geluErf(x: number): number {
  if (x > GELU_POSITIVE_SATURATION) return x;
  if (x < GELU_NEGATIVE_UNDERFLOW) return 0;
  return x * normalCdf(x);
}

/** d/dx x Phi(x) = Phi(x) + x phi(x). */
export function geluErfGrad(x: number): number {
  if (x >= GELU_ERF_BAND.start && x < GELU_ERF_BAND.end) return evaluateNearRoot(GELU_ERF_BAND, x, 0);
  if (x > GELU_POSITIVE_SATURATION) return 1;
  if (x < GELU_NEGATIVE_UNDERFLOW) return 0;
  const density = T.INV_SQRT_2PI_HI * expNegHalfSquare(x);
  if (x < GELU_ERF_BAND.start) {
    // phi(x) (x + Phi(x)/phi(x)); the Mills ratio Phi/phi = sqrt(pi/2) erfcx(-x/sqrt 2)
    // keeps the two terms' difference exact up to the ratio's own rounding.
    const mills = T.SQRT_PI_OVER_2_HI * erfcxLarge(-x * T.SQRT1_2_HI);
    return density * (x + mills);
  }
  return normalCdf(x) + x * density;
}

/**
 * d^2/dx^2 x Phi(x) = phi(x) (2 - x^2), with x^2 exact: 2 - x^2 then rounds once, so
 * the factor keeps its digits next to its roots at ±sqrt(2).
 */
export function geluErfSecondDerivative(x: number): number {
  const density = T.INV_SQRT_2PI_HI * expNegHalfSquare(x);
  if (density === 0) return 0;
  const p = x * x;
  return density * ((2 - p) - twoProductError(x, x, p));
}

// ---- GELU, tanh form: x * sigmoid(2u), u = sqrt(2/pi) (x + 0.044715 x^3) ------

/**
 * Below u = -69 (x < -11.5) the tanh-form gate 1 + tanh(u) is under 1e-60 and is
 * taken as 0. That is what a 60-digit evaluation of the formula gives (our golden
 * reference) and PyTorch flushes even earlier (u < -19, where tanh(u) rounds to -1).
 * The tanh form means nothing there: at x = -10 it is already 14 orders of
 * magnitude below the erf-form GELU it approximates.
 */
const TANH_GATE_FLUSH = -69;

/** Set by tanhGeluGate: sigmoid(-2u), the gate's complement, so no pair is allocated. */
let tanhGateComplement = 0;

/** Set by tanhGeluArgument: the low part of u. */
let tanhArgumentLow = 0;

/** u = sqrt(2/pi) (x + 0.044715 x^3) as a double-double: returns the high part, tanhArgumentLow the rest. */
function tanhGeluArgument(x: number): number {
  const x2 = x * x;
  const x2e = twoProductError(x, x, x2);
  const x3 = x2 * x;
  const x3e = twoProductError(x2, x, x3) + x2e * x;
  const m = T.GELU_TANH_CUBIC_HI * x3;
  const me = twoProductError(T.GELU_TANH_CUBIC_HI, x3, m) + T.GELU_TANH_CUBIC_HI * x3e + T.GELU_TANH_CUBIC_LO * x3;
  const s = x + m;
  const se = twoSumError(x, m, s) + me;
  const u = T.SQRT_2_OVER_PI_HI * s;
  tanhArgumentLow = twoProductError(T.SQRT_2_OVER_PI_HI, s, u) + T.SQRT_2_OVER_PI_HI * se + T.SQRT_2_OVER_PI_LO * s;
  return u;
}

/**
 * sigmoid(2u) = (1 + tanh u) / 2, with u carried in double-double: the gate's
 * sensitivity to u grows like 2|u|, and u reaches hundreds within |x| < 20.
 */
function tanhGeluGate(x: number): number {
  const u = tanhGeluArgument(x);
  const ue = tanhArgumentLow;
  if (u < TANH_GATE_FLUSH) {
    tanhGateComplement = 1;
    return 0;
  }
  const e = exp(-2 * Math.abs(u));
  const big = 1 / (1 + e);
  const small = e * big;
  const gate = u >= 0 ? big : small;
  const complement = u >= 0 ? small : big;
  // first order in the low part: sigmoid(t + d) = sigmoid(t) (1 + d sigmoid(-t))
  tanhGateComplement = complement * (1 - 2 * ue * gate);
  return gate * (1 + 2 * ue * complement);
}

const GELU_TANH_NEGATIVE_UNDERFLOW = -30;

export function geluTanh(x: number): number {
  if (x > GELU_POSITIVE_SATURATION) return x;
  if (x < GELU_TANH_NEGATIVE_UNDERFLOW) return 0;
  return x * tanhGeluGate(x);
}

/** sigmoid(2u) (1 + 2x u' sigmoid(-2u)), u' = sqrt(2/pi) (1 + 3 * 0.044715 x^2). */
export function geluTanhGrad(x: number): number {
  if (x >= GELU_TANH_BAND.start && x < GELU_TANH_BAND.end) return evaluateNearRoot(GELU_TANH_BAND, x, 0);
  if (x > GELU_POSITIVE_SATURATION) return 1;
  if (x < GELU_TANH_NEGATIVE_UNDERFLOW) return 0;
  const gate = tanhGeluGate(x);
  const slope = T.SQRT_2_OVER_PI_HI * (1 + 3 * T.GELU_TANH_CUBIC_HI * x * x);
  return gate * (1 + 2 * x * slope * tanhGateComplement);
}

/** The smallest normal double: below it a product keeps fewer digits. */
const SUBNORMAL_EDGE = 2.2250738585072014e-308;

/** Beyond this |x| the tanh form's f'' (a multiple of sech^2(u), u ≈ 0.036 x^3) underflows. */
const GELU_TANH_SECOND_UNDERFLOW = 30;

/**
 * f = x (1 + tanh u) / 2, so f'' = (x tanh u)'' / 2 = sech^2(u) (c (1 + 6 k x^2) - x u'^2 tanh u)
 * with c = sqrt(2/pi), k = 0.044715, u' = c (1 + 3 k x^2). u is a double-double; nothing is
 * flushed (the values' gate flushes below u = -69, as a 60-digit evaluation of it does).
 */
export function geluTanhSecondDerivative(x: number): number {
  const a = Math.abs(x);
  if (a >= GELU_TANH_SECOND_BAND.start && a < GELU_TANH_SECOND_BAND.end) return evaluateNearRoot(GELU_TANH_SECOND_BAND, a, 0);
  if (!(a < GELU_TANH_SECOND_UNDERFLOW)) return x === x ? 0 : x;
  const u = tanhGeluArgument(x);
  const ue = tanhArgumentLow;
  const e = exp(-2 * Math.abs(u));
  const d = 1 + e;
  // (d + dLo)^-2 = d^-2 (1 - 2 dLo / d): the square would double 1 + e's rounding
  const sech2 = ((4 * e) / (d * d)) * (1 - (2 * twoSumError(1, e, d)) / d);
  const t = tanh(u) + ue * sech2; // first order in ue: tanh(u + ue) = tanh u + ue sech^2 u
  const x2 = x * x;
  // bracket = c ((1 + 6 k x^2) - c x q^2 tanh u), q = 1 + 3 k x^2: c (and its low part) applied once
  const q = 1 + 3 * T.GELU_TANH_CUBIC_HI * x2;
  const inner = (1 + 6 * T.GELU_TANH_CUBIC_HI * x2) - (T.SQRT_2_OVER_PI_HI * x) * (q * q) * t;
  const bracket = (inner * T.SQRT_2_OVER_PI_HI + inner * T.SQRT_2_OVER_PI_LO) * (1 - 2 * ue * t);
  if (e > SUBNORMAL_EDGE) return sech2 * bracket; // sech^2(u + ue) = sech^2 u (1 - 2 ue tanh u)
  // e subnormal (|u| > 354) while the result is not: 4 exp(-|u|) (exp(-|u|) bracket), rounded once in that range
  const h = exp(-Math.abs(u));
  return (4 * h) * (h * bracket);
}

// ---- SiLU and quick GELU: x * sigmoid(k x) ------------------------------------

const SILU_SATURATION = 40;
/** From here on mish(x) = x and mish'(x) = 1 exactly: the deviation, (4x - 2) e^-2x, is below half an ulp of 1. */
const MISH_SATURATION = 21;
const EXP_UNDERFLOW = -745;

export function silu(x: number): number {
  if (x < EXP_UNDERFLOW) return 0;
  return x * sigmoid(x);
}

/**
 * silu'(t + tLo) = sigmoid(t) (1 + t sigmoid(-t)). For t < 0 it is written
 * e (1 + t + e) / (1 + e)^2 with e = exp(t): 1 + t is exact near the root, so
 * only the band around the root needs the fitted form.
 */
function siluGradAt(t: number, tLo: number): number {
  if (t >= SILU_BAND.start && t < SILU_BAND.end) return evaluateNearRoot(SILU_BAND, t, tLo);
  if (t > SILU_SATURATION) return 1;
  if (t < EXP_UNDERFLOW) return 0;
  if (t >= 0) {
    // sigmoid(-t) = e / (1 + e) with e = exp(-t): one exp serves both gates
    const e = exp(-t);
    const g = 1 / (1 + e);
    return g * (1 + t * (e * g));
  }
  const e = exp(t) * (1 + tLo);
  const d = 1 + e;
  return (e * ((1 + t) + (tLo + e))) / (d * d);
}

export function siluGrad(x: number): number {
  return siluGradAt(x, 0);
}

/**
 * silu''(t + tLo) = sigmoid'(t) (2 - t tanh(t / 2)), even in t. With a = |t| and e = exp(-a):
 * e ((2 - a) + e (2 + a)) / (1 + e)^3.
 */
function siluSecondAt(t: number, tLo: number): number {
  const a = Math.abs(t);
  const aLo = t < 0 ? -tLo : tLo;
  if (a >= SILU_SECOND_BAND.start && a < SILU_SECOND_BAND.end) return evaluateNearRoot(SILU_SECOND_BAND, a, aLo);
  if (!(a < -EXP_UNDERFLOW)) return a === a ? 0 : a;
  const e = exp(-a) * (1 - aLo);
  const d = 1 + e;
  // (d + dLo)^-3 = d^-3 (1 - 3 dLo / d): the cube would triple 1 + e's rounding
  const dLo = twoSumError(1, e, d);
  return ((e * (((2 - a) - aLo) + e * (2 + a))) / (d * d * d)) * (1 - (3 * dLo) / d);
}

export function siluSecondDerivative(x: number): number {
  return siluSecondAt(x, 0);
}

/** quick_gelu(x) = x sigmoid(1.702 x) = silu(1.702 x) / 1.702. */
export function quickGelu(x: number): number {
  if (x > SILU_SATURATION) return x;
  if (x < -500) return 0;
  const t = T.QUICK_GELU_SCALE_HI * x;
  const tLo = twoProductError(T.QUICK_GELU_SCALE_HI, x, t) + T.QUICK_GELU_SCALE_LO * x;
  // first-order correction for tLo; 1 - g is plenty accurate for a term that small
  const g = sigmoid(t);
  return x * (g * (1 + tLo * (1 - g)));
}

/** quick_gelu'(x) = silu'(1.702 x), with 1.702 x in double-double. */
export function quickGeluGrad(x: number): number {
  if (x > SILU_SATURATION) return 1;
  if (x < -500) return 0;
  const t = T.QUICK_GELU_SCALE_HI * x;
  const tLo = twoProductError(T.QUICK_GELU_SCALE_HI, x, t) + T.QUICK_GELU_SCALE_LO * x;
  return siluGradAt(t, tLo);
}

/** quick_gelu''(x) = 1.702 silu''(1.702 x), with 1.702 x in double-double. */
export function quickGeluSecondDerivative(x: number): number {
  const t = T.QUICK_GELU_SCALE_HI * x;
  const tLo = Math.abs(t) < 1e300 ? twoProductError(T.QUICK_GELU_SCALE_HI, x, t) + T.QUICK_GELU_SCALE_LO * x : 0;
  const s = siluSecondAt(t, tLo);
  return s * T.QUICK_GELU_SCALE_HI + s * T.QUICK_GELU_SCALE_LO;
}

// ---- Mish: x tanh(softplus(x)) -------------------------------------------------

/**
 * With e = exp(x): tanh(softplus(x)) = n / (n + 2), n = e (e + 2). No log, no
 * tanh, and no cancellation for any x.
 */
export function mish(x: number): number {
  if (x >= MISH_SATURATION) return x;
  if (x < EXP_UNDERFLOW) return 0;
  const e = exp(x);
  const n = e * (e + 2);
  return x * (n / (n + 2));
}

/**
 * mish'(x) = e B / w^2 with w = e^2 + 2e + 2 and B = 4(1 + x) + e(6 + 4x) + 4e^2 + e^3,
 * the usual tanh(sp) + x sech^2(sp) sigmoid(x) over a common denominator; B
 * cancels only near the root, which the fitted band covers.
 */
export function mishGrad(x: number): number {
  if (x >= MISH_BAND.start && x < MISH_BAND.end) return evaluateNearRoot(MISH_BAND, x, 0);
  if (x >= MISH_SATURATION) return 1;
  if (x < EXP_UNDERFLOW) return 0;
  const e = exp(x);
  const w = e * (e + 2) + 2;
  const b = 4 * (1 + x) + e * ((6 + 4 * x) + e * (4 + e));
  return (e * b) / (w * w);
}

/**
 * mish''(x) = 4e (2(1 - x) e^3 + (6 - 3x) e^2 + (2x + 8) e + 2x + 4) / w^3, e = exp(x),
 * w = e^2 + 2e + 2 (the usual tanh/sech form over a common denominator). For x > 0 the same
 * in r = exp(-x), which neither overflows nor loses the tail:
 * 4r^2 (2(x + 2) r^3 + 2(x + 4) r^2 - 3(x - 2) r - 2(x - 1)) / (2r^2 + 2r + 1)^3.
 */
export function mishSecondDerivative(x: number): number {
  if (x >= MISH_SECOND_POSITIVE_BAND.start && x < MISH_SECOND_POSITIVE_BAND.end) return evaluateNearRoot(MISH_SECOND_POSITIVE_BAND, x, 0);
  if (x >= MISH_SECOND_NEGATIVE_BAND.start && x < MISH_SECOND_NEGATIVE_BAND.end) return evaluateNearRoot(MISH_SECOND_NEGATIVE_BAND, x, 0);
  if (x > 0) {
    if (!(x < -EXP_UNDERFLOW)) return 0;
    const r = exp(-x);
    const b = ((2 * (x + 2) * r + 2 * (x + 4)) * r - 3 * (x - 2)) * r - 2 * (x - 1);
    const w = (2 * r + 2) * r + 1;
    return (4 * r) * ((r * b) / (w * w * w));
  }
  if (x < EXP_UNDERFLOW) return 0;
  const e = exp(x);
  const b = ((2 * (1 - x) * e + (6 - 3 * x)) * e + (2 * x + 8)) * e + (2 * x + 4);
  const w = e * (e + 2) + 2;
  return (4 * e * b) / (w * w * w);
}
