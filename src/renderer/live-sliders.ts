/**
 * A plot's sliders wired to its evaluator: each move evaluates the plot's source for the
 * new values and hands the new display to `redraw` (the notebook renderer's LiveCharts, the
 * plot panel's, the exported page's Plotly.react). Loaded by the notebook renderer and the
 * panel with import() only when an output has sliders, so the language reaches the page only then.
 */
import type { LivePlot, PlotDisplay } from '../shared/output';
import { LivePlotEvaluator } from '../language';
import { showSliderError, sliderPanel } from './slider-controls';

/** How long the sliders rest before `settled` hears where: one record per gesture, not one per input event. */
export const SETTLE_MS = 400;

export interface LiveSliderOptions {
  /** Called once the sliders have rested SETTLE_MS after moving, with every slider's value. */
  readonly settled?: (values: number[]) => void;
}

/** The slider panel of a live plot; throws when its source does not run here. */
export function liveSliders(doc: Document, live: LivePlot, redraw: (display: PlotDisplay) => unknown, options: LiveSliderOptions = {}): HTMLElement {
  const evaluator = new LivePlotEvaluator(live);
  const view = doc.defaultView ?? window;
  let resting: ReturnType<typeof setTimeout> | undefined;
  const panel: HTMLElement = sliderPanel(doc, live.sliders, (values) => {
    if (options.settled) {
      if (resting !== undefined) view.clearTimeout(resting);
      resting = view.setTimeout(() => options.settled?.(values), SETTLE_MS);
    }
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

/** The plot drawn where its sliders stand (a position kept in the cell's metadata); throws the language's message. */
export function liveDisplay(live: LivePlot): PlotDisplay {
  return { ...new LivePlotEvaluator(live).displayAt(live.sliders.map((s) => s.value)), live };
}
