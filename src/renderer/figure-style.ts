/**
 * What every plotly figure of ours shares: its shape (PlotFigure), the plotly
 * config, and the layout (theme colours, axes, legend, height, margins). Used
 * by the function / plot figures (figures.ts) and the network figures
 * (network-figures.ts), so the notebook, the plot panel and the HTML export
 * draw them alike. Pure: no DOM, no plotly import.
 */
import { plotText } from '../shared/plot-traces';
import type { Theme } from './theme';

/** The height of a function or plot figure (px); network figures are a little lower. */
export const PLOT_HEIGHT = 360;

/**
 * Plotly config: no logo, nothing fetched. `responsive` lets plotly follow its
 * element's width by itself, which the HTML export relies on; in the notebook
 * and the plot panel LiveCharts sizes every draw itself and turns it off.
 */
export const PLOT_CONFIG = { displaylogo: false, responsive: true, typesetMath: false } as const;

/** A plotly layout that always says how high the figure is: the chart's element is exactly that high. */
export interface FigureLayout extends Record<string, unknown> {
  readonly height: number;
}

/** What Plotly.react receives for one chart. */
export interface PlotFigure<Trace extends object = Record<string, unknown>> {
  /** A name for the figure's element (and for tests). */
  readonly name: string;
  readonly data: Trace[];
  readonly layout: FigureLayout;
  readonly config: typeof PLOT_CONFIG;
  /**
   * The widest the chart needs to be (px), for charts with equal axis scales: wider, its
   * plot area (the data's shape at the figure's height) would sit in empty space. Its
   * element is at most this wide; absent, it takes all the width it is given.
   */
  readonly width?: number;
}

export interface LayoutOptions {
  readonly height: number;
  /** Plain text (escaped here); no title when omitted. */
  readonly title?: string;
  /** The title's font size; plotly's default when omitted. */
  readonly titleSize?: number;
  /** Axis titles, plain text (escaped here). */
  readonly xTitle: string;
  readonly yTitle: string;
}

/** plotly's title size with its default 12 px font (1.4 times it), rounded. */
const DEFAULT_TITLE_SIZE = 17;
/** The top margin for a title: twice its size plus 10 px (36 px for 13 px, 44 px for plotly's default). */
const titleMargin = (size: number): number => 2 * size + 10;
/** px between the tick labels and the x-axis title. */
const X_TITLE_STANDOFF = 10;
/**
 * px from the bottom of the plot area to the top of the legend: below the tick
 * labels (about 18 px) and the x-axis title (about 16 px, X_TITLE_STANDOFF
 * under them), so neither ever touches the legend.
 */
const LEGEND_GAP = 52;
/** One row of legend entries: the bottom margin holds it, so a one-row legend never moves the plot area. */
const LEGEND_ROW = 26;

/** The theme's colours on a transparent page (the editor's background shows through). */
export function themeLayout(theme: Theme): Record<string, unknown> {
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: theme.foreground },
    hoverlabel: { bgcolor: theme.background, bordercolor: theme.border, font: { color: theme.foreground } },
  };
}

/**
 * An axis in the theme's colours. automargin: long tick labels and titles (a second
 * y axis on the right, 10^-12) widen the margin instead of being cut off; at the
 * bottom the margin already holds ticks, title and legend, so nothing moves there.
 */
export function axisStyle(theme: Theme): Record<string, unknown> {
  return { gridcolor: gridColor(theme), linecolor: theme.border, zerolinecolor: theme.border, zeroline: true, automargin: true };
}

/** The border colour, faint: plotly accepts 8-digit hex. Other colour syntaxes are used as they are. */
const gridColor = (theme: Theme): string => (/^#[0-9a-f]{6}$/i.test(theme.border) ? `${theme.border}66` : theme.border);

/** The layout of every figure; a builder adds what is its own (hover mode, shapes, more axes). */
export function figureLayout(theme: Theme, options: LayoutOptions): FigureLayout {
  const { height, title, titleSize } = options;
  const margin = { l: 56, r: 16, t: title ? titleMargin(titleSize ?? DEFAULT_TITLE_SIZE) : 16, b: LEGEND_GAP + LEGEND_ROW };
  return {
    ...themeLayout(theme),
    ...(title ? { title: { text: plotText(title), x: 0.5, xanchor: 'center', ...(titleSize ? { font: { size: titleSize } } : {}) } } : {}),
    xaxis: { ...axisStyle(theme), title: { text: plotText(options.xTitle), standoff: X_TITLE_STANDOFF } },
    yaxis: { ...axisStyle(theme), title: { text: plotText(options.yTitle) } },
    showlegend: true,
    legend: legendBelowAxis(height, margin),
    // A constant: zoom, pan and legend clicks survive a redraw for a new theme or width.
    uirevision: 'keep',
    autosize: true,
    height,
    margin,
  };
}

/**
 * A horizontal legend LEGEND_GAP px under the plot area. Plotly places legends in
 * fractions of the plot area's height, so a fixed fraction puts the legend closer
 * to the axis the lower the figure is; at 288 px a fraction that suits 360 px set it
 * beside the x-axis title. The fraction is computed here from the figure's height.
 * (A legend that wraps to more rows makes plotly push the bottom margin and shrinks
 * the plot area a little, so the gap shrinks a few px; LEGEND_GAP leaves room.)
 */
export function legendBelowAxis(height: number, margin: { readonly t: number; readonly b: number }): Record<string, unknown> {
  const plotArea = Math.max(1, height - margin.t - margin.b);
  return { orientation: 'h', x: 0, y: -LEGEND_GAP / plotArea, yanchor: 'top' };
}

/** The caption's size in a saved image (the sliders' values): a little smaller than a title. */
const CAPTION_SIZE = 14;

/**
 * A figure's layout for a saved image, with `caption` (where the sliders stand) as its title,
 * or after its title; the figure grows by the room the caption needs, so the plot area and
 * the legend's place under it stay as drawn.
 */
export function captionedLayout(layout: FigureLayout, caption: string): FigureLayout {
  const title = layout.title as { text?: string } | undefined;
  const margin = (layout.margin as { t: number; b: number } | undefined) ?? { t: 16, b: LEGEND_GAP + LEGEND_ROW };
  if (title?.text) {
    // under the title, on a line of its own; plot area and legend as drawn
    const extra = CAPTION_SIZE + 6;
    const text = `${title.text}<br><span style="font-size:${CAPTION_SIZE}px">${plotText(caption)}</span>`;
    return { ...layout, title: { ...title, text }, margin: { ...margin, t: margin.t + extra }, height: layout.height + extra };
  }
  const grown = { ...margin, t: Math.max(margin.t, titleMargin(CAPTION_SIZE)) };
  const height = layout.height + grown.t - margin.t;
  return { ...layout, title: { text: plotText(caption), x: 0.5, xanchor: 'center', font: { size: CAPTION_SIZE } }, margin: grown, height, legend: legendBelowAxis(height, grown) };
}
