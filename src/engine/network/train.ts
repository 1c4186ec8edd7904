/**
 * The training loop: mini-batch gradient descent on a copy of a network, with
 * a train/test split, L2 weight decay and per-epoch metrics.
 *
 * Every buffer is allocated before the first step (Workspace per batch size,
 * gradients, optimizer state, shuffled order), so a step allocates nothing.
 * Networks train in wasm memory with SIMD kernels where available
 * (run-buffers.ts), on a working copy of the parameters synced back into the
 * caller's network after every epoch.
 * `shouldStop` is asked before every batch: an interrupt ends training within
 * one step and the run keeps everything trained so far. Same inputs and seeds
 * give bit-identical results (one seeded generator, fixed summation order).
 *
 * Train loss, accuracy and dead units are measured on the batches as they pass
 * during the epoch (Keras's convention, which costs nothing extra); test loss
 * and accuracy after the epoch, on the held-out rows.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import type { ShouldStop } from '../interrupt';
import { Random } from '../random';
import { getLoss, type Loss } from './losses';
import type { Network } from './network';
import { createOptimizer } from './optimizers';
import { backwardPass, forwardPass } from './propagate';
import { runBuffers, type RunBuffers } from './run-buffers';
import type { Workspace } from './workspace';
import { spellNumber } from '../spell-number';

/** How a batch's accuracy is counted: one output thresholded at 0.5, the argmax of each row, or not at all. */
export type AccuracyRule = 'threshold' | 'argmax' | 'none';

export interface TrainingSet {
  /** rows × net.inputs */
  readonly x: ArrayLike<number>;
  /** rows × net.outputs */
  readonly targets: ArrayLike<number>;
  readonly rows: number;
  readonly accuracy: AccuracyRule;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly lr: number;
  readonly optimizer: string;
  /** Rows per step; 0 or >= the training rows means full batch. */
  readonly batch: number;
  readonly loss: string;
  readonly l2: number;
  /** Fraction of rows held out for testing, in [0, 1). */
  readonly test: number;
  readonly seed: number;
  readonly shouldStop?: ShouldStop;
  /** Called after every completed epoch (1-based count). */
  readonly onEpoch?: (epochs: number, run: TrainingRun) => void;
}

export interface History {
  readonly loss: number[];
  readonly testLoss: number[];
  readonly accuracy: number[];
  readonly testAccuracy: number[];
  /** Per hidden layer, the number of units that output 0 for every training row of the epoch. */
  readonly dead: number[][];
  /** Per layer with a learnable slope (prelu), the slope after each epoch. */
  readonly slopes: number[][];
}

export interface TrainingRun {
  readonly net: Network;
  readonly history: History;
  /** Epochs completed. */
  epochs: number;
  /** True when shouldStop ended training early. */
  stopped: boolean;
  readonly trainRows: Int32Array;
  readonly testRows: Int32Array;
}

/** Epochs beyond this are refused: a typo, not a plan. */
export const MAX_EPOCHS = 1_000_000;

export function checkTrainOptions(o: TrainOptions, rows: number): void {
  const fail = (message: string): never => {
    throw new EngineError('bad-parameter', message);
  };
  if (!Number.isInteger(o.epochs) || o.epochs < 1 || o.epochs > MAX_EPOCHS) fail(`epochs must be a whole number from 1 to ${MAX_EPOCHS}, got ${spellNumber(o.epochs)}`);
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) fail(`lr (the learning rate) must be a positive number, got ${spellNumber(o.lr)}`);
  if (!Number.isInteger(o.batch) || o.batch < 0) fail(`batch must be a whole number >= 1 (or 0 for the full batch), got ${spellNumber(o.batch)}`);
  if (!(o.l2 >= 0) || !Number.isFinite(o.l2)) fail(`l2 must be a number >= 0, got ${spellNumber(o.l2)}`);
  if (!(o.test >= 0 && o.test < 1)) fail(`test must be a fraction in [0, 1), got ${spellNumber(o.test)}`);
  if (rows - Math.round(rows * o.test) < 1) fail(`test=${o.test} leaves no rows of ${rows} to train on`);
}

/** Trains `net` in place (callers pass a copy) and returns its history. */
export function train(net: Network, data: TrainingSet, o: TrainOptions): TrainingRun {
  checkTrainOptions(o, data.rows);
  const loss = getLoss(o.loss);
  const last = net.layers.length - 1;
  const fused = net.layers[last].activation.fusedLoss === loss.name;
  const random = new Random(o.seed);

  // split: a seeded permutation, the first `test` fraction held out
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  shuffle(order, random);
  const testCount = Math.round(data.rows * o.test);
  const testRows = order.slice(0, testCount);
  const trainRows = order.slice(testCount);
  const trainCount = trainRows.length;
  const batch = o.batch === 0 || o.batch > trainCount ? trainCount : o.batch;
  const buffers = runBuffers(net, batch, trainCount % batch, testCount);
  try {
    return trainOn(buffers, net, data, o, { batch, trainRows, testRows, loss, fused, random });
  } finally {
    buffers.release();
  }
}

interface RunSetup {
  readonly batch: number;
  readonly trainRows: Int32Array;
  readonly testRows: Int32Array;
  readonly loss: Loss;
  readonly fused: boolean;
  readonly random: Random;
}

