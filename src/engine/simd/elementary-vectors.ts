/**
 * The f64x2 forms of the one-number functions a fused expression may call
 * (the language's exp, sqrt, abs, ...), keyed by the scalar function itself:
 * a fused expression names the function it calls (fused-expression.ts), and
 * has a vector form exactly when that function is in this table. Each form
 * gives, per lane, the scalar function's bits (the fused-expression tests
 * compare them on random and edge data).
 *
 * Not here, so their fused pieces keep the JavaScript loop: log, sin, cos and
 * tan (no vector form yet).
 */
import { erf, erfc } from '../numerics/erf';
import { exp, expm1, log1p } from '../numerics/exp-log';
import { roundHalfAway } from '../numerics/rounding';
import * as N from '../numerics/tables';
import * as V from './vector-numerics';
import type { Vec, VectorBuilder } from './vector-builder';
import { Simd } from './wasm-binary';

export type ElementaryVector = (v: VectorBuilder, x: Vec) => Vec;

/** Beyond this, erf(x) rounds to exactly ±1 (numerics/erf.ts). */
const ERF_SATURATES = 6;

/** erf (numerics/erf.ts): x P(x^2) below 0.5, else 1 - exp(-x^2) erfcx(|x|) with x's sign; ±1 from 6 on. */
function vectorErf(v: VectorBuilder, x: Vec): Vec {
  const a = v.abs(x);
  const small = v.lt(a, v.c(N.ERF_SMALL_END));
  const result = v.variable(v.c(0));
  v.ifAny(small, () => v.assign(result, v.mul(x, V.polynomial(v, N.ERF_SMALL, v.mul(x, x)))));
  v.ifAny(v.not(small), () => {
    const tail = v.mul(V.expNegSquare(v, a), V.erfcxLarge(v, a));
    const middle = v.select(v.gt(x, v.c(0)), v.sub(v.c(1), tail), v.sub(tail, v.c(1)));
    v.assign(result, v.select(small, result, v.select(v.ge(a, v.c(ERF_SATURATES)), sign(v, x), middle)));
  });
  return result;
}

/** Math.sign: ±1, and x itself for ±0 and NaN. */
function sign(v: VectorBuilder, x: Vec): Vec {
  return v.select(v.gt(x, v.c(0)), v.c(1), v.select(v.lt(x, v.c(0)), v.c(-1), x));
}

/** Math.ceil: the instruction, which like Math.ceil keeps -0 and gives -0 for (-1, 0). */
function ceil(v: VectorBuilder, x: Vec): Vec {
  v.push(x);
  v.f.simd(Simd.F64x2Ceil);
  return v.fromStack();
}

/**
 * roundHalfAway: sign(x) Math.round(|x|), where Math.round(a) for a >= 0 is floor(a), plus one
 * when a - floor(a) (exact) is at least a half; NaN and Infinity fall through as floor leaves them.
 */
function round(v: VectorBuilder, x: Vec): Vec {
  const a = v.abs(x);
  const f = v.floor(a);
  return v.mul(sign(v, x), v.select(v.ge(v.sub(a, f), v.c(0.5)), v.add(f, v.c(1)), f));
}

const FORMS: readonly [(x: number) => number, string, ElementaryVector][] = [
  [exp, 'exp', V.exp],
  [expm1, 'expm1', V.expm1],
  [log1p, 'log1p', V.log1p],
  [erf, 'erf', vectorErf],
  [erfc, 'erfc', V.erfc],
  [Math.sqrt, 'sqrt', (v, x) => v.sqrt(x)],
  [Math.abs, 'abs', (v, x) => v.abs(x)],
  [Math.floor, 'floor', (v, x) => v.floor(x)],
  [Math.ceil, 'ceil', ceil],
  [Math.sign, 'sign', sign],
  [roundHalfAway, 'round', round],
];

const BY_FUNCTION = new Map<(x: number) => number, { readonly name: string; readonly vector: ElementaryVector }>(
  FORMS.map(([f, name, vector]) => [f, { name, vector }]),
);

/** The vector form of f and a name for it, or undefined when f has none. */
export function elementaryVector(f: (x: number) => number): { readonly name: string; readonly vector: ElementaryVector } | undefined {
  return BY_FUNCTION.get(f);
}
