/**
 * A static, self-contained SVG drawing of a function or plot display: the
 * fallback a notebook saves as `image/svg+xml` next to our JSON when asked to
 * (static-image.ts), for places where the Activation Lab renderer does not run
 * (GitHub's notebook preview, other editors); hovers draw their curves with it.
 *
 * No scripts, no external references, no fonts to fetch; a transparent
 * background and mid-saturation colours with a neutral grey for axes and
 * text, so the picture reads on light and dark backgrounds alike. Every piece
 * of user text (series names, titles) is XML-escaped. Non-finite values
 * (NaN, ±Infinity) are gaps: they break a series' line into several
 * polylines, all inside one <g class="series"> per series.
 */
import xmlEscape from 'xml-escape';
import { fromJsonNumber, type FunctionDisplay, type PlotDisplay } from './output';
import { axisLabels, colorIndices, displaySeries, type Series } from './plot-traces';

export const SVG_MIME = 'image/svg+xml';

export interface SvgPlotOptions {
  readonly width?: number;
  readonly height?: number;
  /** Axes, ticks and text; default a grey readable on light and dark backgrounds (hovers pass the theme's). */
  readonly axisColor?: string;
  /** Series colours; default SVG_COLORS. */
  readonly colors?: readonly string[];
  /** Draw the title line (default true); small pictures such as hovers leave it out. */
  readonly showTitle?: boolean;
  /** Decimals of coordinates (default 2); hovers use 1 to keep their data URIs small. */
  readonly decimals?: number;
  /** Axis titles; the display's own (axisLabels) when omitted (training runs: epoch, loss). */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** A logarithmic y axis (gradient norms): values <= 0 become gaps, ticks read 1e−6, 0.01, ... */
  readonly logY?: boolean;
}

/** Readable on white and on near-black backgrounds. */
export const SVG_COLORS: readonly string[] = ['#3b82d6', '#e0702a', '#2f9e57', '#d64545', '#9165d0', '#b8901a', '#1e9fb0', '#d052a0'];
const AXIS_COLOR = '#8c8c8c';
const DERIVATIVE_DASH = '6 4';
const KINK_DASH = '2 3';

const MARGIN = { left: 58, right: 16, top: 16, bottom: 44 };
const TITLE_HEIGHT = 24;
const LEGEND_ROW = 18;
/** A rough width per character of 12px sans-serif text, for laying out the legend. */
const CHAR_WIDTH = 7;

/** XML-escapes text for element content and double- or single-quoted attributes. */
export const escapeXml = (text: string): string => xmlEscape(text);

