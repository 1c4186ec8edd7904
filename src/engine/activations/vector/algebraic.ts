/** f64x2 forms of math/algebraic.ts for the WebAssembly kernels (see simd/kernel-types.ts): squareplus. */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';

/** Beyond this |x|, x^2 + b overflows or b no longer registers (math/algebraic.ts). */
const SQUAREPLUS_ASYMPTOTIC = 1e150;

/** The asymptotic forms beyond ±1e150 over `y`. */
function asymptotic(v: VectorBuilder, x: Vec, y: Vec, above: Vec, below: Vec): Vec {
  return v.select(v.gt(x, v.c(SQUAREPLUS_ASYMPTOTIC)), above, v.select(v.lt(x, v.c(-SQUAREPLUS_ASYMPTOTIC)), below, y));
}

export const SQUAREPLUS_WASM: WasmElementwise = {
  parameters: ['b'],
  value: (v, x, [b]) => {
    const s = v.sqrt(v.add(v.mul(x, x), b));
    const y = v.select(v.ge(x, v.c(0)), v.div(v.add(x, s), v.c(2)), v.div(b, v.mul(v.c(2), v.sub(s, x))));
    return asymptotic(v, x, y, x, v.div(b, v.mul(v.c(4), v.neg(x))));
  },
  derivative: (v, x, [b]) => {
    const s = v.sqrt(v.add(v.mul(x, x), b));
    const y = v.select(v.ge(x, v.c(0)), v.mul(v.c(0.5), v.add(v.c(1), v.div(x, s))), v.div(v.mul(v.c(0.5), b), v.mul(v.sub(s, x), s)));
    return asymptotic(v, x, y, v.c(1), v.div(v.div(b, v.mul(v.c(4), x)), x));
  },
};
