/**
 * f64x2 forms of math/gated.ts for the WebAssembly kernels (see
 * simd/kernel-types.ts): SiLU, quick GELU, Mish and both forms of GELU. The fitted root bands
 * and every saturation threshold are the scalar code's, read from the same tables.
 */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { shortcutSigmoid } from '../../simd/float32-shortcuts';
import { erfcShifted, erfcxLarge, exp, expNegHalfSquare, nearRoot, twoProductError, twoSumError } from '../../simd/vector-numerics';
import type { RootBand } from '../../numerics/root-band';
import { GELU_ERF_BAND, GELU_TANH_BAND, MISH_BAND, SILU_BAND } from '../math/gated';
import * as T from '../../numerics/tables';
import { vectorSigmoid } from './logistic';

const SILU_SATURATION = 40;
const EXP_UNDERFLOW = -745;
const MISH_SATURATION = 21;
const GELU_POSITIVE_SATURATION = 10;
const GELU_NEGATIVE_UNDERFLOW = -40;

/** Where `band` applies: start <= x < end. */
function inBand(v: VectorBuilder, band: RootBand, x: Vec): Vec {
  return v.and(v.ge(x, v.c(band.start)), v.lt(x, v.c(band.end)));
}

/** Overrides `result` with the band's fit where x lies in the band (only computed when some lane does). */
function withBand(v: VectorBuilder, band: RootBand, x: Vec, xLo: Vec, result: Vec): Vec {
  const out = v.variable(result);
  const mask = inBand(v, band, x);
  v.ifAny(mask, () => v.assign(out, v.select(mask, nearRoot(v, band, x, xLo), out)));
  return out;
}

export const SILU_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => v.select(v.lt(x, v.c(EXP_UNDERFLOW)), v.c(0), v.mul(x, vectorSigmoid(v, x))),
  derivative: (v, t) => siluGradAt(v, t, v.c(0)),
  float32: {
    value: (v, x) => {
      const { y, covered } = shortcutSigmoid(v, x);
      return { y: v.mul(x, y), covered };
    },
  },
};

/** siluGradAt (math/gated.ts): silu'(t + tLo), one exp for both signs. */
function siluGradAt(v: VectorBuilder, t: Vec, tLo: Vec): Vec {
  const positive = v.ge(t, v.c(0));
  const e = exp(v, v.select(positive, v.neg(t), t));
  const g = v.div(v.c(1), v.add(v.c(1), e));
  const above = v.mul(g, v.add(v.c(1), v.mul(t, v.mul(e, g))));
  const eb = v.mul(e, v.add(v.c(1), tLo));
  const d = v.add(v.c(1), eb);
  const below = v.div(v.mul(eb, v.add(v.add(v.c(1), t), v.add(tLo, eb))), v.mul(d, d));
  let y = v.select(positive, above, below);
  y = v.select(v.lt(t, v.c(EXP_UNDERFLOW)), v.c(0), y);
  y = v.select(v.gt(t, v.c(SILU_SATURATION)), v.c(1), y);
  return withBand(v, SILU_BAND, t, tLo, y);
}

/** 1.702 x as a double-double (t, tLo), as quick_gelu carries it. */
function quickGeluArgument(v: VectorBuilder, x: Vec): [Vec, Vec] {
  const t = v.mul(v.c(T.QUICK_GELU_SCALE_HI), x);
  return [t, v.add(twoProductError(v, v.c(T.QUICK_GELU_SCALE_HI), x, t), v.mul(v.c(T.QUICK_GELU_SCALE_LO), x))];
}

/** Saturation of quick_gelu and its derivative: `high` above 40, 0 below -500. */
function quickGeluLimits(v: VectorBuilder, x: Vec, y: Vec, high: Vec): Vec {
  return v.select(v.gt(x, v.c(SILU_SATURATION)), high, v.select(v.lt(x, v.c(-500)), v.c(0), y));
}

export const QUICK_GELU_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const [t, tLo] = quickGeluArgument(v, x);
    const g = vectorSigmoid(v, t);
    return quickGeluLimits(v, x, v.mul(x, v.mul(g, v.add(v.c(1), v.mul(tLo, v.sub(v.c(1), g))))), x);
  },
  derivative: (v, x) => {
    const [t, tLo] = quickGeluArgument(v, x);
    return quickGeluLimits(v, x, siluGradAt(v, t, tLo), v.c(1));
  },
};

export const MISH_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const e = exp(v, x);
    const n = v.mul(e, v.add(e, v.c(2)));
    const y = v.select(v.lt(x, v.c(EXP_UNDERFLOW)), v.c(0), v.mul(x, v.div(n, v.add(n, v.c(2)))));
    return v.select(v.ge(x, v.c(MISH_SATURATION)), x, y);
  },
  derivative: (v, x) => {
    const e = exp(v, x);
    const w = v.add(v.mul(e, v.add(e, v.c(2))), v.c(2));
    const b = v.add(v.mul(v.c(4), v.add(v.c(1), x)), v.mul(e, v.add(v.add(v.c(6), v.mul(v.c(4), x)), v.mul(e, v.add(v.c(4), e)))));
    let y = v.select(v.lt(x, v.c(EXP_UNDERFLOW)), v.c(0), v.div(v.mul(e, b), v.mul(w, w)));
    y = v.select(v.ge(x, v.c(MISH_SATURATION)), v.c(1), y);
    return withBand(v, MISH_BAND, x, v.c(0), y);
  },
};

