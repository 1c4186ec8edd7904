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

/** Line charts over epochs or layers; the 2-D point charts (boundary, data set) are taller (PLANE_HEIGHT). */
const LINE_CHART_HEIGHT = Math.round(PLOT_HEIGHT * 0.8);

const color = (theme: Theme, i: number): string => theme.palette[i % theme.palette.length];

function layout(theme: Theme, title: string, x: string, y: string, height = LINE_CHART_HEIGHT, extra: Record<string, unknown> = {}): FigureLayout {
  return { ...figureLayout(theme, { height, title, titleSize: 13, xTitle: x, yTitle: y }), ...extra };
}

/** The height of a 2-D chart (px): its plot area about 320 px high, so the picture is not a thumbnail. */
const PLANE_HEIGHT = Math.round(PLOT_HEIGHT * 1.2);
/** The smallest a 2-D chart is drawn (px): room for a legend of four entries on one row. */
const MIN_PLANE_WIDTH = 460;
/** Room a colour bar takes right of the plot area: the bar, its tick labels and its title. */
const COLOUR_BAR_ROOM = 96;

/**
 * A chart of the (x1, x2) plane at equal scales (a circle stays round): both ranges are the
 * data's own, and the plot area, not a range, gives way to keep the scales equal
 * (constrain: 'domain'). The figure is as wide as that plot area needs at its height, so no
 * band of the chart is empty; a narrower element shrinks the plot area instead.
 */
function planeLayout(
  theme: Theme, title: string, x: readonly [number, number], y: readonly [number, number], rightRoom = 0,
): { layout: FigureLayout; width: number } {
  const base = layout(theme, title, 'x1', 'x2', PLANE_HEIGHT);
  const margin = base.margin as { l: number; r: number; t: number; b: number };
  const plotHeight = PLANE_HEIGHT - margin.t - margin.b;
  const aspect = (x[1] - x[0]) / (y[1] - y[0]);
  const width = Math.max(MIN_PLANE_WIDTH, Math.ceil(margin.l + margin.r + rightRoom + plotHeight * aspect));
  return {
    layout: {
      ...base,
      xaxis: { ...(base.xaxis as object), range: [...x], constrain: 'domain' },
      yaxis: { ...(base.yaxis as object), range: [...y], constrain: 'domain', scaleanchor: 'x', scaleratio: 1 },
    },
    width,
  };
}

/** The points' extent, padded by a tenth on each side (as the boundary's grid is). */
function paddedExtent(values: readonly JsonNumber[]): [number, number] {
  const finite = values.map(fromJsonNumber).filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
  const pad = (hi - lo) * 0.1;
  return [lo - pad, hi + pad];
}

/** A heatmap's extent: its cells are centred on the grid points, so half a cell more on each side. */
function gridExtent(grid: readonly number[]): [number, number] {
  const half = grid.length > 1 ? (grid[1] - grid[0]) / 2 : 0.5;
  return [grid[0] - half, grid[grid.length - 1] + half];
}

/** What the boundary's colour means: a probability for a sigmoid unit, a class for several outputs, else the output. */
function boundaryMeaning(d: TrainingDisplay): { title: string; range?: [number, number] } {
  const last = d.network.layers[d.network.layers.length - 1];
  if (d.boundary?.points.task === 'classification') {
    if (last && last.outputs > 1) return { title: 'class', range: [0, last.outputs - 1] };
    if (last?.activation === 'sigmoid') return { title: 'P(y = 1)', range: [0, 1] };
  }
  return { title: 'output' };
}

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
    const meaning = boundaryMeaning(d);
    const heat = {
      type: 'heatmap', name: meaning.title, x: b.x, y: b.y, z: b.z.map(plotNumbers), showscale: true,
      // interpolated between the grid's points: a smooth picture at the default 50 x 50
      zsmooth: 'best',
      ...(meaning.range ? { zmin: meaning.range[0], zmax: meaning.range[1] } : {}),
      colorscale: [[0, '#f59322'], [0.5, '#e8eaeb'], [1, '#0877bd']], opacity: 0.75,
      colorbar: { title: { text: plotText(meaning.title), side: 'right' }, thickness: 14, outlinewidth: 0, tickfont: { color: theme.foreground } },
      hovertemplate: `${plotText(meaning.title)} %{z:.3f}<extra></extra>`,
    };
    const plane = planeLayout(theme, 'decision boundary (network output)', gridExtent(b.x), gridExtent(b.y), COLOUR_BAR_ROOM);
    figures.push({ name: 'boundary', data: [heat, ...pointTraces(b.points, theme)], layout: plane.layout, config: PLOT_CONFIG, width: plane.width });
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
  const plane = planeLayout(theme, `dataset "${d.name}"`, paddedExtent(d.x1), paddedExtent(d.x2));
  return { name: 'dataset', data: pointTraces(d, theme), layout: plane.layout, config: PLOT_CONFIG, width: plane.width };
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
