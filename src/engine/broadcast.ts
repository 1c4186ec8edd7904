/**
 * NumPy broadcasting for ranks 0-2: shapes are aligned on the right and each
 * dimension pair must be equal or contain a 1. So a scalar meets anything, a
 * vector of length n meets an (r, n) matrix row by row, and an (r, 1) column
 * meets an (r, n) matrix column by column.
 */
import { EngineError } from './errors';
import { formatShape, Shape } from './tensor';

export function broadcastShapes(a: Shape, b: Shape): Shape {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    const da = a[a.length - rank + k] ?? 1;
    const db = b[b.length - rank + k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      const hint =
        a.length === 1 && b.length === 2 && a[0] === b[0]
          ? `; a vector matches a matrix's columns, so reshape it to a column with reshape(v, ${a[0]}, 1)`
          : b.length === 1 && a.length === 2 && b[0] === a[0]
            ? `; a vector matches a matrix's columns, so reshape it to a column with reshape(v, ${b[0]}, 1)`
            : '';
      throw new EngineError('shape-mismatch', `shapes ${formatShape(a)} and ${formatShape(b)} do not match${hint}`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * Row and column strides of an operand inside the broadcast result: 0 where the
 * operand repeats along that axis. Result element (i, j) reads index i*rowStride + j*colStride.
 */
export function strides(shape: Shape, out: Shape): { rowStride: number; colStride: number } {
  if (out.length < 2) return { rowStride: 0, colStride: shape.length === 0 || shape[shape.length - 1] === 1 ? 0 : 1 };
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  return { rowStride: rows === 1 ? 0 : cols, colStride: cols === 1 ? 0 : 1 };
}
