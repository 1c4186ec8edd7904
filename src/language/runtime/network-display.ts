/**
 * Display JSON (src/shared/output.ts) for networks, data sets, training runs
 * and gradient flow.
 */
import { deadUnitIndices, gridAnswers, linearActivation, packNumbers, predict, unitFormula, unitInputs, type Network, type WeightSnapshots } from '../../engine';
import type { DatasetDisplay, DecisionBoundary, GradflowDisplay, JsonNumber, LayerSummary, NetworkDisplay, NeuronDisplay, TrainingDisplay, WeightSnapshotsDisplay } from '../../shared/output';
import { activationProgram } from './activation-program';
import { toJsonNumber } from './json-number';
import { historyColumns, historyMatrix, type DatasetData, type NeuronData, type TrainingData } from './network-values';

/** Grid points per side of the decision-boundary heatmap (Playground draws 100; 50 keeps outputs small). */
export const BOUNDARY_GRID = 50;
/** Points drawn over the heatmap at most; larger data sets show an evenly spaced subset. */
export const MAX_POINTS_SHOWN = 2000;

/** Networks with more parameters than this carry no weights in their display (and draw no diagram). */
export const MAX_DIAGRAM_PARAMETERS = 20_000;

export function networkDisplay(net: Network): NetworkDisplay {
  const small = net.parameters.length <= MAX_DIAGRAM_PARAMETERS;
  return {
    kind: 'network',
    dtype: net.dtype,
    layers: net.layers.map((l): LayerSummary => {
      const a = l.activation;
      const kernel = a === linearActivation ? { name: 'linear', parameters: {} } : a.catalogue && { name: a.catalogue.definition.name, parameters: a.catalogue.parameters };
      const program = kernel ? undefined : activationProgram(a);
      return {
        inputs: l.inputs, outputs: l.outputs, activation: a.label, parameters: l.parameterCount,
        ...(l.slopeIndex >= 0 ? { slope: toJsonNumber(net.slope(l)) } : {}),
        ...(kernel ? { kernel: { name: kernel.name, parameters: jsonParameters(kernel.parameters) } } : {}),
        ...(program ? { program } : {}),
      };
    }),
    parameters: net.parameters.length,
    // the diagram (renderer/network-view.ts) runs the network itself from these
    ...(small ? { weights: Array.from(net.parameters, toJsonNumber) } : {}),
  };
}

/** What a neuron computes with its numbers in (the engine's one spelling, as the diagram's hover shows it). */
export function neuronFormula(n: NeuronData): string {
  return unitFormula(n.activation, n.weights, n.bias, unitInputs(n.layer, n.weights.length), n.slope === undefined ? {} : { slope: n.slope });
}

/** neuron(...)'s display: every field of the value, its formula, and where its pre-activations lie. */
export function neuronDisplay(n: NeuronData, layers: number): NeuronDisplay {
  let lo = Infinity, hi = -Infinity;
  for (const z of n.pre) {
    if (z < lo) lo = z;
    if (z > hi) hi = z;
  }
  const empty = n.pre.length === 0;
  return {
    kind: 'neuron', layer: n.layer, unit: n.unit, layers, activation: n.activation,
    formula: neuronFormula(n),
    weights: Array.from(n.weights, toJsonNumber), bias: toJsonNumber(n.bias),
    active: toJsonNumber(n.active), dead: n.dead ? 1 : 0, mean: toJsonNumber(n.mean),
    points: n.pre.length,
    pre: Array.from(n.pre, toJsonNumber), out: Array.from(n.out, toJsonNumber),
    preRange: empty ? ['NaN', 'NaN'] : [toJsonNumber(lo), toJsonNumber(hi)],
    ...(empty || !Number.isFinite(lo) || !Number.isFinite(hi) ? {} : { histogram: histogram(n.pre, lo, hi) }),
    kinks: [...n.kinks],
  };
}

/** Bins of a neuron's pre-activation histogram: enough to see a shape, few enough to stay small in a saved output. */
export const HISTOGRAM_BINS = 30;

