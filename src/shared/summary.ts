/**
 * Which items of a large value are shown, the way NumPy prints arrays: past
 * SUMMARY_THRESHOLD elements, only the first and last EDGE_ITEMS along each
 * axis, with a gap between them (NumPy's `threshold=1000, edgeitems=3`); tables
 * the way pandas prints data frames: past MAX_TABLE_ROWS rows, the first and
 * last TABLE_EDGE_ROWS. Nothing here knows how the items are drawn.
 */

import type { DisplayValue, JsonNumber, NeuronDisplay, TableDisplay, TensorDisplay } from './output';

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

/**
 * The rows and columns a tensor of this shape shows (a vector is one row, a tensor of more
 * axes its flat elements), GAP where items are left out; every index when not summarised.
 */
function shownGrid(shape: readonly number[], summarised: boolean): { rows: number[]; cols: number[] } {
  const matrix = shape.length === 2;
  const cols = matrix ? shape[1]! : shape.reduce((n, d) => n * d, 1);
  return { rows: matrix ? shownIndices(shape[0]!, summarised) : [0], cols: shownIndices(cols, summarised) };
}

/**
 * A tensor display's `summary` for this shape, or undefined where the tensor is shown whole:
 * given to a Session (SessionOptions.tensorSummary), so that a result of millions of elements
 * is displayed from the items it shows, never copied whole into a JSON array first.
 */
export function tensorSummary(shape: readonly number[]): { rows: number[]; cols: number[] } | undefined {
  return isSummarised(shape) ? shownGrid(shape, true) : undefined;
}

/** A tensor as a grid of rows and columns to show: the indices kept (GAP for '...') and the value at each. */
export interface TensorGrid {
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  /** The element at a kept row and column (positions in `rows` and `cols`). */
  value(row: number, col: number): JsonNumber;
}

/** Rows and columns of a tensor (a vector is one row), summarised past the threshold or as `summary` says. */
export function tensorGrid(d: TensorDisplay): TensorGrid {
  const matrix = d.shape.length === 2;
  const cols = matrix ? d.shape[1]! : d.data.length;
  if (d.summary) {
    const keptCols = d.summary.cols.filter((c) => c !== GAP).length;
    const rowAt = new Map<number, number>();
    d.summary.rows.forEach((r, i) => (r === GAP ? undefined : rowAt.set(i, rowAt.size)));
    const colAt = new Map<number, number>();
    d.summary.cols.forEach((c, j) => (c === GAP ? undefined : colAt.set(j, colAt.size)));
    return { rows: d.summary.rows, cols: d.summary.cols, value: (i, j) => d.data[rowAt.get(i)! * keptCols + colAt.get(j)!]! };
  }
  const { rows, cols: shownCols } = shownGrid(matrix ? d.shape : [d.data.length], isSummarised(d.shape));
  return { rows, cols: shownCols, value: (i, j) => d.data[rows[i]! * cols + shownCols[j]!]! };
}

/**
 * A display as a notebook output carries it: a tensor past the threshold keeps only the
 * items its summary shows, a table past MAX_TABLE_ROWS only its first and last rows, so a
 * result of 50 million elements costs a notebook kilobytes, not a gigabyte (what is shown
 * of it is the same). Everything else is unchanged.
 */
export function summarised(d: DisplayValue): DisplayValue {
  if (d.kind === 'tensor' && !d.summary && isSummarised(d.shape)) return summariseTensor(d);
  if (d.kind === 'table' && !d.summary) return summariseTable(d);
  if (d.kind === 'neuron' && !d.summary && d.points > SUMMARY_THRESHOLD) return summariseNeuron(d);
  return d;
}

/** A neuron on many points keeps the ends of its pre and out (its text reads only its summaries: formula, active, mean, range). */
function summariseNeuron(d: NeuronDisplay): NeuronDisplay {
  const points = shownIndices(d.points, true);
  const kept = points.filter((i) => i !== GAP);
  return { ...d, pre: kept.map((i) => d.pre[i]!), out: kept.map((i) => d.out[i]!), summary: { points } };
}

function summariseTensor(d: TensorDisplay): TensorDisplay {
  const grid = tensorGrid(d);
  const data: JsonNumber[] = [];
  grid.rows.forEach((r, i) => {
    if (r !== GAP) grid.cols.forEach((c, j) => (c === GAP ? undefined : data.push(grid.value(i, j))));
  });
  return { ...d, data, summary: { rows: [...grid.rows], cols: [...grid.cols] } };
}

function summariseTable(d: TableDisplay): TableDisplay {
  const total = d.columns[0]?.data.length ?? 0;
  if (total <= MAX_TABLE_ROWS) return d;
  const rows = shownIndices(total, true, TABLE_EDGE_ROWS);
  const kept = rows.filter((r) => r !== GAP);
  return { ...d, columns: d.columns.map((c) => ({ ...c, data: kept.map((r) => c.data[r]!) })), summary: { rows, total } };
}

/** A table's rows to show: the indices kept (GAP for '...') and the position of each kept row in the columns' data. */
export function tableRows(d: TableDisplay): { rows: readonly number[]; total: number; at(i: number): number } {
  if (d.summary) {
    // kept rows are stored in order: the k-th kept row is data[k]
    const at: number[] = [];
    let k = 0;
    d.summary.rows.forEach((r, i) => { if (r !== GAP) at[i] = k++; });
    return { rows: d.summary.rows, total: d.summary.total, at: (i) => at[i]! };
  }
  const total = d.columns[0]?.data.length ?? 0;
  const rows = shownIndices(total, total > MAX_TABLE_ROWS, TABLE_EDGE_ROWS);
  return { rows, total, at: (i) => rows[i]! };
}
