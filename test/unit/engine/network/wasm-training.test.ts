/**
 * Float32 training in wasm memory with the SIMD kernels, against the same
 * runs with the JavaScript kernels (useWasmKernels(false)): the same bits on
 * circle and xor, bit-identical repeats, the caller's network updated after
 * every epoch, and a run started inside another's callback still correct.
 */
import { strict as assert } from 'assert';
import {
  catalogueActivation, defaultParameters, getActivation, makeDataset, mlp, train, useWasmKernels, type TrainOptions, type TrainingRun,
} from '../../../../src/engine';
import { Arena } from '../../../../src/engine/network/wasm/arena';
import { bits } from '../../helpers/seeded-training';

const act = (name: string) => catalogueActivation(getActivation(name), defaultParameters(getActivation(name)));
const net = (seed = 0) => mlp({ sizes: [2, 16, 16, 1], hidden: act('relu'), output: act('sigmoid'), init: 'he', seed, dtype: 'float32' });
const OPTIONS: TrainOptions = { epochs: 150, lr: 0.01, optimizer: 'adam', batch: 0, loss: 'bce', l2: 0, test: 0.2, seed: 0 };

function runOn(name: string, wasm: boolean, options: Partial<TrainOptions> = {}): TrainingRun {
  const data = makeDataset(name, 500, 0, 0);
  useWasmKernels(wasm);
  try {
    return train(net(), { x: data.x, targets: data.y, rows: data.n, accuracy: 'threshold' }, { ...OPTIONS, ...options });
  } finally {
    useWasmKernels(true);
  }
}

const last = (a: number[]) => a[a.length - 1];

describe('engine: float32 training with the wasm kernels', () => {
  for (const name of ['circle', 'xor']) {
    it(`${name}: learns, with the same bits as the JavaScript kernels`, () => {
      const wasm = runOn(name, true);
      const js = runOn(name, false);
      assert.ok(last(wasm.history.testAccuracy) >= 0.95, `wasm test accuracy ${last(wasm.history.testAccuracy)}`);
      assert.deepEqual(bits(wasm.net.parameters), bits(js.net.parameters), 'weights and biases');
      assert.deepEqual(bits(wasm.history.loss), bits(js.history.loss), 'training loss');
      assert.deepEqual(bits(wasm.history.testLoss), bits(js.history.testLoss), 'test loss');
      assert.deepEqual(wasm.history.dead, js.history.dead);
    });
  }

  it('runs in wasm memory (the memory is lent during training) and repeats bit for bit, mini-batches included', () => {
    const lent: boolean[] = [];
    const options = { batch: 48, epochs: 20, onEpoch: () => lent.push(Arena.acquire(1) === undefined) };
    const a = runOn('circle', true, options);
    const b = runOn('circle', true, options);
    assert.ok(lent.every((l) => l) && lent.length === 40);
    assert.deepEqual(Buffer.from(a.net.parameters.buffer), Buffer.from(b.net.parameters.buffer));
    assert.deepEqual(a.history, b.history);
  });

  it('updates the caller\'s network after every epoch', () => {
    const seen: number[][] = [];
    const run = runOn('xor', true, { epochs: 3, onEpoch: (_, r) => seen.push(Array.from(r.net.parameters)) });
    assert.equal(new Set(seen.map((p) => p.join())).size, 3);
    assert.deepEqual(seen[2], Array.from(run.net.parameters));
  });

  it('a run started from another run\'s callback uses the JavaScript kernels and leaves the outer run intact', () => {
    const plain = runOn('circle', true, { epochs: 5 });
    let inner: TrainingRun | undefined;
    const outer = runOn('circle', true, { epochs: 5, onEpoch: (e) => { if (e === 2) inner = runOn('xor', true, { epochs: 3 }); } });
    assert.deepEqual(outer.history, plain.history);
    assert.deepEqual(Array.from(outer.net.parameters), Array.from(plain.net.parameters));
    assert.equal(inner?.epochs, 3);
    assert.deepEqual(inner.history, runOn('xor', false, { epochs: 3 }).history);
  });
});
