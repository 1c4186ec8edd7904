/** The renderer's own evaluation of a plot with sliders (live-plot.ts): the plot moves with its sliders, within a frame. */
import { strict as assert } from 'assert';
import { performance } from 'perf_hooks';
import { Session } from '../../../src/language';
import { fromJsonNumber, type PlotDisplay } from '../../../src/shared/output';
import { LivePlotEvaluator } from '../../../src/language';
import { sliderValueText } from '../../../src/renderer/live-plot';
import { plotFigures } from '../../../src/renderer/figures';
import { chartLabel } from '../../../src/renderer/chart-label';
import { readTheme } from '../../../src/renderer/theme';

function kernelPlot(...cells: string[]): PlotDisplay {
  const session = new Session();
  let d = session.run(cells[0]!).display;
  for (const cell of cells.slice(1)) d = session.run(cell).display;
  assert.equal(d.kind, 'plot', JSON.stringify(d).slice(0, 300));
  return d as PlotDisplay;
}

describe('renderer/live-plot: a plot with sliders redrawn without the kernel', () => {
  it('starts where the kernel drew and moves with the slider; kinks follow the parameter', () => {
    const p = kernelPlot('plot(hardshrink(lambd=slider(0.1, 2)))');
    const ev = new LivePlotEvaluator(p.live!);
    assert.deepEqual(ev.startValues, [0.5]);
    assert.deepEqual(ev.displayAt(ev.startValues).series.map((s) => s.y), p.series.map((s) => s.y));
    const moved = ev.displayAt([1.5]);
    assert.deepEqual(moved.kinks, [-1.5, 1.5]);
    const x = moved.series[0]!.x!.map(fromJsonNumber);
    moved.series[0]!.y.map(fromJsonNumber).forEach((y, i) => assert.equal(y, Math.abs(x[i]!) > 1.5 ? x[i] : 0, `hardshrink(${x[i]})`));
  });

  it('never compiles a loop (the pages forbid new Function), even over grids fusion would take', () => {
    const p = kernelPlot('g(x, a=0.1) = max(a * x, x) * sigmoid(x) + x * x', 'plot(g(a=slider(-1, 1)), points=10000)');
    const original = globalThis.Function;
    let compiled = 0;
    const spy = new Proxy(original, { construct: (t, args) => { compiled++; return Reflect.construct(t, args); } });
    globalThis.Function = spy as FunctionConstructor;
    try {
      const d = new LivePlotEvaluator(p.live!).displayAt([0.5]);
      assert.equal(d.series[0]!.y.length, 10000);
    } finally {
      globalThis.Function = original;
    }
    assert.equal(compiled, 0);
  });

  it('reports a position the function refuses, in the language\'s words', () => {
    const p = kernelPlot('plot(softplus(beta=slider(-1, 2, value=1)))');
    const ev = new LivePlotEvaluator(p.live!);
    assert.throws(() => ev.displayAt([0]), /beta/);
  });

  it('shows a slider value in six significant digits at most', () => {
    assert.equal(sliderValueText(0.028999999999999998), '0.029');
    assert.equal(sliderValueText(1), '1');
    assert.equal(sliderValueText(-0.3), '-0.3');
  });

  it('redraws four functions at 401 points (f and f\') and builds the figure: time logged, budget one frame (~16 ms)', () => {
    const p = kernelPlot('g(x, a=0.1) = max(a * x, x)',
      'plot(leaky_relu(alpha=slider(0, 1)), elu(alpha=slider(0.1, 3)), g(a=slider(-1, 1)), softplus(beta=slider(0.5, 5)))');
    assert.equal(p.series.length, 8);
    const ev = new LivePlotEvaluator(p.live!);
    const theme = readTheme(() => '', ['vscode-light']);
    const times: number[] = [];
    for (let k = 0; k < 60; k++) {
      const t0 = performance.now();
      const d = ev.displayAt([k / 60, 0.1 + k / 30, -1 + k / 30, 0.5 + k / 15]);
      plotFigures(d, theme);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[30]!;
    console.log(`      redraw of 4 functions x 401 points (f and f'): median ${median.toFixed(2)} ms, worst ${times[59]!.toFixed(2)} ms (first ${times.length} runs)`);
    assert.ok(Number.isFinite(median));
  });
});

describe('renderer/chart-label: what a chart shows, for its aria-label', () => {
  it('names the curves and the x range, and follows a slider', () => {
    const theme = readTheme(() => '', ['vscode-light']);
    const p = kernelPlot('plot(leaky_relu(alpha=slider(0, 1)), from=-2, to=3)');
    assert.equal(chartLabel(plotFigures(p, theme)[0]!), "Chart of leaky_relu(alpha=0.01), leaky_relu(alpha=0.01)' over x from -2 to 3");
    const moved = new LivePlotEvaluator(p.live!).displayAt([0.25]);
    assert.equal(chartLabel(plotFigures(moved, theme)[0]!), "Chart of leaky_relu(alpha=0.25), leaky_relu(alpha=0.25)' over x from -2 to 3");
  });

  it('reads back names escaped for plotly', () => {
    const p = kernelPlot('plot(gelu(approximate="tanh"), from=0, to=1)');
    assert.match(chartLabel(plotFigures(p, readTheme(() => '', ['vscode-light']))[0]!), /^Chart of gelu\(approximate="tanh"\), .* over x from 0 to 1$/);
  });
});
