/** The training loop, optimizers, data sets, dead units, sparsity and gradient flow of the engine. */
import { strict as assert } from 'assert';
import {
  catalogueActivation, createOptimizer, datasetNames, deadUnits, defaultParameters, EngineError, getActivation, gradflow,
  makeDataset, mlp, Network, sparsity, train, type TrainOptions,
} from '../../../../src/engine';

const act = (name: string) => catalogueActivation(getActivation(name), defaultParameters(getActivation(name)));
const net = (seed = 0, dtype: 'float32' | 'float64' = 'float64') =>
  mlp({ sizes: [2, 8, 8, 1], hidden: act('relu'), output: act('sigmoid'), init: 'he', seed, dtype });
const OPTIONS: TrainOptions = { epochs: 30, lr: 0.01, optimizer: 'adam', batch: 32, loss: 'bce', l2: 0, test: 0.2, seed: 0 };
const xor = makeDataset('xor', 300, 0, 0);
const set = { x: xor.x, targets: xor.y, rows: xor.n, accuracy: 'threshold' as const };

describe('engine: training', () => {
  it('identical seeds give bit-identical parameters and histories; another seed differs', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = train(net(0, dtype), set, { ...OPTIONS, l2: 1e-3, optimizer: 'momentum' });
      const b = train(net(0, dtype), set, { ...OPTIONS, l2: 1e-3, optimizer: 'momentum' });
      assert.deepEqual(Buffer.from(a.net.parameters.buffer), Buffer.from(b.net.parameters.buffer));
      assert.deepEqual(a.history, b.history);
      const c = train(net(0, dtype), set, { ...OPTIONS, l2: 1e-3, optimizer: 'momentum', seed: 1 });
      assert.notDeepEqual(Array.from(a.net.parameters), Array.from(c.net.parameters));
    }
  });

  it('records one history entry per epoch and lowers the loss', () => {
    const run = train(net(), set, OPTIONS);
    assert.equal(run.epochs, 30);
    for (const column of [run.history.loss, run.history.testLoss, run.history.accuracy, run.history.testAccuracy]) assert.equal(column.length, 30);
    assert.equal(run.history.dead.length, 2, 'one dead-unit column per hidden layer');
    assert.ok(run.history.loss[29] < run.history.loss[0] / 2, `loss ${run.history.loss[0]} -> ${run.history.loss[29]}`);
    assert.equal(run.testRows.length, 60);
    assert.equal(new Set([...run.testRows, ...run.trainRows]).size, 300, 'the split is a partition of the rows');
  });

  it('stops when asked, between batches, keeping what it trained', () => {
    let asked = 0;
    const start = net();
    const before = start.parameters.slice();
    const epochs: number[] = [];
    const run = train(start, set, { ...OPTIONS, epochs: 1000, shouldStop: () => ++asked > 100, onEpoch: (e) => epochs.push(e) });
    assert.equal(run.stopped, true);
    assert.ok(run.epochs > 0 && run.epochs < 1000, `${run.epochs} epochs`);
    assert.equal(run.history.loss.length, run.epochs);
    assert.deepEqual(epochs, Array.from({ length: run.epochs }, (_, i) => i + 1));
    assert.notDeepEqual(Array.from(run.net.parameters), Array.from(before), 'trained parameters are kept');
  });

  it('refuses bad options with clear messages', () => {
    const bad: [Partial<TrainOptions>, RegExp][] = [
      [{ epochs: 0 }, /epochs must be a whole number/], [{ lr: 0 }, /lr .* positive/], [{ lr: -1 }, /positive/],
      [{ batch: 1.5 }, /batch/], [{ test: 1 }, /test must be a fraction/], [{ l2: -1 }, /l2/],
      [{ optimizer: 'adma' }, /unknown optimizer "adma" \(did you mean 'adam'\?\)/], [{ loss: 'mce' }, /unknown loss "mce" \(did you mean .*'mse'/],
    ];
    for (const [change, message] of bad) assert.throws(() => train(net(), set, { ...OPTIONS, ...change }), (e: unknown) => e instanceof EngineError && message.test(e.message));
  });

  it('optimizers: sgd moves by lr * g; adam\'s first step moves every parameter by about lr', () => {
    const p = Float64Array.of(1, -2, 3);
    const g = Float64Array.of(0.5, -4, 1e-3);
    createOptimizer('sgd', 3).step(p, g, 0.1);
    assert.deepEqual(Array.from(p), [1 - 0.05, -2 + 0.4, 3 - 1e-4]);
    const q = Float64Array.of(1, -2, 3);
    createOptimizer('adam', 3).step(q, g, 0.1);
    [1 - 0.1, -2 + 0.1, 3 - 0.1].forEach((v, i) => assert.ok(Math.abs(q[i] - v) < 1e-6, `adam step ${i}: ${q[i]}`));
  });
});

