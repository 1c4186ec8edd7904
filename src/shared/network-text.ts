/** Plain-text fallbacks for network, dataset, gradflow, training and neuron displays. */
import {
  formatNumber, fromJsonNumber, type DatasetDisplay, type GradflowDisplay, type JsonNumber, type NetworkDisplay, type NeuronDisplay, type TrainingDisplay,
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

/** Where a unit sits, as a student reads it: `hidden layer 1, unit 3` or `the output layer (2), unit 0`. */
export function unitPlace(layer: number, unit: number, layers: number): string {
  return `${layer === layers ? `output layer ${layer}` : `hidden layer ${layer}`}, unit ${unit}`;
}

/** A fraction as a percentage for a sentence: 62%, 0.4% and 99.6% near the ends, so 1 unit in 500 is not "0%". */
export function percent(v: JsonNumber): string {
  const f = fromJsonNumber(v);
  if (!Number.isFinite(f)) return formatNumber(v);
  const p = f * 100;
  const nearEnd = (p > 0 && p < 1) || (p > 99 && p < 100);
  return `${nearEnd ? Number(p.toPrecision(2)) : Math.round(p)}%`;
}

/** neuron(...) as lines: where it is, its formula, how often it passes a gradient, whether it is dead. */
export function neuronLines(d: NeuronDisplay): string[] {
  const n = d.points.toLocaleString('en-US');
  return [
    `neuron ${d.layer}:${d.unit} (${unitPlace(d.layer, d.unit, d.layers)}, ${d.activation})`,
    `  ${d.formula}`,
    `  active on ${percent(d.active)} of ${n} point${d.points === 1 ? '' : 's'} (its derivative is nonzero there), mean output ${short(d.mean)}`,
    d.dead === 1 ? `  dead: it outputs 0 on every point, so no gradient reaches its weights` : '  alive: it outputs something other than 0 on some points',
    `  pre-activation z from ${short(d.preRange[0])} to ${short(d.preRange[1])}; weights [${d.weights.map(short).join(', ')}], bias ${short(d.bias)}`,
  ];
}

export function neuronText(d: NeuronDisplay): string {
  return neuronLines(d).join('\n');
}
