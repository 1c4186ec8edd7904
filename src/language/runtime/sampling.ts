/**
 * Sampling functions for plots: one call on a whole grid (a tensor), so a
 * user function is evaluated vectorised, not point by point.
 */
import { DEFAULT_PLOT_RANGE, Tensor, type PlotRange } from '../../engine';
import type { JsonNumber, SampledCurve } from '../../shared/output';
import { toJsonNumber } from './json-number';
import type { CallSite } from './call-site';
import type { FunctionValue } from './function-value';
import { tensorValue } from './values';

export interface Grid {
  readonly from: number;
  readonly to: number;
  readonly points: number;
}

/** Points of a plotted curve when none are asked for. */
export const DEFAULT_POINTS = 401;

/** The range a function is plotted over by default (its own, else -5 to 5). */
export function defaultRange(fn: FunctionValue): PlotRange {
  return fn.plotRange?.() ?? DEFAULT_PLOT_RANGE;
}

/** The default ranges of several functions together: one plot shows each one's character. */
export function unionRange(fns: readonly FunctionValue[]): PlotRange {
  const ranges = fns.map(defaultRange);
  return { from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) };
}

export function gridPoints(grid: Grid): Float64Array {
  const xs = new Float64Array(grid.points);
  fillEvenlySpaced(xs, grid.from, grid.to);
  return xs;
}

/**
 * `out` filled with out.length points evenly spaced from `from` to `to`, both ends exact
 * (linspace and plot grids): point i is from + (to - from) * i / (n - 1). Where the span times
 * i passes the largest double (-1e308 to 1e308, or 0 to 1e308 on a fine grid) the ends are
 * weighed instead, which cannot overflow: subtracting gave inf and NaN points.
 *
 * One loop with the arithmetic inside: a function called per point returned each double boxed
 * (V8 did not inline it), and linspace over 16M points made garbage enough for a young-generation
 * collection every 2 ms and a few MiB more peak memory.
 */
export function fillEvenlySpaced(out: Float32Array | Float64Array, from: number, to: number): void {
  const n = out.length;
  if (n === 0) return;
  const last = n - 1;
  const span = to - from;
  for (let i = 0; i < last; i++) {
    const scaled = span * i;
    out[i] = Number.isFinite(scaled) ? from + scaled / last : from * (1 - i / last) + to * (i / last);
  }
  out[last] = n === 1 ? from : to;
}

/** f on the grid; NaN where it is undefined or fails (a plot shows a gap there). */
export function sampleOn(fn: FunctionValue, xs: Float64Array, site: CallSite): JsonNumber[] {
  try {
    const v = fn.call([tensorValue(new Tensor('float64', [xs.length], xs))], new Map(), site);
    if (v.kind === 'tensor' && v.tensor.size === xs.length) return Array.from(v.tensor.data, toJsonNumber);
    if (v.kind === 'number') return Array.from(xs, () => toJsonNumber(v.value));
  } catch {
    // fall through to NaN
  }
  return Array.from(xs, () => 'NaN' as const);
}

export function sampleCurve(fn: FunctionValue, grid: Grid, site: CallSite): SampledCurve {
  const xs = gridPoints(grid);
  let dy: JsonNumber[];
  try {
    dy = sampleOn(fn.derivative(site), xs, site);
  } catch {
    dy = Array.from(xs, () => 'NaN' as const);
  }
  return { x: Array.from(xs), y: sampleOn(fn, xs, site), dy };
}
