/**
 * A value as the JSON its cell displays (src/shared/output.ts), and the plain
 * text shown where no renderer is available.
 */
import { formatNumber, toJsonNumber, type DisplayValue, type JsonNumber } from '../../shared/output';
import type { CallSite } from './call-site';
import { gradflowDisplay, networkDisplay, datasetDisplay, trainingDisplay } from './network-display';
import { datasetText, gradflowText, networkText, trainingText } from '../../shared/network-text';
import { DEFAULT_GRID, sampleCurve } from './sampling';
import type { Value } from './values';

export function toDisplay(value: Value, site: CallSite): DisplayValue {
  switch (value.kind) {
    case 'number': return { kind: 'number', value: toJsonNumber(value.value) };
    case 'tensor': {
      const t = value.tensor;
      if (value.gradflow !== undefined) return gradflowDisplay([{ name: value.gradflow, norms: t.data }]);
      return { kind: 'tensor', dtype: t.dtype, shape: [...t.shape], data: Array.from(t.data, toJsonNumber) };
    }
    case 'string': return { kind: 'string', value: value.value };
    case 'boolean': return { kind: 'boolean', value: value.value };
    case 'function': {
      const fn = value.fn;
      let derivative = '';
      try {
        derivative = fn.derivative(site).formula();
      } catch {
        derivative = '(no derivative)';
      }
      return { kind: 'function', name: fn.label, formula: fn.formula(), derivative, kinks: [...fn.kinks()], curve: sampleCurve(fn, DEFAULT_GRID, site) };
    }
    case 'plot':
    case 'table':
      return value.display;
    case 'network': return networkDisplay(value.network.net);
    case 'dataset': return datasetDisplay(value.dataset);
    case 'training': return trainingDisplay(value.training, value.training.stopped ? 'interrupted' : 'done');
    case 'none':
      return { kind: 'none' };
  }
}

export { formatNumber };

const MAX_TEXT_ELEMENTS = 200;

export function displayText(d: DisplayValue): string {
  switch (d.kind) {
    case 'number': return formatNumber(d.value);
    case 'string': return d.value;
    case 'boolean': return String(d.value);
    case 'none': return '';
    case 'error': return d.line > 0 ? `error at line ${d.line}, column ${d.column}: ${d.message}` : `error: ${d.message}`;
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
