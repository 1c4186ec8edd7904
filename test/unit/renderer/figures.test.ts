import { strict as assert } from 'assert';
import type { FunctionDisplay, PlotDisplay } from '../../../src/shared/output';
import { PLOT_CONFIG, PLOT_HEIGHT } from '../../../src/renderer/figure-style';
import { buildFigure, formulaLines, functionFigures, plotFigures } from '../../../src/renderer/figures';
import { opaque, readTheme, themeKind, type Theme } from '../../../src/renderer/theme';
import { colorIndices } from '../../../src/shared/plot-traces';

const theme: Theme = {
  kind: 'dark',
  foreground: '#cccccc',
  background: '#1f1f1f',
  border: '#454545',
  palette: ['#111111', '#222222', '#333333'],
};

const relu: FunctionDisplay = {
  kind: 'function',
  name: 'relu',
  formula: 'max(0, x)',
  derivative: 'x > 0 ? 1 : 0',
  kinks: [0],
  curve: { x: [-1, 0, 1], y: [0, 0, 1], dy: [0, 'NaN', 1] },
};

interface Layout {
  hovermode: string;
  showlegend: boolean;
  title?: { text: string };
  xaxis: { title: { text: string } };
  yaxis: { title: { text: string } };
  shapes: { x0: number; line: { dash: string; color: string } }[];
  font: { color: string };
  paper_bgcolor: string;
}

describe('renderer figures', () => {
  it('draws a function as f (solid) and f\' (dashed) in one colour, with kinks, axis labels and x-unified hover', () => {
    const fig = buildFigure(relu, theme);
    const layout = fig.layout as unknown as Layout;
    assert.deepEqual(fig.data.map((t) => [t.name, t.line.dash, t.line.color]), [
      ['relu', 'solid', '#111111'],
      ["relu'", 'dash', '#111111'],
    ]);
    assert.deepEqual(fig.data[1].y, [0, null, 1], 'NaN becomes a gap');
    assert.equal(fig.data[0].hovertemplate, 'relu(x) = %{y:.6g}<extra></extra>');
    assert.equal(fig.data[1].hovertemplate, "relu'(x) = %{y:.6g}<extra></extra>");
    assert.equal(layout.hovermode, 'x unified');
    assert.equal(layout.showlegend, true);
    assert.equal(layout.xaxis.title.text, 'x');
    assert.equal(layout.yaxis.title.text, 'f(x)');
    assert.deepEqual(layout.shapes.map((s) => [s.x0, s.line.dash]), [[0, 'dot']]);
    assert.equal(layout.font.color, '#cccccc');
    assert.equal(layout.paper_bgcolor, 'rgba(0,0,0,0)', 'transparent: the editor background shows');
    assert.equal(layout.title, undefined);
    assert.deepEqual(PLOT_CONFIG, { displaylogo: false, responsive: true, typesetMath: false });
    assert.deepEqual(formulaLines(relu), ['relu(x) = max(0, x)', "relu'(x) = x > 0 ? 1 : 0"]);
  });

  it("titles the y axis of a derivative's output f'(x), and a plot's axes as the plot says", () => {
    const sigmoidPrime: FunctionDisplay = { ...relu, name: "sigmoid'", curve: relu.curve };
    assert.equal((buildFigure(sigmoidPrime, theme).layout as unknown as Layout).yaxis.title.text, "f'(x)");
    assert.equal((buildFigure({ ...relu, name: "f''" }, theme).layout as unknown as Layout).yaxis.title.text, "f''(x)");
    const plot: PlotDisplay = { kind: 'plot', series: [{ name: 'y', x: [0], y: [0] }], xLabel: 'epochs', yLabel: 'a<b' };
    const layout = buildFigure(plot, theme).layout as unknown as Layout;
    assert.deepEqual([layout.xaxis.title.text, layout.yaxis.title.text], ['epochs', 'a&lt;b']);
    const old = buildFigure({ kind: 'plot', series: [] }, theme).layout as unknown as Layout;
    assert.deepEqual([old.xaxis.title.text, old.yaxis.title.text], ['x', 'y'], 'outputs saved before axes were titled');
  });

  it('overlays every series of a plot, derivatives dashed, title escaped for plotly', () => {
    const plot: PlotDisplay = {
      kind: 'plot',
      title: '<b>"t"</b> & co',
      series: [
        { name: 'a', x: [0, 1], y: [0, 1] },
        { name: "a'", x: [0, 1], y: [1, 1], derivative: true },
        { name: '<script>', x: [0, 1], y: [2, 2] },
        { name: 'c', x: [0, 1], y: [3, 3] },
        { name: 'd', x: [0, 1], y: [4, 4] },
      ],
      kinks: [0.5, Number.NaN],
    };
    const fig = buildFigure(plot, theme);
    const layout = fig.layout as unknown as Layout;
    assert.deepEqual(fig.data.map((t) => [t.name, t.line.dash, t.line.color]), [
      ['a', 'solid', '#111111'],
      ["a'", 'dash', '#111111'],
      ['&lt;script&gt;', 'solid', '#222222'],
      ['c', 'solid', '#333333'],
      ['d', 'solid', '#111111'],
    ]);
    assert.equal(layout.title?.text, '&lt;b&gt;&#34;t&#34;&lt;/b&gt; &amp; co');
    assert.equal(layout.yaxis.title.text, 'y');
    assert.equal(layout.shapes.length, 1, 'non-finite kinks dropped');
  });

  it('a function without a curve has no traces', () => {
    const { curve: _curve, ...bare } = relu;
    assert.deepEqual(buildFigure(bare, theme).data, []);
  });

  it('function and plot displays are figure sets: none for a function without a curve', () => {
    const { curve: _curve, ...bare } = relu;
    assert.deepEqual(functionFigures(bare, theme), []);
    assert.deepEqual(functionFigures(relu, theme).map((f) => [f.name, f.data.length]), [['function', 2]]);
    const plot: PlotDisplay = { kind: 'plot', series: [{ name: 'a', x: [0, 1], y: [0, 1] }] };
    assert.deepEqual(plotFigures(plot, theme).map((f) => [f.name, f.data.length]), [['plot', 1]]);
  });

  it('re-theming rebuilds the colours and nothing else: same height, margins and legend place', () => {
    const light: Theme = { ...theme, kind: 'light', foreground: '#333333', border: '#c8c8c8', palette: ['#0000ff', '#ff0000'] };
    const [dark, bright] = [buildFigure(relu, theme), buildFigure(relu, light)];
    const { layout } = bright;
    assert.deepEqual(bright.data.map((t) => t.line.color), ['#0000ff', '#0000ff']);
    assert.equal((layout.font as { color: string }).color, '#333333');
    assert.equal((layout.xaxis as { gridcolor: string }).gridcolor, '#c8c8c866');
    assert.equal((layout as unknown as Layout).shapes[0].line.color, '#c8c8c8', 'kinks take the border colour');
    assert.equal(layout.height, PLOT_HEIGHT);
    for (const key of ['height', 'margin', 'legend', 'autosize', 'uirevision'] as const) {
      assert.deepEqual(layout[key], dark.layout[key], `${key} does not depend on the theme`);
    }
    assert.equal(layout.width, undefined, 'the width is the chart element\'s, given at each draw');
  });
});

