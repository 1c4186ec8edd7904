/**
 * The floor: copying the input into a preallocated array of the same dtype with
 * TypedArray.prototype.set (a memcpy). Any elementwise kernel must at least read
 * n elements and write n elements, which is exactly what this does, so
 * "ours / copy" says how far a kernel is from being purely memory-bound.
 */
import type { Loop } from './common';

export const copyLoop: Loop = (x, y) => {
  y.set(x);
};