export function plotToSvg(display: FunctionDisplay | PlotDisplay, options: SvgPlotOptions = {}): string {
  const width = Math.max(160, options.width ?? 640);
  const height = Math.max(120, options.height ?? 400);
  const series = options.logY ? displaySeries(display).map(toLog10) : displaySeries(display);
  const kinks = (display.kinks ?? []).filter(Number.isFinite);
  const title = options.showTitle === false ? undefined : display.kind === 'plot' ? display.title : `${display.name}(x) = ${display.formula}`;
  const axis = escapeXml(options.axisColor ?? AXIS_COLOR);
  const palette = (options.colors ?? SVG_COLORS).map(escapeXml);
  const r = rounding(options.decimals ?? 2);

  // Legend rows, laid out first: they decide how tall the plot area is.
  const legend = layoutLegend(series, width - MARGIN.left - MARGIN.right);
  const legendRows = legend.length === 0 ? 0 : legend[legend.length - 1].row + 1;
  const top = MARGIN.top + (title ? TITLE_HEIGHT : 0);
  const bottom = height - MARGIN.bottom - legendRows * LEGEND_ROW;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const plotHeight = Math.max(20, bottom - top);

  const points = series.map((s) => finitePoints(s));
  const xs = points.flat().map((p) => p[0]).concat(kinks);
  const ys = points.flat().map((p) => p[1]);
  const xRange = range(xs);
  const yRange = range(ys);
  const xTicks = niceTicks(xRange[0], xRange[1], Math.max(2, Math.floor((right - left) / 80)));
  const yTicks = niceTicks(yRange[0], yRange[1], Math.max(2, Math.floor(plotHeight / 50)));
  const [x0, x1] = [Math.min(xRange[0], xTicks[0]), Math.max(xRange[1], xTicks[xTicks.length - 1])];
  const [y0, y1] = [Math.min(yRange[0], yTicks[0]), Math.max(yRange[1], yTicks[yTicks.length - 1])];
  const sx = (x: number): number => left + fraction(x, x0, x1) * (right - left);
  const sy = (y: number): number => top + plotHeight - fraction(y, y0, y1) * plotHeight;
  const plotBottom = top + plotHeight;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
  );
  out.push(`<title>${escapeXml(title ?? series.map((s) => s.name).join(', '))}</title>`);
  if (title) out.push(`<text class="plot-title" x="${r(width / 2)}" y="${MARGIN.top + 12}" text-anchor="middle" font-size="14" fill="${axis}">${escapeXml(title)}</text>`);

  // Grid, axes and ticks.
  out.push(`<g class="axes" stroke="${axis}" fill="none">`);
  for (const t of xTicks) out.push(`<line x1="${r(sx(t))}" y1="${r(top)}" x2="${r(sx(t))}" y2="${r(plotBottom)}" stroke-opacity="0.2"/>`);
  for (const t of yTicks) out.push(`<line x1="${r(left)}" y1="${r(sy(t))}" x2="${r(right)}" y2="${r(sy(t))}" stroke-opacity="0.2"/>`);
  if (y0 < 0 && y1 > 0) out.push(`<line class="zero" x1="${r(left)}" y1="${r(sy(0))}" x2="${r(right)}" y2="${r(sy(0))}" stroke-opacity="0.6"/>`);
  if (x0 < 0 && x1 > 0) out.push(`<line class="zero" x1="${r(sx(0))}" y1="${r(top)}" x2="${r(sx(0))}" y2="${r(plotBottom)}" stroke-opacity="0.6"/>`);
  out.push(`<rect x="${r(left)}" y="${r(top)}" width="${r(right - left)}" height="${r(plotHeight)}"/>`);
  out.push('</g>');
  out.push(`<g class="ticks" fill="${axis}">`);
  for (const t of xTicks) out.push(`<text x="${r(sx(t))}" y="${r(plotBottom + 16)}" text-anchor="middle">${escapeXml(tickLabel(t))}</text>`);
  for (const t of yTicks) out.push(`<text x="${r(left - 6)}" y="${r(sy(t) + 4)}" text-anchor="end">${escapeXml(options.logY ? logTickLabel(t) : tickLabel(t))}</text>`);
  const labels = axisLabels(display);
  out.push(`<text class="axis-label" x="${r((left + right) / 2)}" y="${r(plotBottom + 32)}" text-anchor="middle">${escapeXml(options.xLabel ?? labels.x)}</text>`);
  const yLabel = options.yLabel ?? labels.y;
  out.push(`<text class="axis-label" transform="translate(14 ${r(top + plotHeight / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`);
  out.push('</g>');

  // Kinks: vertical dotted lines.
  if (kinks.length > 0) {
    out.push(`<g class="kinks" stroke="${axis}" stroke-width="1" stroke-dasharray="${KINK_DASH}">`);
    for (const k of kinks) out.push(`<line class="kink" x1="${r(sx(k))}" y1="${r(top)}" x2="${r(sx(k))}" y2="${r(plotBottom)}"/>`);
    out.push('</g>');
  }

  // The curves: one group per series, one polyline per run of finite points.
  const colors = colorIndices(series).map((i) => palette[i % palette.length]);
  series.forEach((s, i) => {
    const dash = s.derivative ? ` stroke-dasharray="${DERIVATIVE_DASH}"` : '';
    out.push(`<g class="series${s.derivative ? ' derivative' : ''}" fill="none" stroke="${colors[i]}" stroke-width="2" stroke-linejoin="round"${dash}>`);
    for (const run of runs(s)) out.push(`<polyline points="${run.map(([x, y]) => `${r(sx(x))},${r(sy(y))}`).join(' ')}"/>`);
    out.push('</g>');
  });

  // Legend, below the x axis label.
  if (legend.length > 0) {
    out.push(`<g class="legend" fill="${axis}">`);
    const legendTop = plotBottom + 44;
    for (const item of legend) {
      const x = left + item.x;
      const y = legendTop + item.row * LEGEND_ROW;
      const dash = series[item.index].derivative ? ` stroke-dasharray="${DERIVATIVE_DASH}"` : '';
      out.push(`<line x1="${r(x)}" y1="${r(y - 4)}" x2="${r(x + 24)}" y2="${r(y - 4)}" stroke="${colors[item.index]}" stroke-width="2"${dash}/>`);
      out.push(`<text x="${r(x + 30)}" y="${r(y)}">${escapeXml(series[item.index].name)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

type Point = readonly [number, number];

function finitePoints(s: Series): Point[] {
  return runs(s).flat();
}

/** The series' points split at every non-finite x or y. */
function runs(s: Series): Point[][] {
  const result: Point[][] = [];
  let current: Point[] = [];
  const n = Math.min(s.x.length, s.y.length);
  for (let i = 0; i < n; i++) {
    const x = fromJsonNumber(s.x[i]);
    const y = fromJsonNumber(s.y[i]);
    if (Number.isFinite(x) && Number.isFinite(y)) current.push([x, y]);
    else if (current.length > 0) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * Where v lies between lo and hi, 0 to 1. Values a chart holds may lie further apart than
 * the largest double (-1e308 and 1e308): then the halves are subtracted, which cannot
 * overflow (hi - lo would be inf, and every coordinate NaN).
 */
function fraction(v: number, lo: number, hi: number): number {
  return Number.isFinite(hi - lo) ? (v - lo) / (hi - lo) : (v / 2 - lo / 2) / (hi / 2 - lo / 2);
}

const clampFinite = (v: number): number => Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, v));

function range(values: readonly number[]): [number, number] {
  if (values.length === 0) return [-1, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === hi) {
    // a tenth of a subnormal is 0: pad by the smallest double at least, and stay finite at the largest
    const pad = lo === 0 ? 1 : Math.max(Math.abs(lo) * 0.1, Number.MIN_VALUE);
    return [clampFinite(lo - pad), clampFinite(hi + pad)];
  }
  return [lo, hi];
}

/**
 * Round tick values (1, 2 or 5 times a power of ten apart) covering [lo, hi]; just the ends
 * where no such step exists between the doubles (a span past the largest, or below the smallest).
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = hi / Math.max(1, count) - lo / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step) * step;
  if (!(step > 0 && Number.isFinite(step) && Number.isFinite(first) && Number.isFinite(hi + step))) return [lo, hi];
  const ticks: number[] = [];
  for (let t = first; t <= hi + step * 1e-9 || ticks.length < 2; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
    if (ticks.length > 50) break;
  }
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** A series with log10 of its y values; non-positive values become gaps. */
function toLog10(s: Series): Series {
  return {
    ...s,
    y: s.y.map((v) => {
      const n = fromJsonNumber(v);
      return n > 0 && Number.isFinite(n) ? Math.log10(n) : 'NaN';
    }),
  };
}

/** A tick of a log10 axis (the tick is the exponent): 1e−6, or 0.01 ... 100 written out. */
function logTickLabel(exponent: number): string {
  if (Number.isInteger(exponent) && Math.abs(exponent) > 2) return `1e${exponent}`.replace('-', '\u2212');
  return tickLabel(Number(Math.pow(10, exponent).toPrecision(3)));
}

function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(6))).replace('-', '\u2212');
}

interface LegendItem {
  readonly index: number;
  readonly row: number;
  readonly x: number;
}

function layoutLegend(series: readonly Series[], width: number): LegendItem[] {
  const items: LegendItem[] = [];
  let row = 0;
  let x = 0;
  series.forEach((s, index) => {
    const w = 30 + Math.min(s.name.length, 40) * CHAR_WIDTH + 16;
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    items.push({ index, row, x });
    x += w;
  });
  return items;
}

/** Coordinates with at most `decimals` decimals, to keep the file small. */
function rounding(decimals: number): (v: number) => string {
  const scale = 10 ** decimals;
  return (v) => String(Math.round(v * scale) / scale);
}
