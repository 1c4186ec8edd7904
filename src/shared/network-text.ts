/** Plain-text fallbacks for network, dataset, gradflow and training displays. */
import {
  formatNumber, fromJsonNumber, type DatasetDisplay, type GradflowDisplay, type JsonNumber, type NetworkDisplay, type TrainingDisplay,
} from './output';

const short = (v: JsonNumber): string => {
  const n = fromJsonNumber(v);
  return Number.isFinite(n) && !Number.isInteger(n) ? String(Number(n.toPrecision(4))) : formatNumber(v);
};

export function networkText(d: NetworkDisplay): string {
  const rows = d.layers.map((l, i) => `  ${i}: dense ${l.inputs} -> ${l.outputs}, ${l.activation}${l.slope !== undefined ? ` (slope ${short(l.slope)})` : ''}, ${l.parameters} parameters`);
  return [`network (${d.dtype}), ${d.parameters} parameters`, ...rows].join('\n');
}

export function datasetText(d: DatasetDisplay): string {
  const n = d.y.length;
  if (d.task === 'classification') {
    const ones = d.y.filter((v) => v === 1).length;
    return `dataset "${d.name}": ${n} points in 2-D, labels 0 (${n - ones}) and 1 (${ones})`;
  }
  return `dataset "${d.name}": ${n} points in 2-D, regression targets`;
}

export function gradflowText(d: GradflowDisplay): string {
  return ['gradient norm per layer at initialisation (layer 0 next to the input)', ...d.series.map((s) => `  ${s.name}: ${s.norms.map((v) => fromJsonNumber(v).toExponential(2)).join(' ')}`)].join('\n');
}

export function trainingText(d: TrainingDisplay): string {
  const status = d.status === 'done' ? '' : d.status === 'running' ? ' (running)' : ' (interrupted)';
  // grouped like the interrupt's message (1,190 of 1,000,000), which quotes the same counts
  const head = `training run${status}: ${d.epochs.toLocaleString('en-US')} of ${d.plannedEpochs.toLocaleString('en-US')} epochs, ${d.settings}`;
  const last = d.history[d.history.length - 1];
  if (!last) return head;
  const figures = d.columns.slice(1).map((c, i) => `${c} ${short(last[i + 1])}`);
  return `${head}\n  ${figures.join(', ')}`;
}
