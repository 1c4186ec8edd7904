import { strict as assert } from 'assert';
import { figureLayout, legendBelowAxis } from '../../../src/renderer/figure-style';
import type { Theme } from '../../../src/renderer/theme';

const theme: Theme = { kind: 'dark', foreground: '#cccccc', background: '#1f1f1f', border: '#454545', palette: ['#111111'] };

interface Layout {
  height: number;
  margin: { t: number; b: number };
  legend: { y: number; yanchor: string; orientation: string };
  title?: { text: string; font?: { size: number } };
  xaxis: { title: { text: string; standoff: number } };
}

/** px between the bottom of the plot area and the legend's top: plotly's y is a fraction of the plot area. */
const legendGap = (l: Layout): number => -l.legend.y * (l.height - l.margin.t - l.margin.b);

describe('renderer figure style', () => {
  it('puts the legend the same distance under the axis at every figure height', () => {
    const low = figureLayout(theme, { height: 288, title: 't', titleSize: 13, xTitle: 'epoch', yTitle: 'loss' }) as unknown as Layout;
    const high = figureLayout(theme, { height: 360, xTitle: 'x', yTitle: 'f(x)' }) as unknown as Layout;
    assert.ok(Math.abs(legendGap(low) - legendGap(high)) < 1e-9, `${legendGap(low)} vs ${legendGap(high)}`);
    // below the tick labels and the x-axis title (about 18 + standoff + 16 px)
    assert.ok(legendGap(high) >= 18 + high.xaxis.title.standoff + 16, `gap ${legendGap(high)}`);
    assert.ok(low.legend.y < high.legend.y, 'a lower figure needs a larger fraction for the same px');
    assert.equal(low.legend.yanchor, 'top');
    assert.equal(low.legend.orientation, 'h');
  });

  it('the bottom margin holds a one-row legend, so plotly does not shrink the plot area for it', () => {
    const l = figureLayout(theme, { height: 360, xTitle: 'x', yTitle: 'y' }) as unknown as Layout;
    assert.ok(l.margin.b - legendGap(l) >= 24, `room for a legend row: ${l.margin.b - legendGap(l)} px`);
  });

  it('makes room for a title at the top, sized by its font', () => {
    const plain = figureLayout(theme, { height: 360, xTitle: 'x', yTitle: 'y' }) as unknown as Layout;
    const titled = figureLayout(theme, { height: 360, title: '<b>', xTitle: 'x', yTitle: 'y' }) as unknown as Layout;
    const small = figureLayout(theme, { height: 360, title: 'a', titleSize: 13, xTitle: 'x', yTitle: 'y' }) as unknown as Layout;
    assert.equal(plain.title, undefined);
    assert.deepEqual([plain.margin.t, small.margin.t, titled.margin.t], [16, 36, 44]);
    assert.equal(titled.title?.text, '&lt;b&gt;', 'escaped for plotly');
    assert.equal(small.title?.font?.size, 13);
  });

  it('never divides by a plot area of zero', () => {
    assert.ok(Number.isFinite(legendBelowAxis(10, { t: 16, b: 78 }).y as number));
  });
});
