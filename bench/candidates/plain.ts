/**
 * The "plain JavaScript" baseline: the textbook formula in a for loop over
 * Math.*, writing into a preallocated output — what someone would write without
 * a library. Our kernels should never be slower than this.
 *
 * Each activation × (value | derivative) is its own function literal on purpose:
 * with one loop per formula, the scalar expression is right there in the loop
 * body, so V8 inlines the Math.exp / Math.tanh / erf calls and keeps the loop
 * monomorphic in what it computes. A shared loop taking a callback would be a
 * megamorphic call per element and measure the call, not the formula.
 *
 * Math has no erf, so gelu uses the engine's own erf (imported from src/engine):
 * the gelu rows therefore compare loop structure, not erf implementations.
 *
 * Parameters (leaky_relu's and elu's alpha) are passed in, read once before the loop.
 */
import { engine } from '../engine';
import type { ActivationName, FloatArray, Kind } from './common';

// The same erf our gelu uses, from the same bundle (a plain function value, not a module getter).
const erf = engine.erf;

export type PlainLoop = (x: FloatArray, y: FloatArray, alpha: number) => void;

const INV_SQRT2 = 1 / Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export const plainLoops: Record<ActivationName, Record<Kind, PlainLoop>> = {
  relu: {
    value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]); },
    derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? 1 : 0; },
  },
  leaky_relu: {
    value: (x, y, alpha) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * v; } },
    derivative: (x, y, alpha) => { for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? 1 : alpha; },
  },
  sigmoid: {
    value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i])); },
    derivative: (x, y) => { for (let i = 0; i < x.length; i++) { const s = 1 / (1 + Math.exp(-x[i])); y[i] = s * (1 - s); } },
  },
  tanh: {
    value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]); },
    derivative: (x, y) => { for (let i = 0; i < x.length; i++) { const t = Math.tanh(x[i]); y[i] = 1 - t * t; } },
  },
  gelu: {
    // x Φ(x) with Φ(x) = (1 + erf(x / √2)) / 2; derivative Φ(x) + x φ(x).
    value: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = 0.5 * v * (1 + erf(v * INV_SQRT2)); } },
    derivative: (x, y) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        y[i] = 0.5 * (1 + erf(v * INV_SQRT2)) + v * Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
      }
    },
  },
  silu: {
    // x σ(x); derivative σ(x) (1 + x (1 - σ(x))).
    value: (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v / (1 + Math.exp(-v)); } },
    derivative: (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; const s = 1 / (1 + Math.exp(-v)); y[i] = s * (1 + v * (1 - s)); }
    },
  },
  elu: {
    value: (x, y, alpha) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * (Math.exp(v) - 1); } },
    derivative: (x, y, alpha) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? 1 : alpha * Math.exp(v); } },
  },
  softplus: {
    // log(1 + e^x), the textbook form (no overflow guard: the inputs are in [-6, 6]); derivative σ(x).
    value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.log(1 + Math.exp(x[i])); },
    derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i])); },
  },
};
