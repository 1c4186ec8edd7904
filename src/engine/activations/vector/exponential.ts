/** f64x2 forms of math/exponential.ts for the WebAssembly kernels (see simd/kernel-types.ts). */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { exp, expm1, expOfDoubleDouble, twoProductError } from '../../simd/vector-numerics';
import { SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, SELU_SCALE_HI, SELU_SCALE_LO } from '../../numerics/tables';

/** x > 0 ? positive : negative(), with the exponential skipped when both lanes are positive. */
function rectified(v: VectorBuilder, x: Vec, positive: Vec, negative: () => Vec): Vec {
  const up = v.gt(x, v.c(0));
  const result = v.variable(positive);
  v.ifAny(v.not(up), () => v.assign(result, v.select(up, positive, negative())));
  return result;
}

export const ELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => rectified(v, x, x, () => v.mul(a, expm1(v, x))),
  derivative: (v, x, [a]) => rectified(v, x, v.c(1), () => v.mul(a, exp(v, x))),
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

/** celuArgument (math/exponential.ts): x / alpha as a double-double [q, qLo]. */
function celuArgument(v: VectorBuilder, x: Vec, alpha: Vec): [Vec, Vec] {
  const q = v.div(x, alpha);
  const p = v.mul(q, alpha);
  const splittable = v.and(v.lt(v.abs(q), v.c(1e300)), v.lt(v.abs(alpha), v.c(1e300)));
  const low = v.select(splittable, v.div(v.sub(v.sub(x, p), twoProductError(v, q, alpha, p)), alpha), v.c(0));
  return [q, v.select(v.isNaN(low), v.c(0), low)];
}

export const CELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => rectified(v, x, x, () => {
    const [q, qLo] = celuArgument(v, x, a);
    return v.mul(a, v.add(expm1(v, q), v.mul(exp(v, q), qLo)));
  }),
  derivative: (v, x, [a]) => rectified(v, x, v.c(1), () => {
    const [q, qLo] = celuArgument(v, x, a);
    return expOfDoubleDouble(v, q, qLo);
  }),
};
