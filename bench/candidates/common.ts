/**
 * What every candidate file shares: the activations under test and the shape
 * of a candidate (a function that writes f(x) or f'(x) for the whole input).
 */
import type { FloatArray } from '../../src/engine';

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

/** mulberry32: a tiny seeded PRNG, so every run and every candidate sees the same input. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
