/**
 * The network builtins of the language: dense, mlp, net(x), dataset, train,
 * dead, sparsity, gradflow; their fields, indexing, displays and errors.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { historyColumns } from '../../../../src/language/runtime/network-values';
import type { GradflowDisplay, NetworkDisplay, TrainingDisplay } from '../../../../src/shared/output';
import { asError, asNumber, asScalar, asTensor, display, evalCell, Session } from './support';

const run = (...cells: string[]) => display(new Session(), ...cells);

describe('language: networks', () => {
  it('xor and circle reach >= 95% test accuracy with the defaults', () => {
    for (const name of ['xor', 'circle']) {
      const accuracy = asNumber(run(`train(mlp([2, 8, 8, 1]), dataset("${name}")).test_accuracy`));
      assert.ok(accuracy >= 0.95, `${name}: test accuracy ${accuracy}`);
    }
  });

  it('a training run has the figures of its last epoch as fields, and fit.history rows = epochs', () => {
    const s = new Session();
    display(s, 'data = dataset("circle", n=200)', 'fit = train(mlp([2, 8, 1]), data, epochs=12)');
    const history = asTensor(display(s, 'fit.history'), [12, 6]);
    const row = (e: number) => history.slice(e * 6, e * 6 + 6);
    assert.deepEqual(history.filter((_, i) => i % 6 === 0), Array.from({ length: 12 }, (_, i) => i + 1), 'column 0 counts epochs');
    assert.equal(asNumber(display(s, 'fit.loss')), row(11)[1]);
    assert.equal(asNumber(display(s, 'fit.test_loss')), row(11)[2]);
    assert.equal(asNumber(display(s, 'fit.accuracy')), row(11)[3]);
    assert.equal(asNumber(display(s, 'fit.test_accuracy')), row(11)[4]);
    assert.deepEqual(asTensor(display(s, 'fit[-1]')), row(11), 'fit[k] is row k of the history');
    assert.equal(asNumber(display(s, 'fit.epochs')), 12);
    assert.ok(asNumber(display(s, 'fit.loss')) < row(0)[1], 'training lowers the loss');
    assert.equal(asNumber(display(s, 'fit.history[0, 5] + 1')), row(0)[5] + 1, 'values take part in expressions');
  });

  it('train leaves the network passed in unchanged and returns a trained copy', () => {
    const s = new Session();
    display(s, 'net = mlp([2, 4, 1], seed=3)', 'w = net[0].weights', 'fit = train(net, dataset("xor", n=100), epochs=5)');
    assert.equal(asScalar(display(s, 'sum(abs(net[0].weights - w))')), 0);
    assert.ok(asScalar(display(s, 'sum(abs(fit.net[0].weights - w))')) > 0);
  });

  it('identical seeds give identical runs; the network seed and the training seed both matter', () => {
    const s = new Session();
    display(s, 'data = dataset("moons", noise=0.1)');
    const a = asNumber(display(s, 'train(mlp([2, 8, 1]), data, epochs=5).loss'));
    assert.equal(asNumber(display(s, 'train(mlp([2, 8, 1]), data, epochs=5).loss')), a);
    assert.notEqual(asNumber(display(s, 'train(mlp([2, 8, 1], seed=1), data, epochs=5).loss')), a);
    assert.notEqual(asNumber(display(s, 'train(mlp([2, 8, 1]), data, epochs=5, seed=1).loss')), a);
  });

  it('net(x) is the forward pass: a one-layer sigmoid network is sigmoid(x W^T + b)', () => {
    const s = new Session();
    display(s, 'layer = dense(2, 3, act=sigmoid, seed=2)', 'x = [[1, 2], [-0.5, 0.25]]');
    const got = asTensor(display(s, 'layer(x)'), [2, 3]);
    const want = asTensor(display(s, 'sigmoid(x @ layer.weights.T + [layer.bias, layer.bias])'), [2, 3]);
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-15, `${v} vs ${want[i]}`));
    assert.deepEqual(asTensor(display(s, 'layer([1, 2])'), [3]), got.slice(0, 3), 'one row as a vector');
  });

  it('fields and indexing of networks and data sets', () => {
    const s = new Session();
    display(s, 'net = mlp([2, 8, 4, 1], act=prelu)', 'data = dataset("spiral", n=50)');
    assert.equal(asNumber(display(s, 'net.layers')), 3);
    assert.equal(asNumber(display(s, 'net.parameters')), 2 * 8 + 8 + 1 + 8 * 4 + 4 + 1 + 4 + 1);
    assert.deepEqual(asTensor(display(s, 'net.sizes')), [2, 8, 4, 1]);
    assert.deepEqual(asTensor(display(s, 'net.slopes')), [0.25, 0.25], 'one learnable slope per prelu layer');
    assert.deepEqual(asTensor(display(s, 'net[1].weights.T.T')).length, 32);
    assert.equal(asNumber(display(s, 'net[-1].layers')), 1);
    asTensor(display(s, 'data.x'), [50, 2]);
    asTensor(display(s, 'data.y'), [50]);
    assert.equal(asNumber(display(s, 'data.n')), 50);
    assert.deepEqual(asTensor(display(s, 'data[7]'), [3]), [...asTensor(display(s, 'data.x[7]')), asNumber(display(s, 'data.y[7]'))]);
  });

  it('prelu slopes are learned, and any activation value works, including partial applications and user functions', () => {
    const s = new Session();
    display(s, 'data = dataset("circle", n=200)');
    const slopes = asTensor(display(s, 'train(mlp([2, 8, 8, 1], act=prelu), data, epochs=20).slopes'), [2]);
    assert.ok(slopes.every((v) => v !== 0.25), `slopes moved from 0.25: ${slopes}`);
    const history = display(s, 'train(mlp([2, 8, 8, 1], act=prelu), data, epochs=3)') as TrainingDisplay;
    assert.deepEqual(history.columns, ['epoch', 'loss', 'test_loss', 'accuracy', 'test_accuracy', 'dead_1', 'dead_2', 'slope_1', 'slope_2']);
    assert.ok(asNumber(display(s, 'train(mlp([2, 8, 8, 1], act=leaky_relu(alpha=0.2)), data, epochs=40).test_accuracy')) > 0.9);
    assert.ok(asNumber(display(s, 'f(x) = x * sigmoid(x)', 'train(mlp([2, 8, 8, 1], act=f), data, epochs=40).test_accuracy')) > 0.9);
    assert.ok(asNumber(display(s, 'train(mlp([2, 8, 3], out=softmax), dataset("xor", n=200), epochs=40).test_accuracy')) > 0.9, 'ce + softmax over classes');
    assert.ok(asNumber(display(s, 'train(mlp([2, 16, 1], out="linear"), dataset("plane"), epochs=30).test_loss')) < 0.01, 'regression');
  });

  it('dying ReLU: a large learning rate kills most relu units but no leaky_relu unit', () => {
    const s = new Session();
    display(s, 'data = dataset("circle")');
    const relu = asTensor(display(s, 'dead(train(mlp([2, 16, 16, 1], act=relu), data, lr=1).net, data)'), [2]);
    const leaky = asTensor(display(s, 'dead(train(mlp([2, 16, 16, 1], act=leaky_relu), data, lr=1).net, data)'), [2]);
    const calm = asTensor(display(s, 'dead(train(mlp([2, 16, 16, 1], act=relu), data).net, data)'), [2]);
    assert.ok(relu[0] + relu[1] > 16, `relu at lr=1: ${relu} of 16 + 16 units dead`);
    assert.deepEqual(leaky, [0, 0]);
    assert.ok(calm[0] + calm[1] < 8, `relu at the default lr: ${calm} dead`);
  });

  it("the README's dying-ReLU example shows what its comments say", () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const block = /\*\*Dying ReLU\.\*\*[^`]*```\n([^`]*)```/.exec(readme);
    assert.ok(block, 'README has the dying-ReLU example');
    const lines = block[1].trim().split('\n');
    // the figures the README states, from the comments: `...   # [20, 0] of 32 hidden units`
    const stated = (line: string) => JSON.parse(/#\s*(\[[^\]]*\])/.exec(line)![1]) as number[];
    const s = new Session();
    display(s, lines.slice(0, 3).join('\n'));
    assert.deepEqual(asTensor(display(s, lines[3])), stated(lines[3]));
    assert.deepEqual(asTensor(display(s, lines[4])), stated(lines[4]));
  });

  it('sparsity: relu layers output exact zeros, tanh layers almost never', () => {
    const s = new Session();
    display(s, 'data = dataset("gaussians", n=200)');
    const relu = asTensor(display(s, 'sparsity(mlp([2, 16, 16, 1]), data)'), [2]);
    const tanh = asTensor(display(s, 'sparsity(mlp([2, 16, 16, 1], act=tanh), data.x)'), [2]);
    assert.ok(relu.every((v) => v > 0.2 && v < 0.8), `relu sparsity ${relu}`);
    assert.deepEqual(tanh, [0, 0]);
  });

  it('gradflow is a vector (index 0 next to the input) that plots as gradient norm against depth, several on one chart', () => {
    const s = new Session();
    asTensor(display(s, 'gradflow(sigmoid) * 1'), [20]);
    assert.ok(asNumber(display(s, 'gradflow(sigmoid)[0] / gradflow(sigmoid)[19]')) < 1e-6);
    assert.ok(asNumber(display(s, 'min(gradflow(relu)) / max(gradflow(relu))')) > 1 / 30);
    asTensor(display(s, 'gradflow(tanh, depth=5, width=4) + 0'), [5]);
    const one = display(s, 'gradflow(relu)') as GradflowDisplay;
    assert.equal(one.kind, 'gradflow');
    const both = display(s, 'plot(gradflow(sigmoid), gradflow(relu), gradflow(leaky_relu(alpha=0.2)))') as GradflowDisplay;
    assert.equal(both.kind, 'gradflow');
    assert.deepEqual(both.series.map((x) => x.name), ['sigmoid', 'relu', 'leaky_relu(alpha=0.2)']);
  });

  it('displays: a network as its layers, a training run with history, columns and a decision boundary', () => {
    const net = evalCell('mlp([2, 8, 1], act=prelu)') as NetworkDisplay;
    assert.equal(net.kind, 'network');
    assert.deepEqual(net.layers.map((l) => [l.inputs, l.outputs, l.activation, l.parameters]), [[2, 8, 'prelu', 25], [8, 1, 'sigmoid', 9]]);
    assert.equal(net.layers[0].slope, 0.25);
    const fit = evalCell('train(mlp([2, 8, 1]), dataset("xor", n=100), epochs=7)') as TrainingDisplay;
    assert.equal(fit.kind, 'training');
    assert.equal(fit.status, 'done');
    assert.equal(fit.history.length, 7);
    assert.deepEqual(fit.columns, historyColumns({ history: { loss: [], testLoss: [], accuracy: [], testAccuracy: [], dead: [[]], slopes: [] } }));
    assert.ok(fit.boundary);
    assert.equal(fit.boundary.z.length, fit.boundary.y.length);
    assert.equal(fit.boundary.points.x1.length, 100);
    assert.equal(fit.boundary.points.test?.filter(Boolean).length, 20, 'test=0.2 holds out 20 of 100 points');
  });

  it('streams progress while training and, when interrupted, keeps the epochs trained so far', () => {
    const s = new Session();
    const interim: TrainingDisplay[] = [];
    const long = 'train(mlp([2, 16, 16, 1]), dataset("circle", n=400), epochs=100000, batch=4)';
    let reads = 0;
    const started = Date.now();
    // the token turns after ~0.7 s of training: progress arrives every 200 ms before that
    const token = { get isCancellationRequested() { reads++; return Date.now() - started > 700; } };
    const interrupted = s.run(long, token, (d) => interim.push(d as TrainingDisplay)).display;
    assert.equal(interrupted.kind, 'error');
    const result = (interrupted.kind === 'error' && interrupted.kept) as TrainingDisplay;
    assert.equal(result.kind, 'training', 'the interrupted run is kept with the error');
    assert.equal(result.status, 'interrupted');
    assert.ok(result.epochs > 0 && result.epochs < 100000, `${result.epochs} epochs`);
    assert.ok(interim.length >= 2, `${interim.length} progress displays`);
    assert.ok(interim.every((d) => d.kind === 'training' && d.status === 'running'));
    assert.ok(interim[interim.length - 1].epochs <= result.epochs);
    assert.ok(reads > 0);
    assert.ok(Date.now() - started < 3000, 'stops promptly');
  });

  it('errors name the problem and suggest names', () => {
    asError(evalCell('dataset("cirle")'), /unknown dataset "cirle" \(did you mean 'circle'\?\)/, 1, 1);
    asError(evalCell('fit = train(mlp([2, 4, 1]), dataset("xor", n=20), epochs=2)\nfit.acuracy'), /a training run has no field 'acuracy' \(did you mean 'accuracy'/, 2, 1);
    asError(evalCell('mlp([2, 4, 1]).wieghts'), /has no field 'wieghts' \(did you mean 'weights'/);
    asError(evalCell('mlp([2, 4, 1]).weights'), /pick it first, e.g. net\[0\]\.weights/);
    asError(evalCell('train(mlp([2, 4, 1]), dataset("xor"), epochs=0)'), /epochs must be a whole number/);
    asError(evalCell('train(mlp([2, 4, 1]), dataset("xor"), lr=0)'), /lr \(the learning rate\) must be a positive number/);
    asError(evalCell('train(mlp([2, 4, 1]), dataset("xor"), optimizer="adma")'), /did you mean 'adam'/);
    asError(evalCell('train(mlp([3, 4, 1]), dataset("xor"))'), /datasets have 2 inputs per point/);
    asError(evalCell('train(mlp([2, 4, 1]), [1, 2])'), /must be a dataset/);
    asError(evalCell('mlp([2, 4, 1], init="hee")'), /unknown init "hee" \(did you mean 'he'\?\)/);
    asError(evalCell('mlp([2, 5000, 1])'), /at most 4096 units/);
    asError(evalCell('mlp([2, 4, 1], act=3)'), /act must be an activation/);
    asError(evalCell('mlp([2, 4, 1])([1, 2, 3])'), /takes 2 inputs per row, but got rows of 3/);
    asError(evalCell('mlp([2, 4, 1])[3]'), /layer index from -2 to 1/);
    asError(evalCell('dataset("xor", n=100000000)'), /exceeds the limit/);
    asError(evalCell('\n  gradflow(relu, depth=0)'), /depth must be a whole number/, 2, 3);
    asError(evalCell('dataset("xor").x.nope'), /has no field 'nope'/);
  });

  it('a setting that must be a string gives an example of its own (all said such as "he", init\'s; fuzz)', () => {
    asError(evalCell('dataset(1)'), 'the dataset name must be a string such as "xor", but got a number', 1, 1);
    asError(evalCell('train(mlp([2, 1]), dataset("xor", n=8), loss=1)'), /^loss must be a string such as "mse", but got a number$/);
    asError(evalCell('train(mlp([2, 1]), dataset("xor", n=8), optimizer=relu)'), /^optimizer must be a string such as "adam", but got the function relu$/);
    asError(evalCell('mlp([2, 1], init=2)'), /^init must be a string such as "he"/);
  });
});
