/**
 * The engine's value type: a dense tensor of rank 0, 1 or 2 over a typed array.
 *
 * Storage is row-major. float32 tensors hold Float32Array storage; kernels
 * compute in float64 and round once on store, which gives float32 results to
 * float32 accuracy (the double-rounding caveat does not bite for +, -, *, /,
 * sqrt since double carries more than 2 * 24 + 2 bits).
 */
import { EngineError } from './errors';
import { checkInterrupt, CHUNK, type ShouldStop } from './interrupt';
import type { FloatArray } from './activations/definition';
import { spellNumber } from './spell-number';
import { heapArray, releaseHeapArray } from './simd/tensor-heap';

export type { FloatArray };
export type DType = 'float32' | 'float64';
/** Dimensions, outermost first; rank 0-2, checked by checkShape wherever shapes are made. */
export type Shape = readonly number[];

/** Refuse allocations beyond this many elements (400 MB of float64) with a clear message. */
export const MAX_ELEMENTS = 50_000_000;

export class Tensor {
  constructor(readonly dtype: DType, readonly shape: Shape, readonly data: FloatArray) {
    if (data.length !== sizeOf(shape)) {
      throw new EngineError('bad-shape', `shape [${shape.join(', ')}] needs ${sizeOf(shape)} elements, got ${data.length}`);
    }
  }
  get rank(): number {
    return this.shape.length;
  }
  get size(): number {
    return this.data.length;
  }
  /** Element (i) or (i, j) with bounds already checked by the caller. */
  at(i: number, j = 0): number {
    return this.shape.length === 2 ? this.data[i * this.shape[1] + j] : this.data[i];
  }
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function checkShape(shape: readonly number[]): Shape {
  if (shape.length > 2) throw new EngineError('bad-shape', `tensors have at most 2 dimensions, got ${shape.length}`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new EngineError('bad-shape', `a dimension must be a whole number >= 0, got ${spellNumber(d)}`);
  }
  return shape;
}

/**
 * Zero-filled storage, refusing sizes over MAX_ELEMENTS before touching memory. Large tensors
 * go into the thread's tensor heap (wasm memory: kernels run on them where they are), while it
 * has room; others are ordinary typed arrays. Either way a Float32Array or Float64Array.
 */
export function allocate(dtype: DType, length: number): FloatArray {
  checkLength(length);
  return heapArray(dtype, length) ?? allocateOutsideHeap(dtype, length);
}

/**
 * As `allocate`, for a kernel that writes every element: storage reused in the tensor heap
 * is not zeroed first (a pass over memory the kernel overwrites anyway).
 */
export function allocateForOverwrite(dtype: DType, length: number): FloatArray {
  checkLength(length);
  return heapArray(dtype, length, false) ?? allocateOutsideHeap(dtype, length);
}

/**
 * As `allocate`, never in the tensor heap: for storage whose subarrays are kept apart from it
 * (a network's layers view its parameters), since the heap frees a block when the array it
 * handed out is collected, whatever subarrays of it still live.
 */
export function allocateOutsideHeap(dtype: DType, length: number): FloatArray {
  checkLength(length);
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/**
 * Gives a tensor's storage back before the collector would, for an owner that knows nothing
 * reads or writes it again (a notebook variable's tensor when the variable is reassigned): the
 * next tensor of that size reuses its memory at once. Only heap storage is freed early; true when
 * `data` was.
 */
export function releaseStorage(data: FloatArray): boolean {
  return releaseHeapArray(data);
}

function checkLength(length: number): void {
  if (!(length <= MAX_ELEMENTS)) {
    throw new EngineError(
      'allocation-cap',
      `a tensor of ${length.toLocaleString('en-US')} elements exceeds the limit of ${MAX_ELEMENTS.toLocaleString('en-US')}`,
    );
  }
}

export function zeros(dtype: DType, shape: readonly number[]): Tensor {
  const s = checkShape(shape);
  return new Tensor(dtype, s, allocate(dtype, sizeOf(s)));
}

export function full(dtype: DType, shape: readonly number[], value: number): Tensor {
  const t = zeros(dtype, shape);
  t.data.fill(value);
  return t;
}

export function scalar(value: number, dtype: DType = 'float64'): Tensor {
  const t = zeros(dtype, []);
  t.data[0] = value;
  return t;
}

/** From nested JavaScript arrays: numbers, a list of numbers, or a list of equal-length rows. */
export function fromNested(values: number | readonly number[] | readonly (readonly number[])[], dtype: DType = 'float64'): Tensor {
  if (typeof values === 'number') return scalar(values, dtype);
  if (values.length > 0 && Array.isArray(values[0])) {
    const rows = values as readonly (readonly number[])[];
    const cols = rows[0].length;
    const t = zeros(dtype, [rows.length, cols]);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new EngineError('bad-shape', `row ${i} has ${Array.isArray(row) ? row.length : 1} elements but row 0 has ${cols}; matrix rows must have equal lengths`);
      }
      t.data.set(row, i * cols);
    });
    return t;
  }
  const flat = values as readonly number[];
  const t = zeros(dtype, [flat.length]);
  t.data.set(flat);
  return t;
}

/** Same values in another dtype (a copy, rounding when narrowing to float32). */
export function cast(t: Tensor, dtype: DType): Tensor {
  const out = zeros(dtype, t.shape);
  out.data.set(t.data);
  return out;
}

export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const s = checkShape(shape);
  if (sizeOf(s) !== t.size) {
    throw new EngineError('shape-mismatch', `cannot reshape ${t.size} elements [${t.shape.join(', ')}] into [${s.join(', ')}] (${sizeOf(s)} elements)`);
  }
  return new Tensor(t.dtype, s, t.data.slice());
}

/** Transpose of a matrix; vectors and scalars are returned unchanged, as in NumPy. */
/**
 * Equal-length vectors as the rows of a matrix (`[x, x, x]`). The result's size is checked
 * against the cap before anything is copied, and rows are copied as typed arrays: no
 * intermediate JavaScript arrays of a possibly huge number of elements.
 */
export function stackRows(rows: readonly Tensor[], dtype: DType): Tensor {
  const cols = rows[0]?.size ?? 0;
  const out = allocate(dtype, rows.length * cols);
  rows.forEach((row, i) => out.set(row.data, i * cols));
  return new Tensor(dtype, [rows.length, cols], out);
}

/** Rows become columns. An empty matrix has no element to move: no pass over its empty rows. */
export function transpose(t: Tensor, shouldStop?: ShouldStop): Tensor {
  if (t.shape.length !== 2) return t;
  const [r, c] = t.shape;
  const out = zeros(t.dtype, [c, r]);
  if (r * c === 0) return out;
  const rowsPerCheck = Math.max(1, Math.floor(CHUNK / c));
  for (let i = 0; i < r; i++) {
    if (i % rowsPerCheck === 0) checkInterrupt(shouldStop);
    for (let j = 0; j < c; j++) out.data[j * r + i] = t.data[i * c + j];
  }
  return out;
}

/** Row-major elements as plain numbers. */
export function toArray(t: Tensor): number[] {
  return Array.from(t.data);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
