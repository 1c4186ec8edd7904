/**
 * What the network builtins return, as language values:
 *
 *   network   an engine Network plus the labels of its activations; callable (forward pass)
 *   dataset   n points: `x` an n × 2 matrix, `y` the n labels (0/1) or regression targets
 *   training  a finished (or interrupted) training run: the trained copy, its history, the data
 *   neuron    one unit on some data: weights, bias, pre-activations, outputs, active, dead
 *
 * Each kind has fields (fields.ts) and can be indexed (`data[i]`, `fit[k]`, `net[l]`).
 */
import { fromNested, Tensor, type DType, type History, type Network, type Task, type UnitInspection, type WeightSnapshots } from '../../engine';

export interface NetworkData {
  readonly net: Network;
}

/** neuron(net, layer, unit, data): the unit's weights, bias, pre-activations and outputs on the data (engine/network/neuron.ts). */
export interface NeuronData extends UnitInspection {
  readonly dtype: DType;
  /** The network's number of layers of weights (the output layer's number). */
  readonly layers: number;
  /** Where the layer's activation has kinks (relu: 0). */
  readonly kinks: readonly number[];
  /** The layer's learned slope (prelu), written after its formula. */
  readonly slope?: number;
}

export interface DatasetData {
  readonly name: string;
  readonly task: Task;
  /** n × 2 */
  readonly x: Tensor;
  /** n */
  readonly y: Tensor;
}

export interface TrainingData {
  /** The trained copy; the network passed to train() is never changed. */
  readonly net: Network;
  readonly history: History;
  readonly epochs: number;
  readonly plannedEpochs: number;
  readonly stopped: boolean;
  readonly data: DatasetData;
  readonly testRows: Int32Array;
  readonly loss: string;
  readonly optimizer: string;
  readonly lr: number;
  /** The weights at about 50 epochs, for the display's epoch scrubber; absent for runs made otherwise. */
  readonly snapshots?: WeightSnapshots;
}

/** Column names of fit.history, in order (the README documents the same). */
export function historyColumns(t: Pick<TrainingData, 'history'>): string[] {
  return [
    'epoch', 'loss', 'test_loss', 'accuracy', 'test_accuracy',
    ...t.history.dead.map((_, l) => `dead_${l + 1}`),
    ...t.history.slopes.map((_, i) => `slope_${i + 1}`),
  ];
}

/** fit.history: one row per completed epoch, columns as historyColumns. */
export function historyMatrix(t: Pick<TrainingData, 'history' | 'epochs'>): Tensor {
  const h = t.history;
  const rows = Array.from({ length: t.epochs }, (_, e) => [
    e + 1, h.loss[e], h.testLoss[e], h.accuracy[e], h.testAccuracy[e],
    ...h.dead.map((d) => d[e]), ...h.slopes.map((s) => s[e]),
  ]);
  const columns = historyColumns(t).length;
  return rows.length === 0 ? new Tensor('float64', [0, columns], new Float64Array(0)) : fromNested(rows);
}

/** The dataset as an n × 3 matrix [x1, x2, y], which is what `data[i]` indexes. */
export function datasetMatrix(d: DatasetData): Tensor {
  const n = d.y.size;
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[3 * i] = d.x.data[2 * i];
    out[3 * i + 1] = d.x.data[2 * i + 1];
    out[3 * i + 2] = d.y.data[i];
  }
  return new Tensor('float64', [n, 3], out);
}

/** The last entry of a history column, NaN before the first epoch. */
export const lastOf = (column: readonly number[]): number => (column.length ? column[column.length - 1] : NaN);
