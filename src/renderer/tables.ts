/**
 * Tensors and tables as rows of cell texts, for the renderer to put into an
 * HTML table (with textContent). Pure, no DOM.
 */
import { formatNumber, type JsonNumber, type NetworkDisplay, type TableDisplay, type TensorDisplay } from '../shared/output';
import { EDGE_ITEMS, GAP, TABLE_EDGE_ROWS, tableRows, tensorGrid } from '../shared/summary';

/** Most tensor elements drawn; the rest are summarised in a note. */
export const MAX_TENSOR_ELEMENTS = 200;

export interface TableView {
  /** Shown above the table, e.g. `float32 tensor, shape [2, 3]`. */
  readonly caption?: string;
  readonly header: readonly string[];
  /** Row labels (index column) when the rows have names, e.g. matrix rows. */
  readonly rowLabels?: readonly string[];
  /** The cell above the row labels, saying what the header and the labels are (`index`, `row \\ col`). */
  readonly corner?: string;
  readonly rows: readonly (readonly string[])[];
  /** Why not everything is shown, when it is not. */
  readonly note?: string;
}

/** As LANGUAGE.md writes numbers: nan, inf, -inf, -0. */
export function formatValue(v: JsonNumber | undefined): string {
  return v === undefined ? '' : formatNumber(v);
}

export function tensorView(d: TensorDisplay, maxElements = MAX_TENSOR_ELEMENTS): TableView {
  const caption = `${d.dtype} tensor, shape [${d.shape.join(', ')}]`;
  if (d.summary) return summaryView(d, caption);
  const total = d.data.length;
  if (d.shape.length === 0) return { caption, header: [], rows: [[formatValue(d.data[0])]] };
  // Rank 1 is one row; rank >= 2 is one row per index of all but the last dimension.
  const cols = d.shape[d.shape.length - 1];
  const rowCount = cols === 0 ? 0 : total / cols;
  const shownCols = Math.min(cols, maxElements);
  const shownRows = d.shape.length === 1 ? Math.min(1, rowCount) : Math.min(rowCount, Math.max(1, Math.floor(maxElements / Math.max(1, shownCols))));
  const rows: string[][] = [];
  const labels: string[] = [];
  for (let r = 0; r < shownRows; r++) {
    rows.push(d.data.slice(r * cols, r * cols + shownCols).map(formatValue));
    labels.push(rowLabel(r, d.shape));
  }
  const shown = shownRows * shownCols;
  const note = shown < total ? `showing ${shown} of ${total} elements (${shownRows} of ${rowCount} rows, ${shownCols} of ${cols} columns)` : undefined;
  // The header is indices, never inputs: a vector's one row is labelled `value` under the
  // header's `index`, a matrix's rows and columns by number under `row \ col`.
  const vector = d.shape.length === 1;
  return {
    caption,
    header: Array.from({ length: shownCols }, (_, j) => String(j)),
    rowLabels: vector ? rows.map(() => 'value') : labels,
    corner: vector ? 'index' : d.shape.length === 2 ? 'row \\ col' : 'index',
    rows,
    ...(note ? { note } : {}),
  };
}

/**
 * A tensor too large to carry whole, as NumPy prints it: its first and last rows and columns
 * with '…' between (the output holds only those), labelled by their real indices.
 */
function summaryView(d: TensorDisplay, caption: string): TableView {
  const grid = tensorGrid(d);
  const label = (i: number) => (i === GAP ? '…' : String(i));
  const rows = grid.rows.map((r, i) => grid.cols.map((c, j) => (r === GAP || c === GAP ? '…' : formatValue(grid.value(i, j)))));
  const size = d.shape.reduce((n, k) => n * k, 1);
  const vector = d.shape.length !== 2;
  return {
    caption,
    header: grid.cols.map(label),
    rowLabels: vector ? ['value'] : grid.rows.map(label),
    corner: vector ? 'index' : 'row \\ col',
    rows,
    note: `showing the first and last ${EDGE_ITEMS} of each axis of ${size.toLocaleString('en-US')} elements, as NumPy prints them`,
  };
}

/** The index of row r of a tensor (all dimensions but the last): `0` for a matrix, `[1, 2]` above. */
function rowLabel(r: number, shape: readonly number[]): string {
  const dims = shape.slice(0, -1);
  if (dims.length <= 1) return String(r);
  const index: number[] = [];
  for (let k = dims.length - 1; k >= 0; k--) {
    index.unshift(r % dims[k]);
    r = Math.floor(r / dims[k]);
  }
  return `[${index.join(', ')}]`;
}

export function tableView(d: TableDisplay, maxRows = MAX_TENSOR_ELEMENTS): TableView {
  if (d.summary) {
    const { rows, total, at } = tableRows(d);
    return {
      header: d.columns.map((c) => c.name),
      rows: rows.map((r, i) => d.columns.map((c) => (r === GAP ? '…' : formatValue(c.data[at(i)])))),
      note: `showing the first and last ${TABLE_EDGE_ROWS} of ${total.toLocaleString('en-US')} rows`,
    };
  }
  const n = d.columns.reduce((m, c) => Math.max(m, c.data.length), 0);
  const shown = Math.min(n, maxRows);
  const rows = Array.from({ length: shown }, (_, i) => d.columns.map((c) => formatValue(c.data[i])));
  return {
    header: d.columns.map((c) => c.name),
    rows,
    ...(shown < n ? { note: `showing ${shown} of ${n} rows` } : {}),
  };
}

/** A network's layers as a table: sizes, activation, parameters (and prelu slopes). */
export function networkView(d: NetworkDisplay): TableView {
  const withSlope = d.layers.some((l) => l.slope !== undefined);
  return {
    caption: `network (${d.dtype}), ${d.parameters} parameters`,
    header: ['layer', 'inputs', 'outputs', 'activation', 'parameters', ...(withSlope ? ['slope'] : [])],
    rows: d.layers.map((l, i) => [
      String(i), String(l.inputs), String(l.outputs), l.activation, String(l.parameters),
      ...(withSlope ? [formatValue(l.slope)] : []),
    ]),
  };
}
