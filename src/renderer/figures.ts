/**
 * The plotly figures of functions and plots, built from our display JSON and
 * the editor theme. Pure (no DOM, no plotly import): the traces come from
 * src/shared/plot-traces.ts, the layout from figure-style.ts.
 */
import type { FunctionDisplay, PlotDisplay } from '../shared/output';
import { axisLabels, buildTraces, displaySeries, kinkShapes, type LineTrace } from '../shared/plot-traces';
import { figureLayout, PLOT_CONFIG, PLOT_HEIGHT, type PlotFigure } from './figure-style';
import type { Theme } from './theme';

/** Hover text: the x unified header shows x; each trace adds `name(x) = value`. */
const hovertemplate = (name: string): string => `${name}(x) = %{y:.6g}<extra></extra>`;

/** f (solid) and f' (dashed, same colour), or every series of a plot overlaid. */
export function buildFigure(d: FunctionDisplay | PlotDisplay, theme: Theme): PlotFigure<LineTrace> {
  const title = d.kind === 'plot' && d.title ? d.title : undefined;
  const axes = axisLabels(d);
  const layout = figureLayout(theme, { height: PLOT_HEIGHT, title, xTitle: axes.x, yTitle: axes.y });
  return {
    name: d.kind,
    data: buildTraces(displaySeries(d), { colors: theme.palette, hovertemplate }),
    layout: { ...layout, hovermode: 'x unified', shapes: kinkShapes(d.kinks ?? [], theme.border) },
    config: PLOT_CONFIG,
  };
}

/** A function's chart: one figure, or none when the function carries no curve. */
export function functionFigures(d: FunctionDisplay, theme: Theme): PlotFigure<LineTrace>[] {
  return d.curve ? [buildFigure(d, theme)] : [];
}

export function plotFigures(d: PlotDisplay, theme: Theme): PlotFigure<LineTrace>[] {
  return [buildFigure(d, theme)];
}

/** The text shown above a function's plot (set with textContent, never as HTML). */
export function formulaLines(d: FunctionDisplay): string[] {
  return [`${d.name}(x) = ${d.formula}`, `${d.name}'(x) = ${d.derivative}`];
}