describe('renderer theme', () => {
  it('reads VS Code CSS variables, falling back per theme kind', () => {
    const vars: Record<string, string> = { '--vscode-editor-foreground': ' #abcdef ', '--vscode-charts-blue': '#0000ff' };
    const t = readTheme((n) => vars[n] ?? '', ['vscode-light']);
    assert.equal(t.kind, 'light');
    assert.equal(t.foreground, '#abcdef');
    assert.equal(t.background, '#ffffff', 'fallback');
    assert.equal(t.palette[0], '#0000ff');
    assert.equal(t.palette.length, 6);
    assert.equal(themeKind(['vscode-dark']), 'dark');
    assert.equal(themeKind(['vscode-high-contrast']), 'high-contrast');
    assert.equal(themeKind(['vscode-high-contrast', 'vscode-high-contrast-light']), 'high-contrast-light');
    assert.equal(themeKind([]), 'dark');
  });
});

describe('shared plot traces', () => {
  it('a derivative keeps the colour of the series before it', () => {
    assert.deepEqual(colorIndices([{ derivative: true }, {}, { derivative: true }, {}]), [0, 1, 1, 2]);
  });
});

describe('renderer/theme: opaque line colours', () => {
  it('drops the alpha of translucent theme colours', () => {
    assert.equal(opaque('rgba(234, 92, 0, 0.33)'), 'rgb(234, 92, 0)');
    assert.equal(opaque('#ea5c0054'), '#ea5c00');
    assert.equal(opaque('#f808'), '#f80');
    assert.equal(opaque('#3794ff'), '#3794ff');
    assert.equal(opaque('rgb(1, 2, 3)'), 'rgb(1, 2, 3)');
  });
  it('applies it to the palette read from VS Code', () => {
    const theme = readTheme((name) => (name === '--vscode-charts-orange' ? 'rgba(234, 92, 0, 0.33)' : ''), ['vscode-light']);
    assert.equal(theme.palette[1], 'rgb(234, 92, 0)');
  });
});
