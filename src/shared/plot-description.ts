/**
 * A plot in words, for whoever cannot see the chart: the plot output's plain-text item
 * (what VS Code's Accessible View and a screen reader read, and what the CLI prints).
 * Each curve: its range of values over the plotted x, and a curve that only takes 0 and
 * 1 (a step, like relu') where it is which; the kinks marked on the chart.
 *
 *   plot of relu, relu' over x from -5 to 5
 *     relu: from 0 to 5
 *     relu': 0 for x < 0, 1 for x > 0
 *     kink at x = 0
 */
import { fromJsonNumber, type PlotDisplay } from './output';
import { displaySeries } from './plot-traces';

/** Three significant digits: enough to read a curve's range, short enough to listen to. */
const short = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'NaN');

export function describePlot(d: PlotDisplay): string {
  const series = displaySeries(d);
  const names = series.map((s) => s.name).join(', ');
  const xs = series.flatMap((s) => s.x.map(fromJsonNumber)).filter(Number.isFinite);
  const over = xs.length ? ` over x from ${short(xs.reduce((a, b) => Math.min(a, b), Infinity))} to ${short(xs.reduce((a, b) => Math.max(a, b), -Infinity))}` : '';
  const kinks = (d.kinks ?? []).filter(Number.isFinite);
  const lines = [`plot${d.title ? ` "${d.title}"` : ''} of ${names}${over}`];
  for (const s of series) lines.push(`  ${s.name}: ${describeCurve(s.x.map(fromJsonNumber), s.y.map(fromJsonNumber), kinks)}`);
  if (kinks.length) lines.push(`  kink${kinks.length > 1 ? 's' : ''} at x = ${kinks.map(short).join(', ')}`);
  return lines.join('\n');
}

function describeCurve(x: readonly number[], y: readonly number[], kinks: readonly number[]): string {
  const finite = y.filter(Number.isFinite);
  if (finite.length === 0) return 'no finite values';
  if (finite.every((v) => v === 0 || v === 1)) return stepRuns(x, y, kinks);
  const lo = finite.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = finite.reduce((a, b) => Math.max(a, b), -Infinity);
  return lo === hi ? `${short(lo)} everywhere` : `from ${short(lo)} to ${short(hi)}`;
}

/**
 * A curve of 0s and 1s as its runs: `0 for x < 0, 1 for x > 0`. A step falls between two
 * samples: at the kink there if the function has one, else halfway.
 */
function stepRuns(x: readonly number[], y: readonly number[], kinks: readonly number[]): string {
  const runs: { value: number; from: number; to: number }[] = [];
  y.forEach((v, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === v) last.to = x[i]!;
    else runs.push({ value: v, from: x[i]!, to: x[i]! });
  });
  if (runs.length === 1) return `${runs[0]!.value} everywhere`;
  const step = (i: number): number => {
    const [before, after] = [runs[i - 1]!.to, runs[i]!.from];
    return kinks.find((k) => k >= before && k <= after) ?? (before + after) / 2;
  };
  return runs
    .map((r, i) => (i === 0 ? `${r.value} for x < ${short(step(1))}` : i === runs.length - 1 ? `${r.value} for x > ${short(step(i))}` : `${r.value} for x from ${short(step(i))} to ${short(step(i + 1))}`))
    .join(', ');
}
