/** Plotly figures, tables and static SVG for training runs, gradient flow, data sets and networks. */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { datasetFigure, gradflowFigure, trainingFigures } from '../../../src/renderer/network-figures';
import { networkView } from '../../../src/renderer/tables';
import type { Theme } from '../../../src/renderer/theme';
import { gradflowToSvg, trainingToSvg } from '../../../src/shared/network-svg';
import type { DatasetDisplay, GradflowDisplay, NetworkDisplay, TrainingDisplay } from '../../../src/shared/output';
import { assertWellFormedXml } from '../helpers/well-formed-xml';

const theme: Theme = { kind: 'dark', foreground: '#cccccc', background: '#1f1f1f', border: '#454545', palette: ['#111111', '#222222', '#333333'] };
const cell = (source: string) => new Session().run(source).display;

describe('renderer: network figures', () => {
  const fit = cell('train(mlp([2, 4, 4, 1], act=prelu), dataset("xor", n=60), epochs=6)') as TrainingDisplay;

  it('a training run draws loss, accuracy, dead units with prelu slopes, and the decision boundary with its points', () => {
    const figures = trainingFigures(fit, theme);
    assert.deepEqual(figures.map((f) => f.name), ['loss', 'accuracy', 'units', 'boundary']);
    const [loss, accuracy, units, boundary] = figures;
    assert.deepEqual(loss.data.map((t) => t.name), ['train', 'test']);
    assert.deepEqual((loss.data[0].x as number[]), [1, 2, 3, 4, 5, 6]);
    assert.equal(accuracy.data.length, 2);
    assert.deepEqual(units.data.map((t) => t.name), ['dead units, layer 1', 'dead units, layer 2', 'prelu slope 1', 'prelu slope 2']);
    assert.equal(units.data[2].yaxis, 'y2', 'slopes on their own axis');
    assert.equal(boundary.data[0].type, 'heatmap');
    // label 0 and label 1, for training and for test points: four scatter traces
    assert.deepEqual(boundary.data.slice(1).map((t) => t.name), ['label 0', 'label 1', 'label 0 (test)', 'label 1 (test)']);
  });

  it('the decision boundary fills its plot area: a smooth heatmap, its colour bar titled, equal scales with no empty band', () => {
    const boundary = trainingFigures(fit, theme).find((f) => f.name === 'boundary')!;
    const heat = boundary.data[0] as { zsmooth: string; zmin: number; zmax: number; colorbar: { title: { text: string } }; x: number[]; y: number[] };
    assert.equal(heat.zsmooth, 'best');
    assert.equal(heat.colorbar.title.text, 'P(y = 1)', 'a sigmoid output is the probability of label 1');
    assert.deepEqual([heat.zmin, heat.zmax], [0, 1]);
    const { xaxis, yaxis, margin } = boundary.layout as unknown as {
      xaxis: { range: number[]; constrain: string }; yaxis: { range: number[]; constrain: string; scaleanchor: string }; margin: { l: number; r: number; t: number; b: number };
    };
    // the ranges are the heatmap's own extent (half a cell beyond the outer grid points)
    const half = (heat.x[1] - heat.x[0]) / 2;
    assert.deepEqual(xaxis.range, [heat.x[0] - half, heat.x[heat.x.length - 1] + half]);
    assert.equal(yaxis.scaleanchor, 'x');
    assert.deepEqual([xaxis.constrain, yaxis.constrain], ['domain', 'domain'], 'the plot area gives way, not the ranges');
    // as wide as the data's shape needs at the figure's height, colour bar included
    const plotHeight = boundary.layout.height - margin.t - margin.b;
    const aspect = (xaxis.range[1] - xaxis.range[0]) / (yaxis.range[1] - yaxis.range[0]);
    assert.ok(boundary.width !== undefined && Math.abs(boundary.width - (margin.l + margin.r + 96 + plotHeight * aspect)) <= 1, `width ${boundary.width}`);
  });

  it('a data set is drawn at its own aspect: moons wide, a circle about square', () => {
    const moons = datasetFigure(cell('dataset("moons", n=80)') as DatasetDisplay, theme);
    const circle = datasetFigure(cell('dataset("circle", n=80)') as DatasetDisplay, theme);
    assert.ok(moons.width! > circle.width! + 80, `moons ${moons.width}, circle ${circle.width}`);
    assert.ok(circle.width! >= 460 && circle.width! < 560, `circle ${circle.width}`);
    const { yaxis } = moons.layout as unknown as { yaxis: { scaleanchor: string; constrain: string } };
    assert.deepEqual([yaxis.scaleanchor, yaxis.constrain], ['x', 'domain']);
  });

  it('a regression boundary says output, on its own colour range', () => {
    const reg = cell('train(mlp([2, 4, 1], out="linear"), dataset("plane", n=60), epochs=2)') as TrainingDisplay;
    const heat = trainingFigures(reg, theme).find((f) => f.name === 'boundary')!.data[0] as { colorbar: { title: { text: string } }; zmin?: number };
    assert.equal(heat.colorbar.title.text, 'output');
    assert.equal(heat.zmin, undefined, 'its own range');
  });

  it('a regression run draws no accuracy (it has none)', () => {
    const reg = cell('train(mlp([2, 4, 1], out="linear"), dataset("plane", n=60), epochs=3)') as TrainingDisplay;
    assert.deepEqual(trainingFigures(reg, theme).map((f) => f.name), ['loss', 'units', 'boundary']);
  });

  it('gradient flow has a log y axis and one line per activation; a data set is its points', () => {
    const g = cell('plot(gradflow(sigmoid, depth=4), gradflow(relu, depth=4))') as GradflowDisplay;
    const figure = gradflowFigure(g, theme);
    assert.equal((figure.layout.yaxis as { type: string }).type, 'log');
    assert.deepEqual(figure.data.map((t) => [t.name, (t.x as number[]).length]), [['sigmoid', 4], ['relu', 4]]);
    const d = cell('dataset("circle", n=30)') as DatasetDisplay;
    assert.equal(datasetFigure(d, theme).data.reduce((n, t) => n + (t.x as unknown[]).length, 0), 30);
  });

  it('a network is a table of its layers', () => {
    const view = networkView(cell('mlp([2, 3, 1], act=prelu)') as NetworkDisplay);
    assert.deepEqual(view.header, ['layer', 'inputs', 'outputs', 'activation', 'parameters', 'slope']);
    assert.deepEqual(view.rows, [['0', '2', '3', 'prelu', '10', '0.25'], ['1', '3', '1', 'sigmoid', '4', '']]);
    assert.equal(view.caption, 'network (float64), 14 parameters');
  });

  it('static SVG: loss curves against epoch, gradient flow on a log axis', () => {
    const loss = trainingToSvg(fit);
    assertWellFormedXml(loss);
    assert.match(loss, />epoch</);
    assert.equal((loss.match(/<g class="series/g) ?? []).length, 2);
    const flow = gradflowToSvg(cell('plot(gradflow(sigmoid), gradflow(relu))') as GradflowDisplay);
    assertWellFormedXml(flow);
    assert.match(flow, />1e\u2212\d+</, 'log ticks read 1e−n');
  });
});
