/**
 * A display (src/shared/output.ts) as plain text: what the CLI prints, the
 * text/plain item of a cell's output, and what is shown where no renderer is.
 */
import { formatNumber, type DisplayValue, type JsonNumber } from './output';
import { capitalised } from './error-heading';
import { datasetText, gradflowText, networkText, trainingText } from './network-text';

const MAX_TEXT_ELEMENTS = 200;

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
      const header = `${d.dtype} tensor, shape [${d.shape.join(', ')}]`;
      if (d.data.length > MAX_TEXT_ELEMENTS) return `${header} (${d.data.length} elements, first ${MAX_TEXT_ELEMENTS} shown)\n${alignRows(d.data.slice(0, MAX_TEXT_ELEMENTS), [MAX_TEXT_ELEMENTS])}`;
      return `${header}\n${alignRows(d.data, d.shape)}`;
    }
    case 'plot': return `plot${d.title ? ` "${d.title}"` : ''}: ${d.series.map((s) => s.name).join(', ')}`;
    case 'table': {
      const rows = d.columns[0]?.data.length ?? 0;
      const cells = [d.columns.map((c) => c.name), ...Array.from({ length: rows }, (_, i) => d.columns.map((c) => formatNumber(c.data[i])))];
      const widths = d.columns.map((_, j) => Math.max(...cells.map((r) => r[j].length)));
      return cells.map((r) => r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
    }
    case 'network': return networkText(d);
    case 'dataset': return datasetText(d);
    case 'gradflow': return gradflowText(d);
    case 'training': return trainingText(d);
  }
}

/** Rows of right-aligned numbers: a vector is one row, a matrix one row per row. */
function alignRows(data: readonly JsonNumber[], shape: readonly number[]): string {
  const texts = data.map(formatNumber);
  if (shape.length !== 2) return `[${texts.join(', ')}]`;
  // a matrix's columns line up
  const width = Math.max(0, ...texts.map((t) => t.length));
  const cols = shape[1];
  const rows = Array.from({ length: shape[0] }, (_, r) => `[${texts.slice(r * cols, (r + 1) * cols).map((t) => t.padStart(width)).join(', ')}]`);
  return `[${rows.join(',\n ')}]`;
}