/** Counts of `values` in HISTOGRAM_BINS equal bins from lo to hi (one bin of width 1 around them when all are equal). */
function histogram(values: ArrayLike<number>, lo: number, hi: number): { edges: number[]; counts: number[] } {
  const bins = hi > lo ? HISTOGRAM_BINS : 1;
  const from = hi > lo ? lo : lo - 0.5;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - from) / width))]++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins && hi > lo ? hi : from + i * width)), counts };
}

/** Parameters as JSON holds them: inf as "Infinity" (a string parameter never is one: they are names like "tanh"). */
function jsonParameters(p: Readonly<Record<string, number | string>>): Record<string, JsonNumber | string> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' ? toJsonNumber(v) : v]));
}

function snapshotsDisplay(s: WeightSnapshots): WeightSnapshotsDisplay | undefined {
  if (s.epochs.length === 0) return undefined;
  return { epochs: [...s.epochs], weights: s.weights.map((w) => packNumbers(w)) };
}

export function datasetDisplay(d: DatasetData, testRows?: Int32Array): DatasetDisplay {
  const n = d.y.size;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS_SHOWN));
  const held = new Uint8Array(n);
  if (testRows) for (const r of testRows) held[r] = 1;
  const x1: number[] = [], x2: number[] = [], y: number[] = [], test: boolean[] = [];
  for (let i = 0; i < n; i += step) {
    x1.push(d.x.data[2 * i]);
    x2.push(d.x.data[2 * i + 1]);
    y.push(d.y.data[i]);
    test.push(held[i] === 1);
  }
  return {
    kind: 'dataset', name: d.name, task: d.task,
    x1: x1.map(toJsonNumber), x2: x2.map(toJsonNumber), y: y.map(toJsonNumber),
    ...(testRows ? { test } : {}),
  };
}

export function gradflowDisplay(series: readonly { name: string; norms: ArrayLike<number> }[]): GradflowDisplay {
  return { kind: 'gradflow', series: series.map((s) => ({ name: s.name, norms: Array.from(s.norms, toJsonNumber) })) };
}

export function trainingDisplay(t: TrainingData, status: TrainingDisplay['status']): TrainingDisplay {
  const h = historyMatrix(t);
  const columns = historyColumns(t);
  const history = Array.from({ length: t.epochs }, (_, e) => Array.from(h.data.subarray(e * columns.length, (e + 1) * columns.length), toJsonNumber));
  const boundary = decisionBoundary(t);
  const network = networkDisplay(t.net);
  // a streamed update shows the weights now; the finished run also its snapshots, to replay
  const snapshots = status !== 'running' && t.snapshots ? snapshotsDisplay(t.snapshots) : undefined;
  return {
    kind: 'training', status, epochs: t.epochs, plannedEpochs: t.plannedEpochs,
    settings: `${t.optimizer}, lr=${t.lr}, loss ${t.loss}`,
    network, columns, history,
    ...(boundary ? { boundary } : {}),
    ...(snapshots ? { snapshots } : {}),
    ...(network.weights ? { dead: deadUnitIndices(t.net, t.data.x.data, t.data.y.size) } : {}),
  };
}

/** The network's output over the data's bounding box (padded 10%); for multi-class outputs the winning class. */
function decisionBoundary(t: TrainingData): DecisionBoundary | undefined {
  const net = t.net;
  if (net.inputs !== 2) return undefined;
  const xs = t.data.x.data;
  let lo1 = Infinity, hi1 = -Infinity, lo2 = Infinity, hi2 = -Infinity;
  for (let i = 0; i < xs.length; i += 2) {
    lo1 = Math.min(lo1, xs[i]); hi1 = Math.max(hi1, xs[i]);
    lo2 = Math.min(lo2, xs[i + 1]); hi2 = Math.max(hi2, xs[i + 1]);
  }
  if (!(hi1 > lo1) || !(hi2 > lo2)) return undefined;
  const axis = (lo: number, hi: number) => {
    const pad = (hi - lo) * 0.1;
    return Array.from({ length: BOUNDARY_GRID }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (BOUNDARY_GRID - 1));
  };
  const gx = axis(lo1, hi1);
  const gy = axis(lo2, hi2);
  const z = gridAnswers(net, gx, gy).map((row) => row.map(toJsonNumber));
  return { x: gx, y: gy, z, points: datasetDisplay(t.data, t.testRows) };
}
