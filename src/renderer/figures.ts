/**
 * The plotly figures the renderer draws, built from our display JSON and the
 * editor theme. Pure (no DOM, no plotly import): the traces come from
 * src/shared/plot-traces.ts, which the HTML export uses too.
 */
import type { FunctionDisplay, PlotDisplay } from '../shared/output';
import { buildTraces, colorIndices, displaySeries, kinkShapes, plotText, type KinkShape, type LineTrace, type Series } from '../shared/plot-traces';
import type { Theme } from './theme';

export const PLOT_HEIGHT = 360;

/** Plotly config: no logo, follows the container's size, nothing fetched. */
export const PLOT_CONFIG = { displaylogo: false, responsive: true, typesetMath: false } as const;

export interface Figure {
  readonly data: LineTrace[];
  readonly layout: Record<string, unknown>;
  readonly config: typeof PLOT_CONFIG;
}

/** Hover text: the x unified header shows x; each trace adds `name(x) = value`. */
const hovertemplate = (name: string): string => `${name}(x) = %{y:.6g}<extra></extra>`;

/** f (solid) and f' (dashed, same colour), or every series of a plot overlaid. */
export function buildFigure(d: FunctionDisplay | PlotDisplay, theme: Theme): Figure {
  const series = displaySeries(d);
  const data = buildTraces(series, { colors: theme.palette, hovertemplate });
  const title = d.kind === 'plot' && d.title ? d.title : undefined;
  const layout: Record<string, unknown> = {
    ...themeLayout(theme),
    ...(title ? { title: { text: plotText(title), x: 0.5, xanchor: 'center' } } : {}),
    xaxis: { ...axisStyle(theme), title: { text: 'x' } },
    yaxis: { ...axisStyle(theme), title: { text: d.kind === 'function' ? 'f(x)' : 'y' } },
    hovermode: 'x unified',
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: -0.22, yanchor: 'top' },
    shapes: kinkShapes(d.kinks ?? [], kinkColor(theme)),
    autosize: true,
    height: PLOT_HEIGHT,
    margin: { l: 56, r: 16, t: title ? 44 : 16, b: 48 },
  };
  return { data, layout, config: PLOT_CONFIG };
}

/** The text shown above a function's plot (set with textContent, never as HTML). */
export function formulaLines(d: FunctionDisplay): string[] {
  return [`${d.name}(x) = ${d.formula}`, `${d.name}'(x) = ${d.derivative}`];
}

export function themeLayout(theme: Theme): Record<string, unknown> {
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: theme.foreground },
    hoverlabel: { bgcolor: theme.background, bordercolor: theme.border, font: { color: theme.foreground } },
  };
}

export function axisStyle(theme: Theme): Record<string, unknown> {
  return { gridcolor: gridColor(theme), linecolor: theme.border, zerolinecolor: theme.border, zeroline: true };
}

const kinkColor = (theme: Theme): string => theme.border;
/** The border colour, faint: plotly accepts 8-digit hex. Other colour syntaxes are used as they are. */
const gridColor = (theme: Theme): string => (/^#[0-9a-f]{6}$/i.test(theme.border) ? `${theme.border}66` : theme.border);

/**
 * What changes when the theme does: a Plotly.relayout update (flat attribute
 * paths, so nothing else of the layout is replaced) ...
 */
export function themeRelayout(theme: Theme, kinkCount: number): Record<string, unknown> {
  const update: Record<string, unknown> = {
    'font.color': theme.foreground,
    'hoverlabel.bgcolor': theme.background,
    'hoverlabel.bordercolor': theme.border,
    'hoverlabel.font.color': theme.foreground,
  };
  for (const axis of ['xaxis', 'yaxis']) {
    update[`${axis}.gridcolor`] = gridColor(theme);
    update[`${axis}.linecolor`] = theme.border;
    update[`${axis}.zerolinecolor`] = theme.border;
  }
  for (let i = 0; i < kinkCount; i++) update[`shapes[${i}].line.color`] = kinkColor(theme);
  return update;
}

/** ... and a Plotly.restyle update of every trace's line colour (one entry per trace). */
export function themeRestyle(series: readonly Pick<Series, 'derivative'>[], theme: Theme): { 'line.color': string[] } {
  return { 'line.color': colorIndices(series).map((i) => theme.palette[i % theme.palette.length]) };
}

export type { KinkShape };
