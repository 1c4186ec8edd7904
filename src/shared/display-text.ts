/**
 * A display (src/shared/output.ts) as plain text: what the CLI prints, the
 * text/plain item of a cell's output, and what is shown where no renderer is.
 */
import { formatNumber, type DisplayValue, type JsonNumber } from './output';
import { capitalised } from './error-heading';
import { datasetText, gradflowText, networkText, trainingText } from './network-text';
import { GAP, isSummarised, MAX_TABLE_ROWS, shownIndices, SUMMARY_THRESHOLD, TABLE_EDGE_ROWS } from './summary';

export function displayText(d: DisplayValue): string {
  switch (d.kind) {
    case 'number': return formatNumber(d.value);
    case 'string': return d.value;
    case 'boolean': return String(d.value);
    case 'none': return '';
    // the compiler-style line the CLI prints on stderr; an error with no place (an interrupt) is a sentence
    case 'error': return d.line > 0 ? `error at line ${d.line}, column ${d.column}: ${d.message}` : capitalised(d.message);
    case 'function': return `${d.name}(x) = ${d.formula}\n${d.name}'(x) = ${d.derivative}`;
    case 'tensor': {
      const summarised = isSummarised(d.shape);
      const size = d.shape.reduce((n, k) => n * k, 1);
      const header = `${d.dtype} tensor, shape [${d.shape.join(', ')}]${summarised ? ` (${count(size)} elements; past ${count(SUMMARY_THRESHOLD)}, the first and last items are shown, as NumPy does)` : ''}`;
      return `${header}\n${tensorRows(d.data, d.shape, summarised)}`;
    }
    case 'plot': return `plot${d.title ? ` "${d.title}"` : ''}: ${d.series.map((s) => s.name).join(', ')}`;
    case 'table': {
      const rows = d.columns[0]?.data.length ?? 0;
      const summarised = rows > MAX_TABLE_ROWS;
      const shown = shownIndices(rows, summarised, TABLE_EDGE_ROWS);
      const cells = [d.columns.map((c) => c.name), ...shown.map((i) => d.columns.map((c) => (i === GAP ? '...' : formatNumber(c.data[i]))))];
      const widths = d.columns.map((_, j) => cells.reduce((w, r) => Math.max(w, r[j].length), 0));
      const text = cells.map((r) => r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
      return summarised ? `${text}\n[${count(rows)} rows × ${d.columns.length} columns; past ${MAX_TABLE_ROWS} rows, the first and last ${TABLE_EDGE_ROWS} are shown]` : text;
    }
    case 'network': return networkText(d);
    case 'dataset': return datasetText(d);
    case 'gradflow': return gradflowText(d);
    case 'training': return trainingText(d);
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Right-aligned numbers: a vector in one row, a matrix one row per row with its columns lined
 * up; summarised ones show both ends of each axis with '...' between. Only shown items are
 * formatted, so an empty matrix of a billion rows or a huge vector prints at once.
 */
function tensorRows(data: readonly JsonNumber[], shape: readonly number[], summarised: boolean): string {
  if (data.length === 0) return '[]';
  if (shape.length !== 2) {
    const items = shownIndices(data.length, summarised).map((i) => (i === GAP ? '...' : formatNumber(data[i]!)));
    return `[${items.join(', ')}]`;
  }
  const [rows, cols] = shape as [number, number];
  const shownCols = shownIndices(cols, summarised);
  const lines = shownIndices(rows, summarised).map((r) => (r === GAP ? undefined : shownCols.map((c) => (c === GAP ? '...' : formatNumber(data[r * cols + c]!)))));
  const width = lines.reduce((w, line) => Math.max(w, ...(line ?? []).map((t) => t.length)), 0);
  const text = lines.map((line) => (line === undefined ? '...' : `[${line.map((t) => t.padStart(width)).join(', ')}]`));
  return `[${text.join(',\n ')}]`;
}
