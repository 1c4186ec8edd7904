/**
 * Which items of a large value are shown, the way NumPy prints arrays: past
 * SUMMARY_THRESHOLD elements, only the first and last EDGE_ITEMS along each
 * axis, with a gap between them (NumPy's `threshold=1000, edgeitems=3`); tables
 * the way pandas prints data frames: past MAX_TABLE_ROWS rows, the first and
 * last TABLE_EDGE_ROWS. Nothing here knows how the items are drawn.
 */

/** Tensors with more elements than this are summarised. */
export const SUMMARY_THRESHOLD = 1000;
/** Items kept at each end of a summarised axis. */
export const EDGE_ITEMS = 3;
/** Tables with more rows than this are summarised. */
export const MAX_TABLE_ROWS = 60;
/** Rows kept at each end of a summarised table. */
export const TABLE_EDGE_ROWS = 5;

/** The gap where items were left out. */
export const GAP = -1;

/** The indices shown along an axis of `length` items: all of them, or both ends with GAP between. */
export function shownIndices(length: number, summarised: boolean, edge = EDGE_ITEMS): number[] {
  if (!summarised || length <= 2 * edge) return Array.from({ length }, (_, i) => i);
  const head = Array.from({ length: edge }, (_, i) => i);
  const tail = Array.from({ length: edge }, (_, i) => length - edge + i);
  return [...head, GAP, ...tail];
}

/** Whether a tensor of this shape prints summarised. */
export function isSummarised(shape: readonly number[]): boolean {
  return shape.reduce((n, d) => n * d, 1) > SUMMARY_THRESHOLD;
}
