/** f64x2 forms of math/exponential.ts for the WebAssembly kernels (see simd/kernel-types.ts). */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { SHORTCUT_RANGE, shortcutExpm1, SMALLEST_NORMAL_FLOAT32 } from '../../simd/float32-shortcuts';
import { exp, expm1, twoProductError } from '../../simd/vector-numerics';
import { SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, SELU_SCALE_HI, SELU_SCALE_LO } from '../../numerics/tables';

export const ELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(a, expm1(v, x))),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), v.mul(a, exp(v, x))),
  float32: {
    // x itself above 0; results below 2^-126 in size left to the kernel: 0 (whose sign the
    // shortcut's expm1 loses), tiny x, tiny alpha
    value: (v, x, [a]) => {
      const y = v.select(v.gt(x, v.c(0)), x, v.mul(a, shortcutExpm1(v, x)));
      return { y, covered: v.and(v.gt(x, v.c(-SHORTCUT_RANGE)), v.ge(v.abs(y), v.c(SMALLEST_NORMAL_FLOAT32))) };
    },
  },
};

export const SELU_WASM: WasmElementwise = {
  parameters: [],
  value: (v, x) => {
    const e = expm1(v, x);
    const negative = v.add(v.mul(e, v.c(SELU_SCALE_ALPHA_HI)), v.mul(e, v.c(SELU_SCALE_ALPHA_LO)));
    return v.select(v.gt(x, v.c(0)), v.add(v.mul(x, v.c(SELU_SCALE_HI)), v.mul(x, v.c(SELU_SCALE_LO))), negative);
  },
  derivative: (v, x) => {
    const e = exp(v, x);
    return v.select(v.gt(x, v.c(0)), v.c(SELU_SCALE_HI), v.add(v.mul(e, v.c(SELU_SCALE_ALPHA_HI)), v.mul(e, v.c(SELU_SCALE_ALPHA_LO))));
  },
};

/** x / alpha as a double-double [q, qLo], as math/exponential.ts's celuArgument (0 for qLo where it cannot be split). */
function celuArgument(v: VectorBuilder, x: Vec, a: Vec): [Vec, Vec] {
  const q = v.div(x, a);
  const p = v.mul(q, a);
  const lo = v.div(v.sub(v.sub(x, p), twoProductError(v, q, a, p)), a);
  const splittable = v.and(v.lt(v.abs(q), v.c(1e300)), v.lt(v.abs(a), v.c(1e300)));
  const kept = v.select(splittable, lo, v.c(0));
  return [q, v.select(v.isNaN(kept), v.c(0), kept)];
}

export const CELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => {
    const [q, qLo] = celuArgument(v, x, a);
    return v.select(v.gt(x, v.c(0)), x, v.mul(a, v.add(expm1(v, q), v.mul(exp(v, q), qLo))));
  },
  derivative: (v, x, [a]) => {
    const [q, qLo] = celuArgument(v, x, a);
    const e = exp(v, q);
    return v.select(v.gt(x, v.c(0)), v.c(1), v.add(e, v.mul(e, qLo)));
  },
};
