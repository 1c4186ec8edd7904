/**
 * Plotly figures for training runs, gradient flow and data sets, built from
 * display JSON and the editor theme. Pure (no DOM, no plotly import), like
 * figures.ts; the layout they share is in figure-style.ts.
 *
 * A training run is four figures (TensorFlow Playground's panel, plus what
 * Playground cannot show): loss (train and test), accuracy (train and test),
 * dead units per hidden layer with learned PReLU slopes on a second axis, and
 * for 2-D data the decision boundary as a heatmap with the points on top
 * (test points outlined).
 */
import { fromJsonNumber, type DatasetDisplay, type GradflowDisplay, type JsonNumber, type TrainingDisplay } from '../shared/output';
import { plotNumbers, plotText } from '../shared/plot-traces';
import { axisStyle, figureLayout, PLOT_CONFIG, PLOT_HEIGHT, type FigureLayout, type PlotFigure } from './figure-style';
import type { Theme } from './theme';

/** Line charts over epochs or layers; the 2-D point charts (boundary, data set) are full height. */
const LINE_CHART_HEIGHT = Math.round(PLOT_HEIGHT * 0.8);

const color = (theme: Theme, i: number): string => theme.palette[i % theme.palette.length];

function layout(theme: Theme, title: string, x: string, y: string, height = LINE_CHART_HEIGHT, extra: Record<string, unknown> = {}): FigureLayout {
  return { ...figureLayout(theme, { height, title, titleSize: 13, xTitle: x, yTitle: y }), ...extra };
}

/** The y axis of a 2-D chart: as many px per unit as the x axis, so shapes are not stretched. */
const squareYAxis = (theme: Theme, title: string): Record<string, unknown> => ({ ...axisStyle(theme), title: { text: title }, scaleanchor: 'x' });

function line(name: string, x: readonly number[], y: readonly JsonNumber[], c: string, dash = 'solid', yaxis = 'y'): Record<string, unknown> {
  return { type: 'scatter', mode: 'lines', name: plotText(name), x: [...x], y: plotNumbers(y), line: { color: c, dash, width: 2 }, yaxis };
}

/** The history column called `name`, or undefined. */
function column(d: TrainingDisplay, name: string): JsonNumber[] | undefined {
  const j = d.columns.indexOf(name);
  return j < 0 ? undefined : d.history.map((row) => row[j]);
}

const anyFinite = (v: readonly JsonNumber[] | undefined): boolean => v !== undefined && v.some((x) => Number.isFinite(fromJsonNumber(x)));

export function trainingFigures(d: TrainingDisplay, theme: Theme): PlotFigure[] {
  const epochs = d.history.map((row) => fromJsonNumber(row[0]));
  const figures: PlotFigure[] = [];
  const pair = (name: string, title: string, y: string, train: string, test: string) => {
    const a = column(d, train);
    const b = column(d, test);
    const data = [
      ...(anyFinite(a) ? [line('train', epochs, a!, color(theme, 0))] : []),
      ...(anyFinite(b) ? [line('test', epochs, b!, color(theme, 1), 'dash')] : []),
    ];
    if (data.length) figures.push({ name, data, layout: layout(theme, title, 'epoch', y), config: PLOT_CONFIG });
  };
  pair('loss', 'loss', d.settings.split(', loss ')[1] ?? 'loss', 'loss', 'test_loss');
  pair('accuracy', 'accuracy', 'accuracy', 'accuracy', 'test_accuracy');
  const dead = d.columns.filter((c) => c.startsWith('dead_'));
  const slopes = d.columns.filter((c) => c.startsWith('slope_'));
  if (dead.length + slopes.length > 0) {
    const data = [
      ...dead.map((c, i) => line(`dead units, layer ${c.slice(5)}`, epochs, column(d, c)!, color(theme, i))),
      ...slopes.map((c, i) => line(`prelu slope ${c.slice(6)}`, epochs, column(d, c)!, color(theme, dead.length + i), 'dot', 'y2')),
    ];
    const extra = slopes.length ? { yaxis2: { ...axisStyle(theme), overlaying: 'y', side: 'right', title: { text: 'slope' }, showgrid: false } } : {};
    const title = 'dead units per hidden layer' + (slopes.length ? ' and prelu slopes' : '');
    figures.push({ name: 'units', data, layout: layout(theme, title, 'epoch', 'dead units', LINE_CHART_HEIGHT, extra), config: PLOT_CONFIG });
  }
  if (d.boundary) {
    const b = d.boundary;
    const heat = {
      type: 'heatmap', name: 'output', x: b.x, y: b.y, z: b.z.map(plotNumbers), showscale: true,
      colorscale: [[0, '#f59322'], [0.5, '#e8eaeb'], [1, '#0877bd']], opacity: 0.75, hovertemplate: 'output %{z:.3f}<extra></extra>',
    };
    figures.push({
      name: 'boundary',
      data: [heat, ...pointTraces(b.points, theme)],
      layout: layout(theme, 'decision boundary (network output)', 'x1', 'x2', PLOT_HEIGHT, { yaxis: squareYAxis(theme, 'x2') }),
      config: PLOT_CONFIG,
    });
  }
  return figures;
}

