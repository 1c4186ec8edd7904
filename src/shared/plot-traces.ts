/**
 * Turning function / plot displays into series and plotly traces: the pure
 * part shared by the renderer's figures (src/renderer/figures.ts, which the
 * HTML export draws too) and the static SVG plots (svg-plot.ts). Plain data
 * in, plain JSON out; no DOM, no Node APIs, so it runs in the extension host,
 * the CLI and the renderer's webview alike.
 */
import { fromJsonNumber, type FunctionDisplay, type JsonNumber, type PlotDisplay } from './output';

/** One line of a plot: f, f', or any series of a `plot(...)`. */
export interface Series {
  readonly name: string;
  readonly x: readonly JsonNumber[];
  readonly y: readonly JsonNumber[];
  /** The derivative of the series before it: drawn dashed in the same colour. */
  readonly derivative?: boolean;
}

/** A plotly scatter trace as built here (a subset of plotly's type). */
export interface LineTrace {
  readonly type: 'scatter';
  readonly mode: 'lines';
  readonly name: string;
  readonly x: (number | null)[];
  readonly y: (number | null)[];
  readonly line: { readonly color: string; readonly dash: 'solid' | 'dash'; readonly width: number };
  readonly hovertemplate: string;
}

/** A vertical dotted line at a kink, spanning the plot's height. */
export interface KinkShape {
  readonly type: 'line';
  readonly xref: 'x';
  readonly yref: 'paper';
  readonly x0: number;
  readonly x1: number;
  readonly y0: 0;
  readonly y1: 1;
  readonly line: { readonly color: string; readonly width: number; readonly dash: 'dot' };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;' };

/**
 * Plotly interprets a little HTML in text (tags such as <b>, <a>, and entities),
 * so names and titles are escaped to show literally. Plotly decodes numeric
 * entities and &amp; &lt; &gt; but not &quot;, hence the numeric form for `"`.
 */
export const plotText = (s: string): string => s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);

/** Non-finite values become gaps (null) in the line: plotly cannot draw them. */
export const plotNumbers = (v: readonly JsonNumber[]): (number | null)[] =>
  v.map((x) => {
    const n = fromJsonNumber(x);
    return Number.isFinite(n) ? n : null;
  });

/** f and f' of a sampled function as two series; none when it carries no curve. */
export function functionSeries(d: FunctionDisplay): Series[] {
  if (!d.curve) return [];
  return [
    { name: d.name, x: d.curve.x, y: d.curve.y },
    { name: `${d.name}'`, x: d.curve.x, y: d.curve.dy, derivative: true },
  ];
}

/** The series of a display that draws a plot (a function with a curve, or a plot), each with its x. */
export function displaySeries(d: FunctionDisplay | PlotDisplay): Series[] {
  if (d.kind === 'function') return functionSeries(d);
  // a saved plot of functions holds their common grid once, as the plot's x
  return d.series.map((s) => ({ ...s, x: s.x ?? d.x ?? [] }));
}

/** How many times a function display's function was differentiated: the primes its name ends in (`sigmoid'`, `f''`). */
export function derivativeOrder(name: string): number {
  return /'*$/.exec(name)![0].length;
}

/**
 * What a chart's axes show: a function display's y axis is `f(x)` for a function and
 * `f'(x)` for a derivative (its curves are f and f', or f' and f''); a plot says
 * itself (PlotDisplay.xLabel/yLabel), or `x`/`y` when saved before it did.
 */
export function axisLabels(d: FunctionDisplay | PlotDisplay): { readonly x: string; readonly y: string } {
  if (d.kind === 'function') return { x: 'x', y: `f${"'".repeat(derivativeOrder(d.name))}(x)` };
  return { x: d.xLabel ?? 'x', y: d.yLabel ?? 'y' };
}

/**
 * The colour index of each series: a new colour per series, except that a
 * derivative keeps the colour of the series before it.
 */
export function colorIndices(series: readonly Pick<Series, 'derivative'>[]): number[] {
  let color = -1;
  return series.map((s) => {
    if (!s.derivative || color < 0) color++;
    return color;
  });
}

export interface TraceOptions {
  /** Colours to cycle through (at least one); a function and its derivative share one. */
  readonly colors: readonly string[];
  /** The hover label of each trace. */
  readonly hovertemplate: (escapedName: string) => string;
}

export function buildTraces(series: readonly Series[], options: TraceOptions): LineTrace[] {
  const { colors, hovertemplate: hover } = options;
  const indices = colorIndices(series);
  return series.map((s, i) => ({
    type: 'scatter',
    mode: 'lines',
    name: plotText(s.name),
    x: plotNumbers(s.x),
    y: plotNumbers(s.y),
    line: { color: colors[indices[i] % colors.length], dash: s.derivative ? 'dash' : 'solid', width: 2 },
    hovertemplate: hover(plotText(s.name)),
  }));
}

export function kinkShapes(kinks: readonly number[], color: string): KinkShape[] {
  return kinks.filter(Number.isFinite).map((k) => ({
    type: 'line', xref: 'x', yref: 'paper', x0: k, x1: k, y0: 0, y1: 1,
    line: { color, width: 1, dash: 'dot' },
  }));
}
