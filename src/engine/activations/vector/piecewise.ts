/**
 * f64x2 forms of math/piecewise.ts for the WebAssembly kernels (see
 * simd/kernel-types.ts): the same comparisons, each ternary a lane-wise select.
 * Each is checked bit for bit against its scalar form, edge inputs included.
 */
import type { WasmElementwise } from '../../simd/kernel-types';

export const RELU_WASM: WasmElementwise = {
  parameters: [],
  // relu's branch-free (x + |x|)/2 and its fallbacks come to: 0 where x <= 0 (+0 for -0 and
  // -Infinity too), x itself elsewhere (positives, +Infinity, NaN); one compare and one select
  value: (v, x) => v.select(v.le(x, v.c(0)), v.c(0), x),
  derivative: (v, x) => v.select(v.gt(x, v.c(0)), v.c(1), v.select(v.le(x, v.c(0)), v.c(0), x)),
  backward: (v, x, g) => v.select(v.gt(x, v.c(0)), g, v.select(v.le(x, v.c(0)), v.c(0), x)),
};

export const LEAKY_RELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(x, a)),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), v.select(v.le(x, v.c(0)), a, x)),
  backward: (v, x, g, [a]) => v.select(v.gt(x, v.c(0)), g, v.select(v.le(x, v.c(0)), v.mul(a, g), x)),
};
