/**
 * Sampling functions for plots: one call on a whole grid (a tensor), so a
 * user function is evaluated vectorised, not point by point.
 */
import { Tensor } from '../../engine';
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

export const DEFAULT_GRID: Grid = { from: -5, to: 5, points: 401 };

export function gridPoints(grid: Grid): Float64Array {
  const xs = new Float64Array(grid.points);
  for (let i = 0; i < grid.points; i++) {
    xs[i] = i === grid.points - 1 ? grid.to : grid.from + ((grid.to - grid.from) * i) / (grid.points - 1);
  }
  return xs;
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
