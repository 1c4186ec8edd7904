/**
 * A plot's sliders wired to its evaluator: each move evaluates the plot's source for the
 * new values and hands the new display to `redraw` (the notebook renderer's LiveCharts, the
 * exported page's Plotly.react). Loaded by the notebook renderer with import() only when an
 * output has sliders, so the language reaches the page only then.
 */
import type { LivePlot, PlotDisplay } from '../shared/output';
import { LivePlotEvaluator } from './live-plot';
import { showSliderError, sliderPanel } from './slider-controls';

/** The slider panel of a live plot; throws when its source does not run here. */
export function liveSliders(doc: Document, live: LivePlot, redraw: (display: PlotDisplay) => unknown): HTMLElement {
  const evaluator = new LivePlotEvaluator(live);
  const panel: HTMLElement = sliderPanel(doc, live.sliders, (values) => {
    const started = performance.now();
    let display: PlotDisplay;
    try {
      display = evaluator.displayAt(values);
    } catch (err) {
      showSliderError(panel, err instanceof Error ? err.message : String(err));
      return;
    }
    const evaluated = performance.now();
    showSliderError(panel, undefined);
    redraw(display);
    // how long the last move took to evaluate, and to evaluate and draw, for tests and the curious
    panel.dataset.evaluateMs = (evaluated - started).toFixed(2);
    panel.dataset.redrawMs = (performance.now() - started).toFixed(2);
  });
  return panel;
}
