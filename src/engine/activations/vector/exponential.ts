/** f64x2 forms of math/exponential.ts for the WebAssembly kernels (see simd/kernel-types.ts). */
import type { WasmElementwise } from '../../simd/kernel-types';
import { exp, expm1 } from '../../simd/vector-numerics';

export const ELU_WASM: WasmElementwise = {
  parameters: ['alpha'],
  value: (v, x, [a]) => v.select(v.gt(x, v.c(0)), x, v.mul(a, expm1(v, x))),
  derivative: (v, x, [a]) => v.select(v.gt(x, v.c(0)), v.c(1), v.mul(a, exp(v, x))),
};
