/**
 * Softmax and log-softmax over one row (a contiguous run of a typed array).
 *
 * The row maximum is subtracted before exponentiating, so no exp overflows and
 * the largest term is exactly 1. Nothing is allocated: scratch values live in
 * the output row.
 */
import type { FloatArray } from '../definition';
import { exp, log } from '../../numerics/exp-log';

function rowMax(x: FloatArray, offset: number, length: number): number {
  let m = -Infinity;
  for (let i = offset; i < offset + length; i++) {
    const v = x[i];
    if (v > m || v !== v) m = v; // NaN wins, so a NaN input poisons the row visibly
  }
  return m;
}

/** Writes exp(x - max) into y and returns their sum (at least 1 unless NaN). */
function shiftedExponentials(x: FloatArray, y: FloatArray, offset: number, length: number): number {
  const m = rowMax(x, offset, length);
  let sum = 0;
  for (let i = offset; i < offset + length; i++) {
    const e = exp(x[i] - m);
    y[i] = e;
    sum += e;
  }
  return sum;
}

export function softmaxRow(x: FloatArray, y: FloatArray, offset: number, length: number): void {
  const m = rowMax(x, offset, length);
  let sum = 0;
  for (let i = offset; i < offset + length; i++) sum += exp(x[i] - m);
  // Recompute exp rather than read back y: in float32 storage y holds rounded values.
  for (let i = offset; i < offset + length; i++) y[i] = exp(x[i] - m) / sum;
}

/** d y_i / d x_i = y_i (1 - y_i). */
export function softmaxRowDiagonal(x: FloatArray, y: FloatArray, offset: number, length: number): void {
  softmaxRow(x, y, offset, length);
  for (let i = offset; i < offset + length; i++) y[i] = y[i] * (1 - y[i]);
}

/** dx = y * (g - sum_j g_j y_j), y = softmax(x). */
export function softmaxRowBackward(x: FloatArray, g: FloatArray, dx: FloatArray, offset: number, length: number): void {
  softmaxRow(x, dx, offset, length);
  let dot = 0;
  for (let i = offset; i < offset + length; i++) dot += g[i] * dx[i];
  for (let i = offset; i < offset + length; i++) dx[i] = dx[i] * (g[i] - dot);
}

/** x - max - log(sum exp(x - max)). */
export function logSoftmaxRow(x: FloatArray, y: FloatArray, offset: number, length: number): void {
  const m = rowMax(x, offset, length);
  const logSum = log(shiftedExponentials(x, y, offset, length));
  for (let i = offset; i < offset + length; i++) y[i] = (x[i] - m) - logSum;
}

/** d y_i / d x_i = 1 - softmax(x)_i. */
export function logSoftmaxRowDiagonal(x: FloatArray, y: FloatArray, offset: number, length: number): void {
  softmaxRow(x, y, offset, length);
  for (let i = offset; i < offset + length; i++) y[i] = 1 - y[i];
}

/** dx = g - softmax(x) * sum_j g_j. */
export function logSoftmaxRowBackward(x: FloatArray, g: FloatArray, dx: FloatArray, offset: number, length: number): void {
  let total = 0;
  for (let i = offset; i < offset + length; i++) total += g[i];
  softmaxRow(x, dx, offset, length);
  for (let i = offset; i < offset + length; i++) dx[i] = g[i] - dx[i] * total;
}
