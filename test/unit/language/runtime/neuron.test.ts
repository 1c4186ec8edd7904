/**
 * neuron(net, layer, unit, data): its fields against a forward pass computed here, its
 * agreement with dead(net, data), its errors and its display.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { NeuronDisplay } from '../../../../src/shared/output';
import { displayText } from '../../../../src/shared/display-text';
import { summarised } from '../../../../src/shared/summary';
import { asError, asNumber, asTensor, display, Session } from './support';

function asNeuron(d: ReturnType<typeof display>): NeuronDisplay {
  assert.equal(d.kind, 'neuron', JSON.stringify(d).slice(0, 300));
  return d as NeuronDisplay;
}

describe('language: neuron', () => {
  it('has the weights and bias of its row, and pre = w·x + b, out = relu(pre) on every point', () => {
    const s = new Session();
    display(s, 'data = dataset("circle", n=60)', 'net = mlp([2, 5, 1], seed=4)', 'n = neuron(net, 1, 3, data)');
    const w = asTensor(display(s, 'net[0].weights'), [5, 2]);
    const b = asTensor(display(s, 'net[0].bias'), [5]);
    const x = asTensor(display(s, 'data.x'), [60, 2]);
    assert.deepEqual(asTensor(display(s, 'n.weights'), [2]), w.slice(6, 8));
    assert.equal(asNumber(display(s, 'n.bias')), b[3]);
    const pre = Array.from({ length: 60 }, (_, i) => b[3] + w[6] * x[2 * i] + w[7] * x[2 * i + 1]);
    const got = asTensor(display(s, 'n.pre'), [60]);
    got.forEach((z, i) => assert.ok(Math.abs(z - pre[i]) <= 1e-15 * (1 + Math.abs(pre[i])), `pre[${i}]`));
    assert.deepEqual(asTensor(display(s, 'n.out'), [60]), got.map((z) => Math.max(0, z)));
    const positive = got.filter((z) => z > 0).length;
    assert.equal(asNumber(display(s, 'n.active')), positive / 60, 'relu is active where z > 0');
    assert.equal(asNumber(display(s, 'n.dead')), positive === 0 ? 1 : 0);
    assert.equal(asNumber(display(s, 'n.mean')), got.reduce((a, z) => a + Math.max(0, z), 0) / 60);
  });

  it('counts dead units exactly as dead(fit.net, data) does (the dying-ReLU run of the README)', () => {
    const s = new Session();
    display(s, 'data = dataset("circle")', 'fit = train(mlp([2, 16, 16, 1], act=relu), data, lr=1)');
    const perLayer = asTensor(display(s, 'dead(fit.net, data)'), [2]);
    assert.ok(perLayer[0] + perLayer[1] > 5, 'the run kills units');
    for (let layer = 1; layer <= 2; layer++) {
      let dead = 0;
      for (let unit = 0; unit < 16; unit++) {
        const n = asNeuron(display(s, `neuron(fit.net, ${layer}, ${unit}, data)`));
        if (n.dead === 1) {
          dead++;
          assert.equal(n.active, 0, 'a dead relu passes no gradient anywhere');
          assert.ok((n.preRange[1] as number) <= 0, 'a dead relu has all its pre-activations at or left of 0');
        }
      }
      assert.equal(dead, perLayer[layer - 1], `layer ${layer}`);
    }
  });

  it('agrees with dead(...) on random small networks and data (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('relu', 'relu6', 'hardshrink', 'tanh'), fc.double({ min: 0.01, max: 3, noNaN: true }),
      (seed, width, act, lr) => {
        const s = new Session();
        display(s, `data = dataset("xor", n=40, seed=${seed})`, `fit = train(mlp([2, ${width}, 1], act=${act}, seed=${seed}), data, epochs=3, lr=${lr})`);
        const counted = asTensor(display(s, 'dead(fit.net, data)'))[0];
        let dead = 0;
        for (let u = 0; u < width; u++) dead += asNeuron(display(s, `neuron(fit.net, 1, ${u}, data)`)).dead;
        assert.equal(dead, counted);
      },
    ), { numRuns: 25, seed: 14 });
  });

  it('is active everywhere for sigmoid and leaky_relu, and only off the flat parts of relu6', () => {
    const s = new Session();
    display(s, 'data = dataset("gaussians", n=80)');
    assert.equal(asNumber(display(s, 'neuron(mlp([2, 3, 1]), 2, 0, data).active')), 1, 'the sigmoid output');
    assert.equal(asNumber(display(s, 'neuron(mlp([2, 3, 1], act=leaky_relu), 1, 1, data).active')), 1);
    const big = asNeuron(display(s, 'neuron(mlp([2, 3, 1], act=relu6, seed=2) , 1, 0, [[100, 100], [-100, -100], [0.01, 0.01]])'));
    const pre = big.pre.map(Number);
    const expected = pre.filter((z) => z > 0 && z < 6).length / 3;
    assert.equal(big.active, expected);
  });

  it('names the valid range when the layer or unit is out of it', () => {
    const s = new Session();
    display(s, 'net = mlp([2, 4, 3, 1])', 'data = dataset("xor", n=10)');
    asError(display(s, 'neuron(net, 0, 0, data)'), /layer 0 is not a layer of this network: layers are 1 to 3 .*0 is the inputs/);
    asError(display(s, 'neuron(net, 4, 0, data)'), /layers are 1 to 3/);
    asError(display(s, 'neuron(net, 2, 3, data)'), 'unit 3 is not in layer 2, which has 3 units: units are 0 to 2', 1, 1);
    asError(display(s, 'neuron(net, 1.5, 0, data)'), /layer 1\.5 is not a layer/);
    asError(display(s, 'neuron(net, 1, 0, [1, 2, 3])'), /takes 2 inputs per row/);
  });

  it('displays its formula with the numbers in, how often it is active and its mean output', () => {
    const s = new Session();
    display(s, 'data = dataset("circle", n=50)', 'net = mlp([2, 3, 1], seed=1)');
    const d = asNeuron(display(s, 'neuron(net, 1, 2, data)'));
    const w = asTensor(display(s, 'net[0].weights'));
    const two = (v: number) => Math.abs(v).toFixed(2);
    assert.equal(d.formula, `relu(${w[4] < 0 ? '−' : ''}${two(w[4])}·x1 ${w[5] < 0 ? '−' : '+'} ${two(w[5])}·x2)`, 'a zero bias (untrained) is left out');
    const text = displayText(d);
    assert.match(text, /^neuron 1:2 \(hidden layer 1, unit 2, relu\)\n  relu\(/);
    assert.match(text, new RegExp(`active on \\d+% of 50 points .*mean output`));
    assert.equal(asTensor(display(s, 'neuron(net, 2, 0, data).out')).length, 50);
    assert.match(displayText(display(s, 'neuron(net, 2, 0, data)')), /output layer 2, unit 0, sigmoid\)\n  sigmoid\(.*h1\[0\].*h1\[1\].*h1\[2\]/);
    assert.deepEqual(display(s, 'neuron(net, 1, 2, data).formula'), { kind: 'string', value: d.formula });
  });

  it('carries a histogram of its pre-activations over every point, and the kinks to mark', () => {
    const d = asNeuron(display(new Session(), 'neuron(mlp([2, 4, 1], seed=2), 1, 1, dataset("circle", n=2500))'));
    const h = d.histogram!;
    assert.equal(h.counts.length, 30);
    assert.equal(h.counts.reduce((a, b) => a + b, 0), 2500, 'every point in a bin');
    assert.equal(h.edges[0], d.preRange[0]);
    assert.equal(h.edges[30], d.preRange[1]);
    const pre = d.pre.map(Number);
    const width = (h.edges[30] - h.edges[0]) / 30;
    assert.equal(h.counts[0], pre.filter((z) => z < h.edges[0] + width).length, 'the first bin counts what lies in it');
    assert.deepEqual(d.kinks, [0], "relu's kink");
    assert.deepEqual(asNeuron(display(new Session(), 'neuron(mlp([2, 4, 1], act=tanh), 1, 1, dataset("circle", n=20))')).kinks, []);
  });
});

describe('shared: a neuron on many points in a notebook output', () => {
  it('keeps the ends of pre and out past 1,000 points, and everything its text says', () => {
    const d = asNeuron(display(new Session(), 'neuron(mlp([2, 3, 1]), 1, 0, dataset("circle", n=3000))'));
    assert.equal(d.pre.length, 3000);
    const small = summarised(d) as NeuronDisplay;
    assert.deepEqual(small.summary, { points: [0, 1, 2, -1, 2997, 2998, 2999] });
    assert.deepEqual(small.pre, [...d.pre.slice(0, 3), ...d.pre.slice(-3)]);
    assert.equal(displayText(small), displayText(d));
  });
});

describe('examples/inside.actnb', () => {
  it('runs every code cell without an error, and its dead unit is dead', () => {
    const nb = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', 'inside.actnb'), 'utf8')) as { cells: { kind: string; source: string }[] };
    const s = new Session();
    const shown = nb.cells.filter((c) => c.kind === 'code').map((c) => s.run(c.source).display);
    for (const d of shown) assert.notEqual(d.kind, 'error', JSON.stringify(d).slice(0, 300));
    assert.deepEqual(shown.map((d) => d.kind), ['tensor', 'neuron', 'tensor', 'graph', 'number', 'graph', 'string']);
    assert.equal(asNeuron(shown[1]).dead, 1, 'the markdown promises a dead unit');
  });
});
