/**
 * f64x2 forms of math/logistic.ts for the WebAssembly kernels (see
 * simd/kernel-types.ts). Where the scalar code calls exp on one of two
 * arguments by branch, the vector code selects the argument first and calls
 * exp once: each lane still gets exp of exactly the scalar's argument.
 */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { exp, tanh } from '../../simd/vector-numerics';

/** sigmoid: 1/(1 + exp(-x)) from 0 on, e/(1 + e) with e = exp(x) below. */
export function vectorSigmoid(v: VectorBuilder, x: Vec): Vec {
  const positive = v.ge(x, v.c(0));
  const e = exp(v, v.select(positive, v.neg(x), x));
  const d = v.add(v.c(1), e);
  return v.select(positive, v.div(v.c(1), d), v.div(e, d));
}

export const SIGMOID_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => vectorSigmoid(v, x),
  derivative: (v, x) => {
    const e = exp(v, v.neg(v.abs(x)));
    const d = v.add(v.c(1), e);
    return v.div(e, v.mul(d, d));
  },
};

export const TANH_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => tanh(v, x),
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
