/** f64x2 forms of math/algebraic.ts for the WebAssembly kernels (see simd/kernel-types.ts): squareplus and snake. */
import type { WasmElementwise } from '../../simd/kernel-types';
import type { Vec, VectorBuilder } from '../../simd/vector-builder';
import { twoProductError, twoSumError } from '../../simd/vector-numerics';
import { sinOfSum } from '../../simd/vector-trig';
import { PI_OVER_4_HI, PI_OVER_4_LO } from '../../numerics/tables';
import { snake, snakeGrad } from '../math/algebraic';

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

/** Largest |a x| whose product's rounding error can be split (math/algebraic.ts). */
const SPLIT_LIMIT = 1e300;

/** a x as a double-double, and the lanes where it cannot be split (huge, infinite or NaN). */
function phase(v: VectorBuilder, a: Vec, x: Vec): { ax: Vec; axLo: Vec; unsplit: Vec } {
  const ax = v.mul(a, x);
  return { ax, axLo: twoProductError(v, a, x, ax), unsplit: v.not(v.lt(v.abs(ax), v.c(SPLIT_LIMIT))) };
}

/**
 * Snake: the sines in vector code where vector-trig covers them; the lanes it does not (a x
 * near a multiple of pi/2, huge or not finite) run the scalar snake itself, called from the kernel.
 */
export const SNAKE_WASM: WasmElementwise = {
  parameters: ['a'],
  value: (v, x, [a]) => {
    const { ax, axLo, unsplit } = phase(v, a, x);
    const sine = sinOfSum(v, ax, axLo);
    const result = v.variable(v.add(x, v.div(v.mul(sine.value, sine.value), a)));
    v.scalarLanes(v.or(unsplit, sine.uncovered), result, snake, [x, a]);
    return result;
  },
  derivative: (v, x, [a]) => {
    const { ax, axLo, unsplit } = phase(v, a, x);
    const twice = sinOfSum(v, v.mul(v.c(2), ax), v.mul(v.c(2), axLo));
    // where sin(2ax) < -1/2: 2 sin^2(ax + pi/4), the phase in double-double
    const w = v.add(ax, v.c(PI_OVER_4_HI));
    const wLo = v.add(v.add(twoSumError(v, ax, v.c(PI_OVER_4_HI), w), axLo), v.c(PI_OVER_4_LO));
    const shifted = sinOfSum(v, w, wLo);
    const direct = v.ge(twice.value, v.c(-0.5));
    const result = v.variable(v.select(direct, v.add(v.c(1), twice.value), v.mul(v.mul(v.c(2), shifted.value), shifted.value)));
    const uncovered = v.or(v.or(unsplit, twice.uncovered), v.and(v.not(direct), shifted.uncovered));
    v.scalarLanes(uncovered, result, snakeGrad, [x, a]);
    return result;
  },
};