/** The epochs, on `buffers.net` (net itself or its working copy), synced into `net` after every epoch. */
function trainOn(buffers: RunBuffers, net: Network, data: TrainingSet, o: TrainOptions, s: RunSetup): TrainingRun {
  const { batch, trainRows, testRows, loss, fused, random } = s;
  const work = buffers.net;
  const { grads, full, rest, test: testWs } = buffers;
  const last = net.layers.length - 1;
  const trainCount = trainRows.length;
  if (testWs) gather(data, testRows, 0, testRows.length, net, testWs);
  const optimizer = createOptimizer(o.optimizer, net.parameters.length);
  const alive = net.layers.slice(0, last).map((l) => new Uint8Array(l.outputs));
  const slopeLayers = net.layers.filter((l) => l.slopeIndex >= 0);
  const history: History = {
    loss: [], testLoss: [], accuracy: [], testAccuracy: [],
    dead: alive.map(() => []), slopes: slopeLayers.map(() => []),
  };
  const run: TrainingRun = { net, history, epochs: 0, stopped: false, trainRows, testRows };
  const epochOrder = trainRows.slice();

  for (let epoch = 0; epoch < o.epochs && !run.stopped; epoch++) {
    if (batch < trainCount) shuffle(epochOrder, random);
    for (const flags of alive) flags.fill(0);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < trainCount; start += batch) {
      if (o.shouldStop?.()) {
        run.stopped = true;
        break;
      }
      const rows = Math.min(batch, trainCount - start);
      const ws = rows === batch ? full : rest;
      // one full batch, never shuffled: its rows are already in place after the first epoch
      if (epoch === 0 || batch < trainCount) gather(data, epochOrder, start, rows, net, ws);
      forwardPass(work, ws);
      const out = fused ? ws.dz[last] : ws.g[last];
      lossSum += loss.evaluate(ws.z[last], ws.output, ws.target, rows, net.outputs, fused, out) * rows;
      correct += countCorrect(data.accuracy, ws.output, ws.target, rows, net.outputs);
      for (let l = 0; l < alive.length; l++) markAlive(ws.a[l], alive[l]);
      grads.fill(0);
      backwardPass(work, ws, grads, fused);
      if (o.l2 > 0) addWeightDecay(work, grads, o.l2);
      optimizer.step(work.parameters, grads, o.lr);
    }
    buffers.sync();
    if (run.stopped) break;
    history.loss.push(lossSum / trainCount);
    history.accuracy.push(data.accuracy === 'none' ? NaN : correct / trainCount);
    const [testLoss, testAccuracy] = testWs ? evaluateOn(work, testWs, loss, fused, data.accuracy) : [NaN, NaN];
    history.testLoss.push(testLoss);
    history.testAccuracy.push(testAccuracy);
    alive.forEach((flags, l) => history.dead[l].push(flags.length - flags.reduce((n, f) => n + f, 0)));
    slopeLayers.forEach((layer, i) => history.slopes[i].push(net.slope(layer)));
    run.epochs = epoch + 1;
    o.onEpoch?.(run.epochs, run);
  }
  return run;
}

/** Loss and accuracy of the network on a workspace whose inputs and targets are filled. */
export function evaluateOn(net: Network, ws: Workspace, loss: Loss, fused: boolean, rule: AccuracyRule): [number, number] {
  forwardPass(net, ws);
  const last = net.layers.length - 1;
  const value = loss.evaluate(ws.z[last], ws.output, ws.target, ws.rows, net.outputs, fused);
  const accuracy = rule === 'none' ? NaN : countCorrect(rule, ws.output, ws.target, ws.rows, net.outputs) / ws.rows;
  return [value, accuracy];
}

/** Fisher-Yates with the run's generator. */
function shuffle(order: Int32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/** Copies rows order[start ... start+rows) of the data into the workspace's input and target. */
function gather(data: TrainingSet, order: Int32Array, start: number, rows: number, net: Network, ws: Workspace): void {
  const k = net.inputs;
  const m = net.outputs;
  for (let r = 0; r < rows; r++) {
    const src = order[start + r];
    for (let p = 0; p < k; p++) ws.input[r * k + p] = data.x[src * k + p];
    for (let p = 0; p < m; p++) ws.target[r * m + p] = data.targets[src * m + p];
  }
}

function countCorrect(rule: AccuracyRule, a: FloatArray, y: FloatArray, rows: number, units: number): number {
  if (rule === 'none') return 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    if (rule === 'threshold') {
      if ((a[r * units] >= 0.5) === (y[r * units] >= 0.5)) correct++;
      continue;
    }
    let best = 0;
    let truth = 0;
    for (let j = 1; j < units; j++) {
      if (a[r * units + j] > a[r * units + best]) best = j;
      if (y[r * units + j] > y[r * units + truth]) truth = j;
    }
    if (best === truth) correct++;
  }
  return correct;
}

/**
 * Sets flags[j] when unit j is non-zero in some row. Unit by unit, stopping at
 * the first non-zero row: live units are found in a row or two, so only dead
 * ones cost a scan of the whole batch.
 */
function markAlive(a: FloatArray, flags: Uint8Array): void {
  const units = flags.length;
  for (let j = 0; j < units; j++) {
    if (flags[j]) continue;
    for (let i = j; i < a.length; i += units) {
      if (a[i] !== 0) {
        flags[j] = 1;
        break;
      }
    }
  }
}

/** d/dw of (l2 / 2) * sum w^2 over weights (not biases or slopes). */
function addWeightDecay(net: Network, grads: FloatArray, l2: number): void {
  const p = net.parameters;
  for (const layer of net.layers) {
    const end = layer.offset + layer.inputs * layer.outputs;
    for (let i = layer.offset; i < end; i++) grads[i] += l2 * p[i];
  }
}
