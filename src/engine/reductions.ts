/**
 * Reductions over all elements, or along one axis of a matrix.
 *
 * Sums use Neumaier's compensated summation, so sum(x) of a million terms is
 * as accurate as a single addition; norm scales by the largest magnitude so it
 * neither overflows nor underflows.
 */
import { EngineError } from './errors';
import { allocate, FloatArray, Tensor } from './tensor';

export type Reduction = 'sum' | 'mean' | 'min' | 'max' | 'argmax' | 'norm' | 'count';

/** One reduction over data[start + k*step] for k in [0, count). */
type Kernel = (data: FloatArray, start: number, step: number, count: number) => number;

function compensatedSum(data: FloatArray, start: number, step: number, count: number): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0, i = start; k < count; k++, i += step) {
    const v = data[i];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  // Once the running sum is infinite or NaN the compensation is NaN (Inf - Inf), so the plain sum is the answer.
  return Number.isFinite(sum) ? sum + compensation : sum;
}

const kernels: Record<Reduction, Kernel> = {
  sum: compensatedSum,
  mean: (d, s, st, n) => compensatedSum(d, s, st, n) / n,
  min: (d, s, st, n) => {
    let m = Infinity;
    for (let k = 0, i = s; k < n; k++, i += st) if (d[i] < m || d[i] !== d[i]) m = d[i];
    return m;
  },
  max: (d, s, st, n) => {
    let m = -Infinity;
    for (let k = 0, i = s; k < n; k++, i += st) if (d[i] > m || d[i] !== d[i]) m = d[i];
    return m;
  },
  /** Index of the first largest element (NaN counts as largest, as in NumPy). */
  argmax: (d, s, st, n) => {
    let best = 0;
    for (let k = 1, i = s + st; k < n; k++, i += st) {
      const v = d[i];
      const b = d[s + best * st];
      if (b !== b) break;
      if (v > b || v !== v) best = k;
    }
    return best;
  },
  norm: (d, s, st, n) => {
    let scale = 0;
    for (let k = 0, i = s; k < n; k++, i += st) scale = Math.max(scale, Math.abs(d[i]));
    if (scale === 0 || scale === Infinity || scale !== scale) return scale;
    let sum = 0;
    for (let k = 0, i = s; k < n; k++, i += st) {
      const r = d[i] / scale;
      sum += r * r;
    }
    return scale * Math.sqrt(sum);
  },
  /** Non-zero elements: count(x > 0) counts where a condition holds. */
  count: (d, s, st, n) => {
    let c = 0;
    for (let k = 0, i = s; k < n; k++, i += st) if (d[i] !== 0) c++;
    return c;
  },
};

const EMPTY_IS_ERROR: ReadonlySet<Reduction> = new Set(['min', 'max', 'argmax', 'mean']);

/** The reduction of all elements, as a number. */
export function reduceAll(t: Tensor, reduction: Reduction): number {
  if (t.size === 0 && EMPTY_IS_ERROR.has(reduction)) {
    throw new EngineError('bad-shape', `${reduction} of an empty tensor is undefined`);
  }
  return kernels[reduction](t.data, 0, 1, t.size);
}

/**
 * Along axis 0 (down each column, giving one value per column) or axis 1 (along
 * each row) of a matrix; results are float64 for argmax/count, else t's dtype.
 */
export function reduceAxis(t: Tensor, reduction: Reduction, axis: 0 | 1): Tensor {
  if (t.rank !== 2) {
    if (axis === 0 && t.rank === 1) return reduceToTensor(t, reduction);
    throw new EngineError('bad-shape', `axis ${axis} needs a matrix, got a tensor of rank ${t.rank}`);
  }
  const [rows, cols] = t.shape;
  const count = axis === 0 ? rows : cols;
  if (count === 0 && EMPTY_IS_ERROR.has(reduction)) throw new EngineError('bad-shape', `${reduction} along an empty axis is undefined`);
  const outLength = axis === 0 ? cols : rows;
  const dtype = reduction === 'argmax' || reduction === 'count' ? 'float64' : t.dtype;
  const out = allocate(dtype, outLength);
  for (let k = 0; k < outLength; k++) {
    out[k] = axis === 0 ? kernels[reduction](t.data, k, cols, rows) : kernels[reduction](t.data, k * cols, 1, cols);
  }
  return new Tensor(dtype, [outLength], out);
}

function reduceToTensor(t: Tensor, reduction: Reduction): Tensor {
  const dtype = reduction === 'argmax' || reduction === 'count' ? 'float64' : t.dtype;
  const out = allocate(dtype, 1);
  out[0] = reduceAll(t, reduction);
  return new Tensor(dtype, [], out);
}
