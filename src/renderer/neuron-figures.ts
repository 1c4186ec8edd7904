/**
 * The chart of a neuron(...) output: the histogram of its pre-activation z over the data,
 * with the activation's kinks marked (relu's 0). A dead ReLU has all its mass left of the
 * line; a healthy one straddles it. Pure, like figures.ts.
 */
import type { NeuronDisplay } from '../shared/output';
import { kinkShapes } from '../shared/plot-traces';
import { figureLayout, PLOT_CONFIG, PLOT_HEIGHT, type PlotFigure } from './figure-style';
import type { Theme } from './theme';

const HEIGHT = Math.round(PLOT_HEIGHT * 0.8);

export function neuronFigures(d: NeuronDisplay, theme: Theme): PlotFigure[] {
  const h = d.histogram;
  if (!h || h.counts.length === 0) return [];
  const centres = h.counts.map((_, i) => (h.edges[i] + h.edges[i + 1]) / 2);
  const widths = h.counts.map((_, i) => h.edges[i + 1] - h.edges[i]);
  const kinks = d.kinks ?? [];
  const layout = figureLayout(theme, {
    height: HEIGHT, titleSize: 13, xTitle: 'pre-activation z', yTitle: 'points',
    title: `neuron ${d.layer}:${d.unit}: z = w·x + b over ${d.points.toLocaleString('en-US')} points${kinks.length ? ` (dotted: ${d.activation}'s kink)` : ''}`,
  });
  return [{
    name: 'neuron',
    data: [{ type: 'bar', name: 'points', x: centres, y: [...h.counts], width: widths, marker: { color: theme.palette[0] }, hovertemplate: 'z ≈ %{x:.3g}: %{y} points<extra></extra>' }],
    layout: {
      ...layout, showlegend: false, bargap: 0.02, shapes: kinkShapes(kinks, theme.foreground),
      // no legend: no room kept for one below the axis
      margin: { ...(layout.margin as object), b: 52 },
      xaxis: { ...(layout.xaxis as object), range: xRange(h.edges, kinks) },
    },
    config: PLOT_CONFIG,
  }];
}

/** The bins, and the kinks near them, with a little room on each side: a kink at the data's edge stays visible. */
function xRange(edges: readonly number[], kinks: readonly number[]): [number, number] {
  let lo = edges[0];
  let hi = edges[edges.length - 1];
  const span = hi - lo || 1;
  for (const k of kinks) if (k >= lo - span && k <= hi + span) { lo = Math.min(lo, k); hi = Math.max(hi, k); }
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}
