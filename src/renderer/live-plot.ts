/**
 * What the page that shows a plot with sliders needs of it beside the evaluator
 * (language/runtime/live-plot-evaluator.ts, which the renderer bundles): how a value is shown.
 * Pure (no DOM): unit-tested, and shared by the notebook renderer, the plot panel and the exported page.
 */
export { LivePlotEvaluator } from '../language';

/** A slider's value as shown beside it: six significant digits at most, no trailing zeros. */
export function sliderValueText(v: number): string {
  return String(Number(v.toPrecision(6)));
}
