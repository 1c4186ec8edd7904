/**
 * Tensors a notebook variable alone holds, whose storage is given back the moment the
 * variable is reassigned, instead of when the collector finds them.
 *
 * Why: a cell run again (`y = x * sigmoid(1.702 * x)`) makes its new tensor while the old
 * one is still y's. Left to the collector, the old block is freed only after a full
 * collection, so between collections each run takes never-written memory, and a page first
 * written costs a fault: over 1M float64 points, 3.6 ms a run on reused memory against
 * 9.2 ms in the language bench's runs (bench/language.ts), and the heap's pages climbing by
 * 8 MB a run. Freed at once, the next run takes the same block.
 *
 * When it is safe: storage is given back only if nothing but the variable can still read it.
 * A tensor is held alone when
 * 1. the assignment's own top-level operation made it (a fused loop's output, or an
 *    elementwise activation applied to a tensor: both allocate a new tensor, which goes
 *    straight to the assignment and is seen by nothing else on the way), and
 * 2. the variable has not been read since, except element by element by a fused loop, which
 *    keeps nothing. Every other read (`z = y`, `+y`, `plot(y)`, a function's default or a
 *    partial application `g = f(a = y)`) may keep the tensor, so it ends the sole hold for good.
 * The evaluator's lookup of a global is where a read happens (shareStorage); the fused walk
 * reads its leaves without sharing them, and shares a leaf the moment it is used any other way.
 */
import { releaseStorage, type FloatArray } from '../../engine';
import type { Value } from './values';

const heldAlone = new WeakSet<FloatArray>();

/** `value` has been read by something that may keep it: its variable no longer holds it alone. */
export function shareStorage(value: Value): void {
  if (value.kind === 'tensor') heldAlone.delete(value.tensor.data);
}

/**
 * A variable has been bound to `next` in place of `previous`. `made`: the assignment's top-level
 * operation made `next` (rule 1 above), so the variable holds it alone. The storage of a
 * `previous` held alone is given back now.
 */
export function rebound(previous: Value | undefined, next: Value, made: boolean): void {
  const old = previous?.kind === 'tensor' ? previous.tensor.data : undefined;
  if (old && heldAlone.delete(old) && !(next.kind === 'tensor' && next.tensor.data === old)) releaseStorage(old);
  if (made && next.kind === 'tensor') heldAlone.add(next.tensor.data);
}

/** Whether a variable holds `value` alone (for tests). */
export function heldAloneByVariable(value: Value): boolean {
  return value.kind === 'tensor' && heldAlone.has(value.tensor.data);
}
