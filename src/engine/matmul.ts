/**
 * The matrix product with NumPy's rules for vectors: (m,k)@(k,n) -> (m,n),
 * (k)@(k,n) -> (n), (m,k)@(k) -> (m), (k)@(k) -> scalar.
 *
 * Loop order i-k-j walks both operands row-major (cache-friendly); each output
 * row is accumulated in a float64 scratch row and rounded once, so float32
 * products are as accurate as float64 ones rounded to float32.
 */
import { resultDType } from './arithmetic';
import { EngineError } from './errors';
import { allocate, formatShape, Tensor } from './tensor';

export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank === 0 || b.rank === 0) {
    throw new EngineError('shape-mismatch', '@ needs vectors or matrices; use * to multiply by a scalar');
  }
  const m = a.rank === 2 ? a.shape[0] : 1;
  const k = a.shape[a.rank - 1];
  const kb = b.rank === 2 ? b.shape[0] : b.shape[0];
  const n = b.rank === 2 ? b.shape[1] : 1;
  if (k !== kb) {
    throw new EngineError(
      'shape-mismatch',
      `cannot multiply ${formatShape(a.shape)} @ ${formatShape(b.shape)}: the inner sizes ${k} and ${kb} differ`,
    );
  }
  const dtype = resultDType(a, b);
  const out = allocate(dtype, m * n);
  const row = new Float64Array(n);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const v = x[i * k + p];
      const offset = p * n;
      for (let j = 0; j < n; j++) row[j] += v * y[offset + j];
    }
    out.set(row, i * n);
  }
  const shape: readonly number[] =
    a.rank === 2 && b.rank === 2 ? [m, n] : a.rank === 2 ? [m] : b.rank === 2 ? [n] : [];
  return new Tensor(dtype, shape, out);
}
