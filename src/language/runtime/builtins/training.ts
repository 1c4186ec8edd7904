/**
 * dataset(...) and train(...). Training runs on a copy of the network (the
 * one passed in is never changed), streams its progress to the notebook
 * every PROGRESS_MS while it runs, and when interrupted returns what it has
 * trained so far, marked as interrupted.
 */
import {
  datasetNames, makeDataset, train, Tensor, WeightSnapshots, type AccuracyRule, type Network, type TrainingRun,
} from '../../../engine';
import { atSite, runtimeError } from '../call-site';
import { Cancelled } from '../cancellation';
import { trainingDisplay } from '../network-display';
import type { DatasetData, TrainingData } from '../network-values';
import type { Value } from '../values';
import { datasetArg, networkArg } from './networks';
import { integerArg, numberArg, stringArg, type CallArguments, type ProcedureSpec } from './procedure';

/** How often a running train() replaces its cell's output with the progress so far. */
export const PROGRESS_MS = 200;

/** Defaults chosen so that xor and circle reach >= 95% test accuracy with mlp([2, 8, 8, 1]) (tested). */
export const TRAIN_DEFAULTS = { epochs: 100, lr: 0.01, optimizer: 'adam', batch: 32, l2: 0, test: 0.2, seed: 0 } as const;

const num = (call: CallArguments, key: string, fallback: number, integer = false): number => {
  const v = call.named.get(key);
  if (v === undefined) return fallback;
  return integer ? integerArg(call, v, key) : numberArg(call, v, key);
};

export const trainingBuiltins: readonly ProcedureSpec[] = [
  {
    name: 'dataset', signature: `dataset(name, n=500, noise=0, seed=0) with name one of ${datasetNames().map((d) => `"${d}"`).join(', ')}`,
    summary: "TensorFlow Playground's toy data sets (and moons): 2-D points with labels 0/1 or regression targets",
    minArgs: 1, maxArgs: 1, named: ['n', 'noise', 'seed'],
    run: (call) => {
      const name = stringArg(call, call.args[0], 'the dataset name', 'xor');
      const d = atSite(call.site, () => makeDataset(name, num(call, 'n', 500, true), num(call, 'noise', 0), num(call, 'seed', 0, true)));
      const dataset: DatasetData = {
        name, task: d.task, x: new Tensor('float64', [d.n, 2], d.x), y: new Tensor('float64', [d.n], d.y),
      };
      return { kind: 'dataset', dataset };
    },
  },
  {
    name: 'train',
    signature: 'train(net, data, epochs=100, lr=0.01, optimizer="adam", batch=32, loss=..., l2=0, test=0.2, seed=0)',
    summary: 'train a copy of the network on a dataset; the result has fields loss, test_loss, accuracy, test_accuracy, history, net',
    minArgs: 2, maxArgs: 2, named: ['epochs', 'lr', 'optimizer', 'batch', 'loss', 'l2', 'test', 'seed'],
    run: (call) => runTraining(call),
  },
];

function runTraining(call: CallArguments): Value {
  const original = networkArg(call, call.args[0], 'train: the first argument');
  const data = datasetArg(call, call.args[1], 'train: the second argument');
  if (original.inputs !== 2) throw runtimeError(call.site, `datasets have 2 inputs per point, but this network takes ${original.inputs}; start it with 2, e.g. mlp([2, 8, 1])`);
  const loss = call.named.has('loss') ? stringArg(call, call.named.get('loss')!, 'loss', 'mse') : defaultLoss(original, data);
  const options = {
    epochs: num(call, 'epochs', TRAIN_DEFAULTS.epochs, true),
    lr: num(call, 'lr', TRAIN_DEFAULTS.lr),
    optimizer: call.named.has('optimizer') ? stringArg(call, call.named.get('optimizer')!, 'optimizer', 'adam') : TRAIN_DEFAULTS.optimizer,
    batch: num(call, 'batch', TRAIN_DEFAULTS.batch, true),
    loss,
    l2: num(call, 'l2', TRAIN_DEFAULTS.l2),
    test: num(call, 'test', TRAIN_DEFAULTS.test),
    seed: num(call, 'seed', TRAIN_DEFAULTS.seed, true),
  };
  const net = original.copy();
  const set = { x: data.x.data, targets: targets(call, net, data, loss), rows: data.y.size, accuracy: accuracyRule(net, data, loss) };
  const evaluator = call.site.evaluator;
  const progress = evaluator.session.progress;
  // the untrained weights first: the scrubber's epoch 0
  const snapshots = new WeightSnapshots(net.parameters.length, options.epochs);
  snapshots.offer(0, net.parameters);
  const describe = (run: TrainingRun, stopped = run.stopped): TrainingData => ({
    net: run.net, history: run.history, epochs: run.epochs, plannedEpochs: options.epochs, stopped, data,
    testRows: run.testRows, loss, optimizer: options.optimizer, lr: options.lr, snapshots,
  });
  let latest: TrainingRun | undefined;
  let lastReport = Date.now();
  const onEpoch = (epochs: number, run: TrainingRun) => {
    latest = run;
    snapshots.offer(epochs, run.net.parameters);
    if (!progress || epochs === options.epochs || Date.now() - lastReport < PROGRESS_MS) return;
    progress(trainingDisplay(describe(run), 'running'));
    lastReport = Date.now();
  };
  const result = (training: TrainingData): Value => {
    // an interrupted run is returned, not thrown away: the cell then ends interrupted, showing it (interruption.ts)
    if (training.stopped) evaluator.session.interruptedRun = training;
    snapshots.finish(training.epochs, training.net.parameters);
    return { kind: 'training', training };
  };
  let run: TrainingRun;
  try {
    run = atSite(call.site, () => train(net, set, { ...options, shouldStop: evaluator.shouldStop, onEpoch }));
  } catch (e) {
    // a user-defined activation noticed the interrupt first: keep the epochs finished so far
    if (e instanceof Cancelled && latest) return result(describe(latest, true));
    throw e;
  }
  return result(describe(run));
}

/** The loss the output activation fuses with (bce after sigmoid, ce after softmax), mean squared error otherwise. */
function defaultLoss(net: Network, data: DatasetData): string {
  const fused = net.layers[net.layers.length - 1].activation.fusedLoss;
  // bce wants 0/1 targets: a sigmoid output on regression data fits them by mse
  if (fused === 'ce' || (fused === 'bce' && data.task === 'classification')) return fused;
  return 'mse';
}

function accuracyRule(net: Network, data: DatasetData, loss: string): AccuracyRule {
  if (data.task === 'regression') return 'none';
  return net.outputs > 1 || loss === 'ce' ? 'argmax' : 'threshold';
}

/** One output: the labels as they are; k outputs: labels one-hot over k classes. */
function targets(call: CallArguments, net: Network, data: DatasetData, loss: string): Float64Array {
  const y = data.y.data;
  if (net.outputs === 1) {
    if (loss === 'ce') throw runtimeError(call.site, 'loss="ce" (softmax cross-entropy) needs one output per class, e.g. mlp([2, 8, 2], out=softmax)');
    return Float64Array.from(y);
  }
  if (data.task !== 'classification') throw runtimeError(call.site, `"${data.name}" is a regression data set with one target per point; end the network in 1 output`);
  const k = net.outputs;
  const out = new Float64Array(y.length * k);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= k) throw runtimeError(call.site, `label ${y[i]} of point ${i} is not a class 0 ... ${k - 1}`);
    out[i * k + y[i]] = 1;
  }
  return out;
}

