/**
 * f64x2 forms of math/piecewise.ts for the WebAssembly kernels (see
 * simd/kernel-types.ts): the same comparisons, each ternary a lane-wise select.
 * Each is checked bit for bit against its scalar form, edge inputs included.
 */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';

export const RELU_WASM: WasmElementwise = {
  parameters: [],
  // relu's branch-free (x + |x|)/2 and its fallbacks come to: 0 where x <= 0 (+0 for -0 and
  // -Infinity too), x itself elsewhere (positives, +Infinity, NaN); one compare and one select
  value: (v, x) => v.select(v.le(x, v.c(0)), v.c(0), x),
  derivative: (v, x) => v.select(v.gt(x, v.c(0)), v.c(1), v.select(v.le(x, v.c(0)), v.c(0), x)),
  backward: (v, x, g) => v.select(v.gt(x, v.c(0)), g, v.select(v.le(x, v.c(0)), v.c(0), x)),
  // the same picks in four f32 lanes: float32 x compares with 0 as its widened double does
  f32x4: {
    value: (v, x) => v.select(v.le32(x, v.c32(0)), v.c32(0), x),
    derivative: (v, x) => v.select(v.gt32(x, v.c32(0)), v.c32(1), v.select(v.le32(x, v.c32(0)), v.c32(0), x)),
    backward: (v, x, g) => v.select(v.gt32(x, v.c32(0)), g, v.select(v.le32(x, v.c32(0)), v.c32(0), x)),
  },
};

export const LEAKY_RELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(x, a)),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), v.select(v.le(x, v.c(0)), a, x)),
  backward: (v, x, g, [a]) => v.select(v.gt(x, v.c(0)), g, v.select(v.le(x, v.c(0)), v.mul(a, g), x)),
};

/** rrelu in evaluation mode: leaky ReLU with the mean slope (lower + upper) / 2. */
export const RRELU_WASM: WasmElementwise = {
  parameters: ['lower', 'upper'],
  value: (v, x, [lower, upper]) => LEAKY_RELU_WASM.value(v, x, [v.div(v.add(lower, upper), v.c(2))]),
  derivative: (v, x, [lower, upper]) => LEAKY_RELU_WASM.derivative(v, x, [v.div(v.add(lower, upper), v.c(2))]),
};

/** x itself where x is NaN, else `otherwise` (the scalar `x === x ? ... : x`). */
function keepNaN(v: VectorBuilder, x: Vec, otherwise: Vec): Vec {
  return v.select(v.isNaN(x), x, otherwise);
}

/** 1 strictly inside (lo, hi), else 0, NaN stays: the derivative of the clamps. */
function insideMask(v: VectorBuilder, x: Vec, lo: Vec, hi: Vec, inside: Vec): Vec {
  return v.select(v.and(v.gt(x, lo), v.lt(x, hi)), inside, keepNaN(v, x, v.c(0)));
}

export const RELU6_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => v.select(v.le(x, v.c(0)), v.c(0), v.select(v.ge(x, v.c(6)), v.c(6), x)),
  derivative: (v, x) => insideMask(v, x, v.c(0), v.c(6), v.c(1)),
  f32x4: {
    value: (v, x) => v.select(v.le32(x, v.c32(0)), v.c32(0), v.select(v.ge32(x, v.c32(6)), v.c32(6), x)),
    derivative: (v, x) => v.select(v.and(v.gt32(x, v.c32(0)), v.lt32(x, v.c32(6))), v.c32(1), v.select(v.isNaN32(x), x, v.c32(0))),
  },
};

export const HARDTANH_WASM: WasmElementwise = {
  parameters: ['min_val', 'max_val'],
  value: (v, x, [lo, hi]) => v.select(v.lt(x, lo), lo, v.select(v.gt(x, hi), hi, x)),
  derivative: (v, x, [lo, hi]) => insideMask(v, x, lo, hi, v.c(1)),
};

export const HARDSIGMOID_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => v.select(v.le(x, v.c(-3)), v.c(0), v.select(v.ge(x, v.c(3)), v.c(1), v.div(v.add(x, v.c(3)), v.c(6)))),
  derivative: (v, x) => insideMask(v, x, v.c(-3), v.c(3), v.c(1 / 6)),
};

export const HARDSWISH_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => v.select(v.le(x, v.c(-3)), v.c(0), v.select(v.ge(x, v.c(3)), x, v.div(v.mul(x, v.add(x, v.c(3))), v.c(6)))),
  derivative: (v, x) => {
    const inside = v.div(v.add(v.mul(v.c(2), x), v.c(3)), v.c(6));
    return v.select(v.le(x, v.c(-3)), v.c(0), v.select(v.lt(x, v.c(3)), inside, v.select(v.ge(x, v.c(3)), v.c(1), x)));
  },
};

/** |x| > lambd, written as the scalar code writes it: x > l || x < -l. */
function outside(v: VectorBuilder, x: Vec, l: Vec): Vec {
  return v.or(v.gt(x, l), v.lt(x, v.neg(l)));
}

export const SOFTSHRINK_WASM: WasmElementwise = {
  parameters: ['lambd'],
  value: (v, x, [l]) => v.select(v.gt(x, l), v.sub(x, l), v.select(v.lt(x, v.neg(l)), v.add(x, l), keepNaN(v, x, v.c(0)))),
  derivative: (v, x, [l]) => v.select(outside(v, x, l), v.c(1), keepNaN(v, x, v.c(0))),
};

export const HARDSHRINK_WASM: WasmElementwise = {
  parameters: ['lambd'],
  value: (v, x, [l]) => v.select(outside(v, x, l), x, keepNaN(v, x, v.c(0))),
  derivative: (v, x, [l]) => v.select(outside(v, x, l), v.c(1), keepNaN(v, x, v.c(0))),
};

export const THRESHOLD_WASM: WasmElementwise = {
  parameters: ['threshold', 'value'],
  value: (v, x, [t, value]) => v.select(v.le(x, t), value, x),
  derivative: (v, x, [t]) => v.select(v.gt(x, t), v.c(1), v.select(v.le(x, t), v.c(0), x)),
};

export const SQUARED_RELU_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const r = RELU_WASM.value(v, x, []);
    return v.mul(r, r);
  },
  derivative: (v, x) => v.mul(v.c(2), RELU_WASM.value(v, x, [])),
};
