/**
 * Samples keep the digits a chart can show, not the 17 a double has. A saved plot
 * is mostly numbers: `0.0015689558726393225` becomes `0.00156896`, and a Run All of
 * examples/tour.actnb saves a fraction of the bytes.
 *
 * Only numbers that place a point on a chart are rounded: sampled curves, plotted
 * series, data-set points, gradient norms, training histories and decision
 * boundaries. What a user reads as a value (numbers, tensors, tables, network
 * summaries, the plain-text item) is kept exactly.
 *
 * Why round rather than save nothing and resample the curves from the source when
 * the notebook opens: a cell's curve depends on the whole session before it (user
 * functions, trained networks, random data), so redrawing one would mean running
 * every cell above it, and GitHub, exports and the CLI's HTML page could not draw
 * the file at all.
 */
import type { DatasetDisplay, DisplayValue, JsonNumber } from './output';

/**
 * Significant digits each sample keeps: as many as a function plot's hover label
 * shows (`%{y:.6g}`, renderer/figures.ts), so the label reads the same after a reload,
 * and at 6 digits a rounding error is 1/200 of a pixel on a 1000-pixel axis.
 */
export const SAMPLE_DIGITS = 6;

/** The decimal exponent of a finite, non-zero number, exactly (Math.log10 can be one off near powers of ten). */
function exponent(v: number): number {
  const text = v.toExponential();
  return Number(text.slice(text.indexOf('e') + 1));
}

/**
 * A series rounded to SAMPLE_DIGITS significant digits, counted from the larger of
 * the value and the series' range (max - min): a curve like 1000 + 0.001·sin(x) keeps
 * the digits its wiggle lives in, and tiny values on a log axis (gradient norms of
 * 1e-12) keep theirs. Strings ("NaN", "Infinity") and whole numbers (epochs, layer
 * indices, labels; rounding one never makes it shorter) pass unchanged.
 */
export function roundSeries<T extends JsonNumber>(values: readonly T[]): T[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  const spanExponent = span > 0 && Number.isFinite(span) ? exponent(span) : undefined;
  return values.map((v) => {
    if (typeof v !== 'number' || Number.isInteger(v)) return v;
    const digits = spanExponent === undefined ? SAMPLE_DIGITS : Math.max(SAMPLE_DIGITS, exponent(v) - spanExponent + SAMPLE_DIGITS);
    // a double has at most 17 significant digits: beyond that there is nothing to round
    return (digits >= 17 ? v : Number(v.toPrecision(digits))) as T;
  });
}

/** Rows rounded as one series (a heatmap's colour scale spans the whole grid). */
function roundRows(rows: readonly (readonly JsonNumber[])[]): JsonNumber[][] {
  const flat = roundSeries(rows.flat());
  let at = 0;
  return rows.map((row) => flat.slice(at, (at += row.length)));
}

/** Columns rounded each as its own series (a history's loss and accuracy are separate charts). */
function roundColumns(rows: readonly (readonly JsonNumber[])[]): JsonNumber[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, j) => roundSeries(rows.map((r) => r[j])));
  return rows.map((r, i) => r.map((_, j) => columns[j][i]));
}

function roundPoints(d: DatasetDisplay): DatasetDisplay {
  return { ...d, x1: roundSeries(d.x1), x2: roundSeries(d.x2), y: roundSeries(d.y) };
}

/** The display with its chart samples rounded; every other field as it was. */
export function roundSamples(d: DisplayValue): DisplayValue {
  switch (d.kind) {
    case 'function':
      return d.curve ? { ...d, curve: { x: roundSeries(d.curve.x), y: roundSeries(d.curve.y), dy: roundSeries(d.curve.dy) } } : d;
    case 'plot': {
      // JSON has no undefined: an absent x stays absent
      const x = d.x ? { x: roundSeries(d.x) } : {};
      return { ...d, ...x, series: d.series.map((s) => ({ ...s, ...(s.x ? { x: roundSeries(s.x) } : {}), y: roundSeries(s.y) })) };
    }
    case 'dataset':
      return roundPoints(d);
    case 'gradflow':
      return { ...d, series: d.series.map((s) => ({ ...s, norms: roundSeries(s.norms) })) };
    case 'training': {
      const b = d.boundary;
      const boundary = b ? { boundary: { x: roundSeries(b.x), y: roundSeries(b.y), z: roundRows(b.z), points: roundPoints(b.points) } } : {};
      return { ...d, history: roundColumns(d.history), ...boundary };
    }
    default:
      return d;
  }
}