describe('engine: data sets', () => {
  it('every data set is deterministic for a seed, 2-D, with n points; classification labels are 0/1 and balanced', () => {
    for (const name of datasetNames()) {
      const a = makeDataset(name, 101, 0.1, 7);
      const b = makeDataset(name, 101, 0.1, 7);
      assert.deepEqual(a, b, name);
      assert.notDeepEqual(Array.from(makeDataset(name, 101, 0.1, 8).x), Array.from(a.x), `${name}: the seed matters`);
      assert.equal(a.x.length, 202);
      assert.equal(a.y.length, 101);
      if (a.task === 'classification') {
        assert.ok(a.y.every((v) => v === 0 || v === 1), name);
        const ones = a.y.reduce((s, v) => s + v, 0);
        assert.ok(ones > 20 && ones < 81, `${name}: ${ones} of 101 labelled 1`);
      }
    }
  });
  it('follows Playground\'s definitions: xor labels are the sign of x1 x2, circle labels the radius, gaussians centred at ±2', () => {
    const x = makeDataset('xor', 200, 0, 1);
    for (let i = 0; i < 200; i++) assert.equal(x.y[i], x.x[2 * i] * x.x[2 * i + 1] >= 0 ? 1 : 0);
    const c = makeDataset('circle', 200, 0, 1);
    for (let i = 0; i < 200; i++) assert.equal(c.y[i], Math.hypot(c.x[2 * i], c.x[2 * i + 1]) < 2.5 ? 1 : 0);
    const g = makeDataset('gaussians', 2000, 0, 1);
    let sum = 0;
    for (let i = 0; i < 2000; i++) if (g.y[i] === 1) sum += g.x[2 * i];
    assert.ok(Math.abs(sum / 1000 - 2) < 0.1, `mean x1 of label 1: ${sum / 1000}`);
  });
  it('refuses unknown names (did you mean), bad n and noise, and sizes over the cap', () => {
    assert.throws(() => makeDataset('cirle', 10, 0, 0), /unknown dataset "cirle" \(did you mean 'circle'\?\)/);
    assert.throws(() => makeDataset('xor', 1, 0, 0), /n >= 2/);
    assert.throws(() => makeDataset('xor', 10, -0.1, 0), /noise/);
    assert.throws(() => makeDataset('xor', 30_000_000, 0, 0), /exceeds the limit/);
  });
});

describe('engine: dead units, sparsity and gradient flow', () => {
  it('counts a unit whose weights make it negative on every row as dead, and zero activations as sparsity', () => {
    const n = Network.create('float64', [{ inputs: 1, outputs: 2, activation: act('relu') }, { inputs: 2, outputs: 1, activation: act('sigmoid') }]);
    n.layers[0].weights.set([1, 0]); // unit 0 = relu(x), unit 1 = relu(bias)
    n.layers[0].bias.set([0, -1]);
    const x = [-1, 2, 3];
    assert.deepEqual(deadUnits(n, x, 3), [1]);
    assert.deepEqual(sparsity(n, x, 3), [4 / 6]);
  });

  it('gradflow: sigmoid (Xavier) loses more than six orders of magnitude over 20 layers; relu (He) stays within a factor of 30', () => {
    const s = gradflow(act('sigmoid'), 20, 16, 0);
    const r = gradflow(act('relu'), 20, 16, 0);
    assert.equal(s.length, 20);
    assert.ok(s[0] / s[19] < 1e-6, `sigmoid: layer 0 ${s[0]}, layer 19 ${s[19]}`);
    assert.ok(s.every((v, i) => i === 0 || v > s[i - 1]), 'sigmoid: the norm shrinks at every layer towards the input');
    assert.ok(Math.max(...r) / Math.min(...r) < 30, `relu: ${r.map((v) => v.toExponential(1)).join(' ')}`);
  });
});
