/**
 * The network diagram's model and SVG, from real training runs: a node per unit, dead units
 * marked as the engine counts them, "+k more" past the cap, the scrubber's snapshots.
 */
import { strict as assert } from 'assert';
import { deadUnits, unpackNumbers } from '../../../src/engine';
import { Session } from '../../../src/language/runtime/session';
import { diagramSource, hasDiagram } from '../../../src/renderer/diagram-display';
import { diagramSvg, unitSummary } from '../../../src/renderer/network-diagram';
import { diagramModel, networkOf, type DiagramSource } from '../../../src/renderer/network-model';
import { layerHistograms, preActivationSvg } from '../../../src/renderer/unit-histograms';
import { replayedBoundary } from '../../../src/renderer/replay-boundary';
import { fromJsonNumber, type NetworkDisplay, type TrainingDisplay } from '../../../src/shared/output';
import { assertWellFormedXml } from '../helpers/well-formed-xml';

function trained(source: string): { fit: TrainingDisplay; session: Session } {
  const session = new Session();
  session.run('data = dataset("xor", noise=0.1, seed=1)');
  const fit = session.run(`fit = ${source}\nfit`).display as TrainingDisplay;
  assert.equal(fit.kind, 'training');
  return { fit, session };
}

const sourceOf = (fit: TrainingDisplay, exact = true): DiagramSource => diagramSource(fit, undefined, exact);
const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('renderer: network diagram', () => {
  // lr=1 kills ReLU units (examples/networks.actnb shows it)
  const { fit, session } = trained('train(mlp([2, 16, 16, 1], act=relu), data, lr=1, epochs=30)');
  const deadTotal = (session.run('sum(dead(fit.net, data))').display as { value: number }).value;

  it('has one node per unit, layer 0 the inputs and the output layer last', () => {
    const model = diagramModel(sourceOf(fit));
    assert.deepEqual(model.layers.map((l) => l.units.length), [2, 16, 16, 1]);
    assert.deepEqual(model.layers.map((l) => l.role), ['input', 'hidden', 'hidden', 'output']);
    const { svg, shown } = diagramSvg(model);
    assertWellFormedXml(svg);
    assert.deepEqual(shown, [2, 16, 16, 1]);
    assert.equal(count(svg, /data-neuron="/g), 35);
    for (const id of ['0:0', '0:1', '1:15', '2:0', '3:0']) assert.ok(svg.includes(`data-neuron="${id}"`), id);
    assert.equal(count(svg, /<image /g), 35, 'a heatmap per node (2 inputs)');
  });

  it('marks as dead exactly the units dead(fit.net, data) counts, and the model computes the same from the points', () => {
    assert.ok(deadTotal > 0, 'lr=1 leaves dead units to mark');
    const exact = diagramModel(sourceOf(fit));
    const computed = diagramModel(sourceOf(fit, false));
    const { svg } = diagramSvg(exact);
    assert.equal(count(svg, /data-dead="true"/g), deadTotal);
    assert.equal(exact.layers.reduce((n, l) => n + l.dead, 0), deadTotal);
    assert.deepEqual(computed.layers.map((l) => l.dead), exact.layers.map((l) => l.dead), 'from the display\'s points, as the scrubber computes');
    for (const layer of exact.layers) {
      if (layer.role !== 'hidden') continue;
      assert.ok(svg.includes(`${layer.dead} of 16 dead`), `layer ${layer.index}'s count is written`);
      for (const u of layer.units.filter((u) => u.dead)) {
        assert.equal(u.active, 0);
        assert.ok(u.pre!.every((z) => z <= 0), 'a dead ReLU has all its pre-activations at or left of 0');
      }
    }
  });

  it('a node\'s hover: its formula with the weights plugged in, where it is active and its mean output', () => {
    const model = diagramModel(sourceOf(fit));
    const unit = model.layers[1]!.units[0]!;
    const w = fit.network.weights!.map(fromJsonNumber);
    const [formula, active, mean] = unitSummary(unit, model);
    const two = (v: number) => Math.abs(v).toFixed(2);
    assert.ok(formula!.startsWith(`relu(${w[0]! < 0 ? '−' : ''}${two(w[0]!)}·x1 ${w[1]! < 0 ? '−' : '+'} ${two(w[1]!)}·x2`), formula);
    assert.match(active!, /^active \(passes a gradient\) on \d+% of the 500 points$/);
    const out = unit.out!;
    assert.equal(mean, `mean output ${Number((out.reduce((a, b) => a + b, 0) / out.length).toPrecision(3))}`);
  });

  it('a node is active where neuron(...) says it is: where it passes a gradient, not where its output is nonzero', () => {
    // relu6 saturates: on its flat top the output is 6 and no gradient flows
    const { fit: capped, session: s } = trained('train(mlp([2, 4, 1], act=relu6), data, lr=0.5, epochs=5, seed=2)');
    const model = diagramModel(sourceOf(capped));
    let differs = false;
    model.layers[1]!.units.forEach((unit, u) => {
      const n = s.run(`neuron(fit.net, 1, ${u}, data)`).display as { active: number; out: number[] };
      assert.equal(unit.active, n.active, `unit 1:${u}`);
      const nonzero = unit.out!.filter((v) => v !== 0).length / unit.out!.length;
      if (nonzero !== unit.active) differs = true;
    });
    assert.ok(differs || model.layers[1]!.units.every((u) => u.out!.every((v) => v < 6)), 'either some unit saturates (and the two counts differ) or none does');
  });

  it('past the cap a layer shows that many units and "+k more", in full once expanded', () => {
    const model = diagramModel(sourceOf(fit));
    const capped = diagramSvg(model, { maxPerLayer: 8 });
    assert.deepEqual(capped.shown, [2, 8, 8, 1]);
    assert.equal(count(capped.svg, /data-neuron="/g), 19);
    assert.equal(count(capped.svg, /\+8 more/g), 2);
    const open = diagramSvg(model, { maxPerLayer: 8, expanded: new Set([2]) });
    assert.deepEqual(open.shown, [2, 8, 16, 1]);
  });

  it('keeps about 50 snapshots, packed small; each redraws a diagram whose dead units change over the epochs', () => {
    const snaps = fit.snapshots!;
    assert.equal(snaps.epochs.length, 31, 'a 30-epoch run keeps every epoch and the start');
    const first = diagramModel({ ...sourceOf(fit, false), weights: unpackNumbers(snaps.weights[0]!) });
    const last = diagramModel({ ...sourceOf(fit, false), weights: unpackNumbers(snaps.weights[snaps.weights.length - 1]!) });
    assert.ok(first.layers.reduce((n, l) => n + l.dead, 0) < deadTotal, 'fewer dead units before training');
    assert.equal(last.layers.reduce((n, l) => n + l.dead, 0), deadTotal, 'the last snapshot is the trained network');
    const weights = fit.network.weights!.map(fromJsonNumber);
    const unpacked = unpackNumbers(snaps.weights[snaps.weights.length - 1]!);
    const largest = Math.max(...weights.map(Math.abs));
    weights.forEach((w, i) => assert.ok(Math.abs(unpacked[i]! - w) <= largest / 32765, `weight ${i}: ${unpacked[i]} for ${w}`));
    const long = trained('train(mlp([2, 8, 8, 1], act=relu), data, epochs=300)').fit;
    assert.equal(long.snapshots!.epochs.length, 50);
    assert.ok(JSON.stringify(long.snapshots).length < 50 * 105 * 3 + 2000, `snapshots of 105 weights: ${JSON.stringify(long.snapshots).length} characters`);
  });

  it('the scrubber\'s boundary: the display\'s own at the trained weights, another before training', () => {
    const same = replayedBoundary(fit, fit.network.weights!);
    assert.deepEqual(same.boundary!.z, fit.boundary!.z.map((row) => row.map(fromJsonNumber)));
    const start = replayedBoundary(fit, unpackNumbers(fit.snapshots!.weights[0]!));
    assert.notDeepEqual(start.boundary!.z, same.boundary!.z);
    assert.equal(start.history, fit.history, 'only the boundary changes');
  });

  it('the pre-activation histogram marks the kink; each layer has a histogram of its outputs', () => {
    const model = diagramModel(sourceOf(fit));
    const svg = preActivationSvg(model, model.layers[1]!, 0)!;
    assertWellFormedXml(svg);
    assert.ok(svg.includes('kink at 0'));
    const layers = layerHistograms(model);
    assert.deepEqual(layers.map((h) => h.layer), [1, 2, 3]);
    layers.forEach((h) => assertWellFormedXml(h.svg));
  });

  it('a network without data draws over Playground\'s square; an activation reading a tensor draws plain nodes', () => {
    const net = new Session().run('mlp([2, 4, 1], act=tanh)').display as NetworkDisplay;
    assert.ok(hasDiagram(net));
    const model = diagramModel({ network: net, weights: net.weights! });
    assert.deepEqual(model.square, { x: [-6, 6], y: [-6, 6] });
    assert.equal(model.points, 0);
    assert.match(unitSummary(model.layers[1]!.units[0]!, model)[1]!, /of the input square$/);
    const s = new Session();
    s.run('w = [1, 2]\nf(x) = x * sigmoid(x) * sum(w) / 3');
    const own = s.run('mlp([2, 3, 1], act=f)').display as NetworkDisplay;
    assert.equal(own.layers[0]!.program, undefined, 'a body reading a tensor cannot be written');
    const plain = diagramModel({ network: own, weights: own.weights! });
    assert.equal(plain.layers[1]!.runnable, false);
    const { svg } = diagramSvg(plain);
    assert.equal(count(svg, /data-neuron="/g), 6);
    assert.equal(count(svg, /<image /g), 2, 'heatmaps only for the inputs');
  });

  it('a user-defined activation runs in the page: its units get heatmaps and numbers, the kernel\'s to the bit', () => {
    const s = new Session();
    s.run('data = dataset("circle", noise=0.1, seed=2)\nk = 1.5\nsq(t) = t^2\nf(x, a = 0.5) = x * sigmoid(k * x) + a * sq(x) / 10');
    const fit = s.run('fit = train(mlp([2, 4, 1], act=f(a=0.25)), data, epochs=20, seed=3)\nfit').display as TrainingDisplay;
    assert.equal(fit.kind, 'training');
    const layer = fit.network.layers[0]!;
    assert.equal(layer.kernel, undefined);
    // a function's globals are read when it is called, so it may come before them
    assert.deepEqual(layer.program, { definitions: 'f(x, a = 0.5) = x * sigmoid(k * x) + a * sq(x) / 10\nk = 1.5\nsq(t) = t^2', activation: 'f(a=0.25)' });
    const model = diagramModel(sourceOf(fit));
    assert.equal(model.layers[1]!.runnable, true);
    const { svg } = diagramSvg(model);
    assert.equal(count(svg, /<image /g), 2 + 4 + 1, 'a heatmap for every unit');
    // the page's unit outputs over the data are the kernel's neuron(...) outputs, bit for bit
    for (const unit of [0, 3]) {
      const kernelOut = (s.run(`neuron(fit.net, 1, ${unit}, data).out`).display as { data: number[] }).data;
      const pageOut = Array.from(model.layers[1]!.units[unit]!.out!);
      assert.equal(pageOut.length, kernelOut.length);
      pageOut.forEach((v, i) => assert.ok(Object.is(v, kernelOut[i]), `unit ${unit}, point ${i}: page ${v}, kernel ${kernelOut[i]}`));
    }
    assert.doesNotMatch(diagramSvg(model).svg, /reads a tensor/);
  });

  it('the engine agrees: what dead() counts on the data is what the display says', () => {
    const x = new Float64Array(fit.boundary!.points.x1.flatMap((v, i) => [fromJsonNumber(v), fromJsonNumber(fit.boundary!.points.x2[i]!)]));
    assert.ok(x.length > 0);
    // the trained network as the renderer builds it from the display, on the display's points
    assert.deepEqual(fit.dead!.map((d) => d.length), deadUnits(networkOf(fit.network, fit.network.weights!)!, x, x.length / 2));
  });
});
