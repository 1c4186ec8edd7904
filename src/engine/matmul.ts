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
import { checkInterrupt, CHUNK, type ShouldStop } from './interrupt';
import { allocate, formatShape, Tensor } from './tensor';

/** `shouldStop` is asked every CHUNK multiply-adds or so, so an interrupt stops a large product. */
export function matmul(a: Tensor, b: Tensor, shouldStop?: ShouldStop): Tensor {
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
  const shape: readonly number[] =
    a.rank === 2 && b.rank === 2 ? [m, n] : a.rank === 2 ? [m] : b.rank === 2 ? [n] : [];
  // An empty result, or an inner size of 0 (a sum of nothing: zeros), needs no pass over empty rows.
  if (m * n === 0 || k === 0) return new Tensor(dtype, shape, out);
  // rows per check: about CHUNK multiply-adds between two asks
  const rowsPerCheck = Math.max(1, Math.floor(CHUNK / Math.max(1, k * n)));
  for (let i = 0; i < m; i++) {
    if (i % rowsPerCheck === 0) checkInterrupt(shouldStop);
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const v = x[i * k + p];
      const offset = p * n;
      for (let j = 0; j < n; j++) row[j] += v * y[offset + j];
    }
    out.set(row, i * n);
  }
  return new Tensor(dtype, shape, out);
}
