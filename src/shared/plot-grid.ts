/**
 * A plot of functions samples every series on one grid, and the language gives
 * each series its own copy of it: in tour.actnb's `plot(relu, leaky_relu, gelu)`
 * six copies of 401 x values were a quarter of the saved file. The output item
 * holds the grid once, as the plot's `x`; readers take a series' x through
 * plot-traces.ts `displaySeries`, which also reads files that repeat it.
 */
import type { DisplayValue, JsonNumber } from './output';

const sameValues = (a: readonly JsonNumber[], b: readonly JsonNumber[]): boolean =>
  a === b || (a.length === b.length && a.every((v, i) => v === b[i]));

/** The display with a plot's common x held once; every other display as it was. */
export function shareGrid(d: DisplayValue): DisplayValue {
  if (d.kind !== 'plot' || d.x !== undefined || d.series.length < 2) return d;
  const x = d.series[0].x;
  if (x === undefined || !d.series.every((s) => s.x !== undefined && sameValues(s.x, x))) return d;
  return { ...d, x, series: d.series.map(({ x: _shared, ...rest }) => rest) };
}