/** Phi(x) = erfc(-x/sqrt 2)/2 with -x/sqrt 2 in double-double (normalCdf). */
function normalCdf(v: VectorBuilder, x: Vec): Vec {
  const p = v.mul(x, v.c(T.SQRT1_2_HI));
  const lo = v.add(twoProductError(v, x, v.c(T.SQRT1_2_HI), p), v.mul(x, v.c(T.SQRT1_2_LO)));
  return v.mul(v.c(0.5), erfcShifted(v, v.neg(p), v.neg(lo)));
}

/** Below this u the tanh-form gate is taken as 0 (math/gated.ts). */
const TANH_GATE_FLUSH = -69;
const GELU_TANH_NEGATIVE_UNDERFLOW = -30;

/**
 * tanhGeluGate (math/gated.ts): sigmoid(2u) with u = sqrt(2/pi) (x + 0.044715 x^3) in
 * double-double, and its complement sigmoid(-2u), as [gate, complement].
 */
function tanhGeluGate(v: VectorBuilder, x: Vec): [Vec, Vec] {
  const x2 = v.mul(x, x);
  const x2e = twoProductError(v, x, x, x2);
  const x3 = v.mul(x2, x);
  const x3e = v.add(twoProductError(v, x2, x, x3), v.mul(x2e, x));
  const cubic = v.c(T.GELU_TANH_CUBIC_HI);
  const m = v.mul(cubic, x3);
  const me = v.add(v.add(twoProductError(v, cubic, x3, m), v.mul(cubic, x3e)), v.mul(v.c(T.GELU_TANH_CUBIC_LO), x3));
  const s = v.add(x, m);
  const se = v.add(twoSumError(v, x, m, s), me);
  const scale = v.c(T.SQRT_2_OVER_PI_HI);
  const u = v.mul(scale, s);
  const ue = v.add(v.add(twoProductError(v, scale, s, u), v.mul(scale, se)), v.mul(v.c(T.SQRT_2_OVER_PI_LO), s));
  const e = exp(v, v.mul(v.c(-2), v.abs(u)));
  const big = v.div(v.c(1), v.add(v.c(1), e));
  const small = v.mul(e, big);
  const up = v.ge(u, v.c(0));
  const gate = v.select(up, big, small);
  const complement = v.select(up, small, big);
  const twiceUe = v.mul(v.c(2), ue);
  const flushed = v.lt(u, v.c(TANH_GATE_FLUSH));
  return [
    v.select(flushed, v.c(0), v.mul(gate, v.add(v.c(1), v.mul(twiceUe, complement)))),
    v.select(flushed, v.c(1), v.mul(complement, v.sub(v.c(1), v.mul(twiceUe, gate)))),
  ];
}

/** gelu with approximate = 'tanh': x sigmoid(2u). */
const GELU_TANH_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const [gate] = tanhGeluGate(v, x);
    const y = v.select(v.lt(x, v.c(GELU_TANH_NEGATIVE_UNDERFLOW)), v.c(0), v.mul(x, gate));
    return v.select(v.gt(x, v.c(GELU_POSITIVE_SATURATION)), x, y);
  },
  derivative: (v, x) => {
    const [gate, complement] = tanhGeluGate(v, x);
    const slope = v.mul(v.c(T.SQRT_2_OVER_PI_HI), v.add(v.c(1), v.mul(v.mul(v.c(3 * T.GELU_TANH_CUBIC_HI), x), x)));
    const y = v.mul(gate, v.add(v.c(1), v.mul(v.mul(v.mul(v.c(2), x), slope), complement)));
    let r = v.select(v.lt(x, v.c(GELU_TANH_NEGATIVE_UNDERFLOW)), v.c(0), y);
    r = v.select(v.gt(x, v.c(GELU_POSITIVE_SATURATION)), v.c(1), r);
    return withBand(v, GELU_TANH_BAND, x, v.c(0), r);
  },
};

export const GELU_WASM: WasmElementwise = {
  parameters: [],
  formFor: (p) => (p.approximate === 'tanh' ? 'tanh' : undefined),
  forms: { tanh: GELU_TANH_WASM },
  value: (v, x) => {
    const y = v.select(v.lt(x, v.c(GELU_NEGATIVE_UNDERFLOW)), v.c(0), v.mul(x, normalCdf(v, x)));
    return v.select(v.gt(x, v.c(GELU_POSITIVE_SATURATION)), x, y);
  },
  derivative: (v, x) => {
    const density = v.mul(v.c(T.INV_SQRT_2PI_HI), expNegHalfSquare(v, x));
    const left = v.lt(x, v.c(GELU_ERF_BAND.start));
    const y = v.variable(v.c(0));
    v.ifAny(left, () => {
      const mills = v.mul(v.c(T.SQRT_PI_OVER_2_HI), erfcxLarge(v, v.mul(v.neg(x), v.c(T.SQRT1_2_HI))));
      v.assign(y, v.mul(density, v.add(x, mills)));
    });
    v.ifAny(v.not(left), () => {
      v.assign(y, v.select(left, y, v.add(normalCdf(v, x), v.mul(x, density))));
    });
    let r = v.select(v.lt(x, v.c(GELU_NEGATIVE_UNDERFLOW)), v.c(0), y);
    r = v.select(v.gt(x, v.c(GELU_POSITIVE_SATURATION)), v.c(1), r);
    return withBand(v, GELU_ERF_BAND, x, v.c(0), r);
  },
};