/** Playground's colours: orange for 0 / negative, blue for 1 / positive; test points outlined. */
function pointTraces(p: DatasetDisplay, theme: Theme): Record<string, unknown>[] {
  const groups = p.task === 'classification'
    ? [{ name: 'label 0', keep: (y: number) => y !== 1, c: '#f59322' }, { name: 'label 1', keep: (y: number) => y === 1, c: '#0877bd' }]
    : [{ name: 'points', keep: () => true, c: '' }];
  const traces: Record<string, unknown>[] = [];
  for (const held of [false, true]) {
    for (const g of groups) {
      const idx = p.y.map((v, i) => i).filter((i) => g.keep(fromJsonNumber(p.y[i])) && (p.test?.[i] ?? false) === held);
      if (idx.length === 0) continue;
      const markerColor = p.task === 'classification' ? g.c : idx.map((i) => fromJsonNumber(p.y[i]));
      traces.push({
        type: 'scatter', mode: 'markers', name: plotText(held ? `${g.name} (test)` : g.name),
        x: plotNumbers(idx.map((i) => p.x1[i])), y: plotNumbers(idx.map((i) => p.x2[i])),
        marker: { size: 5, color: markerColor, line: { width: held ? 1.5 : 0.5, color: held ? theme.foreground : '#ffffff' }, ...(p.task === 'regression' ? { colorscale: 'RdBu' } : {}) },
        hovertemplate: '(%{x:.3f}, %{y:.3f})<extra></extra>',
      });
    }
  }
  return traces;
}

export function datasetFigure(d: DatasetDisplay, theme: Theme): PlotFigure {
  return {
    name: 'dataset',
    data: pointTraces(d, theme),
    layout: layout(theme, `dataset "${d.name}"`, 'x1', 'x2', PLOT_HEIGHT, { yaxis: squareYAxis(theme, 'x2') }),
    config: PLOT_CONFIG,
  };
}

/** Gradient norm against layer (0 next to the input), log y: vanishing gradients are a straight downward line. */
export function gradflowFigure(d: GradflowDisplay, theme: Theme): PlotFigure {
  const data = d.series.map((s, i) => ({
    type: 'scatter', mode: 'lines+markers', name: plotText(s.name),
    x: s.norms.map((_, l) => l), y: plotNumbers(s.norms), line: { color: color(theme, i), width: 2 }, marker: { size: 5 },
    hovertemplate: `${plotText(s.name)}: layer %{x}, norm %{y:.3g}<extra></extra>`,
  }));
  return {
    name: 'gradflow',
    data,
    layout: layout(theme, 'gradient norm reaching each layer at initialisation', 'layer (0 = next to the input)', 'gradient norm', LINE_CHART_HEIGHT, {
      yaxis: { ...axisStyle(theme), title: { text: 'gradient norm' }, type: 'log', exponentformat: 'power' },
    }),
    config: PLOT_CONFIG,
  };
}
