/**
 * What a chart shows, in words, for its element's aria-label (a screen reader cannot read
 * plotly's drawing): the curves it draws and the range of x they cover, e.g.
 * "Chart of relu, relu' over x from -5 to 5". Pure: built from the figure alone.
 */
import type { PlotFigure } from './figure-style';

/** Names and axis titles are stored escaped for plotly (shared/plot-traces.ts plotText); read them back. */
export const unescapePlotText = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** A number as a label says it: six significant digits at most. */
const say = (v: number): string => String(Number(v.toPrecision(6)));

export function chartLabel(figure: PlotFigure<object>): string {
  const traces = figure.data as readonly { name?: unknown; x?: unknown }[];
  const names = [...new Set(traces.map((t) => (typeof t.name === 'string' ? unescapePlotText(t.name) : '')).filter((n) => n !== ''))];
  let low = Infinity;
  let high = -Infinity;
  for (const t of traces) {
    if (!Array.isArray(t.x)) continue;
    for (const v of t.x) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  const title = (figure.layout.title as { text?: unknown } | undefined)?.text;
  const xaxis = (figure.layout.xaxis as { title?: { text?: unknown } } | undefined)?.title?.text;
  const xName = typeof xaxis === 'string' && xaxis !== '' ? unescapePlotText(xaxis) : 'x';
  const what = names.length > 0 ? names.join(', ') : typeof title === 'string' ? unescapePlotText(title) : figure.name;
  const range = low <= high ? ` over ${xName} from ${say(low)} to ${say(high)}` : '';
  return `Chart of ${what}${range}`;
}
