/** f64x2 forms of math/exponential.ts for the WebAssembly kernels (see simd/kernel-types.ts). */
import type { WasmElementwise } from '../../simd/kernel-types';
import { exp, expm1 } from '../../simd/vector-numerics';
import { SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, SELU_SCALE_HI, SELU_SCALE_LO } from '../../numerics/tables';

export const ELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(a, expm1(v, x))),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), v.mul(a, exp(v, x))),
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

export const CELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(a, expm1(v, v.div(x, a)))),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), exp(v, v.div(x, a))),
};
