/**
 * What every candidate file shares: the activations under test and the shape
 * of a candidate (a function that writes f(x) or f'(x) for the whole input).
 */
import type { FloatArray } from '../../src/engine';
// the tests' seeded PRNG: every run and every candidate sees the same input
import { mulberry32 } from '../../test/unit/helpers/prng';

export type { FloatArray };

/** The activations the issue asks for, in the order the table prints them. */
export const ACTIVATIONS = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'gelu', 'silu', 'elu', 'softplus'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export type Kind = 'value' | 'derivative';
export const KINDS: readonly Kind[] = ['value', 'derivative'];

export type DType = 'float32' | 'float64';
export const DTYPES: readonly DType[] = ['float32', 'float64'];

/** A preallocated-output loop: y[i] = f(x[i]) or f'(x[i]). */
export type Loop = (x: FloatArray, y: FloatArray) => void;


/** n values uniform in [lo, hi), from a fixed seed; the float32 input is this rounded. */
export function uniformInput(n: number, lo: number, hi: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = lo + (hi - lo) * random();
  return x;
}

/** Largest |a[i] - b[i]| (NaN-aware: a NaN on one side only counts as Infinity), for sanity checks. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > worst) worst = d;
    else if (d !== d && !(a[i] !== a[i] && b[i] !== b[i])) return Infinity;
  }
  return worst;
}
