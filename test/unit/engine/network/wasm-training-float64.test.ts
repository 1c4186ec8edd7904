/**
 * Float64 training in wasm memory with the f64x2 kernels against the JavaScript
 * fallback (network kernels and elementwise kernels off): seeded runs over
 * several activations, losses, optimizers, batch sizes and layer widths that
 * leave remainders in every blocking (16, 2 and 1 columns; k = 1 and 2 inputs;
 * rows not a multiple of anything) must give every weight and every history
 * number bit for bit, because float64 is the language's default and a notebook
 * must compute the same numbers on any machine.
 */
import { strict as assert } from 'assert';
import {
  catalogueActivation, defaultParameters, getActivation, linearActivation, mlp, Random, train, useWasmElementwise, useWasmKernels,
  type NetworkActivation, type TrainOptions, type TrainingRun, type TrainingSet,
} from '../../../../src/engine';
import { Arena } from '../../../../src/engine/network/wasm/arena';

const act = (name: string): NetworkActivation => catalogueActivation(getActivation(name), defaultParameters(getActivation(name)));

interface Case {
  readonly sizes: number[];
  readonly hidden: string;
  readonly output: string;
  readonly loss: string;
  readonly optimizer: string;
  readonly batch: number;
  readonly l2?: number;
}

const CASES: Case[] = [
  { sizes: [2, 16, 16, 1], hidden: 'relu', output: 'sigmoid', loss: 'bce', optimizer: 'adam', batch: 0 },
  { sizes: [2, 17, 5, 1], hidden: 'tanh', output: 'sigmoid', loss: 'bce', optimizer: 'sgd', batch: 37 },
  { sizes: [3, 33, 3], hidden: 'gelu', output: 'softmax', loss: 'ce', optimizer: 'momentum', batch: 50 },
  { sizes: [1, 19, 1], hidden: 'elu', output: 'linear', loss: 'mse', optimizer: 'adam', batch: 23, l2: 1e-3 },
  { sizes: [2, 9, 18, 2], hidden: 'prelu', output: 'sigmoid', loss: 'mse', optimizer: 'adam', batch: 64 },
  { sizes: [5, 31, 16, 3], hidden: 'silu', output: 'sigmoid', loss: 'bce', optimizer: 'momentum', batch: 1 },
  { sizes: [2, 16, 1], hidden: 'relu', output: 'sigmoid', loss: 'bce', optimizer: 'sgd', batch: 7, l2: 1e-2 },
];

/** 150 seeded rows: inputs in [-1, 1), targets from a fixed nonlinear rule (one-hot for several outputs). */
function dataFor(c: Case): TrainingSet {
  const k = c.sizes[0];
  const m = c.sizes[c.sizes.length - 1];
  const rows = 150;
  const random = new Random(k * 10 + m);
  const x = Array.from({ length: rows * k }, () => random.uniform() * 2 - 1);
  const targets: number[] = [];
  for (let r = 0; r < rows; r++) {
    const s = x.slice(r * k, r * k + k).reduce((a, v, i) => a + v * (i + 1), 0);
    if (c.loss === 'mse' && m === 1) targets.push(Math.sin(3 * s));
    else if (m === 1) targets.push(s * s > 0.5 ? 1 : 0);
    else for (let j = 0; j < m; j++) targets.push(Math.floor((s + 10) * m) % m === j ? 1 : 0);
  }
  return { x, targets, rows, accuracy: m === 1 ? 'threshold' : 'argmax' };
}

function runOn(c: Case, wasm: boolean): { run: TrainingRun; lent: boolean[] } {
  const net = mlp({
    sizes: c.sizes, hidden: act(c.hidden), output: c.output === 'linear' ? linearActivation : act(c.output), init: 'he', seed: 5, dtype: 'float64',
  });
  const lent: boolean[] = [];
  const options: TrainOptions = {
    epochs: 12, lr: 0.02, optimizer: c.optimizer, batch: c.batch, loss: c.loss, l2: c.l2 ?? 0, test: 0.2, seed: 9,
    onEpoch: () => {
      const held = Arena.acquire(1);
      held?.release();
      lent.push(held === undefined);
    },
  };
  useWasmKernels(wasm);
  useWasmElementwise(wasm);
  try {
    return { run: train(net, dataFor(c), options), lent };
  } finally {
    useWasmKernels(true);
    useWasmElementwise(true);
  }
}

/** Every number as the 16 hex digits of its float64 encoding. */
const bits = (values: ArrayLike<number>): string[] => Array.from(new BigUint64Array(Float64Array.from(values).buffer), (b) => b.toString(16));

describe('engine: float64 training with the wasm kernels', () => {
  for (const c of CASES) {
    const name = `${c.sizes.join('-')} ${c.hidden}/${c.output}, ${c.loss}, ${c.optimizer}, batch ${c.batch}${c.l2 ? `, l2 ${c.l2}` : ''}`;
    it(`${name}: the same bits as the JavaScript fallback, weights and history`, () => {
      const wasm = runOn(c, true);
      const js = runOn(c, false);
      assert.ok(wasm.lent.length === 12 && wasm.lent.every((l) => l), 'the wasm run trains in wasm memory');
      assert.deepEqual(bits(wasm.run.net.parameters), bits(js.run.net.parameters), 'weights, biases and slopes');
      const h = wasm.run.history;
      const h0 = js.run.history;
      assert.ok(h.loss[11] !== h.loss[0], 'the network learned something');
      for (const key of ['loss', 'testLoss', 'accuracy', 'testAccuracy'] as const) assert.deepEqual(bits(h[key]), bits(h0[key]), key);
      assert.deepEqual(h.dead, h0.dead);
      assert.deepEqual(h.slopes.map(bits), h0.slopes.map(bits));
    });
  }
});
