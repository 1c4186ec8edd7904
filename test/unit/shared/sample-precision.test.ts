/** Chart samples are saved at the precision a chart shows; values a user reads are saved exactly. */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language';
import { outputItems } from '../../../src/shared/output-items';
import { VALUE_MIME, type DisplayValue, type FunctionDisplay, type PlotDisplay, type TrainingDisplay } from '../../../src/shared/output';
import { roundSamples, roundSeries, SAMPLE_DIGITS } from '../../../src/shared/sample-precision';
import { mulberry32 } from '../helpers/prng';

const display = (source: string): DisplayValue => new Session().run(source).display;
const saved = (source: string): DisplayValue => outputItems(display(source)).find((i) => i.mime === VALUE_MIME)!.data as DisplayValue;
const numbers = (v: unknown): number[] => JSON.stringify(v).match(/-?\d[\d.e+-]*/g)!.map(Number);

describe('sample precision (what a saved chart keeps)', () => {
  it('keeps six significant digits of a curve sample', () => {
    assert.equal(SAMPLE_DIGITS, 6);
    assert.deepEqual(roundSeries([-0.0015689558726393225, 0.8807970779778823, -4.975, 2]), [-0.00156896, 0.880797, -4.975, 2]);
  });

  it('so the hover label (%{y:.6g}) of every sample reads the same after a reload', () => {
    const curve = (display('gelu') as FunctionDisplay).curve!;
    for (const series of [curve.x, curve.y, curve.dy]) {
      const rounded = roundSeries(series);
      series.forEach((v, i) => assert.equal(Number(rounded[i]).toPrecision(6), Number(v).toPrecision(6), `sample ${i}: ${v}`));
    }
  });

  it('keeps the digits a small wiggle on a large offset lives in', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i / 10);
    const ys = xs.map((x) => 1000 + 0.001 * Math.sin(x));
    const rounded = roundSeries(ys);
    const span = Math.max(...ys) - Math.min(...ys);
    ys.forEach((y, i) => assert.ok(Math.abs(rounded[i] - y) <= span * 1e-5, `sample ${i}: ${y} -> ${rounded[i]}`));
    // six significant digits of the value alone would be a flat line at 1000
    assert.ok(new Set(rounded).size > 90);
  });

  it('keeps six digits of tiny values too (gradient norms on a log axis)', () => {
    assert.deepEqual(roundSeries([8.553010546206414e-12, 3.2598978558438265, 11.007428324619905]), [8.55301e-12, 3.2599, 11.0074]);
  });

  it('passes whole numbers, zeros and non-finite markers unchanged', () => {
    assert.deepEqual(roundSeries([1234567, 0, -0, 'NaN', 'Infinity', '-Infinity', 1e21]), [1234567, 0, -0, 'NaN', 'Infinity', '-Infinity', 1e21]);
    assert.deepEqual(roundSeries([]), []);
    assert.deepEqual(roundSeries([0.1234567891]), [0.123457], 'a single value (no range) keeps six digits');
  });

  it('rounds a random series to within half a unit of its sixth digit (seeded)', () => {
    const r = mulberry32(0x5a5e);
    for (let n = 0; n < 200; n++) {
      const scale = 10 ** Math.floor(r() * 40 - 20);
      const series = Array.from({ length: 20 }, () => (r() - 0.5) * scale);
      roundSeries(series).forEach((v, i) => {
        const x = series[i];
        assert.ok(Math.abs(v - x) <= Math.abs(x) * 5e-6 * (1 + 1e-12), `${x} -> ${v}`);
      });
    }
  });

  it('rounds the samples of functions, plots, data sets, gradient flow and training runs', () => {
    const fn = saved("f(x) = x * sigmoid(1.702 * x)\nf") as FunctionDisplay;
    assert.ok(numbers(fn.curve).every((v) => Number(v.toPrecision(6)) === v), 'six digits at the most');
    const plot = saved('plot(gelu, from=-4, to=4)') as PlotDisplay;
    assert.equal(plot.series[0].y[0], -0.000126685);
    for (const source of ['dataset("circle")', 'plot(gradflow(sigmoid))', 'train(mlp([2, 4, 1]), dataset("xor"), epochs=3)']) {
      const exact = JSON.stringify(display(source));
      const kept = JSON.stringify(saved(source));
      assert.ok(kept.length < exact.length * 0.7, `${source}: ${kept.length} of ${exact.length} bytes`);
    }
  });

  it('keeps every field of a training run but the samples: settings, network, epochs, columns', () => {
    const run = display('train(mlp([2, 4, 1], act=prelu), dataset("xor"), epochs=3)') as TrainingDisplay;
    const kept = roundSamples(run) as TrainingDisplay;
    assert.deepEqual({ ...kept, history: [], boundary: undefined }, { ...run, history: [], boundary: undefined });
    assert.deepEqual(kept.history.map((row) => row[0]), [1, 2, 3], 'epochs stay whole numbers');
    assert.equal(kept.history.length, run.history.length);
    assert.deepEqual([kept.boundary!.z.length, kept.boundary!.z[0].length], [run.boundary!.z.length, run.boundary!.z[0].length]);
    assert.deepEqual(kept.boundary!.points.y, run.boundary!.points.y, 'labels stay 0 and 1');
  });

  it('keeps exactly what a user reads as values: numbers, tensors, tables, networks, errors', () => {
    for (const source of ['0.1 + 0.2', '[0.1 + 0.2, 1 / 3]', 'x = [1 / 3, 2 / 3]\ntable(x, sigmoid(x))', 'mlp([2, 3, 1], act=prelu)', 'rleu(1)']) {
      const exact = display(source);
      assert.deepStrictEqual(saved(source), exact, source);
      assert.equal(roundSamples(exact), exact, `${source}: not even copied`);
    }
    assert.deepEqual((saved('[0.1 + 0.2]') as { data: number[] }).data, [0.30000000000000004]);
  });

  it('rounds plot(x, y) of data too: a plot is a picture, the tensors in the session stay exact', () => {
    const session = new Session();
    session.run('x = linspace(0, 1, 3)\ny = x / 3');
    const plot = outputItems(session.run('plot(x, y)').display)[0].data as PlotDisplay;
    assert.deepEqual(plot.series[0].y, [0, 0.166667, 0.333333]);
    assert.deepEqual((session.run('y').display as { data: number[] }).data, [0, 0.5 / 3, 1 / 3]);
  });
});
