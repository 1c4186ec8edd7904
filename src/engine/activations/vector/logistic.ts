/**
 * f64x2 forms of math/logistic.ts for the WebAssembly kernels (see
 * simd/kernel-types.ts). Where the scalar code calls exp on one of two
 * arguments by branch, the vector code selects the argument first and calls
 * exp once: each lane still gets exp of exactly the scalar's argument.
 */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { shortcutExp, shortcutLog1p, shortcutSigmoid, shortcutTanh, SIGMOID_RANGE, SMALLEST_NORMAL_FLOAT32 } from '../../simd/float32-shortcuts';
import { exp, expOfMinusAbs, log1p, polynomial, tanh, twoProductError, twoSumError } from '../../simd/vector-numerics';
import { TANHSHRINK_SERIES, TANHSHRINK_SERIES_END } from '../../numerics/tables';

/**
 * sigmoid: 1/(1 + exp(-x)) from 0 on, e/(1 + e) with e = exp(x) below. Both are a quotient
 * over the same 1 + e, so the numerator is selected and one division serves both branches
 * (a division is the loop's costliest instruction).
 */
export function vectorSigmoid(v: VectorBuilder, x: Vec): Vec {
  // exp(-x) from 0 on and exp(x) below: exp(-|x|) either way
  const e = expOfMinusAbs(v, x);
  return v.div(v.select(v.ge(x, v.c(0)), v.c(1), e), v.add(v.c(1), e));
}

export const SIGMOID_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => vectorSigmoid(v, x),
  float32: { value: (v, x) => shortcutSigmoid(v, x) },
  derivative: (v, x) => {
    const e = expOfMinusAbs(v, x);
    const d = v.add(v.c(1), e);
    return v.div(e, v.mul(d, d));
  },
};

export const TANH_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => tanh(v, x),
  float32: { value: (v, x) => shortcutTanh(v, x) },
  derivative: (v, x) => {
    const a = v.abs(x);
    const near = v.lt(a, v.c(0.55));
    const result = v.variable(v.c(0));
    v.ifAny(near, () => {
      const t = tanh(v, x);
      v.assign(result, v.sub(v.c(1), v.mul(t, t)));
    });
    v.ifAny(v.not(near), () => {
      const e = exp(v, v.mul(v.c(-2), a));
      const d = v.add(v.c(1), e);
      v.assign(result, v.select(near, result, v.div(v.mul(v.c(4), e), v.mul(d, d))));
    });
    return result;
  },
};

/** log1p(exp(-|t|)): the shared tail of logsigmoid and softplus. */
function softTail(v: VectorBuilder, t: Vec): Vec {
  return log1p(v, expOfMinusAbs(v, t));
}

export const LOGSIGMOID_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const l = softTail(v, x);
    return v.select(v.ge(x, v.c(0)), v.neg(l), v.sub(x, l));
  },
  derivative: (v, x) => vectorSigmoid(v, v.neg(x)),
};

/** t = beta x and its rounding error, as math/logistic.ts's productLow (0 where it cannot be split). */
function scaledArgument(v: VectorBuilder, beta: Vec, x: Vec): [Vec, Vec] {
  const t = v.mul(beta, x);
  return [t, v.select(v.lt(v.abs(t), v.c(1e300)), twoProductError(v, beta, x, t), v.c(0))];
}

export const SOFTPLUS_WASM: WasmElementwise = {
  parameters: ['beta', 'threshold'],
  value: (v, x, [beta, threshold]) => {
    const [t, tLo] = scaledArgument(v, beta, x);
    const e = expOfMinusAbs(v, t);
    const positive = v.gt(t, v.c(0));
    const l = v.div(v.sub(log1p(v, e), v.mul(v.select(positive, tLo, v.neg(tLo)), v.div(e, v.add(v.c(1), e)))), beta);
    return v.select(v.gt(t, threshold), x, v.select(positive, v.add(x, l), l));
  },
  derivative: (v, x, [beta, threshold]) => {
    const [t, tLo] = scaledArgument(v, beta, x);
    const s = v.mul(vectorSigmoid(v, t), v.add(v.c(1), v.mul(tLo, vectorSigmoid(v, v.neg(t)))));
    return v.select(v.gt(t, threshold), v.c(1), s);
  },
  float32: {
    // the kernel's tLo term moves the result by at most |t| 2^-53 relative (2^-46.7 for |t| < 80):
    // left out; results below 2^-126 in size (large beta) left to the kernel; |t| < SIGMOID_RANGE
    // keeps exp(-|t|) in the shortcut's range and, at beta = 1, the result a normal float32
    value: (v, x, [beta, threshold]) => {
      const t = v.mul(beta, x);
      const minusA = v.negAbs(t);
      const l = v.div(shortcutLog1p(v, shortcutExp(v, minusA)), beta);
      const y = v.select(v.gt(t, threshold), x, v.select(v.gt(t, v.c(0)), v.add(x, l), l));
      // -|t| > -80 is |t| < 80 (false for NaN)
      return { y, covered: v.and(v.gt(minusA, v.c(-SIGMOID_RANGE)), v.ge(v.abs(y), v.c(SMALLEST_NORMAL_FLOAT32))) };
    },
  },
};

export const SOFTSIGN_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const a = v.abs(x);
    const d = v.add(v.c(1), a);
    const dLo = twoSumError(v, v.c(1), a, d);
    const y = v.mul(v.div(x, d), v.sub(v.c(1), v.div(dLo, d)));
    // Math.sign(±Infinity) = ±1
    return v.select(v.eq(a, v.c(Infinity)), v.select(v.gt(x, v.c(0)), v.c(1), v.c(-1)), y);
  },
  derivative: (v, x) => {
    const a = v.abs(x);
    const d = v.add(v.c(1), a);
    const dLo = v.select(v.eq(a, v.c(Infinity)), v.c(0), twoSumError(v, v.c(1), a, d));
    return v.mul(v.div(v.c(1), v.mul(d, d)), v.sub(v.c(1), v.div(v.mul(v.c(2), dLo), d)));
  },
};

export const TANHSHRINK_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const series = v.lt(v.abs(x), v.c(TANHSHRINK_SERIES_END));
    const result = v.variable(v.c(0));
    v.ifAny(series, () => {
      const u = v.mul(x, x);
      v.assign(result, v.mul(x, v.mul(u, polynomial(v, TANHSHRINK_SERIES, u))));
    });
    v.ifAny(v.not(series), () => v.assign(result, v.select(series, result, v.sub(x, tanh(v, x)))));
    return result;
  },
  derivative: (v, x) => {
    const t = tanh(v, x);
    return v.mul(t, t);
  },
};
