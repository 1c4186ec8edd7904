/**
 * A display (src/shared/output.ts) as plain text: what the CLI prints, the
 * text/plain item of a cell's output, and what is shown where no renderer is.
 */
import { formatNumber, type DisplayValue, type TensorDisplay } from './output';
import { capitalised } from './error-heading';
import { checkText } from './check-text';
import { datasetText, gradflowText, networkText, neuronText, trainingText } from './network-text';
import { describePlot } from './plot-description';
import { graphText } from './graph-text';
import { GAP, isSummarised, MAX_TABLE_ROWS, SUMMARY_THRESHOLD, TABLE_EDGE_ROWS, tableRows, tensorGrid } from './summary';

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
      const size = d.shape.reduce((n, k) => n * k, 1);
      const summarised = d.summary !== undefined || isSummarised(d.shape);
      const header = `${d.dtype} tensor, shape [${d.shape.join(', ')}]${summarised ? ` (${count(size)} elements; past ${count(SUMMARY_THRESHOLD)}, the first and last items are shown, as NumPy does)` : ''}`;
      return `${header}\n${tensorRows(d)}`;
    }
    case 'plot': return describePlot(d);
    case 'table': {
      const { rows, total, at } = tableRows(d);
      const cells = [d.columns.map((c) => c.name), ...rows.map((r, i) => d.columns.map((c) => (r === GAP ? '...' : formatNumber(c.data[at(i)]!))))];
      const widths = d.columns.map((_, j) => cells.reduce((w, r) => Math.max(w, r[j]!.length), 0));
      const text = cells.map((r) => r.map((c, j) => c.padStart(widths[j]!)).join('  ')).join('\n');
      return total > MAX_TABLE_ROWS ? `${text}\n[${count(total)} rows × ${d.columns.length} columns; past ${MAX_TABLE_ROWS} rows, the first and last ${TABLE_EDGE_ROWS} are shown]` : text;
    }
    case 'network': return networkText(d);
    case 'dataset': return datasetText(d);
    case 'gradflow': return gradflowText(d);
    case 'training': return trainingText(d);
    case 'neuron': return neuronText(d);
    case 'graph': return graphText(d);
    // the cell's own value (when it ended in one) above its checks
    case 'check': return d.shown ? `${displayText(d.shown)}\n${checkText(d)}` : checkText(d);
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Right-aligned numbers: a vector in one row, a matrix one row per row with its columns lined
 * up; summarised ones show both ends of each axis with '...' between. Only shown items are
 * formatted, so an empty matrix of a billion rows or a huge vector prints at once.
 */
function tensorRows(d: TensorDisplay): string {
  if (d.data.length === 0) return '[]';
  const grid = tensorGrid(d);
  const lines = grid.rows.map((r, i) => (r === GAP ? undefined : grid.cols.map((c, j) => (c === GAP ? '...' : formatNumber(grid.value(i, j))))));
  if (d.shape.length !== 2) return `[${lines[0]!.join(', ')}]`;
  const width = lines.reduce((w, line) => Math.max(w, ...(line ?? []).map((t) => t.length)), 0);
  const text = lines.map((line) => (line === undefined ? '...' : `[${line.map((t) => t.padStart(width)).join(', ')}]`));
  return `[${text.join(',\n ')}]`;
}
