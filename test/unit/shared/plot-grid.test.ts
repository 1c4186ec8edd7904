/** A saved plot of functions holds its common grid once; every reader still gets each series' x. */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language';
import { buildFigure } from '../../../src/renderer/figures';
import { readTheme } from '../../../src/renderer/theme';
import { outputItems } from '../../../src/shared/output-items';
import { VALUE_MIME, type PlotDisplay } from '../../../src/shared/output';
import { shareGrid } from '../../../src/shared/plot-grid';
import { displaySeries } from '../../../src/shared/plot-traces';

const plot = (source: string): PlotDisplay => new Session().run(source).display as PlotDisplay;
const THEME = readTheme(() => '', ['vscode-light']);

describe('plot grid (a shared x, saved once)', () => {
  it('moves the common x of a plot of functions to the plot, once', () => {
    const exact = plot('plot(relu, gelu, from=-4, to=4)');
    const shared = shareGrid(exact) as PlotDisplay;
    assert.equal(shared.x, exact.series[0].x);
    assert.ok(shared.series.every((s) => !('x' in s)), 'no series keeps a copy');
    assert.deepEqual(displaySeries(shared), displaySeries(exact), 'readers see the same series');
    assert.deepEqual(exact.series.map((s) => s.x!.length), [401, 401, 401, 401], 'the display itself is left as it was');
  });

  it('leaves a plot alone when there is nothing to share', () => {
    for (const source of ['plot(linspace(0, 1, 3), [1, 2, 3])', 'plot(relu, derivative=false)']) {
      const d = plot(source);
      assert.equal(shareGrid(d), d, source);
    }
    const different: PlotDisplay = { kind: 'plot', series: [{ name: 'a', x: [0, 1], y: [0, 1] }, { name: 'b', x: [0, 2], y: [0, 1] }] };
    assert.equal(shareGrid(different), different);
  });

  it('the saved item draws the figure the exact display draws', () => {
    const exact = plot('plot(relu, leaky_relu(alpha=0.2), gelu, from=-4, to=4)');
    const saved = outputItems(exact).find((i) => i.mime === VALUE_MIME)!.data as PlotDisplay;
    assert.equal(JSON.stringify(saved).split('-3.98,').length - 1, 1, 'the grid is in the item once');
    const [a, b] = [buildFigure(saved, THEME), buildFigure(exact, THEME)];
    assert.equal(a.data.length, 6);
    // the same points, to the six significant digits a sample keeps
    const close = (u: readonly (number | null)[], v: readonly (number | null)[], what: string) => {
      assert.equal(u.length, v.length, what);
      u.forEach((p, j) => assert.ok(Math.abs(p! - v[j]!) <= 5e-6 * Math.abs(v[j]!), `${what}[${j}]: ${p} vs ${v[j]}`));
    };
    a.data.forEach((trace, i) => {
      close(trace.x, b.data[i].x, `trace ${i} x`);
      close(trace.y, b.data[i].y, `trace ${i} y`);
    });
  });

  it('reads a plot saved with one x per series (older files)', () => {
    const old: PlotDisplay = { kind: 'plot', series: [{ name: 'f', x: [0, 1], y: [1, 2] }, { name: "f'", x: [0, 1], y: [1, 1], derivative: true }] };
    assert.deepEqual(displaySeries(old).map((s) => s.x), [[0, 1], [0, 1]]);
  });
});
